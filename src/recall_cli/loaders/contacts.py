"""Contact lists (SPEC §6): CSV bytes → `ContactList`, every problem at its file:line:column.

The normal path is `csv.reader` over the decoded lines with nothing per cell but `strip()`.
Where a cell starts is worked out afterwards, and only for the rows that have a problem, by
re-reading that row's lines with the same quoting rules as the csv module. `locate_cells`
does the same for a list already loaded, re-reading its file up to the last line it needs.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from itertools import chain, islice, repeat
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from recall_cli.engine.contact import Contact
from recall_cli.loaders import codes
from recall_cli.loaders.files import (
    STDIN,
    display_name,
    read_bytes,
    refuse_wide,
    replaying,
)
from recall_cli.loaders.gc_pause import paused_gc
from recall_cli.loaders.phone_cells import is_phone_header
from recall_cli.messages import Message
from recall_cli.problems import (
    Code,
    Location,
    Problem,
    RecallError,
    UnreadableError,
    errors_in,
)

if TYPE_CHECKING:
    from _csv import Reader as _Reader

MAX_LIST_BYTES = 2 * 1024 * 1024 * 1024
ID_COLUMNS = ("id", "ID", "№", "record_id")
DELIMITERS = (",", ";", "\t")
"""The delimiters we detect; on a tie the earlier one wins."""
DEFAULT_DELIMITER = ","
UTF8_BOM = codecs.BOM_UTF8
_NEWLINE = "\r\n"
_ID = attrgetter("id")
_OTHER_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # str.splitlines breaks, csv does not


@dataclass(frozen=True, slots=True)
class ListColumns:
    """Columns a config names for its list, overriding detection."""

    id_column: str | None = None
    phone_columns: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class ContactList:
    """A usable contact list: its records and how the file was read."""

    file: str
    records: tuple[Contact, ...]
    columns: tuple[str, ...]
    id_column: str | None
    phone_columns: tuple[str, ...]
    encoding: str
    delimiter: str
    source: str = field(default="", compare=False)
    """The path it was read from ("-" for stdin), for `locate_cells`; "" when made by hand."""


@dataclass(slots=True)
class ListReport:
    """Everything a list file yields: the list when usable, and all problems found."""

    contacts: ContactList | None
    problems: list[Problem]


def load_list(
    path: str | Path,
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
    path: str | Path,
    columns: ListColumns | None = None,
    encoding: str | None = None,
    fields: bool = True,
) -> ListReport:
    """Read a list, collecting every problem (warnings included) instead of stopping.

    A missing file, or an encoding name no codec knows, raises `UnreadableError` (exit 2).
    """
    name = display_name(path)
    codec = None if encoding is None else _codec(name, encoding)
    try:
        data = read_bytes(path, MAX_LIST_BYTES)
    except UnreadableError:
        raise
    except RecallError as error:
        return ListReport(None, sorted(error.problems, key=_where))
    reader = _ListReader(name, columns or ListColumns(), fields)
    try:
        with paused_gc():
            contacts = reader.read(data, codec, str(path))
    except _UnusableError as stop:
        reader.problems.extend(stop.problems)
        contacts = None
    problems = sorted(reader.problems, key=_where)
    if errors_in(problems):
        contacts = None
    return ListReport(contacts, problems)


def _where(problem: Problem) -> Location:
    return problem.location


class _UnusableError(Exception):
    """Problems after which there is nothing more to read."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__()
        self.problems = problems


# Reading the bytes as text


def _codec(name: str, encoding: str) -> str:
    """The codec's canonical name (windows-1251 → cp1251); an unknown one is a usage error."""
    try:
        canonical = codecs.lookup(encoding).name
        b"x".decode(canonical, "replace")  # bytes-to-bytes codecs (base64, hex) fail here
    except (LookupError, ValueError):
        message = Message("contacts.unknown_encoding", {"encoding": encoding})
        raise UnreadableError([Problem(Location(name), codes.ENCODING, message)]) from None
    return canonical


