"""Writing results: to stdout, or to a file that appears whole or not at all."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO, cast

from recall_cli.loaders import codes
from recall_cli.messages import Message
from recall_cli.problems import Location, Problem, UnreadableError


@contextlib.contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """Stdout when `path` is None; otherwise a temp file beside `path`, renamed into place only
    when the block finishes without an exception, so a failed run leaves nothing behind.

    A place that cannot be written raises `UnreadableError` (exit 2), naming the path.
    """
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    target = path.resolve()
    try:
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
    except OSError as error:
        raise _unwritable(path, error) from None
    try:
        with handle:
            yield cast(TextIO, handle)
        # mkstemp makes the file private (0600); give it the mode a plain `open` would.
        os.chmod(handle.name, 0o666 & ~_umask())
        os.replace(handle.name, target)
    except BaseException as error:
        Path(handle.name).unlink(missing_ok=True)
        if isinstance(error, OSError) and error.filename in {handle.name, str(target)}:
            raise _unwritable(path, error) from None
        raise


def _umask() -> int:
    # The umask can only be read by setting it; put it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _unwritable(path: Path, error: OSError) -> UnreadableError:
    reason = error.strerror or type(error).__name__
    return UnreadableError(
        [
            Problem(
                Location(str(path)),
                codes.UNREADABLE,
                Message("file.unwritable", {"reason": reason}),
            )
        ]
    )
