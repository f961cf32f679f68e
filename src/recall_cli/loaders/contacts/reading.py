"""Reading a contact list: its bytes to a `ContactList`, every problem at its line and column.

A list is read a chunk of lines at a time (`ListReading`): a regular file from the file, so
that no more than a chunk's text is held, any other list from its text in memory. The normal
chunk is `csv.reader` over its lines with nothing per cell but `strip()`, a column at a time
(`columnar`); any other is read again row by row (`records`), after the header (`head`).
Problems are placed (`positions`) only after the rows that have them are known; ids are checked
for repeats by digest (`ids`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from functools import partial
from itertools import chain
from pathlib import Path

from recall_cli.engine.contact import Contact
from recall_cli.loaders import codes
from recall_cli.loaders.contacts.chunk import joined
from recall_cli.loaders.contacts.decoding import codec_name, decode, file_encoding, split_lines
from recall_cli.loaders.contacts.head import Head, read_head
from recall_cli.loaders.contacts.ids import repeats
from recall_cli.loaders.contacts.model import (
    MAX_LIST_BYTES,
    ContactList,
    ListColumns,
    ListReport,
    UnusableError,
)
from recall_cli.loaders.contacts.positions import ListText
from recall_cli.loaders.contacts.records import Records
from recall_cli.loaders.files import STDIN, Source, as_source, display_name, read_source
from recall_cli.loaders.gc_pause import paused_gc
from recall_cli.messages import Message
from recall_cli.problems import Location, Problem, RecallError, UnreadableError, errors_in

CHUNK_LINES = 8192
"""Lines whose records a reading hands on at a time: a chunk's records are all a reading holds
of them."""
BLOCK_LINES = 1024
"""Lines parsed at a time (at most a chunk's): a block's rows stay in the processor's cache
while they are read a column at a time, three times faster than a chunk's 8192."""
Lines = Callable[[], AbstractContextManager[Iterator[str]]]
"""Opens a list's physical lines, from the first, for one reading."""


def load_list(
    path: str | Path | Source,
    columns: ListColumns | None = None,
    encoding: str | None = None,
    fields: bool = True,
) -> ContactList:
    """The contact list in `path`, or a `RecallError` with every error in it. Without
    `fields`, records carry none of the other columns (an output that shows none of them
    is made faster by not reading them)."""
    report = check_list(path, columns, encoding, fields)
    errors = errors_in(report.problems)
    if errors or report.contacts is None:
        raise RecallError(errors)
    return report.contacts


def check_list(
    path: str | Path | Source,
    columns: ListColumns | None = None,
    encoding: str | None = None,
    fields: bool = True,
    chunk: int = CHUNK_LINES,
) -> ListReport:
    """Read a list, collecting every problem (warnings included) instead of stopping.

    `path` is a path ("-" for stdin) or a `Source` holding bytes read already. A missing file,
    or an encoding name no codec knows, raises `UnreadableError` (exit 2). The records are
    read `chunk` lines at a time (the answer is the same for any `chunk`).
    """
    problems: list[Problem] = []
    try:
        with paused_gc():
            reading = open_list(path, columns, encoding, fields, chunk)
            records = reading.records(problems)
            contacts = None if records is None else reading.contacts(records)
    except UnusableError as stop:
        problems.extend(stop.problems)
        contacts = None
    except _TooLargeError as error:
        return ListReport(None, sorted(error.problems, key=_where))
    problems.sort(key=_where)
    if errors_in(problems):
        contacts = None
    return ListReport(contacts, problems)


def _where(problem: Problem) -> Location:
    return problem.location


class _TooLargeError(Exception):
    """A list too large to read (a `RecallError` of `read_source`): its problems alone."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems


def open_list(
    path: str | Path | Source,
    columns: ListColumns | None = None,
    encoding: str | None = None,
    fields: bool = True,
    chunk: int = CHUNK_LINES,
) -> ListReading:
    """The list in `path` with its header read, its records yet to be read (`ListReading`).

    A regular file that decodes cleanly is read from the file, a chunk at a time, at every
    reading; any other list (stdin, bytes handed down, a file `decode` would refuse) is read
    into memory once, as text. Raises `UnreadableError` (exit 2) for a file that cannot be
    read, `UnusableError` for a list with nothing to read after its header's problems.
    """
    source = as_source(path)
    codec = None if encoding is None else codec_name(source.name, encoding)
    found = _file_encoding(source, codec)
    lines: Lines
    if found is not None:
        lines = partial(_file_lines, source.path, found)
    else:
        try:
            data = read_source(source, MAX_LIST_BYTES)
        except UnreadableError:
            raise
        except RecallError as error:
            raise _TooLargeError(list(error.problems)) from None
        decoded, found = decode(source.name, data, codec)
        held = split_lines(decoded)
        del decoded, data
        lines = partial(_held_lines, held)
    with lines() as first:
        head = read_head(source, first, columns or ListColumns(), fields)
    return ListReading(source, found, head, lines, chunk)


def _file_encoding(source: Source, forced: str | None) -> str | None:
    """The encoding a regular file is read a chunk at a time in; None for any other list."""
    if source.data is not None or source.path == STDIN:
        return None
    try:
        status = os.stat(source.path)
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_LIST_BYTES:
        return None
    return file_encoding(source.path, forced)


def _held_lines(lines: list[str]) -> AbstractContextManager[Iterator[str]]:
    return nullcontext(iter(lines))


@contextmanager
def _file_lines(path: str, encoding: str) -> Iterator[Iterator[str]]:
    """The file's physical lines as the csv module sees them (\\n, \\r\\n, \\r)."""
    try:
        with open(path, encoding=encoding, newline="") as text:
            yield text
    except (OSError, UnicodeDecodeError) as error:
        # The file changed since it was checked: told as a file that cannot be read.
        message = Message("file.unreadable", {"reason": str(error)})
        problem = Problem(Location(display_name(path)), codes.UNREADABLE, message)
        raise UnreadableError([problem]) from None


class ListReading:
    """A list whose header is read: its records are read at each call of `records` or
    `chunks`, a chunk of lines at a time, with nothing of the text kept but one chunk's."""

    def __init__(
        self,
        source: Source,
        encoding: str,
        head: Head,
        lines: Lines,
        chunk: int,
    ) -> None:
        self.source = source
        self.encoding = encoding
        self.head = head
        self._lines = lines
        self._chunk = max(1, chunk)

    def contacts(self, records: tuple[Contact, ...]) -> ContactList:
        """The list holding `records` (read from it)."""
        head, source = self.head, self.source
        layout, header = head.layout, head.header
        return ContactList(
            file=source.name,
            records=records,
            columns=header,
            id_column=None if layout.id_index is None else header[layout.id_index],
            phone_columns=tuple(header[i] for i in layout.phone_indices),
            encoding=self.encoding,
            delimiter=head.delimiter,
            source=source,
            timezone_column=None if layout.zone_index is None else header[layout.zone_index],
        )

    def records(self, problems: list[Problem]) -> tuple[Contact, ...] | None:
        """Every record, its problems noted in `problems`; None when a csv error cut the list
        off."""
        chunks: list[list[Contact]] = []
        if not self.check(problems, chunks.append):
            return None
        return tuple(chain.from_iterable(chunks))

    def check(
        self, problems: list[Problem], each: Callable[[list[Contact]], object] | None = None
    ) -> bool:
        """Read every record, noting its problems in `problems` and handing each chunk's
        records to `each`; False when a csv error cut the list off."""
        checking = self.checking(problems)
        for chunk in checking.chunks():
            if each is not None:
                each(chunk)
        return checking.end()

    def checking(self, problems: list[Problem]) -> Checking:
        """A reading that checks the records as it reads them, its problems noted in
        `problems` (`Checking`)."""
        records = Records(self.source.name, self.head, problems, check=True)
        return Checking(records, self._lines, self._chunk, self._repeated_ids)

    def chunks(self) -> Iterator[list[Contact]]:
        """The records, a chunk at a time, read again without checking them: for a list
        `check` found usable."""
        records = Records(self.source.name, self.head, [], check=False)
        with self._lines() as lines:
            yield from _batched(records.read(lines, _block(self._chunk)), self._chunk)

    def _repeated_ids(self, candidates: frozenset[int], problems: list[Problem]) -> None:
        """Each record whose id an earlier one has, at its id cell; `candidates` are the lines
        of the records whose ids' digests repeat, read again to compare their texts."""
        index = self.head.layout.id_index
        if not candidates or index is None:
            return
        found: list[tuple[int, str]] = []
        places: dict[int, tuple[int, int]] = {}
        records = Records(self.source.name, self.head, [], check=False)
        with self._lines() as lines:
            for chunk, text in records.read(lines, _block(self._chunk)):
                for record in chunk:
                    if record.line in candidates:
                        found.append((record.line, record.id))
                        places[record.line] = text.cell(record.line, index)
        for line, record_id, first in repeats(found):
            problems.append(
                self.head.text.problem(
                    *places[line],
                    codes.DUPLICATE_ID,
                    "contacts.duplicate_id",
                    id=record_id,
                    line=first,
                )
            )


class Checking:
    """One checking reading of a list's records: `chunks` gives them a chunk at a time, each
    chunk's problems noted when it is given; `end`, once they are spent, notes the problems
    of the list as a whole (repeated ids, no records, a quote open at its end). Apart, so
    that a caller can let go of what it built from the chunks before the ids are compared."""

    def __init__(
        self,
        records: Records,
        lines: Lines,
        chunk: int,
        repeated: Callable[[frozenset[int], list[Problem]], None],
    ) -> None:
        self._records, self._lines, self._chunk, self._repeated = records, lines, chunk, repeated

    def chunks(self) -> Iterator[list[Contact]]:
        """The records, a chunk at a time; a csv error ends them at the chunk it cuts off."""
        with self._lines() as lines:
            yield from _batched(self._records.read(lines, _block(self._chunk)), self._chunk)

    def end(self) -> bool:
        """Note the list's own problems; False when a csv error cut the list off."""
        records = self._records
        problems = records.problems
        self._repeated(records.ids.candidates(), problems)
        if records.broken:
            return False
        if not records.count and not errors_in(problems):
            head = records.head
            problem = head.text.problem(head.line, 1, codes.NO_RECORDS, "contacts.no_records")
            problems.append(problem)
        return True


def _block(chunk: int) -> int:
    """The lines parsed at a time for chunks of `chunk` lines."""
    return min(chunk, BLOCK_LINES)


def _batched(
    blocks: Iterable[tuple[list[Contact], ListText]], size: int
) -> Iterator[list[Contact]]:
    """The records of consecutive blocks handed on together, as soon as they come from `size`
    lines or more (the last from fewer): each block's problems are noted before its records
    are handed on, as a chunk's were when it was read whole."""
    held: list[list[Contact]] = []
    lines = 0
    for records, text in blocks:
        held.append(records)
        lines += len(text.lines)
        if lines >= size:
            yield joined(held)
            held, lines = [], 0
    if held:
        yield joined(held)
