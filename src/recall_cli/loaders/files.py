"""Reading input files as bytes and text, with the limits and messages every loader shares."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import BinaryIO

from recall_cli.loaders import codes
from recall_cli.messages import Message
from recall_cli.problems import Location, Problem, RecallError, UnreadableError

MAX_BYTES = 50 * 1024 * 1024
STDIN = "-"

# Stdin can be read only once, but a validator looks at a file before its loader reads it:
# within `stdin_replay`, "-" reads these bytes instead of the stream.
_STDIN_REPLAY: ContextVar[bytes | None] = ContextVar("stdin_replay", default=None)


@contextlib.contextmanager
def stdin_replay(data: bytes) -> Iterator[None]:
    """Within the block, reading "-" returns `data` (as often as asked) instead of stdin."""
    token = _STDIN_REPLAY.set(data)
    try:
        yield
    finally:
        _STDIN_REPLAY.reset(token)


def stdin_replaying() -> bool:
    """Whether reading "-" now serves replayed bytes rather than the real stream."""
    return _STDIN_REPLAY.get() is not None


def read_stdin(limit: int) -> bytes:
    """Up to `limit` bytes of stdin, or of the bytes `stdin_replay` serves."""
    replay = _STDIN_REPLAY.get()
    if replay is not None:
        return replay[:limit]
    return sys.stdin.buffer.read(limit)


def display_name(path: str | Path) -> str:
    return "<stdin>" if str(path) == STDIN else str(path)


def read_bytes(path: str | Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes; a missing or unreadable file is an `UnreadableError` (exit 2)."""
    name = display_name(path)
    try:
        if str(path) == STDIN:
            replayed = stdin_replaying()
            data = read_stdin(limit + 1) if replayed else _read_within(sys.stdin.buffer, limit)
        else:
            with Path(path).open("rb") as handle:
                data = _read_within(handle, limit)
    except FileNotFoundError:
        raise UnreadableError([_problem(name, "file.missing")]) from None
    except IsADirectoryError:
        raise UnreadableError([_problem(name, "file.directory")]) from None
    except OSError as error:
        raise UnreadableError([_problem(name, "file.unreadable", reason=error.strerror)]) from None
    if data is None or len(data) > limit:
        raise RecallError(
            [
                Problem(
                    Location(name),
                    codes.TOO_LARGE,
                    Message("file.too_large", {"limit": limit // (1024 * 1024)}),
                )
            ]
        )
    return data


_CHUNK = 1 << 16
"""What a stream without a size (a pipe, a terminal) is read by."""


def _read_within(stream: BinaryIO, limit: int) -> bytes | None:
    """The bytes of `stream`, or None when it holds more than `limit`. A read of n bytes
    reserves n bytes before it reads any, so a file is read by its size (and not at all when
    that is over the limit) and a stream without one a chunk at a time."""
    try:
        size = os.fstat(stream.fileno()).st_size
    except (OSError, ValueError, io.UnsupportedOperation):
        size = 0  # not a file of the system's (a test's in-memory stdin)
    if size > limit:
        return None
    data = stream.read(size) if size > 0 else b""
    if len(data) < size:
        return data  # the file shrank while read: nothing follows
    first = stream.read(1)  # most files end here: no chunk reserved to find it out
    if not first:
        return data
    # A stream, or a file that grew since its size was taken.
    buffer = io.BytesIO()
    buffer.write(data)
    buffer.write(first)
    del data
    while buffer.tell() <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - buffer.tell()))
        if not chunk:
            return buffer.getvalue()
        buffer.write(chunk)
    return None


def _problem(name: str, key: str, **params: object) -> Problem:
    return Problem(Location(name), codes.UNREADABLE, Message(key, params))


def position_of(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in `text`."""
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def decode_utf8(name: str, data: bytes) -> str:
    """UTF-8 text without its BOM; a bad byte is reported at its line and column."""
    if b"\x00" in data:
        prefix = data[: data.index(b"\x00")].decode("utf-8", "replace")
        line, column = position_of(prefix, len(prefix))
        raise RecallError([_encoding(name, line, column, "file.binary")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = data[: error.start].decode("utf-8", "replace")
        line, column = position_of(prefix, len(prefix))
        raise RecallError([_encoding(name, line, column, "file.not_utf8")]) from None
    return text.removeprefix("\ufeff")


def _encoding(name: str, line: int, column: int, key: str) -> Problem:
    return Problem(Location(name, line, column), codes.ENCODING, Message(key))
