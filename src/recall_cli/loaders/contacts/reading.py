"""Reading a contact list: its bytes to a `ContactList`, every problem at its line and column.

A list is read a chunk of lines at a time (`ListReading`): a regular file from the file, so
that no more than a chunk's text is held, any other list from its text in memory. The normal
chunk is `csv.reader` over its lines with nothing per cell but `strip()`, a column at a time
(`columnar`); any other is read again row by row. Problems are placed (`positions`) only
after the rows that have them are known; ids are checked for repeats by digest (`ids`).
"""

from __future__ import annotations

import csv
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from functools import partial
from itertools import chain, islice
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from recall_cli.engine.contact import Contact
from recall_cli.engine.zones import parse_zone_cell
from recall_cli.loaders import codes
from recall_cli.loaders.contacts import columnar
from recall_cli.loaders.contacts.columns import Layout, find_layout
from recall_cli.loaders.contacts.decoding import codec_name, decode, file_encoding, split_lines
from recall_cli.loaders.contacts.dialect import detect_delimiter, first_content
from recall_cli.loaders.contacts.ids import IdLedger, repeats
from recall_cli.loaders.contacts.model import (
    MAX_LIST_BYTES,
    ContactList,
    ListColumns,
    ListReport,
    UnusableError,
)
from recall_cli.loaders.contacts.positions import ListText
from recall_cli.loaders.files import STDIN, Source, as_source, display_name, read_source
from recall_cli.loaders.gc_pause import paused_gc
from recall_cli.messages import Message
from recall_cli.problems import Location, Problem, RecallError, UnreadableError, errors_in

if TYPE_CHECKING:
    from _csv import Reader

CHUNK_LINES = 8192
"""Lines read at a time: a chunk's text, rows and records are all a reading holds of them."""
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
        head = _head(source, first, columns or ListColumns(), fields)
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


@dataclass(frozen=True, slots=True)
class _Head:
    """What the lines up to a list's header say: its delimiter, header and layout."""

    delimiter: str
    header: tuple[str, ...]
    line: int
    """The header's first line."""
    end: int
    """The lines up to the header's last."""
    layout: Layout
    text: ListText
    """The lines up to the header's last, for placing what is wrong at the list's end."""


def _head(source: Source, lines: Iterator[str], columns: ListColumns, fields: bool) -> _Head:
    """The delimiter (of the first line with content), the header and its layout."""
    seen: list[str] = []
    for line in lines:
        seen.append(line)
        if first_content((line,)):
            break
    delimiter = detect_delimiter(first_content(seen))
    taken = _Taken(chain(seen, lines))
    text = ListText(source.name, taken.lines, delimiter, csv.field_size_limit())
    reader = csv.reader(taken, delimiter=delimiter)
    header, header_line = _header(reader, text)
    layout = find_layout(header, header_line, columns, fields, text)
    return _Head(delimiter, header, header_line, reader.line_num, layout, text)


class _Taken:
    """Lines passed on one at a time, each kept in `lines` (a header's few)."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines: list[str] = []
        self._lines = lines

    def __iter__(self) -> _Taken:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.lines.append(line)
        return line


class ListReading:
    """A list whose header is read: its records are read at each call of `records` or
    `chunks`, a chunk of lines at a time, with nothing of the text kept but one chunk's."""

    def __init__(
        self,
        source: Source,
        encoding: str,
        head: _Head,
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
        records = _Records(self.source.name, self.head, problems, check=True)
        return Checking(records, self._lines, self._chunk, self._repeated_ids)

    def chunks(self) -> Iterator[list[Contact]]:
        """The records, a chunk at a time, read again without checking them: for a list
        `check` found usable."""
        records = _Records(self.source.name, self.head, [], check=False)
        with self._lines() as lines:
            for chunk, _ in records.read(lines, self._chunk):
                yield chunk

    def _repeated_ids(self, candidates: frozenset[int], problems: list[Problem]) -> None:
        """Each record whose id an earlier one has, at its id cell; `candidates` are the lines
        of the records whose ids' digests repeat, read again to compare their texts."""
        index = self.head.layout.id_index
        if not candidates or index is None:
            return
        found: list[tuple[int, str]] = []
        places: dict[int, tuple[int, int]] = {}
        records = _Records(self.source.name, self.head, [], check=False)
        with self._lines() as lines:
            for chunk, text in records.read(lines, self._chunk):
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
        records: _Records,
        lines: Lines,
        chunk: int,
        repeated: Callable[[frozenset[int], list[Problem]], None],
    ) -> None:
        self._records, self._lines, self._chunk, self._repeated = records, lines, chunk, repeated

    def chunks(self) -> Iterator[list[Contact]]:
        """The records, a chunk at a time; a csv error ends them at the chunk it cuts off."""
        with self._lines() as lines:
            for chunk, _ in self._records.read(lines, self._chunk):
                yield chunk

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


