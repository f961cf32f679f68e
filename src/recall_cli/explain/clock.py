"""When a trace starts, and its virtual seconds as wall-clock words in the language.

No wall clock is ever read: a trace starts at a time of day on an unnamed "day 1" (10:00 by
default) and shows times only, or at a date the user gives, and then shows dates and weekdays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from recall_cli.explain.words import Words
from recall_cli.simulate.clock import Clock, in_calendar

SECONDS_PER_DAY = 86_400
DEFAULT_START_SECONDS = 10 * 3600
_TIME_OF_DAY = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?")


@dataclass(frozen=True, slots=True)
class TraceStart:
    """A start at `seconds` after midnight of an unnamed day, or at `moment` (aware) when set."""

    seconds: int = DEFAULT_START_SECONDS
    moment: datetime | None = None


def parse_start(value: str, zone: ZoneInfo) -> TraceStart | None:
    """`10:00` (time of day), or ISO 8601 `2026-12-01T10:00` (campaign zone if no offset);
    None when it is neither."""
    value = value.strip()
    match = _TIME_OF_DAY.fullmatch(value)
    if match:
        hours, minutes, seconds = (int(part or 0) for part in match.groups())
        return TraceStart(hours * 3600 + minutes * 60 + seconds)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if not in_calendar(moment):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return TraceStart(moment=moment.astimezone(zone))


def _hhmm(seconds_of_day: int) -> str:
    hours, rest = divmod(seconds_of_day, 3600)
    minutes, seconds = divmod(rest, 60)
    shown = f"{hours:02d}:{minutes:02d}"
    # Waits are whole minutes unless after_hours has an odd fraction; show seconds only then.
    return f"{shown}:{seconds:02d}" if seconds else shown


@dataclass(frozen=True, slots=True)
class TraceClock:
    """Virtual seconds since the start, in words: "10:05", "day 2, 09:15", "Wed 2 Dec, 09:15"."""

    start: TraceStart
    zone: ZoneInfo
    words: Words

    def _moment(self, seconds: int) -> datetime:
        assert self.start.moment is not None
        # The simulator's clock: elapsed time added in UTC, shown in the campaign zone.
        return Clock(self.start.moment, self.zone).at(seconds)

    def at(self, seconds: int, reference: int = 0) -> str:
        """The time `seconds` after the start, with its day when that is not `reference`'s."""
        if self.start.moment is None:
            day, of_day = divmod(self.start.seconds + seconds, SECONDS_PER_DAY)
            if day == (self.start.seconds + reference) // SECONDS_PER_DAY:
                return _hhmm(of_day)
            return self.words.say("explain.day_time", day=day + 1, time=_hhmm(of_day))
        try:
            moment = self._moment(seconds)
            same_day = moment.date() == self._moment(reference).date()
        except OverflowError:
            # Past the year 9999 no calendar applies; count days from the start instead.
            return TraceClock(self._undated(), self.zone, self.words).at(seconds, reference)
        shown = _hhmm(moment.hour * 3600 + moment.minute * 60 + moment.second)
        if same_day:
            return shown
        return self.words.say(
            "explain.date_short",
            weekday=self.words.say(f"explain.wd.{moment.weekday()}"),
            day=moment.day,
            month=self.words.say(f"explain.mon.{moment.month}"),
            time=shown,
        )

    def _undated(self) -> TraceStart:
        assert self.start.moment is not None
        moment = self.start.moment
        return TraceStart(moment.hour * 3600 + moment.minute * 60 + moment.second)

    def opening(self) -> str:
        """The line that says when the trace starts."""
        if self.start.moment is None:
            return self.words.say("explain.trace.start_day", time=_hhmm(self.start.seconds))
        moment = self.start.moment
        date = self.words.say(
            "explain.date_long",
            weekday=self.words.say(f"explain.weekday.{moment.weekday()}"),
            day=moment.day,
            month=self.words.say(f"explain.month.{moment.month}"),
            year=moment.year,
            time=_hhmm(moment.hour * 3600 + moment.minute * 60 + moment.second),
        )
        return self.words.say("explain.trace.start_date", date=date, zone=self.zone.key)
