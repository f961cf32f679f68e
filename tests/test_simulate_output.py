"""Output written by hand for speed is exactly what the plain way writes (hypothesis)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.engine import Contact
from recall_cli.render.data import event_data, event_json, record_data, record_json
from recall_cli.render.run import RunInfo
from recall_cli.simulate.clock import Clock
from recall_cli.simulate.random_outcomes import ProfileSource
from recall_cli.simulate.simulator import simulate
from tests.strategies import RandomScenario, random_scenarios
from tests.support import CLOCK
from tests.thoroughness import examples

ZONES = st.sampled_from(
    [
        "Europe/Moscow",
        "Europe/Berlin",
        "America/New_York",
        "Australia/Lord_Howe",
        "Asia/Kolkata",
        "America/St_Johns",
        "Pacific/Chatham",
        "UTC",
    ]
)


@settings(max_examples=examples(300), deadline=None)
@given(
    ZONES,
    st.datetimes(datetime(1990, 1, 1), datetime(2060, 1, 1)),
    st.lists(st.integers(0, 400 * 86_400), max_size=40),
)
def test_iso_is_isoformat_across_daylight_saving_changes(
    zone: str, start: datetime, offsets: list[int]
) -> None:
    tz = ZoneInfo(zone)
    clock = Clock(start.replace(tzinfo=tz), tz)
    reference = Clock(start.replace(tzinfo=tz), tz)
    # The seconds around each of the year's changes, and random ones.
    year = start.year
    edges = [
        reference.seconds_until(datetime(year, month, day, tzinfo=tz)) + delta
        for month, day in ((3, 8), (3, 29), (4, 5), (9, 27), (10, 25), (11, 1))
        for delta in range(-3 * 3600, 3 * 3600, 599)
    ]
    for seconds in [s for s in edges if s >= 0] + offsets:
        assert clock.iso(seconds) == reference.at(seconds).isoformat()


def test_iso_of_a_start_with_microseconds() -> None:
    tz = ZoneInfo("Europe/Moscow")
    start = datetime(2026, 12, 1, 9, 0, 0, 250_000, tzinfo=tz)
    clock = Clock(start, tz)
    assert clock.iso(61) == (start + timedelta(seconds=61)).isoformat()


NAMES = st.text(st.characters(codec="utf-8"), min_size=1, max_size=6)


@settings(max_examples=examples(150), deadline=None)
@given(random_scenarios(), NAMES, NAMES, st.none() | NAMES)
def test_records_and_events_are_written_as_json_dumps_writes_them(
    case: RandomScenario, name: str, phone: str, scenario: str | None
) -> None:
    contacts = tuple(
        Contact(f"{name}{c.id}", tuple(p and f"{phone}{p}" for p in c.phones))
        for c in case.contacts
    )
    rules = {
        status: rule.__class__(
            rule.status,
            rule.action,
            rule.repeats,
            rule.interval_minutes,
            rule.after_hours,
            scenario,
        )
        for status, rule in case.policy.rules.items()
    }
    pol = case.policy.__class__(case.policy.limits, rules, case.policy.name)
    run = RunInfo(pol, contacts, CLOCK, case.seed, None, bool(case.profile.durations))
    sim = simulate(pol, contacts, ProfileSource(case.profile, case.seed), case.until)
    dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for event in sim.events():
        assert event_json(event, run) == dump(event_data(event, run))
    for result in sim.results:
        assert record_json(result, run) == dump(record_data(result, run))
