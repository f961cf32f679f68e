"""A callback on `invalid_number` redials a number already known to be wrong.

Each callback spends an attempt of the record (A) and of the number (B) on a number that
cannot answer; stopping the number lets the next one of the record be dialled.

FAIL::

    rules:
      invalid_number: {action: callback, after_hours: 24}

PASS::

    rules:
      invalid_number: {action: stop_number}
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.engine import Action, Status
from recall_cli.loaders import codes
from recall_cli.problems import Problem
from recall_cli.validate.context import Context, rule_location
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.CALLBACK_INVALID_NUMBER, Scope.CONFIG)


def check(ctx: Context) -> Iterator[Problem]:
    campaign = ctx.campaign
    if ctx.config is None or campaign is None:
        return
    rule = campaign.policy.rules.get(Status.INVALID_NUMBER)
    if rule is not None and rule.action is Action.CALLBACK:
        where = rule_location(campaign, ctx.config, Status.INVALID_NUMBER, "action")
        yield RULE.finding(where, "validate.callback_invalid_number")
