"""Two records have the same id.

FAIL::

    id,phone
    1,89161234567
    1,89161234568

PASS::

    id,phone
    1,89161234567
    2,89161234568
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.DUPLICATE_ID, Scope.LOADER)

check = reported_by_loader
