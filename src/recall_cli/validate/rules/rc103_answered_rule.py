"""A rule is given for `answered`, the success status.

A reached record is closed; there is nothing to retry.

FAIL::

    rules:
      Дозвон: {action: stop_record}

PASS::

    rules:
      no_answer: {action: callback, after_hours: 1}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.ANSWERED_RULE, Scope.LOADER)

check = reported_by_loader