def _header(reader: Reader, text: ListText) -> tuple[tuple[str, ...], int]:
    """The first non-blank row, trimmed, and its line."""
    previous = start = 0
    try:
        for row in reader:
            start, previous = previous + 1, reader.line_num
            cells = tuple(cell.strip() for cell in row)
            if any(cells):
                return cells, start
    except csv.Error as error:
        raise UnusableError(text.syntax(error, previous + 1)) from None
    open_quote = text.scan(start).open_quote if start else None
    if open_quote is not None:
        raise UnusableError(text.unclosed(open_quote))
    raise UnusableError(text.problem(1, 1, codes.NO_HEADER, "contacts.no_header"))


def _picker(indices: Sequence[int]) -> Callable[[list[str]], tuple[str, ...]]:
    """A fast `cells -> tuple of cells[i] for i in indices`."""
    if not indices:
        return lambda cells: ()
    if len(indices) == 1:
        (index,) = indices
        return lambda cells: (cells[index],)
    getter: Callable[[list[str]], tuple[str, ...]] = itemgetter(*indices)
    return getter


class _Records:
    """Reading the records after the header of one list, a chunk of lines at a time; with
    `check`, problems go to `problems` and ids to `ids`."""

    def __init__(self, name: str, head: _Head, problems: list[Problem], *, check: bool) -> None:
        self.name = name
        self.head = head
        self.problems = problems
        self.checking = check
        self.ids = IdLedger()
        self.zones: dict[str, str | None] = {}
        self.count = 0
        self.broken = False

    def read(self, lines: Iterator[str], chunk: int) -> Iterator[tuple[list[Contact], ListText]]:
        """Each chunk's records (one Contact per non-blank row) and its lines.

        A chunk is `chunk` lines, or more when a quote open at its end (a cell over several
        lines) needs them: read whole, its records are those of the whole list's reading.
        The usual chunk — every record one line of the header's width, none blank — is built
        column by column (`columnar.whole_columns`); any other is read again row by row.
        """
        head = self.head
        rest = islice(lines, head.end, None)
        before, last, text = head.end, head.line, head.text
        size = chunk
        block = list(islice(rest, size))
        while block:
            mark = len(self.problems)
            text = ListText(self.name, block, head.delimiter, head.text.limit, before)
            records, ended, broken = self._chunk(text)
            open_quote = None if ended is None else text.scan(ended).open_quote
            if broken or open_quote is not None:
                # Cut inside a record (or a csv error to place): read on, twice as far.
                more = list(islice(rest, None if broken else len(block)))
                if more:
                    del self.problems[mark:]
                    block += more
                    continue
            if self.checking:
                self._check(records, text)
            self.count += len(records)
            last = last if ended is None else ended
            yield records, text
            if broken:
                self.broken = True
                return
            before += len(block)
            block = list(islice(rest, size))
        if self.checking:
            open_quote = text.scan(last).open_quote
            if open_quote is not None:
                self.problems.append(text.unclosed(open_quote))

    def _chunk(self, text: ListText) -> tuple[list[Contact], int | None, bool]:
        """The records of the chunk of lines in `text`, the line its last row started on
        (None when it has none), and whether a csv error cut it off."""
        layout = self.head.layout
        reader = csv.reader(text.lines, delimiter=text.delimiter)
        records = columnar.whole_columns(reader, layout, 0, text.before, self.count + 1)
        if records is not None:
            return records, records[-1].line if records else None, False
        rows = csv.reader(text.lines, delimiter=text.delimiter)
        return self._row_by_row(rows, text)

    def _check(self, records: list[Contact], text: ListText) -> None:
        """The chunk's empty ids, unreadable zone cells, and its ids noted."""
        layout = self.head.layout
        if layout.id_index is not None:
            if any(not record.id for record in records):
                self._empty_ids(records, text, layout.id_index)
            self.ids.add(record for record in records if record.id)
        if layout.zone_index is not None:
            self._check_zones(records, text, layout.zone_index)

    def _row_by_row(self, reader: Reader, text: ListText) -> tuple[list[Contact], int | None, bool]:
        """The records of the rows of `text`'s lines, the line the last row started on
        (None when there is none), and whether a csv error cut them off.

        Blank rows are skipped, short rows padded, and long ones noted when their extra cells
        hold anything.
        """
        layout, offset = self.head.layout, text.before
        width, id_index, zone_index = layout.width, layout.id_index, layout.zone_index
        phones = _picker(layout.phone_indices)
        others = _picker(layout.other_indices)
        names = layout.other_names
        ragged: list[tuple[int, int]] = []
        records: list[Contact] = []
        append, make, strip = records.append, Contact, str.strip
        previous, last = offset, None
        count = self.count
        broken = False
        try:
            for row in reader:
                start, previous = previous + 1, offset + reader.line_num
                last = start
                cells = list(map(strip, row))
                if not any(cells):
                    continue
                if len(cells) != width:
                    if len(cells) < width:
                        cells += [""] * (width - len(cells))
                    elif any(cells[width:]):
                        ragged.append((start, len(cells) - width))
                count += 1
                record_id = str(count) if id_index is None else cells[id_index]
                pairs = tuple(zip(names, others(cells), strict=False))
                zone = "" if zone_index is None else cells[zone_index]
                append(make(record_id, phones(cells), pairs, start, zone))
        except csv.Error as error:
            if self.checking:
                self.problems.append(text.syntax(error, previous + 1))
            broken = True
        if self.checking:
            self._place_ragged(text, layout, ragged)
        return records, last, broken

    def _place_ragged(self, text: ListText, layout: Layout, ragged: list[tuple[int, int]]) -> None:
        self.problems.extend(
            text.problem(
                *text.cell(line, layout.width),
                codes.RAGGED_ROW,
                "contacts.ragged_row",
                extra=extra,
                columns=layout.width,
            )
            for line, extra in ragged
        )

    def _check_zones(self, records: list[Contact], text: ListText, zone_index: int) -> None:
        """Each zone cell that names no time zone, at its cell; an empty cell names none and
        is no problem (the record's numbers find their zones). A list repeats a few zones:
        each distinct text is read once."""
        read = self.zones
        for record in records:
            cell = record.zone
            if not cell:
                continue
            if cell not in read:
                zone = parse_zone_cell(cell)
                read[cell] = zone if isinstance(zone, str) else None
            key = read[cell]
            if key is not None:
                where = text.cell(record.line, zone_index)
                self.problems.append(text.problem(*where, codes.UNREADABLE_ZONE, key, value=cell))

    def _empty_ids(self, records: list[Contact], text: ListText, id_index: int) -> None:
        """Each empty id, at its cell."""
        for record in records:
            if not record.id:
                where = text.cell(record.line, id_index)
                self.problems.append(text.problem(*where, codes.EMPTY_ID, "contacts.empty_id"))
