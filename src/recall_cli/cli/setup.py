"""The dialer a run is given: its calling hours, its lines, and the zone each number is
judged in — the list read against the config once, before the run starts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from recall_cli.engine import Contact, Policy
from recall_cli.engine.caps import Scope
from recall_cli.engine.contact import no_digit
from recall_cli.engine.hours import LocalTime
from recall_cli.engine.phonebook import Phonebook
from recall_cli.engine.zones import parse_zone_cell
from recall_cli.render.run import DialerOutput
from recall_cli.simulate.dialing import Setup, campaign_stops

if TYPE_CHECKING:  # the config loader imports pydantic: imported when a config is read
    from recall_cli.loaders.config import Campaign
    from recall_cli.loaders.dnc import DncEntry


def couples_records(campaign: Campaign) -> bool:
    """Whether one record's dials bear on another's: caps of scope `phone`, or a
    `stop_number` of scope `campaign`."""
    return any(cap.scope is Scope.PHONE for cap in campaign.caps) or bool(
        campaign_stops(campaign.policy)
    )


def dnc_entries(campaign: Campaign, given: Sequence[Path]) -> tuple[DncEntry, ...]:
    """The entries of the config's do-not-call files and of `given` ones, read in the
    config's region. A file the config names that cannot be read is blamed on its name in
    the config; a bad entry is a `RecallError` at its line and column."""
    from recall_cli.loaders.dnc import load_dnc  # noqa: PLC0415
    from recall_cli.messages import Message  # noqa: PLC0415
    from recall_cli.problems import Problem, UnreadableError  # noqa: PLC0415

    entries: list[DncEntry] = []
    for path, where in zip(campaign.do_not_call, campaign.do_not_call_at, strict=True):
        try:
            entries.extend(load_dnc(path, campaign.region).entries)
        except UnreadableError as error:
            raise UnreadableError(
                Problem(
                    where,
                    problem.code,
                    Message("config.dnc_file", {"file": path, "reason": problem.message}),
                )
                for problem in error.problems
            ) from None
    for file in given:
        entries.extend(load_dnc(file, campaign.region).entries)
    return tuple(entries)


def dialer_setup(
    campaign: Campaign, records: Sequence[Contact], dnc: Sequence[DncEntry] | None = None
) -> Setup | None:
    """The run's dialer, None when the config has no `hours`, `dialer`, `caps`, campaign-wide
    stops and the run no do-not-call list (`dnc` None; empty lists still make a Setup) — a
    Part I run.

    Under `local_time: record` each number is judged in its record's zone cell, else the zone
    its number pins, else the record's zone, else the campaign's (`zone_fallback` counts the
    last); otherwise every zone is the campaign's.
    """
    hours, dialer, caps = campaign.hours, campaign.dialer, campaign.caps
    coupled = couples_records(campaign)
    if hours is None and dialer is None and not caps and not coupled and dnc is None:
        return None
    zone = ZoneInfo(campaign.policy.timezone)
    phonebook = _phonebook(campaign, records, zone, coupled, dnc)
    if hours is None or hours.local_time is not LocalTime.RECORD:
        return Setup(hours, dialer, _everywhere(zone, records), caps=caps, phonebook=phonebook)
    zones, fallback = local_zones(records, campaign.region, zone)
    return Setup(hours, dialer, zones, fallback, caps, phonebook)


def _phonebook(
    campaign: Campaign,
    records: Sequence[Contact],
    zone: tzinfo,
    coupled: bool,
    dnc: Sequence[DncEntry] | None,
) -> Phonebook | None:
    """Shared phones when records are coupled, listed ones with do-not-call lists; None when
    the run needs neither."""
    if not coupled and dnc is None:
        return None
    from recall_cli.loaders.phonebook import build_phonebook  # noqa: PLC0415

    book = build_phonebook(records, campaign.region, zone, shared=coupled, dnc=dnc or ())
    return replace(book, listing=dnc is not None)


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
