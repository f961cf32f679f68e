"""A rule has repeats but no `interval_minutes`.

FAIL::

    busy: {repeats: 3, action: stop_number}

PASS::

    busy: {repeats: 3, interval_minutes: 10, action: stop_number}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.REPEATS_WITHOUT_INTERVAL, Scope.LOADER)

check = reported_by_loader
