"""Built-in not-reached statuses have no rule.

A config may hold rules for some statuses only, but a simulation whose outcomes include one
of these statuses is refused (RC501). This info lists them so that a gap is a choice.

FAIL::

    rules:
      busy: {action: callback, after_hours: 1}

PASS::

    rules:
      ivr: {action: callback, after_hours: 27}
      answering_machine: {action: callback, after_hours: 27}
      connection_problem: {action: stop_number}
      busy: {repeats: 3, interval_minutes: 10, action: callback, after_hours: 1}
      silence: {repeats: 1, interval_minutes: 2, action: stop_number}
      congestion: {repeats: 3, interval_minutes: 10, action: callback, after_hours: 1}
      wrong_person: {action: callback, after_hours: 3}
      invalid_number: {action: stop_number}
      no_agent: {action: callback, after_hours: 27}
      no_answer: {action: callback, after_hours: 1}
      failed: {repeats: 3, interval_minutes: 10, action: stop_number}
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.engine import NOT_REACHED
from recall_cli.loaders import codes
from recall_cli.problems import Problem
from recall_cli.validate.context import Context, config_location
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.STATUS_WITHOUT_RULE, Scope.CONFIG)


def check(ctx: Context) -> Iterator[Problem]:
    campaign = ctx.campaign
    if ctx.config is None or campaign is None:
        return
    missing = [status.value for status in NOT_REACHED if status not in campaign.policy.rules]
    if missing:
        yield RULE.finding(
            config_location(ctx.config, "rules"),
            "validate.status_without_rule",
            count=len(missing),
            statuses=", ".join(missing),
        )
