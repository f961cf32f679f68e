"""Whose local time a dial is judged in: a record's time zone cell, else its numbers' zones.

Each number of a record is judged in (1) the record's zone cell when it has one; else (2) the
one zone libphonenumber gives for the number; else (3) the record's zone, the one zone that the
record's numbers found by (2) agree on; else (4) the campaign's zone. The record's own zone is
its cell, else (3), else the campaign's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

import phonenumbers
from phonenumbers import timezone as phone_timezones

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
# libphonenumber's zone for Kaliningrad numbers keeps summer time; Kaliningrad does not.
_KALININGRAD = {"Europe/Bucharest": "Europe/Kaliningrad"}
_RUSSIA = 7

PhoneZone = Callable[[str, str], str | None]


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


def phone_zone(phone: str, region: str) -> str | None:
    """The IANA zone of `phone` (read in `region`) when libphonenumber gives exactly one."""
    try:
        number = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return None
    zones = phone_timezones.time_zones_for_number(number)
    if len(zones) != 1 or zones[0] == phone_timezones.UNKNOWN_TIMEZONE:
        return None
    zone = str(zones[0])
    if number.country_code == _RUSSIA:
        return _KALININGRAD.get(zone, zone)
    return zone


@dataclass(slots=True)
class PhoneZones:
    """`phone_zone` with its answers kept: a lookup costs some 50–100 µs, and a list holds
    the same number in many records (a switchboard, a relative's phone)."""

    _known: dict[tuple[str, str], str | None] = field(default_factory=dict, repr=False)

    def __call__(self, phone: str, region: str) -> str | None:
        key = (phone, region)
        try:
            return self._known[key]
        except KeyError:
            zone = self._known[key] = phone_zone(phone, region)
            return zone


@dataclass(frozen=True, slots=True)
class RecordZones:
    """The zone of each of a record's numbers (empty cells get the record's), the record's
    own zone, and how many non-empty numbers fell back to the campaign's zone."""

    numbers: tuple[tzinfo, ...]
    record: tzinfo
    fallback: int


def record_zones(
    cell_zone: tzinfo | None,
    phones: Sequence[str],
    region: str,
    campaign_zone: tzinfo,
    lookup: PhoneZone = phone_zone,
) -> RecordZones:
    """The zones one record is judged in; `cell_zone` is its read zone cell, None if empty."""
    if cell_zone is not None:
        return RecordZones(tuple(cell_zone for _ in phones), cell_zone, 0)
    pinned = [_zone_info(lookup(phone, region)) if phone else None for phone in phones]
    agreed = {zone for zone in pinned if zone is not None}
    if len(agreed) == 1:
        record = agreed.pop()
        fallback = 0
    else:
        record = campaign_zone
        fallback = sum(1 for phone, zone in zip(phones, pinned, strict=True) if phone and not zone)
    return RecordZones(tuple(zone or record for zone in pinned), record, fallback)


def _zone_info(name: str | None) -> tzinfo | None:
    if name is None:
        return None
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        # A zone libphonenumber knows and this tzdata does not: the number is not pinned.
        return None
