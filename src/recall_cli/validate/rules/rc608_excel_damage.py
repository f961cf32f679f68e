"""A phone was damaged by a spreadsheet that took it for a number.

`9.16E+09` has lost its last digits for good; `79161234567.0` has gained a decimal part.
Format the phone column as text before saving the file, and restore the numbers.

FAIL::

    id,phone
    1,9.16E+09

PASS::

    id,phone
    1,89161234567
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.loaders import codes
from recall_cli.problems import Problem
from recall_cli.validate.context import Context, phone_locations
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.EXCEL_DAMAGE, Scope.LIST)


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.contacts is None:
        return
    found = [cell for cell in ctx.phones if cell.excel]
    for cell, where in zip(found, phone_locations(ctx.contacts, found), strict=True):
        yield RULE.finding(
            where,
            "validate.excel_damage",
            phone=cell.text,
            record=cell.contact.id,
            number=cell.index + 1,
        )
