"""Reading input files as bytes and text, with the limits and messages every loader shares."""

from __future__ import annotations

import codecs
import errno
import io
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from recall_cli.loaders import codes
from recall_cli.messages import Message
from recall_cli.problems import Location, Problem, RecallError, UnreadableError

MAX_BYTES = 50 * 1024 * 1024
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Source:
    """A file to load: its path as given ("-" for stdin), and its bytes when they were read
    already. Stdin, a pipe or a FIFO can be read only once: whoever reads one first hands its
    bytes down with its path, and every reader after takes them from here."""

    path: str
    data: bytes | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        """The file as messages name it."""
        return display_name(self.path)


def as_source(path: str | Path | Source) -> Source:
    """`path` as a `Source` whose bytes are yet to be read; a `Source` as it is."""
    return path if isinstance(path, Source) else Source(str(path))


def read_source(source: Source, limit: int = MAX_BYTES) -> bytes:
    """The source's bytes: those it holds, else its file's (see `read_bytes`); over `limit`
    bytes is a `RecallError`, as for a file read here."""
    if source.data is None:
        return read_bytes(source.path, limit)
    if len(source.data) > limit:
        raise RecallError([_too_large(source.name, limit)])
    return source.data


def read_stream(path: str, limit: int) -> bytes:
    """Up to `limit` bytes of stdin ("-") or of the stream at `path` (a pipe, a FIFO, a
    device), a chunk at a time; an `OSError` when it cannot be read."""
    if path == STDIN:
        if sys.stdin is None:  # Python leaves it None when the process has no stdin at all
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        return _read_up_to(sys.stdin.buffer, limit)
    with Path(path).open("rb") as handle:
        return _read_up_to(handle, limit)


def display_name(path: str | Path) -> str:
    return "<stdin>" if str(path) == STDIN else str(path)


def read_bytes(path: str | Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes; a missing or unreadable file is an `UnreadableError` (exit 2)."""
    name = display_name(path)
    try:
        if str(path) == STDIN:
            if sys.stdin is None:  # Python leaves it None when the process has no stdin at all
                raise OSError(errno.EBADF, os.strerror(errno.EBADF))
            data = _read_within(sys.stdin.buffer, limit)
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
        raise RecallError([_too_large(name, limit)])
    return data


def _too_large(name: str, limit: int) -> Problem:
    return Problem(
        Location(name),
        codes.TOO_LARGE,
        Message("file.too_large", {"limit": limit // (1024 * 1024)}),
    )


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
    rest = _read_up_to(stream, limit + 1 - len(data) - 1)
    whole = data + first + rest
    return whole if len(whole) <= limit else None


def _read_up_to(stream: BinaryIO, limit: int) -> bytes:
    """At most `limit` bytes of `stream`, a chunk at a time: a read of n bytes reserves n
    bytes before it reads any, and `limit` is a ceiling, not an expected size."""
    buffer = io.BytesIO()
    while buffer.tell() < limit:
        chunk = stream.read(min(_CHUNK, limit - buffer.tell()))
        if not chunk:
            break
        buffer.write(chunk)
    return buffer.getvalue()


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
