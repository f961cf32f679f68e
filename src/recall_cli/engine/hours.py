"""Calling hours as values: the windows of each weekday, holidays and whose local time counts.

Only the description lives here, with what a config's checks need of it (which countries the
holiday calendars know; where a callback's wait lands in the week); turning local times into
instants (zones, daylight saving, the holiday calendars) is the simulator's business.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from itertools import pairwise
from types import MappingProxyType

MINUTES_PER_DAY = 1440
DAYS_PER_WEEK = 7
SECONDS_PER_DAY = 86_400
SECONDS_PER_WEEK = DAYS_PER_WEEK * SECONDS_PER_DAY

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""The keys of the days of the week, Monday first."""
GROUP_DAYS: Mapping[str, tuple[int, ...]] = MappingProxyType(
    {"every_day": tuple(range(7)), "weekdays": (0, 1, 2, 3, 4), "weekend": (5, 6)}
)
"""The days each group key covers, as indices into the week."""
# A narrower key wins: every_day, then weekdays and weekend (which share no day), then a day.
_RANK = ("every_day", "weekdays", "weekend", *DAY_KEYS)

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


def make_week(days: Mapping[str, Day]) -> Week:
    """The week that day and group keys (`DAY_KEYS`, `GROUP_DAYS`) describe: a day key wins
    over `weekdays` and `weekend`, which win over `every_day`; a day no key covers is closed."""
    week: list[Day] = [CLOSED] * DAYS_PER_WEEK
    for key in _RANK:
        day = days.get(key)
        if day is None:
            continue
        indices = GROUP_DAYS.get(key) or (DAY_KEYS.index(key),)
        for index in indices:
            week[index] = day
    return (week[0], week[1], week[2], week[3], week[4], week[5], week[6])


@cache
def _supported_countries() -> frozenset[str]:
    # Imported here: the calendars take a tenth of a second to load, and only configs that name
    # a country need them.
    import holidays  # noqa: PLC0415

    return frozenset(holidays.list_supported_countries())


def holiday_country(code: str) -> bool:
    """Whether the holiday calendars know the country `code` (upper-case alpha-2)."""
    return code in _supported_countries()


def _openings(week: Week) -> list[tuple[int, int]]:
    """The week's windows as [start, end) seconds from Monday 00:00, in order."""
    return [
        (index * SECONDS_PER_DAY + window.start * 60, index * SECONDS_PER_DAY + window.end * 60)
        for index, day in enumerate(week)
        for window in day
    ]


def closed_landing(week: Week, wait: int) -> tuple[int, int] | None:
    """When a wait of `wait` seconds from any moment of the week's windows always ends at a
    closed moment: the bounds (lower excluded) of the real wait until the next opening.

    The weekly windows alone are judged, on an elapsed-time clock: holidays and daylight
    saving aside. None when some moment of a window leads to an open one.
    """
    openings = _openings(week)
    if not openings:
        return None
    # Two laps of the week, so that a landing past Sunday night finds Monday's windows.
    laps = [(s + lap, e + lap) for lap in (0, SECONDS_PER_WEEK) for s, e in openings]
    starts = [s + 2 * SECONDS_PER_WEEK for s, _ in openings] + [s for s, _ in laps]
    low, high = None, 0
    for start, end in openings:
        land = (start + wait) % SECONDS_PER_WEEK
        land_end = land + end - start
        if any(max(land, s) < min(land_end, e) for s, e in laps):
            return None
        # The landings [land, land_end) are closed and contiguous, so they share one gap,
        # which ends at the first window starting after them (a third lap has one for sure).
        opens = min(s for s in starts if s >= land_end)
        shortest, longest = opens - land_end + wait, opens - land + wait
        low = shortest if low is None else min(low, shortest)
        high = max(high, longest)
    assert low is not None
    return low, high


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
