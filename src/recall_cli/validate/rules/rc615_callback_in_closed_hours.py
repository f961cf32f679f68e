"""A callback's wait, counted from any moment of the calling hours, always ends when they are
closed.

Dials start only in open hours, so such a callback is always held until the next opening,
and the real wait is longer than `after_hours` says. Twelve hours from a 09:00–21:00 day
land between 21:00 and 09:00; a whole number of days lands at the same clock time, which
is open again. The finding gives the real wait's bounds. Judged on the weekly windows, as
elapsed time: holidays and daylight-saving changes aside.

FAIL::

    hours: {every_day: "09:00-21:00"}
    rules:
      no_answer: {action: callback, after_hours: 12}

PASS::

    hours: {every_day: "09:00-21:00"}
    rules:
      no_answer: {action: callback, after_hours: 3}
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.engine import Action
from recall_cli.engine.hours import closed_landing
from recall_cli.loaders import codes
from recall_cli.messages import Message
from recall_cli.problems import Problem
from recall_cli.validate.context import Context, rule_location
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.CALLBACK_IN_CLOSED_HOURS, Scope.CONFIG)
SECONDS_PER_HUNDREDTH_HOUR = 36


def hours_value(seconds: int) -> int | Message:
    """`seconds` in hours, to two decimals, written as each language writes a fraction."""
    whole, hundredths = divmod(round(seconds / SECONDS_PER_HUNDREDTH_HOUR), 100)
    if not hundredths:
        return whole
    return Message("value.decimal", {"whole": whole, "fraction": f"{hundredths:02d}".rstrip("0")})


def check(ctx: Context) -> Iterator[Problem]:
    campaign = ctx.campaign
    if ctx.config is None or campaign is None or campaign.hours is None:
        return
    for status, rule in campaign.policy.rules.items():
        if rule.action is not Action.CALLBACK:
            continue
        # Each distinct wait of a callback schedule is judged on its own.
        for wait in dict.fromkeys(rule.waits):
            found = closed_landing(campaign.hours.week, wait)
            if found is None:
                continue
            yield RULE.finding(
                rule_location(campaign, ctx.config, status, "after_hours"),
                "validate.callback_in_closed_hours",
                status=campaign.status_name(status),
                hours=hours_value(wait),
                low=hours_value(found[0]),
                high=hours_value(found[1]),
            )
