"""Output written by hand for speed is exactly what the plain way writes (hypothesis)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.engine import Contact, RecordState, Status
from recall_cli.render import documents
from recall_cli.render.data import (
    event_data,
    event_json,
    record_data,
    record_json,
    records_json,
)
from recall_cli.render.run import DialerOutput, RunInfo
from recall_cli.simulate.clock import Clock
from recall_cli.simulate.dialing import Cancellation
from recall_cli.simulate.random_outcomes import ProfileSource
from recall_cli.simulate.simulator import RecordResult, simulate
from tests.strategies import RandomScenario, random_scenarios
from tests.support import CLOCK, policy
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
        "Europe/Amsterdam",  # +00:19:32 until 1937: an offset with seconds
        "Africa/Monrovia",  # -00:44:30 until 1972
    ]
)


@settings(max_examples=examples(300), deadline=None)
@given(
    ZONES,
    st.datetimes(datetime(1900, 1, 1), datetime(2060, 1, 1)),
    st.booleans(),
    st.lists(st.integers(0, 400 * 86_400), max_size=40),
)
def test_iso_is_isoformat_across_daylight_saving_changes(
    zone: str, start: datetime, whole: bool, offsets: list[int]
) -> None:
    if whole:  # a start in whole seconds, as `--start` gives: the texts made an hour at a time
        start = start.replace(microsecond=0)
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


CANCELLATIONS = st.builds(
    Cancellation, st.integers(0, 400 * 86_400), st.integers(0, 2), st.none() | st.integers(0, 4)
)


@settings(max_examples=examples(150), deadline=None)
@given(
    random_scenarios(),
    NAMES,
    ZONES,
    st.datetimes(datetime(1990, 1, 1), datetime(2060, 1, 1)),
    st.none() | st.dictionaries(st.integers(0, 4), CANCELLATIONS),
)
def test_a_chunk_of_records_is_written_as_json_dumps_writes_each(
    case: RandomScenario,
    name: str,
    zone: str,
    start: datetime,
    closings: dict[int, Cancellation] | None,
) -> None:
    contacts = tuple(Contact(f"{name}{c.id}", c.phones) for c in case.contacts)
    if closings is not None:  # a record stopped by one of the list's
        closings = {
            at: Cancellation(c.at, c.number, None if c.by is None else c.by % len(contacts))
            for at, c in closings.items()
        }
    tz = ZoneInfo(zone)
    clock = Clock(start.replace(tzinfo=tz), tz)
    dialer = None if closings is None else DialerOutput(cancelled=True)
    run = RunInfo(case.policy, contacts, clock, case.seed, None, dialer=dialer)
    sim = simulate(case.policy, contacts, ProfileSource(case.profile, case.seed), case.until)
    for _ in sim.events():  # the results are there once the events are
        pass
    dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    expected = [dump(record_data(result, run, closings)) for result in sim.results]
    assert records_json(sim.results, run, closings) == expected
    assert records_json(sim.results, run, closings, '{"type":"record",') == [
        '{"type":"record",' + text[1:] for text in expected
    ]


def test_records_are_joined_across_chunks_as_one_list(monkeypatch: pytest.MonkeyPatch) -> None:
    contacts = tuple(Contact(f"id-{i}", (f"+7900000{i:04d}",)) for i in range(5))
    run = RunInfo(policy(3, 2, False), contacts, CLOCK, 1, None)
    results = [
        RecordResult(i, contact, RecordState.REACHED, 1, i, 60 * i, Status.ANSWERED)
        for i, contact in enumerate(contacts)
    ]
    each = [record_json(result, run) for result in results]
    monkeypatch.setattr(documents, "WRITE_EVERY", 2)
    assert list(documents.json_records(iter(results), run)) == [
        ",\n".join(each[0:2]),
        ",\n".join(each[2:4]),
        each[4],
    ]
    assert "".join(documents.jsonl_records(results, run)) == "".join(
        '{"type":"record",' + text[1:] + "\n" for text in each
    )
    assert list(documents.json_records([], run)) == []
