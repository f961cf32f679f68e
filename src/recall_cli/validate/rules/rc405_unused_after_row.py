"""A profile's `after` has a row for `answered`, which is never used.

A reached record is never dialled again.

FAIL::

    outcomes: {answered: 0.5, busy: 0.5}
    after:
      answered: {busy: 1}

PASS::

    outcomes: {answered: 0.5, busy: 0.5}
    after:
      busy: {busy: 0.5, answered: 0.5}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.UNUSED_AFTER_ROW)

check = reported_by_loader
