"""The list has no header row (it is empty or blank).

FAIL::

    (an empty file)

PASS::

    id,phone
    1,89161234567
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.NO_HEADER, Scope.LOADER)

check = reported_by_loader
