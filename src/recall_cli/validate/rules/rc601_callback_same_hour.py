"""A callback waits a whole number of days, so it rings at the same time of day every time.

A client who is out at the hour of the first call is missed on every callback too. A wait
that is not a multiple of 24 hours, such as 27 h, moves each callback later in the day.
The source's default table has several 24 h callbacks, so this is only an info.

FAIL::

    rules:
      answering_machine: {action: callback, after_hours: 24}

PASS::

    rules:
      answering_machine: {action: callback, after_hours: 27}
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.engine import Action
from recall_cli.loaders import codes
from recall_cli.loaders.config_model import AFTER_HOURS
from recall_cli.problems import Problem
from recall_cli.validate.context import Context, rule_location
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.CALLBACK_SAME_HOUR, Scope.CONFIG)
HOURS_PER_DAY = 24
# What we suggest instead: three hours later in the day on each callback, or earlier where
# later is past the ceiling of after_hours (a tip must name a value the config accepts).
SHIFT_HOURS = 3


def suggested_hours(hours: int) -> int:
    """A wait near `hours` that is not a whole number of days and that a config accepts."""
    later = hours + SHIFT_HOURS
    return later if later <= AFTER_HOURS.high else hours - SHIFT_HOURS


def check(ctx: Context) -> Iterator[Problem]:
    campaign = ctx.campaign
    if ctx.config is None or campaign is None:
        return
    for status, rule in campaign.policy.rules.items():
        # Each distinct wait of a callback schedule is judged on its own.
        for hours in dict.fromkeys(rule.after_hours):
            if rule.action is Action.CALLBACK and hours % HOURS_PER_DAY == 0:
                where = rule_location(campaign, ctx.config, status, "after_hours")
                yield RULE.finding(
                    where,
                    "validate.callback_same_hour",
                    status=campaign.status_name(status),
                    hours=int(hours),
                    suggested=suggested_hours(int(hours)),
                )
