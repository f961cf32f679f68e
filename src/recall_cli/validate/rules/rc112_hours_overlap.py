"""Two windows of one day share a minute.

Which one was meant is a guess; windows may touch (`10:00-14:00` and `14:00-18:00`), and
touching windows are one opening. Reported at the later-starting window.

FAIL::

    hours:
      sat: ["10:00-14:00", "13:00-18:00"]

PASS::

    hours:
      sat: ["10:00-13:00", "14:00-18:00"]
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.HOURS_OVERLAP)

check = reported_by_loader