def _decode(name: str, data: bytes, forced: str | None) -> tuple[str, str]:
    """The text and the encoding it was read in: forced, or UTF-8 (BOM or not), else cp1251."""
    if forced is None or not forced.startswith(("utf-16", "utf-32")):  # canonical codec names
        try:
            refuse_wide(name, data)
        except RecallError as error:
            raise _UnusableError(*error.problems) from None
    if forced is not None:
        if forced == "utf-8" and data.startswith(UTF8_BOM):
            forced = "utf-8-sig"
        text = _decode_as(name, data, forced, "contacts.bad_byte")
        if "\x00" in text:
            raise _UnusableError(_at(name, text[: text.index("\x00")], "file.binary"))
        return text, forced
    if b"\x00" in data:
        raise _UnusableError(_at(name, _lenient(data[: data.index(b"\x00")]), "file.binary"))
    if data.startswith(UTF8_BOM):
        return _decode_as(name, data, "utf-8-sig", "contacts.bad_byte_bom"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_as(name, data, "cp1251", "contacts.not_text"), "cp1251"


def _decode_as(name: str, data: bytes, encoding: str, key: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        seen = error.object  # for utf-8-sig, the bytes after the BOM
        prefix = seen[: error.start].decode(encoding, "replace")
        params = {"byte": f"{seen[error.start]:02X}", "encoding": encoding}
        raise _UnusableError(_at(name, prefix, key, **params)) from None


def _lenient(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251", "replace")


def _at(name: str, prefix: str, key: str, **params: object) -> Problem:
    """An encoding problem just after `prefix`, the text that decoded before it."""
    lines = _split(prefix) or [""]
    line, column = len(lines), len(lines[-1]) + 1
    if lines[-1].endswith(("\n", "\r")):
        line, column = line + 1, 1
    return Problem(Location(name, line, column), codes.ENCODING, Message(key, params))


def _split(text: str) -> list[str]:
    """Physical lines with their ends, split as the csv module sees them (\\n, \\r\\n, \\r)."""
    if any(char in text for char in _OTHER_BREAKS):
        return io.StringIO(text, newline="").readlines()
    return text.splitlines(keepends=True)  # the same lines, twice as fast


def detect_delimiter(line: str) -> str:
    """The delimiter used most often outside quotes in a header line; `,` when none is."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])  # max keeps the first of equals
    return best if counts[best] else DEFAULT_DELIMITER


def _first_content(lines: Sequence[str]) -> str:
    """The first line holding more than blanks, delimiters and quotes: the header's line."""
    filler = "".join(DELIMITERS) + '" \r\n'
    return next((line for line in lines if line.strip(filler)), "")


# Finding where cells start, only when a problem needs it


class _State(Enum):
    START = 0  # at the start of a cell
    PLAIN = 1  # in an unquoted cell
    QUOTED = 2  # inside quotes
    QUOTE = 3  # just after a quote inside quotes: closing, or the first of ""


@dataclass(slots=True)
class _Record:
    """Where a record's cells start, where it ends, and what went wrong reading it."""

    cells: list[tuple[int, int]]
    end: tuple[int, int]
    lines: list[str]  # the physical lines read, from the record's first
    open_quote: tuple[int, int] | None = None  # a quote still open when the text ended
    too_long: int = -1  # the cell that grew past the csv field limit


def _numbered(lines: Sequence[str], first: int) -> Iterator[tuple[int, str]]:
    """Lines `first`, `first + 1`… of `lines` with their 1-based numbers."""
    return ((number, lines[number - 1]) for number in range(first, len(lines) + 1))


def _scan(
    lines: Iterator[tuple[int, str]],
    first: int,
    delimiter: str,
    limit: int,
    stop: int | None = None,
) -> _Record:
    """Re-read the record starting on line `first` as the csv module's excel dialect does.

    `lines` yields numbered lines from `first` on; only the record's own lines are taken
    from it. With `stop`, reading may end as soon as `stop` cells have started, and then the
    record tells where those start and nothing more.
    """
    cells = [(first, 1)]
    read: list[str] = []
    state = _State.START
    quote_at = (first, 1)
    size = 0
    number, line = first, ""
    for number, line in lines:
        read.append(line)
        if len(read) == 1 and len(line) <= limit:
            quick = _before_quotes(first, line, delimiter, stop)
            if quick is not None:
                return quick
        for column, char in enumerate(line, 1):
            if char in _NEWLINE and state is not _State.QUOTED:
                return _Record(cells, (number, column), read)
            if char == delimiter and state is not _State.QUOTED:
                cells.append((number, column + 1))
                if len(cells) == stop:
                    return _Record(cells, (number, column + 1), read)
                state, size = _State.START, 0
                continue
            if state is _State.START:
                if char == '"':
                    state, quote_at = _State.QUOTED, (number, column)
                    continue
                state = _State.PLAIN
            elif state is _State.QUOTED:
                if char == '"':
                    state = _State.QUOTE
                    continue
            elif state is _State.QUOTE:
                state = _State.QUOTED if char == '"' else _State.PLAIN
            size += 1
            if size > limit:
                return _Record(cells, (number, column), read, too_long=len(cells) - 1)
    end = (number, len(line) + 1) if read else (first, 1)
    return _Record(cells, end, read, quote_at if state is _State.QUOTED else None)


def _before_quotes(number: int, line: str, delimiter: str, stop: int | None) -> _Record | None:
    """What `_scan` finds in a record whose first line has no quote (or, with `stop`, none
    before `stop` cells have started), found by `str.split` instead of a step per character;
    None when a quote comes first. The caller made sure no cell can be too long in the line."""
    quote = line.find('"')
    text = line.rstrip(_NEWLINE) if quote < 0 else line[:quote]
    cells = [(number, 1)]
    column = 1
    for cell in text.split(delimiter)[:-1]:
        column += len(cell) + 1
        cells.append((number, column))
    if quote < 0:  # the whole record: it ends at the line's end
        return _Record(cells, (number, len(text) + 1), [line])
    if stop is not None and len(cells) >= stop:
        return _Record(cells[:stop], cells[stop - 1], [line])
    return None


def _cell_start(record: _Record, index: int, delimiter: str) -> tuple[int, int]:
    """Where cell `index` of `record` starts: its first non-blank character (a cell's value
    is stripped), or the cell's start when it is blank; the record's end when it has fewer
    cells."""
    if index >= len(record.cells):
        return record.end
    number, column = record.cells[index]
    text = record.lines[number - record.cells[0][0]]
    stops = delimiter + _NEWLINE
    skip = column - 1
    while skip < len(text) and text[skip].isspace() and text[skip] not in stops:
        skip += 1
    if skip < len(text) and text[skip] not in stops:
        column = skip + 1
    return number, column


# Finding cells of a list already loaded


def locate_cells(
    contacts: ContactList, cells: Iterable[tuple[int, str]]
) -> dict[tuple[int, str], Location]:
    """Where each cell starts, by (line of its record, column name): its first non-blank
    character, as the loader places its own problems.

    The file is read again in the encoding it was loaded in, only up to the last record
    asked for, and only those records are scanned; a list from stdin or a pipe is read from
    the bytes `files.replay` serves, so call this within it. A cell that cannot be found again
    (the file changed or went away since it was loaded) is placed at its record's start.
    Raises `ValueError` for a column the list does not have.
    """
    wanted: dict[int, dict[str, int]] = {}  # record line → column name → cell index
    for first, name in cells:
        wanted.setdefault(first, {})[name] = contacts.columns.index(name)
    found: dict[tuple[int, str], Location] = {}
    try:
        with _reopen(contacts) as text:
            found.update(_find(contacts, enumerate(text, 1), wanted))
    except (OSError, UnicodeDecodeError, RecallError):
        pass  # the file is not what was loaded any more: what is left stays at its record
    for first, names in wanted.items():
        for name in names:
            if (first, name) not in found:
                found[first, name] = Location(contacts.file, first, 1)
    return found


def _find(
    contacts: ContactList, lines: Iterator[tuple[int, str]], wanted: dict[int, dict[str, int]]
) -> Iterator[tuple[tuple[int, str], Location]]:
    """Scan the records `wanted` names as `lines` goes past them; stop after the last."""
    if not wanted:
        return
    last, limit, delimiter = max(wanted), csv.field_size_limit(), contacts.delimiter
    for number, text in lines:
        names = wanted.get(number)
        if names is not None:
            # The scan takes the record's further lines from `lines` itself, so that this
            # loop goes on after the record.
            stop = max(names.values()) + 1
            record = _scan(chain([(number, text)], lines), number, delimiter, limit, stop)
            for name, index in names.items():
                where = _cell_start(record, index, delimiter)
                yield (number, name), Location(contacts.file, *where)
        if number >= last:
            return


@contextmanager
def _reopen(contacts: ContactList) -> Iterator[TextIO]:
    """The list's text again, decoded as when it was loaded, with its line ends kept."""
    source = contacts.source or contacts.file
    if source == STDIN or replaying(source):
        if not replaying(source):
            # The stream was consumed by the load; reading it again would block at a terminal.
            raise OSError("stdin cannot be read twice")
        data = read_bytes(source, MAX_LIST_BYTES)
        with io.TextIOWrapper(io.BytesIO(data), contacts.encoding, newline="") as text:
            yield text
        return
    with Path(source).open(encoding=contacts.encoding, newline="") as text:
        yield text


# Reading the records


@dataclass(frozen=True, slots=True)
class _Layout:
    """Which header cells hold the id, the phones and the rest."""

    width: int
    id_index: int | None
    phone_indices: tuple[int, ...]
    other_indices: tuple[int, ...]
    other_names: tuple[str, ...]


def _picker(indices: Sequence[int]) -> Callable[[list[str]], tuple[str, ...]]:
    """A fast `cells -> tuple of cells[i] for i in indices`."""
    if not indices:
        return lambda cells: ()
    if len(indices) == 1:
        (index,) = indices
        return lambda cells: (cells[index],)
    getter: Callable[[list[str]], tuple[str, ...]] = itemgetter(*indices)
    return getter


def _whole_columns(
    reader: _Reader, layout: _Layout, consumed: int, before: int = 0, first: int = 1
) -> list[Contact] | None:
    """The records of the rest of `reader` (which has read `consumed` lines), built a column at
    a time — when every row is one line with one cell per header column and none is blank, as
    in nearly every list; None otherwise (a csv error too), for the row-by-row reading to
    find and place what differs. The reader's lines follow `before` others of the file, and
    its first record is the file's `first` (which numbers it when there is no id column).

    Column at a time, nearly every step runs in C: stripping, the phone tuples, the field
    pairs, zipping them into records. Only the columns kept are read.
    """
    try:
        rows = list(reader)
    except csv.Error:
        return None
    if not rows:
        return []
    if reader.line_num - consumed != len(rows) or set(map(len, rows)) != {layout.width}:
        return None
    count = len(rows)
    stripped: dict[int, list[str]] = {}

    def column(index: int) -> list[str]:
        if index not in stripped:
            stripped[index] = list(map(str.strip, map(itemgetter(index), rows)))
        return stripped[index]

    kept = [*layout.phone_indices, *layout.other_indices]
    if layout.id_index is not None:
        kept.append(layout.id_index)
    if _has_blank_row(rows, column, kept):
        return None
    phones: Iterable[tuple[str, ...]] = repeat((), count)
    if layout.phone_indices:
        phones = zip(*map(column, layout.phone_indices), strict=True)
    pairs: Iterable[tuple[tuple[str, str], ...]] = repeat((), count)
    if layout.other_indices:
        named = (
            zip(repeat(name), column(i))
            for name, i in zip(layout.other_names, layout.other_indices, strict=True)
        )
        pairs = zip(*named, strict=True)
    index = layout.id_index
    ids = map(str, range(first, first + count)) if index is None else column(index)
    lines = range(before + consumed + 1, before + consumed + count + 1)
    return list(map(Contact._make, zip(ids, phones, pairs, lines, strict=False)))


def _has_blank_row(
    rows: list[list[str]], column: Callable[[int], list[str]], kept: list[int]
) -> bool:
    """Whether some of `rows` is blank in every cell, given `column(i)`, column i stripped,
    for the `kept` columns (at least the phones).

    A kept column without an empty cell proves there is none; otherwise only the rows empty
    in every kept column are looked at in the others.
    """
    if not all("" in column(index) for index in kept):
        return False
    empty = [
        position
        for position, filled in enumerate(map(any, zip(*map(column, kept), strict=True)))
        if not filled
    ]
    rest = [index for index in range(len(rows[0])) if index not in kept]
    return any(not any(rows[position][index].strip() for index in rest) for position in empty)


class _ListReader:
    """One reading of one list; collects problems in `problems`."""

    def __init__(self, name: str, columns: ListColumns, fields: bool = True) -> None:
        self.name = name
        self.columns = columns
        self.fields = fields
        self.problems: list[Problem] = []
        self.lines: list[str] = []
        self.delimiter = DEFAULT_DELIMITER
        self.limit = csv.field_size_limit()

    def read(self, data: bytes, forced: str | None, source: str) -> ContactList | None:
        text, encoding = _decode(self.name, data, forced)
        self.lines = _split(text)
        del text
        self.delimiter = detect_delimiter(_first_content(self.lines))
        reader = csv.reader(self.lines, delimiter=self.delimiter)
        header, header_line = self._header(reader)
        layout = self._layout(header, header_line)
        records = self._records(reader, layout, header_line)
        if records is None:
            return None
        return ContactList(
            file=self.name,
            records=records,
            columns=header,
            id_column=None if layout.id_index is None else header[layout.id_index],
            phone_columns=tuple(header[i] for i in layout.phone_indices),
            encoding=encoding,
            delimiter=self.delimiter,
            source=source,
        )

    def _header(self, reader: _Reader) -> tuple[tuple[str, ...], int]:
        """The first non-blank row, trimmed, and its line."""
        previous = start = 0
        try:
            for row in reader:
                start, previous = previous + 1, reader.line_num
                cells = tuple(cell.strip() for cell in row)
                if any(cells):
                    return cells, start
        except csv.Error as error:
            raise _UnusableError(self._syntax(error, previous + 1)) from None
        open_quote = self._scan(start).open_quote if start else None
        if open_quote is not None:
            raise _UnusableError(self._unclosed(open_quote))
        raise _UnusableError(self._problem(1, 1, codes.NO_HEADER, "contacts.no_header"))

    def _layout(self, header: tuple[str, ...], line: int) -> _Layout:
        """Find the id and phone columns; every header problem is raised together."""
        problems: list[Problem] = []
        wanted_id, wanted_phones = self.columns.id_column, self.columns.phone_columns
        if wanted_id is not None:
            id_index = self._find(header, wanted_id.strip(), line, problems)
        else:
            id_index = next((header.index(name) for name in ID_COLUMNS if name in header), None)
        phones: list[int] = []
        if wanted_phones is not None:
            for wanted in dict.fromkeys(name.strip() for name in wanted_phones):
                index = self._find(header, wanted, line, problems)
                if index is not None:
                    phones.append(index)
        else:
            phones = [
                index
                for index, name in enumerate(header)
                if index != id_index and is_phone_header(name)
            ]
        if not phones and not problems:
            columns = ", ".join(header)
            problems.append(
                self._problem(
                    line, 1, codes.NO_PHONE_COLUMNS, "contacts.no_phone_columns", columns=columns
                )
            )
        keys = {"contacts.duplicate_phone_column": phones}
        if id_index is not None:
            keys = {"contacts.duplicate_id_column": [id_index], **keys}
        for key, indices in keys.items():
            for name in dict.fromkeys(header[index] for index in indices):
                where = [index for index, cell in enumerate(header) if cell == name]
                problems.extend(
                    self._problem(
                        *self._cell(line, index),
                        codes.DUPLICATE_COLUMN,
                        key,
                        name=name,
                        first=where[0] + 1,
                    )
                    for index in where[1:]
                )
        if problems:
            raise _UnusableError(*problems)
        taken = {*phones, id_index}
        others = tuple(index for index in range(len(header)) if index not in taken and self.fields)
        names = tuple(header[index] for index in others)
        return _Layout(len(header), id_index, tuple(phones), others, names)

    def _find(
        self, header: tuple[str, ...], wanted: str, line: int, problems: list[Problem]
    ) -> int | None:
        """The index of the column the config names, or None with an UNKNOWN_COLUMN problem."""
        if wanted in header:
            return header.index(wanted)
        hints = [name for name in header if name.casefold() == wanted.casefold()]
        hints = hints or difflib.get_close_matches(wanted, header, n=1, cutoff=0.6)
        if hints:
            problems.append(
                self._problem(
                    line,
                    1,
                    codes.UNKNOWN_COLUMN,
                    "contacts.unknown_column_hint",
                    name=wanted,
                    hint=hints[0],
                )
            )
        else:
            problems.append(
                self._problem(
                    line,
                    1,
                    codes.UNKNOWN_COLUMN,
                    "contacts.unknown_column",
                    name=wanted,
                    columns=", ".join(header),
                )
            )
        return None

    def _records(
        self, reader: _Reader, layout: _Layout, header_line: int
    ) -> tuple[Contact, ...] | None:
        """One Contact per non-blank row; problems are noted, placed later.

        The usual list — every record one line of the header's width, none blank — is built
        column by column (`_whole_columns`); any other is read again row by row.
        """
        consumed = reader.line_num
        records = _whole_columns(reader, layout, consumed)
        broken = False
        # The line of the last row read, blank or not: an open quote there swallowed the rest.
        last = records[-1].line if records else header_line
        if records is None:
            rows = csv.reader(islice(self.lines, consumed, None), delimiter=self.delimiter)
            records, last, broken = self._row_by_row(rows, consumed, layout, header_line)
        if layout.id_index is not None:
            self._check_ids(records, layout.id_index)
        if broken:
            return None
        open_quote = self._scan(last).open_quote
        if open_quote is not None:
            self.problems.append(self._unclosed(open_quote))
        if not records and not errors_in(self.problems):
            self.problems.append(
                self._problem(header_line, 1, codes.NO_RECORDS, "contacts.no_records")
            )
        return tuple(records)

    def _row_by_row(
        self, reader: _Reader, offset: int, layout: _Layout, header_line: int
    ) -> tuple[list[Contact], int, bool]:
        """The records of rows read after line `offset`, the line the last row started on
        (`header_line` when there is none), and whether a csv error cut them off.

        Blank rows are skipped, short rows padded, and long ones noted when their extra cells
        hold anything.
        """
        width, id_index = layout.width, layout.id_index
        phones = _picker(layout.phone_indices)
        others = _picker(layout.other_indices)
        names = layout.other_names
        ragged: list[tuple[int, int]] = []
        records: list[Contact] = []
        append, make, strip = records.append, Contact, str.strip
        previous, last = offset, header_line
        count = 0
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
                append(
                    make(
                        record_id,
                        phones(cells),
                        tuple(zip(names, others(cells), strict=False)),
                        start,
                    )
                )
        except csv.Error as error:
            self.problems.append(self._syntax(error, previous + 1))
            broken = True
        self._place_ragged(layout, ragged)
        return records, last, broken

    def _place_ragged(self, layout: _Layout, ragged: list[tuple[int, int]]) -> None:
        self.problems.extend(
            self._problem(
                *self._cell(line, layout.width),
                codes.RAGGED_ROW,
                "contacts.ragged_row",
                extra=extra,
                columns=layout.width,
            )
            for line, extra in ragged
        )

    def _check_ids(self, records: list[Contact], id_index: int) -> None:
        """Empty and repeated ids; a set in C answers "none" fast, only then Python looks."""
        ids = set(map(_ID, records))
        if len(ids) == len(records) and "" not in ids:
            return
        seen: dict[str, int] = {}
        for record in records:
            if not record.id:
                where = self._cell(record.line, id_index)
                self.problems.append(self._problem(*where, codes.EMPTY_ID, "contacts.empty_id"))
            elif (first := seen.setdefault(record.id, record.line)) != record.line:
                where = self._cell(record.line, id_index)
                self.problems.append(
                    self._problem(
                        *where,
                        codes.DUPLICATE_ID,
                        "contacts.duplicate_id",
                        id=record.id,
                        line=first,
                    )
                )

    # Positions

    def _scan(self, line: int, stop: int | None = None) -> _Record:
        return _scan(_numbered(self.lines, line), line, self.delimiter, self.limit, stop)

    def _cell(self, line: int, index: int) -> tuple[int, int]:
        """Where cell `index` of the record on `line` starts (see `_cell_start`)."""
        return _cell_start(self._scan(line, index + 1), index, self.delimiter)

    def _syntax(self, error: csv.Error, line: int) -> Problem:
        """A csv.Error while reading the record that starts on `line`."""
        record = self._scan(line)
        if record.too_long >= 0:
            return self._problem(
                *record.cells[record.too_long],
                codes.CSV_SYNTAX,
                "contacts.cell_too_long",
                limit=self.limit,
            )
        if record.open_quote is not None:
            return self._unclosed(record.open_quote)
        return self._problem(line, 1, codes.CSV_SYNTAX, "contacts.csv_error", reason=str(error))

    def _unclosed(self, where: tuple[int, int]) -> Problem:
        return self._problem(*where, codes.CSV_SYNTAX, "contacts.unclosed_quote")

    def _problem(
        self,
        line: int,
        column: int,
        code: Code,
        key: str,
        /,
        **params: object,
    ) -> Problem:
        return Problem(Location(self.name, line, column), code, Message(key, params))
