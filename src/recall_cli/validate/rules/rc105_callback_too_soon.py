"""A callback waits less than 1 hour.

The source: a callback comes after a long interval, "from 1 hour"; use repeats for short ones.

FAIL::

    no_answer: {action: callback, after_hours: 0.5}

PASS::

    no_answer: {action: callback, after_hours: 1}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.CALLBACK_TOO_SOON, Scope.LOADER)

check = reported_by_loader
