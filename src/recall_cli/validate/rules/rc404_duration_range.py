"""A profile's dial duration is below zero or above a day (86,400 s), or its [min, max] range
is reversed; or a duration in a script's `durations:` is below zero or above a day.

FAIL::

    outcomes: {answered: 1}
    durations: {answered: [300, 60]}

PASS::

    outcomes: {answered: 1}
    durations: {answered: [60, 300]}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.DURATION_RANGE)

check = reported_by_loader
