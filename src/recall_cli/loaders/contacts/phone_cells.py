"""What a list's headers and phone cells say: which columns hold phones, and which cells a
run cannot dial as they stand.

A run dials every cell that holds a digit, as it is written; what `recall validate` would
say about the rest is counted here, so that `recall simulate` can tell what it skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, compress
from operator import attrgetter, not_

from recall_cli.engine.contact import Contact, no_digit
from recall_cli.loaders.contacts.chunk import phone_columns

_PHONE_START = ("phone", "телефон")
_PHONE_PART = ("телефон", "phone", "mobile", "мобильн")
# `тел`, `моб` or `cell` alone, or followed by a dot, a space, `_` or a digit.
_PHONE_SHORT = re.compile(r"(?:тел|моб|cell)(?:[. _0-9].*)?", re.S)

# What a spreadsheet leaves of a phone it took for a number: 9.16E+09, 9,16E+09, 79161234567.0.
_EXCEL = re.compile(r"[0-9]+(?:[.,][0-9]+)?[eE]\+?[0-9]+|[0-9]+[.,]0+")
_LETTER = re.compile(r"[^\W\d_]").search
# Over the phone cells joined by newlines (and framed by them): a character no clean phone
# has, or a line of such characters without a digit. Finding neither proves every cell clean
# in two passes in C (two searches each start fast, one pattern with both would not); finding
# one only means the cells are looked at one by one.
_ODD_CHARACTER = re.compile(r"[^0-9 +()\-\n]").search
_NO_DIGIT_LINE = re.compile(r"\n[ +()\-]+\n").search
_PHONES = attrgetter("phones")
_LINE = attrgetter("line")


def is_phone_header(name: str) -> bool:
    """Whether a column headed `name` holds phones when the config names none: it starts with
    `phone` or `телефон`, or contains `телефон`, `phone`, `mobile` or `мобильн`, or is `тел`,
    `моб` or `cell` alone or followed by `.`, a space, `_` or a digit (case-insensitive)."""
    folded = name.casefold()
    return (
        folded.startswith(_PHONE_START)
        or any(part in folded for part in _PHONE_PART)
        or _PHONE_SHORT.fullmatch(folded) is not None
    )


def excel_damaged(text: str) -> bool:
    """True for a phone that a spreadsheet turned into a float (digits lost or `.0` added)."""
    return _EXCEL.fullmatch(text.replace(" ", "")) is not None


@dataclass(frozen=True, slots=True)
class ListProblems:
    """The lines of the list's records with phone cells a run cannot take as they are, one
    line a cell (a record's line again for each such cell of it), in list order; and the
    lines of the records with no number to dial at all."""

    no_number: tuple[int, ...] = ()
    """Cells with no digit 0–9 (a name shifted into a phone column): never dialled."""
    excel: tuple[int, ...] = ()
    """Cells a spreadsheet turned into a number (9.16E+09): dialled as they are."""
    letters: tuple[int, ...] = ()
    """Cells with letters among their digits: dialled as they are."""
    no_dialable: tuple[int, ...] = ()
    """Records none of whose cells holds a digit: closed without a dial."""

    def __bool__(self) -> bool:
        return bool(self.no_number or self.excel or self.letters or self.no_dialable)

    def counts(self) -> dict[str, int]:
        """The number of each, by the names JSON output gives them."""
        return {
            "cells_without_number": len(self.no_number),
            "excel_damaged_cells": len(self.excel),
            "cells_with_letters": len(self.letters),
            "records_without_number": len(self.no_dialable),
        }


def list_problems(contacts: Sequence[Contact]) -> ListProblems:
    """What `contacts` hold that a run cannot dial as it stands (see `ListProblems`)."""
    columns = phone_columns(contacts)
    if columns is not None:
        return _by_columns(contacts, columns)
    phones = list(map(_PHONES, contacts))
    if _clean("\n".join(chain.from_iterable(phones))):
        # Every non-empty cell holds a digit: only records with no phone at all remain.
        empty = map(not_, map(any, phones))
        return ListProblems(no_dialable=tuple(map(_LINE, compress(contacts, empty))))
    return _one_by_one(contacts)


def _by_columns(contacts: Sequence[Contact], columns: tuple[list[str], ...]) -> ListProblems:
    """`list_problems` of `contacts`, whose phone cells are `columns`: each column joined
    whole (the two searches find the same in any order of the cells), and a record without a
    phone sought only when every column has an empty cell."""
    if not all(_clean("\n".join(column)) for column in columns):
        return _one_by_one(contacts)
    if not all("" in column for column in columns):
        return ListProblems()
    empty = map(not_, map(any, zip(*columns, strict=True)))
    return ListProblems(no_dialable=tuple(map(_LINE, compress(contacts, empty))))


def _clean(joined: str) -> bool:
    """Whether every line of `joined` (phone cells joined by newlines) is empty or holds a
    digit and nothing a clean phone has not."""
    return _ODD_CHARACTER(joined) is None and _NO_DIGIT_LINE(f"\n{joined}\n") is None


def blank_patterns(contacts: Sequence[Contact]) -> list[tuple[bool, ...]]:
    """Each record's `tuple(map(no_digit, phones))` (which of its cells are never dialled), in
    record order: a column at a time for a `Chunk` that keeps its phone columns."""
    columns = phone_columns(contacts)
    if columns is None:
        return [tuple(map(no_digit, contact.phones)) for contact in contacts]
    if not columns:
        return [()] * len(contacts)
    return list(zip(*[list(map(no_digit, column)) for column in columns], strict=True))


def _one_by_one(contacts: Iterable[Contact]) -> ListProblems:
    no_number: list[int] = []
    excel: list[int] = []
    letters: list[int] = []
    no_dialable: list[int] = []
    for contact in contacts:
        line = contact.line
        dialled = False
        for text in contact.phones:
            if not text:
                continue
            if no_digit(text):
                no_number.append(line)
                continue
            dialled = True
            if excel_damaged(text):
                excel.append(line)
            elif _LETTER(text) is not None:
                letters.append(line)
        if not dialled:
            no_dialable.append(line)
    return ListProblems(tuple(no_number), tuple(excel), tuple(letters), tuple(no_dialable))


def combined(parts: Iterable[ListProblems]) -> ListProblems:
    """The problems of a list from those of its parts, in list order."""
    found = list(parts)
    return ListProblems(
        tuple(chain.from_iterable(part.no_number for part in found)),
        tuple(chain.from_iterable(part.excel for part in found)),
        tuple(chain.from_iterable(part.letters for part in found)),
        tuple(chain.from_iterable(part.no_dialable for part in found)),
    )
