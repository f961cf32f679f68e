"""Two rules name the same status, by id, by Russian label, or both.

The rule to apply would be ambiguous. The source's admin screen lists `Неверный номер` twice; a
config may not.

FAIL::

    rules:
      invalid_number: {action: stop_number}
      Неверный номер: {action: stop_number}

PASS::

    rules:
      invalid_number: {action: stop_number}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.DUPLICATE_STATUS, Scope.LOADER)

check = reported_by_loader
