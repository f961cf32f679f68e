"""A value has the wrong type: text for a number, a list for a mapping, an unknown action.

FAIL::

    limits:
      max_attempts_per_record: five

PASS::

    limits:
      max_attempts_per_record: 5
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.WRONG_TYPE, Scope.LOADER)

check = reported_by_loader
