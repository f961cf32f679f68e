"""A column holds phone numbers but is not a phone column: its numbers are never dialled.

Phone columns are those the config names in `list.phone_columns`, else those whose header
says so (`phone…`, `телефон…`, `Мобильный`, `Моб. тел.`, `cell 2`…). Any other column is
carried along for display only, however many numbers it holds. A column counts as holding
phones when at least half of its first 100 filled cells are valid numbers for the campaign's
region. The finding is at the column's first such cell: head the column `phone…` or
`телефон…`, or name it in the config.

FAIL::

    id,phone,Доп. номер
    1,89161234567,84951239000

PASS::

    id,phone,Доп. номер
    1,89161234567,кв. 5
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from recall_cli.engine import Contact
from recall_cli.loaders import codes
from recall_cli.loaders.contacts import locate_cells
from recall_cli.problems import Problem
from recall_cli.validate.context import Context
from recall_cli.validate.phones import e164
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.UNUSED_PHONE_COLUMN, Scope.LIST)
LOOKED_AT = 100
"""The filled cells of a column judged: enough to tell a column of phones, and few enough
that a list of a million rows costs no more than a short one."""
# What a phone may look like before libphonenumber is asked (its parse is slow): digits with
# the usual punctuation, and between 7 and 15 digits (E.164's longest).
_SHAPE = re.compile(r"\+?[0-9 ()\-.]+")
_FEWEST, _MOST = 7, 15


def check(ctx: Context) -> Iterator[Problem]:
    contacts = ctx.contacts
    if contacts is None or not contacts.records:
        return
    names = [name for name, _ in contacts.records[0].fields]
    for index, name in enumerate(names):
        found = _first_phone(contacts.records, index, ctx.region)
        if found is None:
            continue
        record, phone = found
        where = locate_cells(contacts, [(record.line, name)])[record.line, name]
        yield RULE.finding(
            where, "validate.unused_phone_column", name=name, phone=phone, record=record.id
        )


def _first_phone(
    records: tuple[Contact, ...], index: int, region: str
) -> tuple[Contact, str] | None:
    """The first record whose field `index` is a phone, and that phone, when at least half of
    the column's first `LOOKED_AT` filled cells are phones; else None."""
    filled = ((r, r.fields[index][1]) for r in records if index < len(r.fields))
    looked = list(islice(((r, value) for r, value in filled if value), LOOKED_AT))
    phones = [(r, value) for r, value in looked if _is_phone(value, region)]
    if not phones or len(phones) * 2 < len(looked):
        return None
    return phones[0]


def _is_phone(text: str, region: str) -> bool:
    if _SHAPE.fullmatch(text) is None:
        return False
    digits = sum(char.isdigit() for char in text)
    return _FEWEST <= digits <= _MOST and e164(text, region) is not None
