"""A profile names the same status twice in one row, by id, by Russian label, or both; or a
script names one twice in its `durations:`.

FAIL::

    outcomes: {no_answer: 0.5, Нет ответа: 0.5}

PASS::

    outcomes: {answered: 0.5, Нет ответа: 0.5}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.DUPLICATE_OUTCOME)

check = reported_by_loader
