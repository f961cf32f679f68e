"""Which columns of a list's header hold the id, the phones and the rest: those the config
names, else found by their headers; and what is wrong with the header for that."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass

from recall_cli.loaders import codes
from recall_cli.loaders.contacts.model import ListColumns, UnusableError
from recall_cli.loaders.contacts.phone_cells import is_phone_header
from recall_cli.loaders.contacts.positions import ListText
from recall_cli.problems import Problem

ID_COLUMNS = ("id", "ID", "№", "record_id")
ZONE_COLUMNS = ("timezone", "tz", "часовой пояс")
"""Headers (any letter case) that name a list's time zone column when the config names none."""


@dataclass(frozen=True, slots=True)
class Layout:
    """Which header cells hold the id, the phones and the rest."""

    width: int
    id_index: int | None
    phone_indices: tuple[int, ...]
    other_indices: tuple[int, ...]
    other_names: tuple[str, ...]
    zone_index: int | None = None
    """The time zone column, read into each record's `zone`; None when it is not read."""


def find_layout(
    header: tuple[str, ...], line: int, columns: ListColumns, fields: bool, text: ListText
) -> Layout:
    """The layout of `header` (on `line`); every header problem is raised together. Without
    `fields`, no column is kept besides the id and the phones."""
    problems: list[Problem] = []
    if columns.id_column is not None:
        id_index = _find(header, columns.id_column.strip(), line, text, problems)
    else:
        id_index = next((header.index(name) for name in ID_COLUMNS if name in header), None)
    phones: list[int] = []
    if columns.phone_columns is not None:
        for wanted in dict.fromkeys(name.strip() for name in columns.phone_columns):
            index = _find(header, wanted, line, text, problems)
            if index is not None:
                phones.append(index)
    else:
        phones = [
            index
            for index, name in enumerate(header)
            if index != id_index and is_phone_header(name)
        ]
    if not phones and not problems:
        problems.append(
            text.problem(
                line,
                1,
                codes.NO_PHONE_COLUMNS,
                "contacts.no_phone_columns",
                columns=", ".join(header),
            )
        )
    zone_index = _zone_index(header, line, columns, text, problems)
    problems.extend(_duplicates(header, line, id_index, phones, text))
    if problems:
        raise UnusableError(*problems)
    taken = {*phones, id_index}
    # The zone column stays among the others too: it is shown as it was before it was read.
    others = tuple(index for index in range(len(header)) if index not in taken and fields)
    names = tuple(header[index] for index in others)
    zone_index = zone_index if columns.zones else None
    return Layout(len(header), id_index, tuple(phones), others, names, zone_index)


def _zone_index(
    header: tuple[str, ...],
    line: int,
    columns: ListColumns,
    text: ListText,
    problems: list[Problem],
) -> int | None:
    """The time zone column: the one the config names (which must exist, read or not), else the
    first headed `timezone`, `tz` or `часовой пояс` in any letter case; None when none is."""
    if columns.timezone_column is not None:
        return _find(header, columns.timezone_column.strip(), line, text, problems)
    return next(
        (index for index, name in enumerate(header) if name.casefold() in ZONE_COLUMNS), None
    )


def _duplicates(
    header: tuple[str, ...], line: int, id_index: int | None, phones: list[int], text: ListText
) -> Iterator[Problem]:
    """Each header cell after the first that repeats the name of the id or a phone column."""
    keys = {"contacts.duplicate_phone_column": phones}
    if id_index is not None:
        keys = {"contacts.duplicate_id_column": [id_index], **keys}
    for key, indices in keys.items():
        for name in dict.fromkeys(header[index] for index in indices):
            where = [index for index, cell in enumerate(header) if cell == name]
            for index in where[1:]:
                yield text.problem(
                    *text.cell(line, index),
                    codes.DUPLICATE_COLUMN,
                    key,
                    name=name,
                    first=where[0] + 1,
                )


def _find(
    header: tuple[str, ...], wanted: str, line: int, text: ListText, problems: list[Problem]
) -> int | None:
    """The index of the column the config names, or None with an UNKNOWN_COLUMN problem."""
    if wanted in header:
        return header.index(wanted)
    hints = [name for name in header if name.casefold() == wanted.casefold()]
    hints = hints or difflib.get_close_matches(wanted, header, n=1, cutoff=0.6)
    if hints:
        problems.append(
            text.problem(
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
            text.problem(
                line,
                1,
                codes.UNKNOWN_COLUMN,
                "contacts.unknown_column",
                name=wanted,
                columns=", ".join(header),
            )
        )
    return None
