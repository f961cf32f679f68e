"""Calling hours are judged in the record's local time, but the list tells no zone.

Under `local_time: record` (or a preset that sets it, such as `ru_230fz`) each number is judged
in its record's time zone cell, else in the zone of its number when libphonenumber pins one
(a landline's area code does; a Russian mobile's does not). A list with no time zone column
and no number whose zone is pinned has every number judged in the campaign's zone, as under
`local_time: campaign`. Reported at the list's first line: add a time zone column (named in
`list.timezone_column`, or headed `timezone`, `tz` or `часовой пояс`).

FAIL::

    # config.yaml
    hours: ru_230fz
    # list.csv
    id,phone
    1,89161234567

PASS::

    # config.yaml
    hours: ru_230fz
    # list.csv
    id,phone
    1,84951239000
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.engine.contact import no_digit
from recall_cli.engine.hours import LocalTime
from recall_cli.loaders import codes
from recall_cli.problems import Location, Problem
from recall_cli.simulate.zones import PhoneZones
from recall_cli.validate.context import Context
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.NO_ZONE_SOURCE, Scope.CROSS)


def check(ctx: Context) -> Iterator[Problem]:
    campaign, contacts = ctx.campaign, ctx.contacts
    if campaign is None or contacts is None or not contacts.records:
        return
    if campaign.hours is None or campaign.hours.local_time is not LocalTime.RECORD:
        return
    if contacts.timezone_column is not None:
        return
    lookup = PhoneZones()
    region = campaign.region
    for record in contacts.records:
        for phone in record.phones:
            if not no_digit(phone) and lookup(phone, region) is not None:
                return
    yield RULE.finding(
        Location(contacts.file, 1, 1),
        "validate.no_zone_source",
        zone=campaign.policy.timezone,
    )
