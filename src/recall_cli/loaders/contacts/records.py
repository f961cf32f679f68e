"""Reading a list's records after its header, a chunk of lines at a time (`Records`): the usual
chunk column by column, any other row by row; with checking, each chunk's problems placed and
its ids noted.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING

from recall_cli.engine.contact import Contact
from recall_cli.engine.zones import parse_zone_cell
from recall_cli.loaders import codes
from recall_cli.loaders.contacts import columnar
from recall_cli.loaders.contacts.columns import Layout
from recall_cli.loaders.contacts.head import Head
from recall_cli.loaders.contacts.ids import IdLedger
from recall_cli.loaders.contacts.positions import ListText
from recall_cli.problems import Problem

if TYPE_CHECKING:
    from _csv import Reader

_ID = attrgetter("id")
_LINE = attrgetter("line")


def _picker(indices: Sequence[int]) -> Callable[[list[str]], tuple[str, ...]]:
    """A fast `cells -> tuple of cells[i] for i in indices`."""
    if not indices:
        return lambda cells: ()
    if len(indices) == 1:
        (index,) = indices
        return lambda cells: (cells[index],)
    getter: Callable[[list[str]], tuple[str, ...]] = itemgetter(*indices)
    return getter


class Records:
    """Reading the records after the header of one list, a chunk of lines at a time; with
    `check`, problems go to `problems` and ids to `ids`."""

    def __init__(self, name: str, head: Head, problems: list[Problem], *, check: bool) -> None:
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
            ids = list(map(_ID, records))
            if "" in ids:
                self._empty_ids(records, text, layout.id_index)
                named = [record for record in records if record.id]
                self.ids.add(map(_ID, named), map(_LINE, named))
            else:
                self.ids.add(ids, map(_LINE, records))
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
