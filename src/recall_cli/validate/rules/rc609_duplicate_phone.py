"""The same phone is in several records.

Each record dials it on its own, so one person may be called several times a day. Numbers
are compared as libphonenumber reads them, so `8 916 123-45-67` and `+79161234567` match.

FAIL::

    id,phone
    1,89161234567
    2,+7 916 123-45-67

PASS::

    id,phone
    1,89161234567
    2,89161234568
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.engine import Contact
from recall_cli.loaders import codes
from recall_cli.problems import Problem
from recall_cli.validate.context import Context, phone_locations
from recall_cli.validate.phones import PhoneCell
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.DUPLICATE_PHONE, Scope.LIST)


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.contacts is None:
        return
    first: dict[str, Contact] = {}
    repeats: list[tuple[PhoneCell, Contact]] = []
    for cell in ctx.phones:
        owner = first.setdefault(cell.e164 or cell.text, cell.contact)
        if owner is not cell.contact:
            repeats.append((cell, owner))
    cells = [cell for cell, _ in repeats]
    for (cell, owner), where in zip(repeats, phone_locations(ctx.contacts, cells), strict=True):
        yield RULE.finding(
            where,
            "validate.duplicate_phone",
            phone=cell.text,
            record=cell.contact.id,
            other=owner.id,
            line=owner.line,
        )
