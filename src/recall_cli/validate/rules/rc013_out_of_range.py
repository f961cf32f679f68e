"""A number is out of its range: A and B at least 1, repeats at least 0.

FAIL::

    limits:
      max_attempts_per_record: 0

PASS::

    limits:
      max_attempts_per_record: 1
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.OUT_OF_RANGE, Scope.LOADER)

check = reported_by_loader
