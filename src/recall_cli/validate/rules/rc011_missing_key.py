"""A required key is missing (`limits`, its A and B, a rule's `action`).

Reported at the mapping that should hold it.

FAIL::

    limits:
      max_attempts_per_record: 5

PASS::

    limits:
      max_attempts_per_record: 5
      max_attempts_per_number: 3
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.MISSING_KEY, Scope.LOADER)

check = reported_by_loader
