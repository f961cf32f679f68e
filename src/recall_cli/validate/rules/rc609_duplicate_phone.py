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
from recall_cli.problems import Location, Problem, Severity
from recall_cli.validate.context import Context
from recall_cli.validate.rule import Rule, Scope

RULE = Rule.of(codes.DUPLICATE_PHONE, Severity.WARNING, Scope.LIST)


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.contacts is None:
        return
    file = ctx.contacts.file
    first: dict[str, Contact] = {}
    for cell in ctx.phones:
        key = cell.e164 or cell.text
        owner = first.setdefault(key, cell.contact)
        if owner is not cell.contact:
            yield RULE.finding(
                Location(file, cell.contact.line, 1),
                "validate.duplicate_phone",
                phone=cell.text,
                record=cell.contact.id,
                other=owner.id,
                line=owner.line,
            )
