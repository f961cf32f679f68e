"""The same phone is in several records while caps of scope `phone` or stops of scope
`campaign` treat it as one.

Such a phone's dials count once across the records that hold it (a phone cap), and a
campaign-wide stop on it stops it in every one of them: one record's outcome changes
another's timeline. Reported once, with how many phones and records share, at the first
shared phone's cell. Phones compare as libphonenumber reads them in the config's region.

FAIL::

    # config.yaml
    limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}
    caps: [{max: 1, per: day, scope: phone}]
    # list.csv
    id,phone
    1,89161234567
    2,+7 916 123-45-67

PASS::

    # config.yaml
    limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}
    caps: [{max: 1, per: day}]
    # list.csv
    id,phone
    1,89161234567
    2,+7 916 123-45-67
"""

from __future__ import annotations

from collections.abc import Iterator
from zoneinfo import ZoneInfo

from recall_cli.engine import Action
from recall_cli.engine.caps import Scope as CapScope
from recall_cli.engine.policy import StopScope
from recall_cli.loaders import codes
from recall_cli.loaders.contacts import locate_cells
from recall_cli.loaders.phonebook import build_phonebook
from recall_cli.messages import Message
from recall_cli.problems import Problem
from recall_cli.validate.context import Context
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.SHARED_PHONE, Scope.CROSS)


def check(ctx: Context) -> Iterator[Problem]:
    campaign, contacts = ctx.campaign, ctx.contacts
    if campaign is None or contacts is None:
        return
    if any(cap.scope is CapScope.PHONE for cap in campaign.caps):
        feature = "validate.feature.phone_caps"
    elif any(
        rule.action is Action.STOP_NUMBER and rule.scope is StopScope.CAMPAIGN
        for rule in campaign.policy.rules.values()
    ):
        feature = "validate.feature.campaign_stops"
    else:
        return
    zone = ZoneInfo(campaign.policy.timezone)
    shared = build_phonebook(contacts.records, campaign.region, zone, shared=True).shared
    if not shared:
        return
    position, number = min(shared)
    record = contacts.records[position]
    cell = (record.line, contacts.phone_columns[number])
    where = locate_cells(contacts, [cell])[cell]
    yield RULE.finding(
        where,
        "validate.shared_phone",
        phones=len(set(shared.values())),
        list=contacts.file,
        records=len({slot[0] for slot in shared}),
        phone=record.phones[number],
        line=record.line,
        feature=Message(feature),
    )
