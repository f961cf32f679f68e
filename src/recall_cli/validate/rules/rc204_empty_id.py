"""A record's id cell is empty.

FAIL::

    id,phone
    ,89161234567

PASS::

    id,phone
    1,89161234567
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.EMPTY_ID, Scope.LOADER)

check = reported_by_loader
