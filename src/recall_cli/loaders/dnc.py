"""Do-not-call lists: CSV bytes → the phones never to dial, each problem at its file:line:column.

A DNC file is a CSV whose first non-blank line is a header when it holds no digit 0–9 (a
header names columns; every phone holds a digit). The header's `phone`, `телефон`, `number`
or `номер` column (case-insensitive; else the first column) holds the phones, and an
optional `until` column an ISO date (YYYY-MM-DD) through which the entry applies; other
columns are ignored. A file whose first line holds a digit has no header: its first column
is the phone and a second one, if any, the `until` date — a one-column file is one number a
line. Bytes are decoded as contact lists are (UTF-8 with or without BOM, else cp1251).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from recall_cli.engine.contact import no_digit
from recall_cli.loaders import codes
from recall_cli.loaders.contacts.decoding import decode, split_lines
from recall_cli.loaders.contacts.dialect import detect_delimiter, first_content
from recall_cli.loaders.contacts.model import UnusableError
from recall_cli.loaders.contacts.positions import ListText
from recall_cli.loaders.files import MAX_BYTES, Source, as_source, read_source
from recall_cli.loaders.phone_keys import PhoneKeys
from recall_cli.problems import Problem, RecallError, UnreadableError, errors_in

PHONE_HEADERS = frozenset({"phone", "телефон", "number", "номер"})
UNTIL_HEADER = "until"
DEFAULT_REGION = "RU"


@dataclass(frozen=True, slots=True)
class DncEntry:
    """One phone of a DNC file: as written, its key (E.164 when valid in the region, else its
    text without spaces and punctuation), the last day it applies (None: no end), and where
    its cell starts."""

    phone: str
    key: str
    until: date | None
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class DncList:
    """A usable DNC file: one entry per phone, in file order (of two entries for one phone
    the one whose `until` ends later stands, at the first one's place; no `until` ends
    latest)."""

    file: str
    entries: tuple[DncEntry, ...]


@dataclass(slots=True)
class DncReport:
    """Everything a DNC file yields: the list when usable, and all problems found."""

    dnc: DncList | None
    problems: list[Problem]


def load_dnc(path: str | Path | Source, region: str = DEFAULT_REGION) -> DncList:
    """The DNC list in `path`, or a `RecallError` with every error in it (an
    `UnreadableError` for a file that cannot be read)."""
    report = check_dnc(path, region)
    errors = errors_in(report.problems)
    if errors or report.dnc is None:
        raise RecallError(errors)
    return report.dnc


def check_dnc(path: str | Path | Source, region: str = DEFAULT_REGION) -> DncReport:
    """Read a DNC file, collecting every problem (warnings included) instead of stopping; a
    missing or unreadable file raises `UnreadableError`."""
    source = as_source(path)
    try:
        data = read_source(source, MAX_BYTES)
    except UnreadableError:
        raise
    except RecallError as error:
        return DncReport(None, list(error.problems))
    problems: list[Problem] = []
    try:
        dnc = _read(source.name, data, region, problems)
    except UnusableError as stop:
        problems.extend(stop.problems)
        dnc = None
    problems.sort(key=lambda problem: problem.location)
    return DncReport(None if errors_in(problems) else dnc, problems)


@dataclass(frozen=True, slots=True)
class _Layout:
    phone: int
    until: int | None
    header_line: int
    """The header's line; 0 when the file has none."""


def _read(name: str, data: bytes, region: str, problems: list[Problem]) -> DncList | None:
    text, _ = decode(name, data, None)
    lines = split_lines(text)
    del text
    delimiter = detect_delimiter(first_content(lines))
    where = ListText(name, lines, delimiter, csv.field_size_limit())
    rows = list(_rows(where, problems))
    layout = _layout(rows)
    keys = PhoneKeys(region)
    entries: dict[str, DncEntry] = {}
    for line, cells in rows:
        if line == layout.header_line:
            continue
        entry = _entry(where, line, cells, layout, keys, problems)
        if entry is None:
            continue
        first = entries.setdefault(entry.key, entry)
        if first is not entry:
            problems.append(
                where.problem(
                    entry.line,
                    entry.column,
                    codes.DNC_DUPLICATE_ENTRY,
                    "dnc.duplicate_entry",
                    phone=entry.phone,
                    line=first.line,
                )
            )
            if _ends_later(entry.until, first.until):
                entries[entry.key] = DncEntry(
                    first.phone, first.key, entry.until, first.line, first.column
                )
    if not entries and not errors_in(problems):
        at = layout.header_line or 1
        problems.append(where.problem(at, 1, codes.DNC_EMPTY, "dnc.empty"))
    return DncList(name, tuple(entries.values()))


def _rows(where: ListText, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """Each non-blank row with the line it starts on, its cells stripped; a csv error ends
    the file there, as a problem."""
    reader = csv.reader(where.lines, delimiter=where.delimiter)
    previous = start = 0
    try:
        for row in reader:
            start, previous = previous + 1, reader.line_num
            cells = [cell.strip() for cell in row]
            if any(cells):
                yield start, cells
    except csv.Error as error:
        problems.append(where.syntax(error, previous + 1))
        return
    open_quote = where.scan(start).open_quote if start else None
    if open_quote is not None:
        problems.append(where.unclosed(open_quote))


def _layout(rows: Sequence[tuple[int, list[str]]]) -> _Layout:
    """The phone and `until` columns, from the header when the first row is one."""
    if not rows:
        return _Layout(0, None, 0)
    line, first = rows[0]
    if not all(map(no_digit, first)):
        return _Layout(0, 1, 0)
    names = [cell.casefold() for cell in first]
    phone = next((i for i, name in enumerate(names) if name in PHONE_HEADERS), 0)
    until = next((i for i, name in enumerate(names) if name == UNTIL_HEADER), None)
    return _Layout(phone, until, line)


def _entry(
    where: ListText,
    line: int,
    cells: list[str],
    layout: _Layout,
    keys: PhoneKeys,
    problems: list[Problem],
) -> DncEntry | None:
    """The row's entry; None, with a problem at the cell, when its phone has no digit or its
    `until` is not an ISO date."""
    phone = cells[layout.phone] if layout.phone < len(cells) else ""
    if no_digit(phone):
        problems.append(_bad(where, line, layout.phone, "dnc.bad_phone", phone=phone))
        return None
    until: date | None = None
    text = cells[layout.until] if layout.until is not None and layout.until < len(cells) else ""
    if text:
        until = _iso_date(text)
        if until is None:
            assert layout.until is not None
            problems.append(_bad(where, line, layout.until, "dnc.bad_until", until=text))
            return None
    _, column = where.cell(line, layout.phone)
    return DncEntry(phone, keys.key(phone), until, line, column)


def _iso_date(text: str) -> date | None:
    """A calendar date written YYYY-MM-DD, else None (`fromisoformat` alone also takes
    20261231 and 2026-W53-4)."""
    if len(text) != len("2026-12-31") or text[4] != "-" or text[7] != "-":
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _bad(where: ListText, line: int, index: int, key: str, **params: object) -> Problem:
    return where.problem(*where.cell(line, index), codes.DNC_BAD_ENTRY, key, **params)


def _ends_later(until: date | None, than: date | None) -> bool:
    """Whether an entry through `until` ends after one through `than` (None: never ends)."""
    if than is None:
        return False
    return until is None or until > than
