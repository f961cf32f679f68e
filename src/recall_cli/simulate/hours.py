"""When a number may be dialled: calling hours turned into instants in a number's zone.

Instants are whole seconds since the Unix epoch. A local time becomes an instant as `zoneinfo`
reads it with `fold=0`: a time that a spring-forward gap skips lands as far after the gap as it
was into it, and a time that a fall-back repeats is its first occurrence. Whether a number is
open is judged on the instants, so a window inside a gap opens an hour later, a window that
starts inside a gap and ends at its far side is never open, and a window that ends inside a gap
runs on for as long as the gap lasts.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo

from recall_cli.engine.hours import MINUTES_PER_DAY, Day, Hours

SECONDS_PER_DAY = 86_400
# How far ahead an opening is looked for: a leap year and a week, so that no calendar with an
# open minute in its week can hide one, however its holidays fall.
HORIZON_DAYS = 366 + 7
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_ORDINAL = _EPOCH.toordinal()
_ONE_SECOND = timedelta(seconds=1)
# Local dates whose midnight and next midnight datetime can still represent in any zone.
_FIRST_ORDINAL = date.min.toordinal() + 1
_LAST_ORDINAL = date.max.toordinal() - 2
# Per zone; a run that touches more distinct days starts the zone's cache afresh.
_CACHE_LIMIT = 100_000

HolidaysFor = Callable[[str, int], Collection[date]]
Interval = tuple[int, int]


def public_holidays(country: str, year: int) -> frozenset[date]:
    """The public holidays of `country` (ISO alpha-2) in `year`, substituted days off included,
    from the maintained `holidays` calendars."""
    # Imported here: it loads every calendar it has, and most runs have no calling hours.
    import holidays  # noqa: PLC0415

    return frozenset(holidays.country_holidays(country, years=year))


@dataclass(frozen=True, slots=True)
class _LocalDay:
    midnight: int
    intervals: tuple[Interval, ...]


@dataclass(frozen=True, slots=True)
class _Span:
    """The open intervals that end after one UTC day's start, merged, with the first that
    ends after the day; `unbounded` when the last one was still open at the horizon."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    unbounded: bool


def _instant(day: date, minute: int, zone: tzinfo) -> int:
    if minute == MINUTES_PER_DAY:
        day, minute = day + timedelta(days=1), 0
    hour, minute = divmod(minute, 60)
    local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
    return (local - _EPOCH) // _ONE_SECOND


