"""Which kind of file a path holds: from its content first, then its extension."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePath

from recall_cli.loaders import codes
from recall_cli.loaders.files import STDIN, Source
from recall_cli.messages import Message
from recall_cli.problems import Location, Problem


class FileKind(StrEnum):
    CONFIG = "config"
    LIST = "list"
    SCRIPT = "script"
    PROFILE = "profile"
    DNC = "dnc"
    """A do-not-call list: never detected, named by a config, `--dnc` or `--kind dnc`."""


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


def head(source: Source) -> bytes:
    """The first bytes of a file: of those it holds, else read from its path; nothing when it
    cannot be read (its loader says why)."""
    if source.data is not None:
        return source.data[:HEAD_BYTES]
    try:
        with Path(source.path).open("rb") as handle:
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


@dataclass(frozen=True, slots=True)
class Expanded:
    """The paths of a run with each folder replaced by its files; what could not be read while
    walking the folders; and every path met (files and problems), in the order to show them."""

    files: tuple[str, ...]
    problems: tuple[Problem, ...]
    order: tuple[str, ...]


def expand(paths: list[str]) -> Expanded:
    """The paths with each directory replaced by the YAML and CSV files under it, sorted.

    Hidden files and folders are left out and links to folders are not followed. A folder
    that cannot be listed, a link that leads to no file, and a pipe, socket or device with
    a YAML or CSV name are problems (RC001): a folder's special files are never opened, so
    that a pipe without a writer cannot stop the run.
    """
    met: list[tuple[str, Problem | None]] = []
    for path in paths:
        folder = Path(path)
        if path != STDIN and folder.is_dir():
            met.extend(sorted(_walk(folder), key=lambda item: Path(item[0])))
        else:
            met.append((path, None))
    return Expanded(
        tuple(path for path, problem in met if problem is None),
        tuple(problem for _, problem in met if problem is not None),
        tuple(path for path, _ in met),
    )


def _walk(folder: Path) -> Iterator[tuple[str, Problem | None]]:
    """Each YAML or CSV file under `folder` with None, or a path met with its problem."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError as error:
        yield str(folder), _unreadable(folder, "validate.folder_unreadable", error)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = folder / entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(child)
            elif PurePath(entry.name).suffix.lower() not in YAML_SUFFIXES | LIST_SUFFIXES:
                continue
            elif entry.is_file():
                yield str(child), None
            elif entry.is_symlink() and not child.exists():
                yield str(child), _unreadable(child, "validate.broken_link")
            elif not entry.is_dir():
                yield str(child), _unreadable(child, "validate.not_regular_file")
        except OSError as error:
            yield str(child), _unreadable(child, "file.unreadable", error)


def _unreadable(path: Path, key: str, error: OSError | None = None) -> Problem:
    params = {} if error is None else {"reason": error.strerror}
    return Problem(Location(str(path)), codes.UNREADABLE, Message(key, params))
