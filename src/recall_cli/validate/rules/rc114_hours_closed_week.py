"""The calling hours leave every day of the week closed, so no dial could ever start.

A day that no key covers is closed: `hours` needs at least one day with a window. Holidays'
own hours do not count, since a week may hold no holiday. Reported at `hours`.

FAIL::

    hours:
      sat: closed
      sun: closed

PASS::

    hours:
      weekdays: "09:00-21:00"
      sat: closed
      sun: closed
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.HOURS_CLOSED_WEEK)

check = reported_by_loader
