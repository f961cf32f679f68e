"""Writing results: to stdout, or to a file that appears whole or not at all."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO, cast


@contextlib.contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """Stdout when `path` is None; otherwise a temp file beside `path`, renamed into place only
    when the block finishes without an exception, so a failed run leaves nothing behind."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    target = path.resolve()
    # Not a `with`: the file must outlive the block that creates it, to be renamed or removed.
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115
        "w",
        encoding="utf-8",
        newline="",
        dir=target.parent,
        prefix=f".{target.name}.",
        suffix=".part",
        delete=False,
    )
    try:
        with handle:
            yield cast(TextIO, handle)
        os.replace(handle.name, target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
