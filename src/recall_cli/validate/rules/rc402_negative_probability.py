"""A probability in a profile is below zero.

FAIL::

    outcomes: {answered: 1.2, no_answer: -0.2}

PASS::

    outcomes: {answered: 0.8, no_answer: 0.2}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.NEGATIVE_PROBABILITY)

check = reported_by_loader
