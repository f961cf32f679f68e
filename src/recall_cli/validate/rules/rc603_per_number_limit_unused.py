"""The per-number limit B is not below the per-record limit A, so it never takes effect.

A record closes after A attempts before any of its numbers can reach B attempts. With
`dial_all_numbers` on, rule RC604 says what that means for the other numbers instead.

FAIL::

    limits: {max_attempts_per_record: 3, max_attempts_per_number: 3}

PASS::

    limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.loaders import codes
from recall_cli.problems import Problem
from recall_cli.validate.context import Context, config_location
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.PER_NUMBER_LIMIT_UNUSED, Scope.CONFIG)


def check(ctx: Context) -> Iterator[Problem]:
    campaign = ctx.campaign
    if ctx.config is None or campaign is None:
        return
    limits = campaign.policy.limits
    if limits.dial_all_numbers or limits.max_attempts_per_number < limits.max_attempts_per_record:
        return
    yield RULE.finding(
        config_location(ctx.config, "limits", "max_attempts_per_number"),
        "validate.per_number_limit_unused",
        a=limits.max_attempts_per_record,
        b=limits.max_attempts_per_number,
    )
