"""Do-not-call lists leave records of the list with no number to dial.

A listed number is never dialled, so a record all of whose numbers are listed closes
`no_numbers` at the start without a single dial. Reported once, with how many records that
leaves without a number and how many of the list's numbers the lists name, at the first such
record. With `--start`, an entry that ended before it counts for nothing.

FAIL::

    # config.yaml
    limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}
    do_not_call: [dnc.csv]
    # dnc.csv
    phone
    +7 916 123-45-67
    # list.csv
    id,phone
    1,8 916 123 45 67

PASS::

    # config.yaml
    limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}
    do_not_call: [dnc.csv]
    # dnc.csv
    phone
    +7 916 123-45-67
    # list.csv
    id,phone
    1,8 916 765 43 21
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from zoneinfo import ZoneInfo

from recall_cli.engine.contact import no_digit
from recall_cli.loaders import codes
from recall_cli.loaders.phonebook import build_phonebook
from recall_cli.problems import Location, Problem
from recall_cli.validate.context import Context
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.DNC_REMOVES_RECORDS, Scope.CROSS)


def check(ctx: Context) -> Iterator[Problem]:
    campaign, contacts = ctx.campaign, ctx.contacts
    if campaign is None or contacts is None or not ctx.dnc:
        return
    start = ctx.start
    entries = [
        entry
        for entry in chain.from_iterable(dnc.entries for dnc in ctx.dnc)
        if start is None or entry.until is None or entry.until >= start
    ]
    zone = ZoneInfo(campaign.policy.timezone)
    listed = build_phonebook(contacts.records, campaign.region, zone, shared=False, dnc=entries)
    if not listed.listed:
        return
    emptied = [
        record
        for position, record in enumerate(contacts.records)
        if any(not no_digit(phone) for phone in record.phones)
        and all(
            no_digit(phone) or (position, number) in listed.listed
            for number, phone in enumerate(record.phones)
        )
    ]
    if not emptied:
        return
    yield RULE.finding(
        Location(contacts.file, emptied[0].line, 1),
        "validate.dnc_removes_records",
        numbers=len(listed.listed),
        list=contacts.file,
        records=len(emptied),
        record=emptied[0].id,
        line=emptied[0].line,
    )
