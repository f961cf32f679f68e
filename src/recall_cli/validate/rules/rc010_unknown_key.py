"""A key the format does not have, with a did-you-mean for near misses.

FAIL::

    limits:
      max_attempts_per_recrod: 5

PASS::

    limits:
      max_attempts_per_record: 5
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.UNKNOWN_KEY, Scope.LOADER)

check = reported_by_loader
