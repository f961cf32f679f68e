"""Writing results: to stdout, or to a place that is never damaged.

A regular file (or one not there yet) gets the output whole or not at all: it is written
beside the target and renamed over it. A character device, FIFO or socket (`/dev/null`,
`>(gzip > x.gz)`) is written to directly, never replaced. A directory, a block device, or
any input of the command is refused before anything is written.

Every write, to stdout and stderr too, goes through `_Sink`: a failed write (disk full, I/O
error) becomes an `UnreadableError` naming where the output was going (exit 2), and a reader
that goes away ends the run quietly with `PIPE_CLOSED`.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from recall_cli.loaders import codes
from recall_cli.messages import Message
from recall_cli.problems import ExitCode, Location, Problem, UnreadableError

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

PIPE_CLOSED = 141
"""Exit status when the reader of the output goes away (`| head -1`): what a shell reports for
a program stopped by a closed pipe (128 + SIGPIPE), so that a cut-off run never passes for a
clean one (0) nor for one with findings (1)."""

STDOUT = "<stdout>"
"""How stdout is named in a message about it."""
STDERR = "<stderr>"


class Kind(Enum):
    """What an output path is, for how it is written."""

    FILE = "file"  # a regular file, or nothing yet: replaced atomically
    STREAM = "stream"  # a character device or FIFO: opened and written to, never replaced
    SOCKET = "socket"  # a Unix socket: connected to and written to


def check_output(path: Path | None, inputs: Iterable[Path | None]) -> None:
    """Refuse, before any work, an output that is one of the command's `inputs` (after
    symlinks; hard links too), a directory or a block device: `UnreadableError`, exit 2."""
    if path is None:
        return
    for given in inputs:
        if given is not None and _same_file(path, given):
            raise _refused(path, Message("output.is_input", {"input": str(given)}))
    _kind(path)


@contextlib.contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """Stdout when `path` is None; otherwise the place `path` names, written as its kind
    allows (see the module's docstring). A file appears only when the block finishes without
    an exception, so a failed run leaves an earlier file as it was.

    A place that cannot be written raises `UnreadableError` (exit 2), naming the path.
    """
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    kind = _kind(path)
    if kind is Kind.FILE:
        with _replaced(path) as out:
            yield out
        return
    try:
        sink = _socket_sink(path) if kind is Kind.SOCKET else _Sink(str(path), str(path))
    except OSError as error:
        raise _unwritable(str(path), error) from None
    with _text(sink, newline="") as out:
        yield out


def replaced(path: Path | None) -> bool:
    """Whether `open_output(path)` writes a file that appears only when the output is whole."""
    return path is not None and _kind(path) is Kind.FILE


@contextlib.contextmanager
def spool(path: Path | None) -> Iterator[TextIO]:
    """A temp file for part of the output written before what comes ahead of it in the
    output (the records a JSON summary precedes): beside the file `path` resolves to, so that
    it is on the same disk, or in the temp dir for stdout or a stream. Deleted on leaving; a
    write that fails names `path` (exit 2)."""
    where = STDOUT if path is None else str(path)
    place = None
    if path is not None and _kind(path) is Kind.FILE:
        place = str(Path(os.path.realpath(path)).parent)
    try:
        handle = tempfile.TemporaryFile(dir=place)  # noqa: SIM115 (closed with the text below)
    except OSError as error:
        raise _unwritable(where, error) from None
    # The text is closed (flushed) before the file it writes to.
    with handle, _text(_Sink(handle.fileno(), where, closefd=False), newline="") as text:
        yield text


def copy_spool(spooled: TextIO, out: TextIO) -> None:
    """What `spooled` (a `spool`) holds, written to `out`: as the bytes it holds when `out`
    writes UTF-8 with newlines as they are, which is what decoding and writing them would
    give (tens of megabytes of a large run are then never decoded)."""
    spooled.flush()
    fd = spooled.fileno()
    os.lseek(fd, 0, os.SEEK_SET)
    if _writes_as_is(out):
        out.flush()  # what `out` holds goes first
        write = out.buffer.write
        while data := os.read(fd, _BLOCK):
            write(data)
        return
    reader = io.TextIOWrapper(io.FileIO(fd, "r", closefd=False), encoding="utf-8", newline="")
    while block := reader.read(_BLOCK):
        out.write(block)


_BLOCK = 1 << 20


def _writes_as_is(out: TextIO) -> bool:
    """Whether text written to `out` reaches its buffer as its UTF-8 bytes: a text file of
    UTF-8 whose "\n" stays "\n" (every output here is opened with no newline translation,
    or the platform's, which is "\n" where `os.linesep` is)."""
    return (
        isinstance(out, io.TextIOWrapper)
        and codecs.lookup(out.encoding).name == "utf-8"
        and os.linesep == "\n"
    )


def take_streams() -> None:
    """Make stdout and stderr UTF-8 whatever the locale, with their writes going through
    `_Sink`: a failed write to stdout is told on stderr (exit 2); stderr that fails leaves
    nowhere to tell anything, so the run just ends (exit 2).

    UTF-8 because JSON and CSV must not lose a character to the terminal's code page, and a
    table is the same text. A stream that is not a plain file descriptor (a Windows console,
    a test's capture) is left as it is.
    """
    sys.stdout = _taken(sys.stdout, _Sink, STDOUT)
    sys.stderr = _taken(sys.stderr, _ErrorSink, STDERR)


def _taken(current: TextIO, sink: type[_Sink], where: str) -> TextIO:
    if not isinstance(current, io.TextIOWrapper):
        return current
    buffer = current.buffer  # the raw file itself when Python runs unbuffered (-u)
    raw = buffer if isinstance(buffer, io.FileIO) else getattr(buffer, "raw", None)
    if not isinstance(raw, io.FileIO):
        return current
    current.flush()
    return _text(
        sink(raw.fileno(), where, closefd=False),
        errors=current.errors,
        line_buffering=current.line_buffering,
        write_through=current.write_through,
    )


class _Sink(io.FileIO):
    """A file descriptor whose failed writes say where the output was going."""

    def __init__(self, file: int | str, where: str, *, closefd: bool = True) -> None:
        super().__init__(file, "w", closefd=closefd)
        self.where = where
        self.gone = False

    def write(self, data: ReadableBuffer, /) -> int:
        if self.gone:
            return len(memoryview(data))
        try:
            return super().write(data)
        except OSError as error:
            # Told once: later writes (the buffer flushed on the way out) are dropped.
            self.gone = True
            if isinstance(error, BrokenPipeError):
                # The reader went away: nothing left to say to it, and nothing to report.
                raise SystemExit(PIPE_CLOSED) from None
            raise self.failure(error) from None

    def failure(self, error: OSError) -> BaseException:
        return _unwritable(self.where, error)


class _ErrorSink(_Sink):
    """Stderr: when it cannot be written there is nowhere left to say so."""

    def failure(self, error: OSError) -> BaseException:
        return SystemExit(int(ExitCode.USAGE))


def _text(
    sink: _Sink, *, newline: str | None = None, errors: str | None = None, **options: bool
) -> TextIO:
    return io.TextIOWrapper(
        io.BufferedWriter(sink), encoding="utf-8", errors=errors, newline=newline, **options
    )


def _kind(path: Path) -> Kind:
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return Kind.FILE
    except OSError as error:
        raise _unwritable(str(path), error) from None
    if stat.S_ISREG(mode):
        return Kind.FILE
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return Kind.STREAM
    if stat.S_ISSOCK(mode):
        return Kind.SOCKET
    if stat.S_ISDIR(mode):
        raise _refused(path, Message("file.directory"))
    # A block device (a disk): a report written onto it would destroy what it holds.
    raise _refused(path, Message("output.block_device"))


@contextlib.contextmanager
def _replaced(path: Path) -> Iterator[TextIO]:
    """A temp file beside the file `path` resolves to, renamed over it when the block ends
    without an exception; an existing file's mode (and owner, where permitted) is kept."""
    target = Path(os.path.realpath(path))
    try:
        before = os.stat(target)
    except FileNotFoundError:
        before = None
    except OSError as error:
        raise _unwritable(str(path), error) from None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as error:
        raise _unwritable(str(path), error) from None
    try:
        with _text(_Sink(fd, str(path)), newline="") as out:
            yield out
        _take_over(name, before)
        os.replace(name, target)
    except BaseException as error:
        Path(name).unlink(missing_ok=True)
        if isinstance(error, OSError) and error.filename in {name, str(target)}:
            raise _unwritable(str(path), error) from None
        raise


def _take_over(name: str, before: os.stat_result | None) -> None:
    """Give the temp file `name` the mode of the file it replaces; mkstemp makes it private
    (0600), and a new file gets the mode a plain `open` would give it."""
    if before is None:
        os.chmod(name, 0o666 & ~_umask())
        return
    with contextlib.suppress(PermissionError):
        # Before the mode: a change of owner may clear the set-id bits.
        os.chown(name, before.st_uid, before.st_gid)
    os.chmod(name, stat.S_IMODE(before.st_mode))


def _socket_sink(path: Path) -> _Sink:
    import socket  # noqa: PLC0415 (a socket as the output is rare)

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.connect(str(path))
        return _Sink(connection.detach(), str(path))


def _same_file(output: Path, given: Path) -> bool:
    try:
        return os.path.samefile(output, given)
    except OSError:
        return False  # one of them is not there (yet): nothing to overwrite


def _umask() -> int:
    # The umask can only be read by setting it; put it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _refused(path: Path, message: Message) -> UnreadableError:
    return UnreadableError([Problem(Location(str(path)), codes.UNREADABLE, message)])


def _unwritable(where: str, error: OSError) -> UnreadableError:
    reason = error.strerror or type(error).__name__
    return UnreadableError(
        [Problem(Location(where), codes.UNREADABLE, Message("file.unwritable", {"reason": reason}))]
    )
