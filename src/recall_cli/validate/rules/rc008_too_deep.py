"""Mappings and lists are nested deeper than 64 levels.

No recall file needs more than a few levels; the limit stops a hostile file before it costs
time or memory.

FAIL::

    a: [[[[[[ … 5,000 levels … ]]]]]]

PASS::

    a: [[1, 2], [3]]
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.TOO_DEEP, Scope.LOADER)

check = reported_by_loader
