"""A rule has a field it does not use: `after_hours` on a stop, `interval_minutes` without repeats.

The engine ignores it, which is rarely what its author meant.

FAIL::

    silence: {action: stop_number, after_hours: 3}

PASS::

    silence: {action: stop_number}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.UNUSED_FIELD, Scope.LOADER)

check = reported_by_loader
