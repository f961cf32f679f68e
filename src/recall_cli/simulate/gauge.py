"""The dialer's figures, gathered dial by dial as the dials start, in memory that does not grow
with the dials: the last end, busy line-seconds (in all and per hour of the campaign), dials
held by hours and by caps, and line waits counted by length."""

from __future__ import annotations

from collections import Counter

from recall_cli.engine.hours import LocalTime
from recall_cli.simulate.clock import SECONDS_PER_HOUR
from recall_cli.simulate.dialing import DialerFigures, LineFigures, Setup


class Gauge:
    """What the dials of a run with a dialer add to its figures."""

    __slots__ = ("busy", "by_hour", "end", "first", "held_by_caps", "held_by_hours", "waits")

    def __init__(self) -> None:
        self.first: int | None = None
        self.end: int | None = None
        self.busy = 0
        self.held_by_hours = 0
        self.held_by_caps = 0
        self.waits: Counter[int] = Counter()
        self.by_hour: dict[int, int] = {}

    def dialled(
        self, start: int, duration: int, hours: bool, wait: int, capped: bool = False
    ) -> None:
        """A dial started at `start` for `duration` seconds, held by hours or not, after
        `wait` seconds ready without a line; `capped`: a cap held it."""
        if self.first is None:
            self.first = start
        end = start + duration
        if self.end is None or end > self.end:
            self.end = end
        self.busy += duration
        if duration:
            hour = start // SECONDS_PER_HOUR
            if end <= (hour + 1) * SECONDS_PER_HOUR:
                # Most dials end within the hour they start in.
                by_hour = self.by_hour
                by_hour[hour] = by_hour.get(hour, 0) + duration
            else:
                self.hourly(start, end)
        if hours:
            self.held_by_hours += 1
        if wait:
            self.waits[wait] += 1
        if capped:
            self.held_by_caps += 1

    def instant(
        self, start: int, busy: int, within: int, latest: int, hours: int, capped: int
    ) -> None:
        """Dials that started at `start` (at least one) as `dialled` counts them, told at once
        by a loop that makes them instant by instant: `busy` line-seconds in all, `within`
        of them in dials that end within `start`'s hour (the others told to `hourly` each),
        the latest end, how many hours held and how many caps held; their waits are
        counted in `waits` by the loop."""
        if self.first is None:
            self.first = start
        if self.end is None or latest > self.end:
            self.end = latest
        self.busy += busy
        if within:
            hour = start // SECONDS_PER_HOUR
            self.by_hour[hour] = self.by_hour.get(hour, 0) + within
        self.held_by_hours += hours
        self.held_by_caps += capped

    def figures(self, setup: Setup) -> DialerFigures:
        """The summary's dialer figures, each only with its feature."""
        hours, dialer = setup.hours, setup.dialer
        lines = None if dialer is None else self.lines(dialer.lines)
        fallback = hours is not None and hours.local_time is LocalTime.RECORD
        return DialerFigures(
            self.end,
            lines,
            None if hours is None else self.held_by_hours,
            setup.zone_fallback if fallback else None,
            None if dialer is None else dict(sorted(self.by_hour.items())),
            self.held_by_caps if setup.caps else None,
        )

    def hourly(self, start: int, end: int) -> None:
        """Count the line-seconds of a dial from `start` to `end` in each hour it spans."""
        by_hour = self.by_hour
        hour = start // SECONDS_PER_HOUR
        while start < end:
            upto = min(end, (hour + 1) * SECONDS_PER_HOUR)
            by_hour[hour] = by_hour.get(hour, 0) + upto - start
            start, hour = upto, hour + 1

    def lines(self, count: int) -> LineFigures:
        """The lines' figures for `count` lines."""
        span = 0 if self.first is None or self.end is None else self.end - self.first
        utilisation = self.busy / (count * span) if span else None
        waits = sorted(self.waits.items())
        waited = sum(self.waits.values())
        if not waited:
            return LineFigures(utilisation, 0, 0, 0, 0)
        median = (_nth(waits, (waited - 1) // 2) + _nth(waits, waited // 2)) / 2
        p90 = _nth(waits, -(-waited * 90 // 100) - 1)
        return LineFigures(utilisation, waited, median, p90, waits[-1][0])


def _nth(counted: list[tuple[int, int]], index: int) -> int:
    """The value at 0-based `index` of the sorted values that `counted` (value, count) holds."""
    for value, count in counted:
        if index < count:
            return value
        index -= count
    raise IndexError(index)
