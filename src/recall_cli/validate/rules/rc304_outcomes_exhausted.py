"""A scripted number ran out of outcomes during a simulation, and the script has no `default`.

Reported by `recall simulate` when it happens (exit 1, no output file left behind); validation
cannot know how many dials a run makes.

FAIL::

    records:
      "1": {1: [busy]}

PASS::

    default: no_answer
    records:
      "1": {1: [busy]}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.OUTCOMES_EXHAUSTED, Scope.LOADER)

check = reported_by_loader
