"""A script gives the same number of a record twice, e.g. once by index and once by phone.

Reported at the second key; which list of outcomes would play is ambiguous.

FAIL::

    records:
      "1": {1: [busy], "4951239000": [answered]}   # phone 1 of record 1 is 4951239000

PASS::

    records:
      "1": {1: [busy], "9164561278": [answered]}   # phone 2
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.loaders import codes
from recall_cli.problems import Problem
from recall_cli.validate.context import Context
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.SCRIPT_NUMBER_TWICE, Scope.CROSS)


def check(ctx: Context) -> Iterator[Problem]:
    """Found when the script is matched against the list (`loaders.script.bind_script`)."""
    yield from (p for p in ctx.binding if p.code == RULE.code)
