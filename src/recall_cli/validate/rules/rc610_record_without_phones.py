"""A record has no phone at all: it closes as `no_numbers` without a single dial.

FAIL::

    id,name,phone 1,phone 2
    1,Егоров,,

PASS::

    id,name,phone 1,phone 2
    1,Егоров,,89164561278
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.loaders import codes
from recall_cli.problems import Location, Problem
from recall_cli.validate.context import Context
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.RECORD_WITHOUT_PHONES, Scope.LIST)


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.contacts is None:
        return
    file = ctx.contacts.file
    for contact in ctx.contacts.records:
        if not any(contact.phones):
            yield RULE.finding(
                Location(file, contact.line, 1), "validate.record_without_phones", record=contact.id
            )
