"""A status name is neither a built-in id nor a Russian label, with a did-you-mean.

Names match case-insensitively, with runs of white space read as one space.

FAIL::

    rules:
      no_anwser: {action: callback, after_hours: 1}

PASS::

    rules:
      no_answer: {action: callback, after_hours: 1}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.UNKNOWN_STATUS, Scope.LOADER)

check = reported_by_loader
