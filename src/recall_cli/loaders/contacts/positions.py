"""Where a list's cells start, worked out only when a problem needs it.

Loading reads nothing per cell but its value. Where a cell starts is found afterwards, and
only for the records that have a problem, by re-reading the record's lines with the same
quoting rules as the csv module; `locate_cells` does the same for a list already loaded,
re-reading its file up to the last line it needs.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from itertools import chain
from pathlib import Path
from typing import TextIO

from recall_cli.loaders import codes
from recall_cli.loaders.contacts.model import ContactList
from recall_cli.loaders.files import STDIN, Source
from recall_cli.messages import Message
from recall_cli.problems import Code, Location, Problem, RecallError

_NEWLINE = "\r\n"


class _State(Enum):
    START = 0  # at the start of a cell
    PLAIN = 1  # in an unquoted cell
    QUOTED = 2  # inside quotes
    QUOTE = 3  # just after a quote inside quotes: closing, or the first of ""


@dataclass(slots=True)
class Record:
    """Where a record's cells start, where it ends, and what went wrong reading it."""

    cells: list[tuple[int, int]]
    end: tuple[int, int]
    lines: list[str]  # the physical lines read, from the record's first
    open_quote: tuple[int, int] | None = None  # a quote still open when the text ended
    too_long: int = -1  # the cell that grew past the csv field limit


def numbered(lines: Sequence[str], first: int, before: int = 0) -> Iterator[tuple[int, str]]:
    """Lines `first`, `first + 1`… of `lines` with their 1-based numbers in the file, whose
    first `before` lines come before `lines`."""
    return (
        (number, lines[number - 1 - before]) for number in range(first, before + len(lines) + 1)
    )


def scan(
    lines: Iterator[tuple[int, str]],
    first: int,
    delimiter: str,
    limit: int,
    stop: int | None = None,
) -> Record:
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
                return Record(cells, (number, column), read)
            if char == delimiter and state is not _State.QUOTED:
                cells.append((number, column + 1))
                if len(cells) == stop:
                    return Record(cells, (number, column + 1), read)
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
                return Record(cells, (number, column), read, too_long=len(cells) - 1)
    end = (number, len(line) + 1) if read else (first, 1)
    return Record(cells, end, read, quote_at if state is _State.QUOTED else None)


def _before_quotes(number: int, line: str, delimiter: str, stop: int | None) -> Record | None:
    """What `scan` finds in a record whose first line has no quote (or, with `stop`, none
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
        return Record(cells, (number, len(text) + 1), [line])
    if stop is not None and len(cells) >= stop:
        return Record(cells[:stop], cells[stop - 1], [line])
    return None


def cell_start(record: Record, index: int, delimiter: str) -> tuple[int, int]:
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


@dataclass(frozen=True, slots=True)
class ListText:
    """A list's physical lines as the loader read them, and how a problem is placed in them."""

    name: str
    lines: list[str]
    delimiter: str
    limit: int
    """The csv module's field size limit when the list was read."""
    before: int = 0
    """The file's lines before `lines`: a list read in chunks holds one chunk's lines."""

    def scan(self, line: int, stop: int | None = None) -> Record:
        lines = numbered(self.lines, line, self.before)
        return scan(lines, line, self.delimiter, self.limit, stop)

    def cell(self, line: int, index: int) -> tuple[int, int]:
        """Where cell `index` of the record on `line` starts (see `cell_start`)."""
        return cell_start(self.scan(line, index + 1), index, self.delimiter)

    def syntax(self, error: csv.Error, line: int) -> Problem:
        """A csv.Error while reading the record that starts on `line`."""
        record = self.scan(line)
        if record.too_long >= 0:
            return self.problem(
                *record.cells[record.too_long],
                codes.CSV_SYNTAX,
                "contacts.cell_too_long",
                limit=self.limit,
            )
        if record.open_quote is not None:
            return self.unclosed(record.open_quote)
        return self.problem(line, 1, codes.CSV_SYNTAX, "contacts.csv_error", reason=str(error))

    def unclosed(self, where: tuple[int, int]) -> Problem:
        return self.problem(*where, codes.CSV_SYNTAX, "contacts.unclosed_quote")

    def problem(
        self,
        line: int,
        column: int,
        code: Code,
        key: str,
        /,
        **params: object,
    ) -> Problem:
        return Problem(Location(self.name, line, column), code, Message(key, params))


# Finding cells of a list already loaded


def locate_cells(
    contacts: ContactList, cells: Iterable[tuple[int, str]]
) -> dict[tuple[int, str], Location]:
    """Where each cell starts, by (line of its record, column name): its first non-blank
    character, as the loader places its own problems.

    The file is read again in the encoding it was loaded in, only up to the last record
    asked for, and only those records are scanned; a list whose bytes were handed to the
    loader (stdin, a pipe) is read from those bytes, and one from stdin read by the loader
    itself cannot be read again. A cell that cannot be found again (the file changed or went
    away since it was loaded) is placed at its record's start.
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
            record = scan(chain([(number, text)], lines), number, delimiter, limit, stop)
            for name, index in names.items():
                where = cell_start(record, index, delimiter)
                yield (number, name), Location(contacts.file, *where)
        if number >= last:
            return


@contextmanager
def _reopen(contacts: ContactList) -> Iterator[TextIO]:
    """The list's text again, decoded as when it was loaded, with its line ends kept."""
    source = contacts.source or Source(contacts.file)
    if source.data is not None:
        with io.TextIOWrapper(io.BytesIO(source.data), contacts.encoding, newline="") as text:
            yield text
        return
    if source.path == STDIN:
        # The stream was consumed by the load; reading it again would block at a terminal.
        raise OSError("stdin cannot be read twice")
    with Path(source.path).open(encoding=contacts.encoding, newline="") as text:
        yield text
