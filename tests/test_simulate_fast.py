"""The table of steps against plain stepping through the engine: the same events, results and
figures on random policies, lists, profiles, seeds and horizons (hypothesis); and the seam a
dialer drives, one dial of one record at a time."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.engine import (
    Action,
    Contact,
    Limits,
    Policy,
    Profile,
    RecordState,
    Rule,
    Status,
    Then,
)
from recall_cli.simulate import fast, loop
from recall_cli.simulate.random_outcomes import ProfileSource
from recall_cli.simulate.runner import Runner
from recall_cli.simulate.simulator import Event, RecordResult, simulate
from recall_cli.simulate.steps import Due, Kind
from recall_cli.simulate.summary import Tally, summarize
from recall_cli.simulate.walk import Walker
from tests.strategies import RandomScenario, random_scenarios
from tests.thoroughness import examples

SETTINGS = settings(max_examples=examples(200), deadline=None)


def reference(case: RandomScenario) -> tuple[list[Event], list[RecordResult], Tally]:
    """Plain stepping: every dial decided by the engine, no table."""
    source = ProfileSource(case.profile, case.seed)
    sim = simulate(case.policy, case.contacts, source, case.until)
    tally = Tally()
    events = list(tally.counting(sim.events()))
    return events, sim.results, tally


def tabled(case: RandomScenario, limit: int | None = None) -> Walker:
    source = ProfileSource(case.profile, case.seed)
    return Walker(case.policy, source, fast.Machine(case.policy, source.tables, limit))


@SETTINGS
@given(random_scenarios(), st.sampled_from([None, 0, 2]))
def test_the_table_gives_the_engine_s_events_results_and_figures(
    case: RandomScenario, limit: int | None
) -> None:
    """With the table unbounded, or bounded so that records leave it at once or midway."""
    events, results, tally = reference(case)
    walker = tabled(case, limit)
    assert list(loop.events(walker, case.contacts, case.until)) == events
    played = loop.play(walker, case.contacts, case.until)
    assert played.results == results
    assert played.tally == tally
    assert played.summary() == summarize(results, tally)
    machine = walker.machine
    assert machine is not None
    bound = fast.MAX_STATES if limit is None else limit
    assert len(machine.drawn) <= bound + len(machine.starts)


@settings(max_examples=examples(50), deadline=None)
@given(random_scenarios())
def test_one_machine_serves_every_seed_and_order(case: RandomScenario) -> None:
    """States found under one seed are reused under the next; a record's run does not depend on
    the records played before it."""
    source = ProfileSource(case.profile, case.seed)
    machine = fast.Machine(case.policy, source.tables)
    loop.play(Walker(case.policy, source.reseeded(case.seed + 1), machine), case.contacts)
    walker = Walker(case.policy, source, machine)
    shuffled = list(case.contacts)
    random.Random(case.seed).shuffle(shuffled)
    played = loop.play(walker, shuffled, case.until)
    alone = {
        contact.id: loop.play(walker, (contact,), case.until).results[0][2:]
        for contact in case.contacts
    }
    for result in played.results:
        assert result[2:] == alone[result.contact.id]


@settings(max_examples=examples(50), deadline=None)
@given(random_scenarios())
def test_runner_uses_the_table_for_profiles_and_selects_records(case: RandomScenario) -> None:
    source = ProfileSource(case.profile, case.seed)
    only = [case.contacts[-1].id]
    runner = Runner(case.policy, case.contacts, source, case.until, only)
    assert runner.walker.machine is not None
    results, _ = runner.play()
    sim = simulate(case.policy, case.contacts, source, case.until, only)
    assert list(runner.events()) == list(sim.events())
    assert list(results) == sim.results


# The seam: a record asked for its due dial and told when it starts.

BUSY_TWICE = Rule(Status.BUSY, Action.CALLBACK, repeats=2, interval_minutes=5, after_hours=(1,))
NO_ANSWER = Rule(Status.NO_ANSWER, Action.CALLBACK, after_hours=(2,))
SEAM_POLICY = Policy(Limits(3, 2, True), {Status.BUSY: BUSY_TWICE, Status.NO_ANSWER: NO_ANSWER})
BUSY_THEN_NOT = Profile(
    "<seam>",
    {Status.BUSY: 1.0},
    {Status.BUSY: {Status.BUSY: 0.5, Status.NO_ANSWER: 0.5}},
    {Status.BUSY: (5, 5), Status.NO_ANSWER: (20, 40)},
)
TWO_PHONES = (Contact("seam", ("9161234567", "9167654321")),)
SEAM_SOURCE = ProfileSource(BUSY_THEN_NOT, 7)


def _walkers() -> list[Walker]:
    """The same record through the table, off it at once, and by plain stepping."""
    return [
        Walker(SEAM_POLICY, SEAM_SOURCE, fast.Machine(SEAM_POLICY, SEAM_SOURCE.tables)),
        Walker(SEAM_POLICY, SEAM_SOURCE, fast.Machine(SEAM_POLICY, SEAM_SOURCE.tables, 0)),
        Walker(SEAM_POLICY, SEAM_SOURCE),
    ]


@pytest.mark.parametrize("walker", _walkers(), ids=["table", "off the table", "plain"])
def test_a_dial_started_late_keeps_its_counters_and_the_next_counts_from_its_start(
    walker: Walker,
) -> None:
    on_time = simulate(SEAM_POLICY, TWO_PHONES, SEAM_SOURCE)
    expected = list(on_time.events())
    walk = walker.walk(0, TWO_PHONES[0])
    late: list[Event] = []
    dues: list[Due] = []
    held = 0
    for k, want in enumerate(expected):
        due = walk.due()
        assert due is not None
        dues.append(due)
        assert (due.time - held, due.number) == (want.time, want.number)
        with pytest.raises(ValueError, match="cannot start"):
            walk.dial(due.time - 1)
        event = walk.dial(due.time + 60 * (k + 1))
        held += 60 * (k + 1)
        late.append(event)
        # Counters, status and decision as on time; times moved by the holds so far.
        assert event._replace(time=want.time, next_time=want.next_time) == want
        assert event.time == due.time + 60 * (k + 1)
        if event.next_time is not None:
            delay = {Then.REPEAT: 300, Then.CALLBACK: {Status.BUSY: 3600}.get(event.status, 7200)}
            assert event.next_time == event.time + event.duration + delay[event.then]
    assert walk.due() is None
    assert walk.result == on_time.results[0]._replace(closed_at=late[-1].time + late[-1].duration)
    # The first dial, then repeats of an attempt, then the first dials of later attempts.
    assert dues[0].kind is Kind.FIRST
    for due, previous in zip(dues[1:], late[:-1], strict=True):
        assert due.kind is (Kind.REPEAT if previous.then is Then.REPEAT else Kind.NEXT_ATTEMPT)
    assert {due.kind for due in dues} == set(Kind)


@pytest.mark.parametrize("walker", _walkers(), ids=["table", "off the table", "plain"])
def test_a_walk_ended_before_its_due_dial_is_open_with_what_it_made(walker: Walker) -> None:
    walk = walker.walk(0, TWO_PHONES[0])
    assert walk.due() == Due(0, 0, Kind.FIRST)
    first = walk.dial(0)
    assert (first.status, first.then, first.next_time) == (Status.BUSY, Then.REPEAT, 305)
    assert walk.due() == Due(305, 0, Kind.REPEAT)
    open_ = RecordResult(0, TWO_PHONES[0], RecordState.OPEN, 1, 1, None, Status.BUSY)
    assert walk.expire() == open_
    assert (walk.due(), walk.result) == (None, open_)
