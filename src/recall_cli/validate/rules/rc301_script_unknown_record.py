"""A script names a record that is not in the list.

Checked when the script is validated together with its config and list.

FAIL::

    records:
      "7": {1: [busy]}     # the list has records 1 and 2

PASS::

    records:
      "1": {1: [busy]}
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.loaders import codes
from recall_cli.problems import Problem
from recall_cli.validate.context import Context
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.SCRIPT_UNKNOWN_RECORD, Scope.CROSS)


def check(ctx: Context) -> Iterator[Problem]:
    """Found when the script is matched against the list (`loaders.script.bind_script`)."""
    yield from (p for p in ctx.binding if p.code == RULE.code)
