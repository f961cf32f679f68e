"""A calling-hours window is not written `HH:MM-HH:MM`, or names a time that no clock shows.

Hours run from 00 to 23 and minutes from 00 to 59; `24:00` may end a window (the next
midnight). `9:00-21:00`, spaces around the dash and an en dash are read too.

FAIL::

    hours:
      weekdays: "9-21"

PASS::

    hours:
      weekdays: "09:00-21:00"
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.HOURS_WINDOW)

check = reported_by_loader
