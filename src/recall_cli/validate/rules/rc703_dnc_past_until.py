"""A do-not-call entry ended before the run starts.

Its `until` day is before the first day of the run, so it stops no dial: an old export, or a
typo in the year. Whether an entry has ended depends on the date, so the rule is judged only
against `recall validate --start DATE` (the run's first day) and is skipped without it: a
check's verdict never changes with the day it is run. The examples are judged with
`--start 2026-12-01`.

FAIL::

    phone,until
    +7 916 123-45-67,2026-11-30

PASS::

    phone,until
    +7 916 123-45-67,2026-12-01
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.loaders import codes
from recall_cli.problems import Location, Problem
from recall_cli.validate.context import Context
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.DNC_PAST_UNTIL, Scope.DNC)


def check(ctx: Context) -> Iterator[Problem]:
    start = ctx.start
    if start is None:
        return
    for dnc in ctx.dnc:
        for entry in dnc.entries:
            if entry.until is not None and entry.until < start:
                yield RULE.finding(
                    Location(dnc.file, entry.line, entry.column),
                    "dnc.past_until",
                    phone=entry.phone,
                    until=entry.until.isoformat(),
                    start=start.isoformat(),
                )
