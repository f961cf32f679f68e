"""A script names a number the record does not have.

A number key from 1 to the count of phone columns is an index; any other key is a phone,
matched against the cell's text.

FAIL::

    records:
      "1": {3: [busy]}     # the list has two phone columns

PASS::

    records:
      "1": {2: [busy]}
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.loaders import codes
from recall_cli.problems import Problem
from recall_cli.validate.context import Context
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.SCRIPT_UNKNOWN_NUMBER, Scope.CROSS)


def check(ctx: Context) -> Iterator[Problem]:
    """Found when the script is matched against the list (`loaders.script.bind_script`)."""
    yield from (p for p in ctx.binding if p.code == RULE.code)
