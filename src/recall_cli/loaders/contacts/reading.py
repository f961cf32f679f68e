"""Reading a contact list: its bytes to a `ContactList`, every problem at its line and column.

The normal path is `csv.reader` over the decoded lines with nothing per cell but `strip()`,
a column at a time (`columnar`); any other list is read again row by row. Problems are placed
(`positions`) only after the rows that have them are known.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from itertools import islice
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from recall_cli.engine.contact import Contact
from recall_cli.engine.zones import parse_zone_cell
from recall_cli.loaders import codes
from recall_cli.loaders.contacts import columnar
from recall_cli.loaders.contacts.columns import Layout, find_layout
from recall_cli.loaders.contacts.decoding import codec_name, decode, split_lines
from recall_cli.loaders.contacts.dialect import detect_delimiter, first_content
from recall_cli.loaders.contacts.model import (
    MAX_LIST_BYTES,
    ContactList,
    ListColumns,
    ListReport,
    UnusableError,
)
from recall_cli.loaders.contacts.positions import ListText
from recall_cli.loaders.files import Source, as_source, read_source
from recall_cli.loaders.gc_pause import paused_gc
from recall_cli.problems import Location, Problem, RecallError, UnreadableError, errors_in

if TYPE_CHECKING:
    from _csv import Reader

_ID = attrgetter("id")


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
) -> ListReport:
    """Read a list, collecting every problem (warnings included) instead of stopping.

    `path` is a path ("-" for stdin) or a `Source` holding bytes read already. A missing file,
    or an encoding name no codec knows, raises `UnreadableError` (exit 2).
    """
    source = as_source(path)
    codec = None if encoding is None else codec_name(source.name, encoding)
    try:
        data = read_source(source, MAX_LIST_BYTES)
    except UnreadableError:
        raise
    except RecallError as error:
        return ListReport(None, sorted(error.problems, key=_where))
    problems: list[Problem] = []
    try:
        with paused_gc():
            contacts = _read(source, data, codec, columns or ListColumns(), fields, problems)
    except UnusableError as stop:
        problems.extend(stop.problems)
        contacts = None
    problems.sort(key=_where)
    if errors_in(problems):
        contacts = None
    return ListReport(contacts, problems)


def _where(problem: Problem) -> Location:
    return problem.location


def _read(
    source: Source,
    data: bytes,
    forced: str | None,
    columns: ListColumns,
    fields: bool,
    problems: list[Problem],
) -> ContactList | None:
    """The list in `data`, noting its problems in `problems`; None when a csv error cut it
    off. Problems after which nothing more can be read are raised as `UnusableError`."""
    decoded, encoding = decode(source.name, data, forced)
    lines = split_lines(decoded)
    del decoded
    delimiter = detect_delimiter(first_content(lines))
    text = ListText(source.name, lines, delimiter, csv.field_size_limit())
    reader = csv.reader(lines, delimiter=delimiter)
    header, header_line = _header(reader, text)
    layout = find_layout(header, header_line, columns, fields, text)
    records = _Records(text, problems).read(reader, layout, header_line)
    if records is None:
        return None
    return ContactList(
        file=source.name,
        records=records,
        columns=header,
        id_column=None if layout.id_index is None else header[layout.id_index],
        phone_columns=tuple(header[i] for i in layout.phone_indices),
        encoding=encoding,
        delimiter=delimiter,
        source=source,
        timezone_column=None if layout.zone_index is None else header[layout.zone_index],
    )


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
    """Reading the records after the header of one list; problems go to `problems`."""

    def __init__(self, text: ListText, problems: list[Problem]) -> None:
        self.text = text
        self.problems = problems

    def read(self, reader: Reader, layout: Layout, header_line: int) -> tuple[Contact, ...] | None:
        """One Contact per non-blank row; problems are noted, placed later.

        The usual list — every record one line of the header's width, none blank — is built
        column by column (`columnar.whole_columns`); any other is read again row by row.
        """
        consumed = reader.line_num
        records = columnar.whole_columns(reader, layout, consumed)
        broken = False
        # The line of the last row read, blank or not: an open quote there swallowed the rest.
        last = records[-1].line if records else header_line
        if records is None:
            lines = islice(self.text.lines, consumed, None)
            rows = csv.reader(lines, delimiter=self.text.delimiter)
            records, last, broken = self._row_by_row(rows, consumed, layout, header_line)
        if layout.id_index is not None:
            self._check_ids(records, layout.id_index)
        if layout.zone_index is not None:
            self._check_zones(records, layout.zone_index)
        if broken:
            return None
        open_quote = self.text.scan(last).open_quote
        if open_quote is not None:
            self.problems.append(self.text.unclosed(open_quote))
        if not records and not errors_in(self.problems):
            self.problems.append(
                self.text.problem(header_line, 1, codes.NO_RECORDS, "contacts.no_records")
            )
        return tuple(records)

    def _row_by_row(
        self, reader: Reader, offset: int, layout: Layout, header_line: int
    ) -> tuple[list[Contact], int, bool]:
        """The records of rows read after line `offset`, the line the last row started on
        (`header_line` when there is none), and whether a csv error cut them off.

        Blank rows are skipped, short rows padded, and long ones noted when their extra cells
        hold anything.
        """
        width, id_index, zone_index = layout.width, layout.id_index, layout.zone_index
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
                pairs = tuple(zip(names, others(cells), strict=False))
                zone = "" if zone_index is None else cells[zone_index]
                append(make(record_id, phones(cells), pairs, start, zone))
        except csv.Error as error:
            self.problems.append(self.text.syntax(error, previous + 1))
            broken = True
        self._place_ragged(layout, ragged)
        return records, last, broken

    def _place_ragged(self, layout: Layout, ragged: list[tuple[int, int]]) -> None:
        self.problems.extend(
            self.text.problem(
                *self.text.cell(line, layout.width),
                codes.RAGGED_ROW,
                "contacts.ragged_row",
                extra=extra,
                columns=layout.width,
            )
            for line, extra in ragged
        )

    def _check_zones(self, records: list[Contact], zone_index: int) -> None:
        """Each zone cell that names no time zone, at its cell; an empty cell names none and
        is no problem (the record's numbers find their zones). A list repeats a few zones:
        each distinct text is read once."""
        read: dict[str, str | None] = {}
        for record in records:
            cell = record.zone
            if not cell:
                continue
            if cell not in read:
                zone = parse_zone_cell(cell)
                read[cell] = zone if isinstance(zone, str) else None
            key = read[cell]
            if key is not None:
                where = self.text.cell(record.line, zone_index)
                self.problems.append(
                    self.text.problem(*where, codes.UNREADABLE_ZONE, key, value=cell)
                )

    def _check_ids(self, records: list[Contact], id_index: int) -> None:
        """Empty and repeated ids; a set in C answers "none" fast, only then Python looks."""
        ids = set(map(_ID, records))
        if len(ids) == len(records) and "" not in ids:
            return
        seen: dict[str, int] = {}
        for record in records:
            if not record.id:
                where = self.text.cell(record.line, id_index)
                self.problems.append(self.text.problem(*where, codes.EMPTY_ID, "contacts.empty_id"))
            elif (first := seen.setdefault(record.id, record.line)) != record.line:
                where = self.text.cell(record.line, id_index)
                self.problems.append(
                    self.text.problem(
                        *where,
                        codes.DUPLICATE_ID,
                        "contacts.duplicate_id",
                        id=record.id,
                        line=first,
                    )
                )
