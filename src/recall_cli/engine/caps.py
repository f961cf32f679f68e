"""Frequency caps: how many dials a record may start per calendar day, week or month in its
local time, or per rolling number of hours or days."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

SECONDS_PER_HOUR = 3600
SECONDS_PER_DAY = 86_400
# The longest rolling period: a year of hours, or a leap year of days.
MAX_HOURS = 8760
MAX_DAYS = 366
_ROLLING = re.compile(r"([1-9][0-9]{0,5})([hd])")


class Calendar(StrEnum):
    """A calendar period in the record's local time: a day starts at midnight, a week on
    Monday, a month on the 1st."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class Count(StrEnum):
    """What a cap counts: every dial (repeats included), or the first dial of each attempt."""

    DIALS = "dials"
    ATTEMPTS = "attempts"


class Scope(StrEnum):
    """Whose dials a cap counts together."""

    RECORD = "record"
    """All numbers of one record."""
    PHONE = "phone"
    """One phone, across every record that holds it."""


@dataclass(frozen=True, slots=True)
class Cap:
    """At most `max` counted dials per `per`: a calendar period, or a rolling period of that
    many seconds (dials in (t − period, t] count at t)."""

    max: int
    per: Calendar | int
    count: Count = Count.DIALS
    scope: Scope = Scope.RECORD


def parse_per(text: str) -> Calendar | int | None:
    """`day`, `week`, `month`, or a rolling `Nh` (1–8760) or `Nd` (1–366) in seconds; None for
    anything else."""
    try:
        return Calendar(text)
    except ValueError:
        pass
    found = _ROLLING.fullmatch(text)
    if found is None:
        return None
    number, unit = int(found[1]), found[2]
    if unit == "h":
        return number * SECONDS_PER_HOUR if number <= MAX_HOURS else None
    return number * SECONDS_PER_DAY if number <= MAX_DAYS else None
