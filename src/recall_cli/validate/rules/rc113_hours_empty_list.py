"""A day of the calling hours is an empty list of windows.

An empty list may be a window left out by mistake; a day without calls says so with `closed`.

FAIL::

    hours:
      weekdays: "09:00-21:00"
      sun: []

PASS::

    hours:
      weekdays: "09:00-21:00"
      sun: closed
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.HOURS_EMPTY_LIST)

check = reported_by_loader
