"""A contact list's head: the lines up to its header, read for the delimiter (of the first line
with content), the header and its layout (`Head`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

from recall_cli.loaders import codes
from recall_cli.loaders.contacts.columns import Layout, find_layout
from recall_cli.loaders.contacts.dialect import detect_delimiter, first_content
from recall_cli.loaders.contacts.model import ListColumns, UnusableError
from recall_cli.loaders.contacts.positions import ListText
from recall_cli.loaders.files import Source

if TYPE_CHECKING:
    from _csv import Reader


@dataclass(frozen=True, slots=True)
class Head:
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


def read_head(source: Source, lines: Iterator[str], columns: ListColumns, fields: bool) -> Head:
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
    return Head(delimiter, header, header_line, reader.line_num, layout, text)


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
