"""Which kind of file a path holds: from its content first, then its extension."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path, PurePath

from recall_cli.loaders.files import STDIN, read_stdin


class FileKind(StrEnum):
    CONFIG = "config"
    LIST = "list"
    SCRIPT = "script"
    PROFILE = "profile"


LIST_SUFFIXES = frozenset({".csv", ".tsv"})
YAML_SUFFIXES = frozenset({".yaml", ".yml"})
HEAD_BYTES = 64 * 1024
"""How much of a file detection reads: top-level keys come early in every real file."""

# A top-level key: at the start of a line (or just after the `{` of a flow mapping), maybe
# quoted, followed by a colon and a blank.
_TOP_KEY = re.compile(
    r"""^\{?\s*(?:"([^"\n]*)"|'([^'\n]*)'|([A-Za-z_][\w ]*?))\s*:(?=\s|$)""", re.M
)
_KEY_KINDS = {
    "outcomes": FileKind.PROFILE,
    "records": FileKind.SCRIPT,
    "default": FileKind.SCRIPT,
    "limits": FileKind.CONFIG,
    "rules": FileKind.CONFIG,
    "campaign": FileKind.CONFIG,
    "timezone": FileKind.CONFIG,
    "region": FileKind.CONFIG,
    "list": FileKind.CONFIG,
}
_DELIMITERS = (",", ";", "\t")


def head(path: str) -> bytes:
    """The first bytes of a file, or nothing when it cannot be read (its loader says why)."""
    if path == STDIN:
        return read_stdin(HEAD_BYTES)
    try:
        with Path(path).open("rb") as handle:
            return handle.read(HEAD_BYTES)
    except OSError:
        return b""


def detect(path: str, data: bytes) -> FileKind:
    """The kind of the file at `path` whose first bytes are `data`.

    A `.csv`/`.tsv` file is a list. Otherwise the first top-level key that only one kind has
    decides (`outcomes` a profile, `records`/`default` a script, `limits`/`rules`/… a config);
    failing that, a `.yaml`/`.yml` file is a config, and a first line with a delimiter and no
    colon is a list. Anything else is read as a config, whose loader then says what is wrong.
    """
    suffix = PurePath(path).suffix.lower()
    if suffix in LIST_SUFFIXES:
        return FileKind.LIST
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    for match in _TOP_KEY.finditer(text):
        key = next(group for group in match.groups() if group is not None)
        kind = _KEY_KINDS.get(key.strip())
        if kind is not None:
            return kind
    if suffix in YAML_SUFFIXES:
        return FileKind.CONFIG
    first = next((line for line in text.splitlines() if line.strip()), "")
    if ":" not in first and any(d in first for d in _DELIMITERS):
        return FileKind.LIST
    return FileKind.CONFIG


def expand(paths: list[str]) -> list[str]:
    """The paths with each directory replaced by the YAML and CSV files under it, sorted."""
    found: list[str] = []
    for path in paths:
        folder = Path(path)
        if path != STDIN and folder.is_dir():
            found.extend(
                str(child)
                for child in sorted(folder.rglob("*"))
                if child.is_file()
                and child.suffix.lower() in YAML_SUFFIXES | LIST_SUFFIXES
                and not any(part.startswith(".") for part in child.relative_to(folder).parts)
            )
        else:
            found.append(path)
    return found
