"""A do-not-call entry names no phone, or its `until` is no date.

A phone cell with no digit 0–9 names no phone, and an `until` must be a calendar date
written YYYY-MM-DD (the entry applies through that day, in the campaign's time zone). Either
mistake is reported at its cell, and a run refuses the list.

FAIL::

    phone,until
    +7 916 123-45-67,31.12.2026

PASS::

    phone,until
    +7 916 123-45-67,2026-12-31
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.DNC_BAD_ENTRY)

check = reported_by_loader
