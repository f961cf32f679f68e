"""The dialer a run is given: its calling hours, its lines, and the zone each number is
judged in — the list read against the config once, before the run starts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from recall_cli.engine import Contact, Policy
from recall_cli.engine.contact import no_digit
from recall_cli.engine.hours import LocalTime
from recall_cli.engine.zones import parse_zone_cell
from recall_cli.render.run import DialerOutput
from recall_cli.simulate.dialing import Setup, campaign_stops

if TYPE_CHECKING:  # the config loader imports pydantic: imported when a config is read
    from recall_cli.loaders.config import Campaign


def dialer_setup(campaign: Campaign, records: Sequence[Contact]) -> Setup | None:
    """The run's dialer, None when the config has no `hours`, `dialer` or `caps` (a Part I
    run).

    Under `local_time: record` each number is judged in its record's zone cell, else the zone
    its number pins, else the record's zone, else the campaign's (`zone_fallback` counts the
    last); otherwise every zone is the campaign's.
    """
    hours, dialer, caps = campaign.hours, campaign.dialer, campaign.caps
    if hours is None and dialer is None and not caps:
        return None
    zone = ZoneInfo(campaign.policy.timezone)
    if hours is None or hours.local_time is not LocalTime.RECORD:
        return Setup(hours, dialer, _everywhere(zone, records), caps=caps)
    zones, fallback = local_zones(records, campaign.region, zone)
    return Setup(hours, dialer, zones, fallback, caps)


def _everywhere(zone: tzinfo, records: Sequence[Contact]) -> list[tuple[tzinfo, ...]]:
    """Every number and record in `zone`; records of one width share one tuple."""
    shared: dict[int, tuple[tzinfo, ...]] = {}
    zones = []
    for record in records:
        width = len(record.phones) + 1
        if width not in shared:
            shared[width] = (zone,) * width
        zones.append(shared[width])
    return zones


def local_zones(
    records: Sequence[Contact], region: str, campaign_zone: tzinfo
) -> tuple[list[tuple[tzinfo, ...]], int]:
    """Each record's numbers' zones with its own zone last, and how many numbers fell back to
    `campaign_zone`. A cell that holds no digit is never dialled: it is no number, and is
    judged in the record's zone without counting."""
    # Not at the top: libphonenumber's tables load only for a run that needs them.
    from recall_cli.simulate.zones import PhoneZones, record_zones  # noqa: PLC0415

    lookup = PhoneZones()
    cells: dict[str, tzinfo | None] = {"": None}
    zones: list[tuple[tzinfo, ...]] = []
    fallback = 0
    for record in records:
        cell = record.zone
        if cell not in cells:
            read = parse_zone_cell(cell)
            # The loader refused an unreadable cell; one made by hand falls through.
            cells[cell] = None if isinstance(read, str) else read
        phones = tuple("" if no_digit(phone) else phone for phone in record.phones)
        found = record_zones(cells[cell], phones, region, campaign_zone, lookup)
        zones.append((*found.numbers, found.record))
        fallback += found.fallback
    return zones, fallback


def dialer_output(
    setup: Setup | None, scripted_durations: bool, policy: Policy | None = None
) -> DialerOutput | None:
    """What the dialer adds to a run's output: nothing for a Part I run; `due`, `held_by` and
    `end` for any dialer input, and each other figure with its feature (`policy`: the run's,
    whose campaign-wide stops add `cancelled`)."""
    if setup is None:
        return DialerOutput() if scripted_durations else None
    hours = setup.hours
    stops = policy is not None and bool(campaign_stops(policy))
    return DialerOutput(
        lines=setup.dialer is not None,
        hours=hours is not None,
        zones=hours is not None and hours.local_time is LocalTime.RECORD,
        caps=bool(setup.caps),
        do_not_call=setup.listing,
        cancelled=setup.listing or stops,
    )
