"""The probabilities of a profile's `outcomes` (or of an `after` row) do not sum to 1.

They must sum to 1 within 1e-6, so that a profile means the same thing to every reader.

FAIL::

    outcomes: {answered: 0.3, no_answer: 0.5}

PASS::

    outcomes: {answered: 0.3, no_answer: 0.7}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.PROBABILITY_SUM)

check = reported_by_loader
