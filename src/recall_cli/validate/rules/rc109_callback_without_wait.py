"""A callback has no `after_hours`.

FAIL::

    no_answer: {action: callback}

PASS::

    no_answer: {action: callback, after_hours: 3}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.CALLBACK_WITHOUT_WAIT, Scope.LOADER)

check = reported_by_loader
