"""The list has records with several phones, but `dial_all_numbers` is off in the config.

With the switch off only a record's first phone is ever dialled (docs/semantics.md#decision); the
others are
carried along for nothing. Reported in the config, once, when the config and the list are
validated together.

FAIL::

    # config.yaml
    limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}
    # list.csv
    id,phone 1,phone 2
    1,4951239000,9164561278

PASS::

    # config.yaml
    limits: {max_attempts_per_record: 5, max_attempts_per_number: 3, dial_all_numbers: true}
    # list.csv
    id,phone 1,phone 2
    1,4951239000,9164561278
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.loaders import codes
from recall_cli.problems import Problem
from recall_cli.validate.context import Context, config_location
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.NUMBERS_NEVER_DIALLED, Scope.CROSS)


def check(ctx: Context) -> Iterator[Problem]:
    campaign, contacts = ctx.campaign, ctx.contacts
    if ctx.config is None or campaign is None or contacts is None:
        return
    if campaign.policy.limits.dial_all_numbers:
        return
    several = [c for c in contacts.records if sum(1 for phone in c.phones if phone) > 1]
    if not several:
        return
    found = config_location(ctx.config, "limits", "dial_all_numbers")
    yield RULE.finding(
        found,
        "validate.numbers_never_dialled",
        count=len(several),
        list=contacts.file,
        record=several[0].id,
        line=several[0].line,
    )
