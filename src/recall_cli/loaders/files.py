"""Reading input files as bytes and text, with the limits and messages every loader shares."""

from __future__ import annotations

import codecs
import contextlib
import sys
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path

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
            data = read_stdin(limit + 1)
        else:
            with Path(path).open("rb") as handle:
                data = handle.read(limit + 1)
    except FileNotFoundError:
        raise UnreadableError([_problem(name, "file.missing")]) from None
    except IsADirectoryError:
        raise UnreadableError([_problem(name, "file.directory")]) from None
    except OSError as error:
        raise UnreadableError([_problem(name, "file.unreadable", reason=error.strerror)]) from None
    if len(data) > limit:
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


def _problem(name: str, key: str, **params: object) -> Problem:
    return Problem(Location(name), codes.UNREADABLE, Message(key, params))


def position_of(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in `text`."""
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


# UTF-32 first: its little-endian mark begins with UTF-16's.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "UTF-32 BE"),
    (codecs.BOM_UTF16_LE, "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "UTF-16 BE"),
)


def wide_encoding(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 encoding whose byte order mark starts `data`, if any."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            return encoding
    return None


def refuse_wide(name: str, data: bytes) -> None:
    """A UTF-16 or UTF-32 file (Excel's "Unicode text", Notepad's "Unicode") is refused at 1:1
    by its encoding, rather than at the first NUL byte of its text."""
    encoding = wide_encoding(data)
    if encoding is not None:
        raise RecallError(
            [
                Problem(
                    Location(name, 1, 1),
                    codes.ENCODING,
                    Message("file.wide_encoding", {"encoding": encoding}),
                )
            ]
        )


def decode_utf8(name: str, data: bytes) -> str:
    """UTF-8 text without its BOM; a bad byte is reported at its line and column."""
    refuse_wide(name, data)
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
