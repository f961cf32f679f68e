"""`interval_minutes` is outside 1–10 minutes.

The source: repeats come "at a short interval (1 to 10 min)"; longer waits are callbacks.

FAIL::

    busy: {repeats: 3, interval_minutes: 15, action: stop_number}

PASS::

    busy: {repeats: 3, interval_minutes: 10, action: stop_number}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.INTERVAL_RANGE, Scope.LOADER)

check = reported_by_loader
