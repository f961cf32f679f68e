"""Whose local time a dial is judged in: a record's time zone cell, else its numbers' zones.

Each number of a record is judged in (1) the record's zone cell when it has one; else (2) the
one zone libphonenumber gives for the number; else (3) the record's zone, the one zone that the
record's numbers found by (2) agree on; else (4) the campaign's zone. The record's own zone is
its cell, else (3), else the campaign's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import tzinfo
from zoneinfo import ZoneInfo

import phonenumbers
from phonenumbers import timezone as phone_timezones

from recall_cli.engine.zones import (
    MAX_OFFSET_MINUTES,
    ZONE_RANGE,
    ZONE_UNKNOWN,
    parse_zone_cell,
)

__all__ = [
    "MAX_OFFSET_MINUTES",
    "ZONE_RANGE",
    "ZONE_UNKNOWN",
    "PhoneZones",
    "RecordZones",
    "parse_zone_cell",
    "phone_zone",
    "record_zones",
]

# libphonenumber's zone for Kaliningrad numbers keeps summer time; Kaliningrad does not.
_KALININGRAD = {"Europe/Bucharest": "Europe/Kaliningrad"}
_RUSSIA = 7

PhoneZone = Callable[[str, str], str | None]


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
