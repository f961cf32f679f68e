"""A phone is not a valid number for the campaign's region.

Numbers are read by libphonenumber with the config's `region` (default `RU`), so national
forms such as `8 916 123-45-67` and international ones such as `+7 916 123-45-67` are both
fine; a number too short, too long or in a range no operator has is not.

FAIL::

    id,phone
    1,12345

PASS::

    id,phone
    1,+7 916 123-45-67
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.loaders import codes
from recall_cli.problems import Problem
from recall_cli.validate.context import Context, phone_locations
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.INVALID_PHONE, Scope.LIST)


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.contacts is None:
        return
    found = [cell for cell in ctx.phones if cell.e164 is None and not cell.excel]
    for cell, where in zip(found, phone_locations(ctx.contacts, found), strict=True):
        yield RULE.finding(
            where,
            "validate.invalid_phone",
            phone=cell.text,
            record=cell.contact.id,
            number=cell.index + 1,
        )
