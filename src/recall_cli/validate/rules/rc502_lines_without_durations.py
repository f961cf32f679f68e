"""The config limits the dialer's lines, but every dial of the script or profile takes 0 s.

A dial holds a line only while it lasts, so with no durations the lines never limit
anything, and the run shows nothing that `lines` was meant to show. Give the statuses
durations (`durations:` in the script or profile). Reported at `lines`, when the config is
validated together with a script or profile.

FAIL::

    # config.yaml
    dialer: {lines: 30}
    # script.yaml
    records:
      "1": {1: [busy, answered]}

PASS::

    # config.yaml
    dialer: {lines: 30}
    # script.yaml
    durations: {busy: 5, answered: 120}
    records:
      "1": {1: [busy, answered]}
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.loaders import codes
from recall_cli.problems import Problem
from recall_cli.validate.context import Context, config_location
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.LINES_WITHOUT_DURATIONS, Scope.CROSS)


def _timed(ctx: Context) -> tuple[str, bool] | None:
    """The outcome source's file, and whether any dial it can produce takes time."""
    if ctx.script is not None:
        script = ctx.script
        return script.file, any(script.durations.get(status, 0) > 0 for status in script.first_use)
    if ctx.profile is not None:
        durations = ctx.profile.durations
        statuses = ctx.profile.statuses()
        return ctx.profile.file, any(durations.get(s, (0, 0))[1] > 0 for s in statuses)
    return None


def check(ctx: Context) -> Iterator[Problem]:
    campaign = ctx.campaign
    if ctx.config is None or campaign is None or campaign.dialer is None:
        return
    found = _timed(ctx)
    if found is None or found[1]:
        return
    yield RULE.finding(
        config_location(ctx.config, "dialer", "lines"),
        "validate.lines_without_durations",
        lines=campaign.dialer.lines,
        source=found[0],
    )
