"""The usual list read a column at a time: every record one line of the header's width, none
blank. Nearly every step runs in C: stripping, the phone tuples, the field pairs, zipping them
into records. The records come as a `Chunk` that keeps the phone columns, for what is found
about phone cells a column at a time."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from itertools import repeat
from operator import itemgetter
from typing import TYPE_CHECKING

from recall_cli.engine.contact import Contact
from recall_cli.loaders.contacts.chunk import Chunk
from recall_cli.loaders.contacts.columns import Layout

if TYPE_CHECKING:
    from _csv import Reader

_NEW = tuple.__new__
"""`Contact._make` without its Python frame and length check (each record zipped from five
columns has five fields): a third less time a record."""


def whole_columns(
    reader: Reader, layout: Layout, consumed: int, before: int = 0, first: int = 1
) -> list[Contact] | None:
    """The records of the rest of `reader` (which has read `consumed` lines), built a column at
    a time — when every row is one line with one cell per header column and none is blank, as
    in nearly every list; None otherwise (a csv error too), for the row-by-row reading to
    find and place what differs. The reader's lines follow `before` others of the file, and
    its first record is the file's `first` (which numbers it when there is no id column).
    Only the columns kept are read.
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
    if layout.zone_index is not None:
        kept.append(layout.zone_index)
    if _has_blank_row(rows, column, kept):
        return None
    phone_columns = tuple(map(column, layout.phone_indices))
    phones: Iterable[tuple[str, ...]] = repeat((), count)
    if phone_columns:
        phones = zip(*phone_columns, strict=True)
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
    zones: Iterable[str] = repeat("", count)
    if layout.zone_index is not None:
        zones = column(layout.zone_index)
    fields = zip(ids, phones, pairs, lines, zones, strict=False)
    return Chunk(map(_NEW, repeat(Contact), fields), phone_columns)


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
