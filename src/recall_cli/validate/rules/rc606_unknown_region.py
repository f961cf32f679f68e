"""The config's `region` is not a numbering region that phone validation knows.

`region` is the ISO 3166 code of the country whose numbering plan reads the list's phones
(default `RU`); with an unknown one no phone can be checked.

FAIL::

    region: XX

PASS::

    region: RU
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.loaders import codes
from recall_cli.problems import Problem
from recall_cli.validate.context import Context, config_location
from recall_cli.validate.phones import known_region
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.UNKNOWN_REGION, Scope.CONFIG)


def check(ctx: Context) -> Iterator[Problem]:
    campaign = ctx.campaign
    if ctx.config is None or campaign is None or known_region(campaign.region):
        return
    yield RULE.finding(
        config_location(ctx.config, "region"), "validate.unknown_region", region=campaign.region
    )
