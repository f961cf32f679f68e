"""An entry of `holidays` is not a country whose public holidays the calendars know.

A country is its ISO 3166 alpha-2 code, in any letter case; the calendars are those of the
`holidays` library. An unquoted `NO` is Norway here, though YAML 1.1 tools read it as false.

FAIL::

    hours:
      weekdays: "09:00-21:00"
      holidays: [RUS]

PASS::

    hours:
      weekdays: "09:00-21:00"
      holidays: [RU]
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.HOLIDAY_COUNTRY)

check = reported_by_loader
