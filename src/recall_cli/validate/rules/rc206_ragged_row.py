"""A row has more non-empty cells than the header has columns; the extra cells are ignored.

FAIL::

    id,phone
    1,89161234567,89161234568

PASS::

    id,phone 1,phone 2
    1,89161234567,89161234568
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.RAGGED_ROW, Scope.LOADER)

check = reported_by_loader