@dataclass(slots=True)
class OpenHours:
    """Answers when `hours` let a number in a given zone be dialled.

    `zone` is a `ZoneInfo` or a fixed-offset `timezone`. Holidays come from `holidays_for`
    (country, year), asked once per country and year. Every answer is cached per zone.
    """

    hours: Hours
    holidays_for: HolidaysFor = public_holidays
    _holidays: dict[tuple[str, int], Collection[date]] = field(default_factory=dict, repr=False)
    _days: dict[tzinfo, dict[int, _LocalDay]] = field(default_factory=dict, repr=False)
    _spans: dict[tzinfo, dict[int, _Span]] = field(default_factory=dict, repr=False)
    # Per zone, the last answer of `next_open` and of `closes_at` with the instants [low, high)
    # that share it (one UTC day's span, one bisection): a run asks about many numbers of
    # one zone at nearby moments, and most questions land there.
    _opening: dict[tzinfo, tuple[int, int, int]] = field(default_factory=dict, repr=False)
    _closing: dict[tzinfo, tuple[int, int, int | None]] = field(default_factory=dict, repr=False)
    _window: dict[tzinfo, tuple[int, int, int, int | None]] = field(
        default_factory=dict, repr=False
    )

    def next_open(self, moment: int, zone: tzinfo) -> int | None:
        """The earliest instant ≥ `moment` at which the number is open; None when none comes
        within `HORIZON_DAYS` days (a calendar without an open minute)."""
        known = self._opening.get(zone)
        if known is not None and known[0] <= moment < known[1]:
            start = known[2]
            return start if start > moment else moment
        found = self._next_window(moment, zone)
        if found is None:
            return None
        day, span, index, start, low = found
        self._opening[zone] = (low, min(span.ends[index], (day + 1) * SECONDS_PER_DAY), start)
        return start if start > moment else moment

    @property
    def windows_known(self) -> dict[tzinfo, tuple[int, int, int, int | None]]:
        """`window`'s last answer per zone: (low, high, opens, closes) serves every instant
        `moment` in [low, high) as (max(opens, moment), closes). A hot loop may read it to
        spare itself the call when it holds; it changes only as `window` answers."""
        return self._window

    def window(self, moment: int, zone: tzinfo) -> tuple[int, int | None] | None:
        """`next_open` of `moment`, and `closes_at` of that opening, in one question: the
        earliest instant ≥ `moment` at which the number is open and when it closes then (None:
        not within `HORIZON_DAYS` days); None when it does not open within them."""
        known = self._window.get(zone)
        if known is not None and known[0] <= moment < known[1]:
            start = known[2]
            return (start if start > moment else moment), known[3]
        found = self._next_window(moment, zone)
        if found is None:
            return None
        day, span, index, start, low = found
        ends = span.ends
        high = (day + 1) * SECONDS_PER_DAY
        if start >= high:
            # It opens on a later UTC day: that day's span says when it closes. Every instant
            # from the last closing to the day's end gets this answer (at night, a queue asks
            # it once a dial).
            closes = self.closes_at(start, zone)
            self._window[zone] = (low, high, start, closes)
            return start, closes
        closes = None if span.unbounded and index == len(ends) - 1 else ends[index]
        self._window[zone] = (low, min(ends[index], high), start, closes)
        return (start if start > moment else moment), closes

    def is_open(self, moment: int, zone: tzinfo) -> bool:
        span = self._span_of(moment, moment // SECONDS_PER_DAY, zone)
        index = bisect_right(span.ends, moment)
        return index < len(span.ends) and span.starts[index] <= moment

    def closes_at(self, moment: int, zone: tzinfo) -> int | None:
        """The earliest instant ≥ `moment` at which the number is closed (`moment` itself when
        it is closed then); None when it stays open beyond `HORIZON_DAYS` days."""
        known = self._closing.get(zone)
        if known is not None and known[0] <= moment < known[1]:
            return known[2]
        day = moment // SECONDS_PER_DAY
        span = self._span_of(moment, day, zone)
        ends = span.ends
        index = bisect_right(ends, moment)
        if index == len(ends) or span.starts[index] > moment:
            return moment
        closes = None if span.unbounded and index == len(ends) - 1 else ends[index]
        low = max(day * SECONDS_PER_DAY, span.starts[index])
        self._closing[zone] = (low, min(ends[index], (day + 1) * SECONDS_PER_DAY), closes)
        return closes

    def _next_window(self, moment: int, zone: tzinfo) -> tuple[int, _Span, int, int, int] | None:
        """The window of `moment`'s UTC day's span that is open at `moment` or opens after it:
        the day, the span, the window's index and start, and the low bound of the instants
        that get the same answer (the day's start, or the previous window's end); None when
        the span holds no such window."""
        day = moment // SECONDS_PER_DAY
        span = self._span_of(moment, day, zone)
        ends = span.ends
        index = bisect_right(ends, moment)
        if index == len(ends):
            return None
        low = day * SECONDS_PER_DAY
        if index:
            low = max(low, ends[index - 1])
        return day, span, index, span.starts[index], low

    def _span_of(self, moment: int, day: int, zone: tzinfo) -> _Span:
        """The span of `moment`'s UTC `day` in `zone`, worked out on first use."""
        try:
            return self._spans[zone][day]
        except KeyError:
            return self._span(moment, zone)

    def _span(self, moment: int, zone: tzinfo) -> _Span:
        spans = self._spans.get(zone)
        if spans is None:
            spans = self._spans[zone] = {}
        utc_day = moment // SECONDS_PER_DAY
        span = spans.get(utc_day)
        if span is None:
            if len(spans) >= _CACHE_LIMIT:
                spans.clear()
            span = spans[utc_day] = self._build_span(utc_day, zone)
        return span

    def _build_span(self, utc_day: int, zone: tzinfo) -> _Span:
        low = utc_day * SECONDS_PER_DAY
        high = low + SECONDS_PER_DAY
        # A local date's instants lie within [its midnight − 14 h, next midnight + 14 h] in
        # UTC, so the local date before the UTC day is the first that may reach into it.
        ordinal = max(_EPOCH_ORDINAL + utc_day - 1, _FIRST_ORDINAL)
        last = min(ordinal + HORIZON_DAYS, _LAST_ORDINAL)
        found: list[Interval] = []
        reach = low
        unbounded = True
        while ordinal <= last:
            for interval in self._local_day(ordinal, zone).intervals:
                if interval[1] > low:
                    found.append(interval)
                    reach = max(reach, interval[1])
            ordinal += 1
            # Later dates open no earlier than their midnight: once everything found has
            # closed before it, and something stays open past the UTC day, nothing can change.
            if reach > high and reach < self._local_day(ordinal, zone).midnight:
                unbounded = False
                break
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(found):
            if ends and start <= ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        return _Span(tuple(starts), tuple(ends), unbounded)

    def _local_day(self, ordinal: int, zone: tzinfo) -> _LocalDay:
        days = self._days.get(zone)
        if days is None:
            days = self._days[zone] = {}
        known = days.get(ordinal)
        if known is not None:
            return known
        if len(days) >= _CACHE_LIMIT:
            days.clear()
        local = date.fromordinal(ordinal)
        intervals = []
        for window in self._windows(local):
            start, end = _instant(local, window.start, zone), _instant(local, window.end, zone)
            if start < end:
                intervals.append((start, end))
        made = days[ordinal] = _LocalDay(_instant(local, 0, zone), tuple(sorted(intervals)))
        return made

    def _windows(self, local: date) -> Day:
        if self._holiday(local):
            return self.hours.holiday_hours
        return self.hours.week[local.weekday()]

    def _holiday(self, local: date) -> bool:
        if local in self.hours.dates:
            return True
        for country in self.hours.countries:
            key = (country, local.year)
            days = self._holidays.get(key)
            if days is None:
                days = self._holidays[key] = self.holidays_for(country, local.year)
            if local in days:
                return True
        return False
