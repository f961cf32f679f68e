"""Virtual time: whole seconds since the campaign start, shown on the campaign's wall clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo


@dataclass(slots=True)
class Clock:
    """Turns virtual seconds into aware datetimes in the campaign zone.

    Waits are elapsed time, so offsets are added in UTC and only then shown in the zone: a 24 h
    wait across a daylight-saving change lands an hour off on the wall clock, as it would.
    """

    start: datetime
    zone: ZoneInfo
    _cache: dict[int, datetime] = field(default_factory=dict, repr=False)

    def at(self, seconds: int) -> datetime:
        shown = self._cache.get(seconds)
        if shown is None:
            utc = self.start.astimezone(UTC) + timedelta(seconds=seconds)
            shown = utc.astimezone(self.zone)
            if len(self._cache) < 100_000:
                self._cache[seconds] = shown
        return shown

    def seconds_until(self, moment: datetime) -> int:
        """Whole seconds from the start to `moment` (rounded down)."""
        return int((moment - self.start).total_seconds() // 1)
