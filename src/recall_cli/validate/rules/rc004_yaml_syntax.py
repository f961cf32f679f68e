"""The file is not valid YAML, holds several documents, or has a character YAML forbids.

Reported at the position where the parser stopped.

FAIL::

    rules:
      busy: {action: callback, after_hours: 1

PASS::

    rules:
      busy: {action: callback, after_hours: 1}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.YAML_SYNTAX, Scope.LOADER)

check = reported_by_loader
