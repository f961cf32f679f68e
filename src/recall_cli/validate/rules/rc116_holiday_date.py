"""An entry of `holidays` that holds a digit is not a date written `YYYY-MM-DD`.

FAIL::

    hours:
      weekdays: "09:00-21:00"
      holidays: [31.12.2026, 2026-02-30]

PASS::

    hours:
      weekdays: "09:00-21:00"
      holidays: [2026-12-31]
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.HOLIDAY_DATE)

check = reported_by_loader
