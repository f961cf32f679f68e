"""Virtual time: whole seconds since the campaign start, shown on the campaign's wall clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

SECONDS_PER_DAY = 86_400
SECONDS_PER_HOUR = 3600
HOURS_PER_DAY = 24
_CACHE_LIMIT = 100_000
# Each second of an hour as "MM:SS", the wall clock's text after the hour.
_MINUTES_SECONDS = tuple(f"{n // 60:02d}:{n % 60:02d}" for n in range(SECONDS_PER_HOUR))
_UNIX_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_SECOND = timedelta(seconds=1)


# A run spans at most A × after_hours (1000 × a year); starts within these years keep every
# time of a run inside the calendar that datetime can show.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def in_calendar(moment: datetime) -> bool:
    """Whether a run may start (or end) at `moment`."""
    return FIRST_YEAR <= moment.year <= LAST_YEAR


@dataclass(slots=True)
class Clock:
    """Turns virtual seconds into aware datetimes in the campaign zone.

    Waits are elapsed time, so offsets are added in UTC and only then shown in the zone: a 24 h
    wait across a daylight-saving change lands an hour off on the wall clock, as it would.
    """

    start: datetime
    zone: ZoneInfo
    _cache: dict[int, datetime] = field(default_factory=dict, repr=False)
    # Per hour since the start: the hour's first second as local seconds since day 1 of the
    # proleptic calendar and its UTC offset as ISO text, or None when the offset changes within
    # the hour (a DST change) and each second is worked out in full. Per local hour since
    # day 1: its ISO text up to the minutes.
    _hours: dict[int, tuple[int, str] | None] = field(default_factory=dict, repr=False)
    _local_hours: dict[int, str] = field(default_factory=dict, repr=False)
    # The texts already made: records close and dials happen at the same seconds again and
    # again (a hundred thousand records close at some fourteen thousand distinct seconds).
    _texts: dict[int, str] = field(default_factory=dict, repr=False)

    def at(self, seconds: int) -> datetime:
        shown = self._cache.get(seconds)
        if shown is None:
            utc = self.start.astimezone(UTC) + timedelta(seconds=seconds)
            shown = utc.astimezone(self.zone)
            if len(self._cache) < _CACHE_LIMIT:
                self._cache[seconds] = shown
        return shown

    def iso(self, seconds: int) -> str:
        """`at(seconds).isoformat()`, without a datetime per call: the offset is looked up once
        an hour, the text up to the hour once a local hour (output is written for every
        event)."""
        known = self._texts.get(seconds)
        if known is not None:
            return known
        hour, within = divmod(seconds, SECONDS_PER_HOUR)
        try:
            base = self._hours[hour]
        except KeyError:
            base = self._hour(hour)
        if base is None:
            shown = self.at(seconds).isoformat()
        else:
            local, offset = base
            local_hour, after = divmod(local + within, SECONDS_PER_HOUR)
            prefix = self._local_hours.get(local_hour)
            if prefix is None:
                prefix = self._local_hour(local_hour)
            shown = f"{prefix}{_MINUTES_SECONDS[after]}{offset}"
        if len(self._texts) < _CACHE_LIMIT:
            self._texts[seconds] = shown
        return shown

    def _hour(self, hour: int) -> tuple[int, str] | None:
        first = self.at(hour * SECONDS_PER_HOUR)
        last = self.at(hour * SECONDS_PER_HOUR + SECONDS_PER_HOUR - 1)
        base = None
        if first.utcoffset() == last.utcoffset() and not first.microsecond:
            local = first.toordinal() * SECONDS_PER_DAY + (
                first.hour * SECONDS_PER_HOUR + first.minute * 60 + first.second
            )
            base = (local, first.isoformat()[19:])
        if len(self._hours) < _CACHE_LIMIT:
            self._hours[hour] = base
        return base

    def _local_hour(self, hour: int) -> str:
        days, within = divmod(hour, HOURS_PER_DAY)
        prefix = f"{date.fromordinal(days).isoformat()}T{within:02d}:"
        if len(self._local_hours) < _CACHE_LIMIT:
            self._local_hours[hour] = prefix
        return prefix

    @property
    def epoch(self) -> int:
        """The start as whole seconds since the Unix epoch (rounded down): virtual second `t`
        is the instant `epoch + t`, the instants calling hours are judged in."""
        return (self.start - _UNIX_EPOCH) // _ONE_SECOND

    def seconds_until(self, moment: datetime) -> int:
        """Whole seconds from the start to `moment` (rounded down)."""
        return int((moment - self.start).total_seconds() // 1)
