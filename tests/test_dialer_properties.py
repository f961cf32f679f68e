"""Properties of the dialer over random calling hours, zones, lines and outcomes with
durations: windows and lines are kept, a held dial stays what it was, every record ends once."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.engine import Contact, Policy, RecordState
from recall_cli.engine.dialer import Dialer, Order
from recall_cli.engine.hours import Hours
from recall_cli.simulate.clock import Clock
from recall_cli.simulate.dialing import HeldBy, Setup
from recall_cli.simulate.dials import Event, RecordResult
from recall_cli.simulate.hours import OpenHours
from recall_cli.simulate.outcomes import OutcomeSource
from recall_cli.simulate.runner import Runner
from recall_cli.simulate.summary import Summary
from tests.strategies import ZONES, calling_hours, contacts, outcome_sources, policies
from tests.thoroughness import examples

Case = tuple[Policy, tuple[Contact, ...], OutcomeSource, Setup, int | None]
START = datetime(2026, 11, 30, 7, 15, tzinfo=ZoneInfo("Europe/Moscow"))
CLOCK = Clock(START, ZoneInfo("Europe/Moscow"))


@st.composite
def runs(draw: st.DrawFn) -> Case:
    policy = draw(policies())
    people = draw(contacts())
    source = draw(outcome_sources(people))
    hours: Hours | None = draw(st.none() | calling_hours())
    lines = draw(st.none() | st.integers(1, 3))
    dialer = None if lines is None else Dialer(lines, draw(st.sampled_from(Order)))
    zone = st.sampled_from(ZONES).map(ZoneInfo)
    zones = [tuple(draw(zone) for _ in range(len(c.phones) + 1)) for c in people]
    until = draw(st.none() | st.integers(0, 10 * 24 * 3600))
    return policy, people, source, Setup(hours, dialer, zones), until


def _play(case: Case) -> tuple[list[Event], list[RecordResult], Summary]:
    policy, people, source, setup, until = case
    runner = Runner(policy, people, source, until, setup=setup, clock=CLOCK)
    results, summary = runner.play()
    return list(runner.events()), list(results), summary


@settings(max_examples=examples(300))
@given(runs())
def test_no_dial_starts_outside_its_numbers_window(case: Case) -> None:
    events, _, _ = _play(case)
    setup = case[3]
    if setup.hours is None:
        return
    hours = OpenHours(setup.hours)
    for event in events:
        zone = setup.zones[event.record][event.number]
        assert hours.is_open(CLOCK.epoch + event.time, zone), event


@settings(max_examples=examples(300))
@given(runs())
def test_never_more_dials_in_progress_than_lines(case: Case) -> None:
    events, _, _ = _play(case)
    dialer = case[3].dialer
    if dialer is None:
        return
    changes = sorted(
        change
        for event in events
        if event.duration
        for change in ((event.time, 1), (event.time + event.duration, -1))
    )
    # An end at an instant comes before a start at it (-1 sorts first): the line is free again.
    busy = 0
    for _, step in changes:
        busy += step
        assert busy <= dialer.lines


@settings(max_examples=examples(300))
@given(runs())
def test_a_held_dial_keeps_its_counters(case: Case) -> None:
    policy, people, source, setup, _ = case
    events, results, _ = _play((policy, people, source, setup, None))
    plain = Runner(policy, people, source)
    plain_results, _ = plain.play()

    def decisions(found: list[Event]) -> dict[int, list[Event]]:
        by_record: dict[int, list[Event]] = defaultdict(list)
        for e in found:
            by_record[e.record].append(e._replace(time=0, next_time=None, due=None, held_by=()))
        return by_record

    plain_events = list(plain.events())
    assert decisions(events) == decisions(plain_events)
    # Only records whose window never opens again stay open.
    for held, free in zip(results, plain_results, strict=True):
        if held.state is not RecordState.OPEN:
            assert (held.state, held.attempts, held.dials, held.final_status) == (
                free.state,
                free.attempts,
                free.dials,
                free.final_status,
            )


@settings(max_examples=examples(300))
@given(runs())
def test_every_record_ends_once_and_times_add_up(case: Case) -> None:
    events, results, summary = _play(case)
    _, people, _, setup, until = case
    assert [r.position for r in results] == list(range(len(people)))
    assert events == sorted(events, key=lambda e: (e.time, e.record))
    last: dict[int, Event] = {}
    for event in events:
        assert event.due is not None
        assert event.due <= event.time
        assert (event.time > event.due) == bool(event.held_by)
        assert list(event.held_by) == sorted(set(event.held_by))
        if setup.dialer is None:
            assert HeldBy.LINE not in event.held_by
        if until is not None:
            assert event.time <= until
        before = last.get(event.record)
        if before is not None:
            assert before.closed is None
            assert before.next_time == event.due
        last[event.record] = event
    for result in results:
        final = last.get(result.position)
        if final is None or final.closed is None:
            assert result.state in {RecordState.OPEN, RecordState.NO_NUMBERS}
        else:
            assert result.state is final.closed
            assert result.closed_at == final.time + final.duration
    assert summary.dials == len(events)
    assert summary.dialer is not None
    ends = [e.time + e.duration for e in events]
    assert summary.dialer.end == (max(ends) if ends else None)
    held = sum(HeldBy.HOURS in e.held_by for e in events)
    assert summary.dialer.held_by_hours == (None if setup.hours is None else held)
    if setup.dialer is not None:
        assert summary.dialer.lines is not None
        waited = sum(HeldBy.LINE in e.held_by for e in events)
        assert summary.dialer.lines.waited_for_line == waited


@settings(max_examples=examples(200))
@given(runs())
def test_a_setup_that_holds_nothing_changes_no_time(case: Case) -> None:
    policy, people, source, setup, until = case
    free = Setup(None, None, setup.zones)
    events, results, summary = _play((policy, people, source, free, until))
    plain = Runner(policy, people, source, until)
    plain_results, plain_summary = plain.play()
    assert [e._replace(due=None, held_by=()) for e in events] == list(plain.events())
    assert all(e.due == e.time and e.held_by == () for e in events)
    assert results == list(plain_results)
    assert summary.dialer is not None
    assert replace(summary, dialer=None) == plain_summary
