"""A key is given twice in the same mapping.

YAML loaders silently keep one of the two; recall reports every repeat at its own position and
names the line of the first.

FAIL::

    limits:
      max_attempts_per_record: 5
      max_attempts_per_record: 3

PASS::

    limits:
      max_attempts_per_record: 5
      max_attempts_per_number: 3
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.DUPLICATE_KEY, Scope.LOADER)

check = reported_by_loader
