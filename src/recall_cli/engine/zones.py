"""Reading a list's time zone cell: an IANA name, an offset from UTC or from Moscow.

Pure text to `tzinfo`; which zone a record's numbers are judged in is the simulator's business.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

# Message keys for a zone cell that cannot be read; the loader gives them a position.
ZONE_UNKNOWN = "zone.unknown"
ZONE_RANGE = "zone.offset_range"

MAX_OFFSET_MINUTES = 14 * 60
_MOSCOW_MINUTES = 3 * 60
_MAX_CELL = 64
# `UTC`, `GMT`, `MSK`/`МСК` alone or with an offset, or an offset alone: +5, -3:30, +05:00, +0530.
_OFFSET = re.compile(
    r"(?:(UTC|GMT|MSK|МСК)\s*)?"
    r"(?:([-+−])\s*(?:([0-9]{1,2})(?::([0-9]{2}))?|([0-9]{2})([0-9]{2})))?",
    re.IGNORECASE,
)


@cache
def _zone_names() -> Mapping[str, str]:
    """Every IANA zone name by its lower-case form (a fixed table, read once)."""
    return {name.lower(): name for name in available_timezones()}


def _fixed(minutes: int) -> tzinfo | str:
    if abs(minutes) > MAX_OFFSET_MINUTES:
        return ZONE_RANGE
    return timezone(timedelta(minutes=minutes)) if minutes else UTC


def parse_zone_cell(text: str) -> tzinfo | str:
    """The zone a time zone cell names, or the message key of why it names none.

    An IANA name (any letter case), `UTC`, `GMT`, `MSK`, an offset from UTC (`UTC+5`,
    `GMT-3:30`, `+05:00`) or from Moscow (`MSK+4`, `МСК-1`; Moscow is UTC+3), within ±14:00.
    """
    cell = text.strip()
    if not cell or len(cell) > _MAX_CELL:
        return ZONE_UNKNOWN
    match = _OFFSET.fullmatch(cell)
    if match is not None and (match.group(1) or match.group(2)):
        prefix, sign, hours, minutes, packed_hours, packed_minutes = match.groups()
        base = _MOSCOW_MINUTES if prefix and prefix.upper() in {"MSK", "МСК"} else 0
        if sign is None:
            return _fixed(base)
        hour = int(hours or packed_hours)
        minute = int(minutes or packed_minutes or 0)
        if minute > 59:
            return ZONE_UNKNOWN
        offset = hour * 60 + minute
        return _fixed(base + (offset if sign == "+" else -offset))
    name = _zone_names().get(cell.lower())
    return ZONE_UNKNOWN if name is None else ZoneInfo(name)
