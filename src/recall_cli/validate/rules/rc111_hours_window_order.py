"""A calling-hours window does not start before it ends.

A window is [start, end) within one day. One that runs across midnight is written as two:
the evening on one day, the small hours on the next.

FAIL::

    hours:
      every_day: "20:00-02:00"

PASS::

    hours:
      every_day: ["00:00-02:00", "20:00-24:00"]
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.HOURS_WINDOW_ORDER)

check = reported_by_loader
