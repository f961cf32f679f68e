"""A status that the script or profile can produce has no rule in the config.

A simulation would be refused before it starts. Reported at the first place the script or
profile names the status, when it is validated together with the config.

FAIL::

    # config.yaml
    rules:
      busy: {action: callback, after_hours: 1}
    # script.yaml
    records:
      "1": {1: [busy, no_answer, answered]}

PASS::

    # config.yaml
    rules:
      busy: {action: callback, after_hours: 1}
      no_answer: {action: callback, after_hours: 3}
    # script.yaml
    records:
      "1": {1: [busy, no_answer, answered]}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from recall_cli.engine import Status
from recall_cli.loaders import codes
from recall_cli.problems import Location, Problem
from recall_cli.validate.context import Context
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.MISSING_RULE, Scope.CROSS)


def check(ctx: Context) -> Iterator[Problem]:
    campaign = ctx.campaign
    if campaign is None:
        return
    sources: list[tuple[frozenset[Status], Mapping[Status, Location]]] = []
    if ctx.script is not None:
        sources.append((frozenset(ctx.script.first_use), ctx.script.first_use))
    if ctx.profile is not None:
        sources.append((ctx.profile.statuses(), ctx.profile.first_use))
    for statuses, first_use in sources:
        for status in campaign.policy.missing_rules(statuses):
            yield RULE.finding(
                first_use.get(status, Location(campaign.file)),
                "outcomes.missing_rule",
                status=status.value,
                config=campaign.file,
            )
