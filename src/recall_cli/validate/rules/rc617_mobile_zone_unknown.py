"""Russian mobile numbers whose time zone nothing tells: they are judged in the campaign's zone.

Under `local_time: record` a number is judged in its record's time zone cell, else in the zone
libphonenumber pins for it, else in the zone the record's other numbers agree on, else in the
campaign's. libphonenumber gives a Russian mobile (+7 9xx) all of Russia's zones, so a mobile
in a record with no zone cell and no landline to go by falls back to the campaign's zone: a
dial at 09:00 Moscow time is 13:00 in Novosibirsk and 18:00 in Kamchatka. Reported once, at
the first such number, with how many there are; add a time zone column (named in
`list.timezone_column`, or headed `timezone`, `tz` or `часовой пояс`).

FAIL::

    # config.yaml
    hours: ru_230fz
    # list.csv
    id,phone 1,phone 2
    1,84951239000,89161234567
    2,89161234568,

PASS::

    # config.yaml
    hours: ru_230fz
    # list.csv
    id,phone 1,phone 2,tz
    1,84951239000,89161234567,
    2,89161234568,,МСК+4
"""

from __future__ import annotations

from collections.abc import Iterator

import phonenumbers

from recall_cli.engine.contact import no_digit
from recall_cli.engine.hours import LocalTime
from recall_cli.loaders import codes
from recall_cli.loaders.contacts import locate_cells
from recall_cli.problems import Problem
from recall_cli.simulate.zones import PhoneZones
from recall_cli.validate.context import Context
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.MOBILE_ZONE_UNKNOWN, Scope.CROSS)
_RUSSIA = 7


def check(ctx: Context) -> Iterator[Problem]:
    campaign, contacts = ctx.campaign, ctx.contacts
    if campaign is None or contacts is None or not contacts.records:
        return
    if campaign.hours is None or campaign.hours.local_time is not LocalTime.RECORD:
        return
    lookup = PhoneZones()
    region = campaign.region
    first: tuple[int, int] | None = None
    count = 0
    for record in contacts.records:
        if record.zone:
            continue
        phones = [(i, phone) for i, phone in enumerate(record.phones) if not no_digit(phone)]
        pinned = {lookup(phone, region) for _, phone in phones} - {None}
        if len(pinned) == 1:
            continue  # the record's landlines agree: its mobiles live there too
        for index, phone in phones:
            if lookup(phone, region) is None and _russian_mobile(phone, region):
                count += 1
                if first is None:
                    first = (record.line, index)
    if first is None:
        return
    line, index = first
    column = contacts.phone_columns[index]
    where = locate_cells(contacts, [(line, column)])[line, column]
    yield RULE.finding(
        where, "validate.mobile_zone_unknown", count=count, zone=campaign.policy.timezone
    )


def _russian_mobile(phone: str, region: str) -> bool:
    try:
        number = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return False
    return (
        number.country_code == _RUSSIA
        and phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
    )
