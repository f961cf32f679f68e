"""Calling hours as values: the windows of each weekday, holidays and whose local time counts.

Only the description lives here; turning local times into instants (zones, daylight saving,
the holiday calendars) is the simulator's business.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from itertools import pairwise
from types import MappingProxyType

MINUTES_PER_DAY = 1440
DAYS_PER_WEEK = 7

# Message keys of what can be wrong with a window or a day; the loader gives them a position.
WINDOW_FORMAT = "hours.window_format"
WINDOW_TIME = "hours.window_time"
WINDOW_ORDER = "hours.window_order"
WINDOWS_OVERLAP = "hours.windows_overlap"
WINDOWS_EMPTY = "hours.windows_empty"

# "9:00-21:00", "09:00 - 21:00" and the en dash people paste from documents are all read.
_WINDOW = re.compile(r"\s*([0-9]{1,2}):([0-9]{2})\s*[-–]\s*([0-9]{1,2}):([0-9]{2})\s*")


class LocalTime(StrEnum):
    """Whose wall clock the windows are read on."""

    CAMPAIGN = "campaign"
    RECORD = "record"


@dataclass(frozen=True, slots=True)
class Window:
    """[start, end) in minutes from local midnight; an end of 1440 is the next midnight."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end <= MINUTES_PER_DAY:
            raise ValueError(f"not a window: {self.start}..{self.end}")


Day = tuple[Window, ...]
Week = tuple[Day, Day, Day, Day, Day, Day, Day]
CLOSED: Day = ()


@dataclass(frozen=True, slots=True)
class Hours:
    """When a dial may start: a week of windows (Monday first) and the holidays' own windows.

    `countries` are upper-case ISO 3166 alpha-2 codes whose public holidays count; `dates` are
    further holidays. A holiday uses `holiday_hours` instead of its weekday's windows.
    """

    week: Week
    countries: frozenset[str] = frozenset()
    dates: frozenset[date] = frozenset()
    holiday_hours: Day = CLOSED
    local_time: LocalTime = LocalTime.CAMPAIGN

    def __post_init__(self) -> None:
        if len(self.week) != DAYS_PER_WEEK:
            raise ValueError(f"a week has 7 days, got {len(self.week)}")

    @property
    def week_closed(self) -> bool:
        """True when no weekday has an open minute (the config must not say so)."""
        return not any(self.week)


def _clock(hours: str, minutes: str) -> int | None:
    hour, minute = int(hours), int(minutes)
    if minute > 59 or hour > 24 or (hour == 24 and minute):
        return None
    return hour * 60 + minute


def parse_window(text: str) -> Window | str:
    """The window `"HH:MM-HH:MM"` (`24:00` may end it), or the message key of what is wrong."""
    match = _WINDOW.fullmatch(text)
    if match is None:
        return WINDOW_FORMAT
    start = _clock(match.group(1), match.group(2))
    end = _clock(match.group(3), match.group(4))
    if start is None or end is None:
        return WINDOW_TIME
    if start >= end:
        return WINDOW_ORDER
    return Window(start, end)


def make_day(windows: Iterable[Window]) -> Day | str:
    """The windows of one day, sorted, or the message key of why they cannot be one day:
    an empty list (`closed` says that) or two windows that share a minute."""
    ordered = tuple(sorted(windows, key=lambda window: window.start))
    if not ordered:
        return WINDOWS_EMPTY
    for before, after in pairwise(ordered):
        if after.start < before.end:
            return WINDOWS_OVERLAP
    return ordered


def _every(day: Day) -> Week:
    return (day, day, day, day, day, day, day)


_RU_WEEKDAY: Day = (Window(8 * 60, 22 * 60),)
_RU_REST: Day = (Window(9 * 60, 20 * 60),)

# Russian debt collection (230-FZ, art. 7): the debtor's local time; weekends and public
# holidays later and shorter.
RU_230FZ = Hours(
    week=(_RU_WEEKDAY, _RU_WEEKDAY, _RU_WEEKDAY, _RU_WEEKDAY, _RU_WEEKDAY, _RU_REST, _RU_REST),
    countries=frozenset({"RU"}),
    holiday_hours=_RU_REST,
    local_time=LocalTime.RECORD,
)
# The US TCPA: 08:00 to 21:00 at the called party's location, every day.
US_TCPA = Hours(week=_every((Window(8 * 60, 21 * 60),)), local_time=LocalTime.RECORD)

PRESETS: Mapping[str, Hours] = MappingProxyType({"ru_230fz": RU_230FZ, "us_tcpa": US_TCPA})
