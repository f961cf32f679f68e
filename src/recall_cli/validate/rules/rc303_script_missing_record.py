"""A list record that has phones is missing from a script that has no `default`.

Reported at the record's line in the list.

FAIL::

    records:
      "1": {1: [busy, answered]}   # the list also has record 2

PASS::

    default: no_answer
    records:
      "1": {1: [busy, answered]}
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.loaders import codes
from recall_cli.problems import Problem
from recall_cli.validate.context import Context
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.SCRIPT_MISSING_RECORD, Scope.CROSS)


def check(ctx: Context) -> Iterator[Problem]:
    """Found when the script is matched against the list (`loaders.script.bind_script`)."""
    yield from (p for p in ctx.binding if p.code == RULE.code)
