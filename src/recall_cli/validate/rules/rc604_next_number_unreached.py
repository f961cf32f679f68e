"""`dial_all_numbers` is on, but B is not below A, so a record never moves on by spending B.

The record spends all A attempts on its first number, which never reaches B first; its next
number is dialled only after a `stop_number` action. Set B below A (e.g. A = 5, B = 3) for
the switch to take effect.

FAIL::

    limits: {max_attempts_per_record: 3, max_attempts_per_number: 5, dial_all_numbers: true}

PASS::

    limits: {max_attempts_per_record: 5, max_attempts_per_number: 3, dial_all_numbers: true}
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.loaders import codes
from recall_cli.problems import Problem
from recall_cli.validate.context import Context, config_location
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.NEXT_NUMBER_UNREACHED, Scope.CONFIG)


def check(ctx: Context) -> Iterator[Problem]:
    campaign = ctx.campaign
    if ctx.config is None or campaign is None:
        return
    limits = campaign.policy.limits
    if not limits.dial_all_numbers:
        return
    if limits.max_attempts_per_number < limits.max_attempts_per_record:
        return
    yield RULE.finding(
        config_location(ctx.config, "limits", "max_attempts_per_number"),
        "validate.next_number_unreached",
        a=limits.max_attempts_per_record,
        b=limits.max_attempts_per_number,
    )
