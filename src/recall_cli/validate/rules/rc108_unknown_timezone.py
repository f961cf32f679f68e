"""`timezone` is not an IANA time zone name.

FAIL::

    timezone: MSK

PASS::

    timezone: Europe/Moscow
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.UNKNOWN_TIMEZONE, Scope.LOADER)

check = reported_by_loader
