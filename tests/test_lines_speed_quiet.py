"""The fast forms of a lines run checked against the loop that makes every event: a run that
writes no events (`LineLoop.play`) counts the same dials, ends the same records and gathers the
same figures as the events' loop (`LineLoop.run`) counted event by event; a number's window
asked in one question (`OpenHours.window`, `Gate.window`) answers as `next_open` and
`closes_at` do, however warm its caches are."""

from __future__ import annotations

from datetime import datetime
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.engine import (
    Action,
    Contact,
    Limits,
    NumberOrder,
    Policy,
    Profile,
    RecordState,
    Rule,
    Status,
)
from recall_cli.engine.caps import Calendar, Cap, Count
from recall_cli.engine.dialer import Dialer, Order
from recall_cli.engine.hours import Hours
from recall_cli.simulate import arrays
from recall_cli.simulate import quiet as quietly
from recall_cli.simulate import scripts as scripting
from recall_cli.simulate.ahead import Scripts
from recall_cli.simulate.clock import Clock
from recall_cli.simulate.dialer import gate
from recall_cli.simulate.dialing import Setup
from recall_cli.simulate.dials import RecordResult
from recall_cli.simulate.fast import Machine
from recall_cli.simulate.gauge import Gauge
from recall_cli.simulate.hours import OpenHours
from recall_cli.simulate.lines import LineLoop
from recall_cli.simulate.outcomes import OutcomeSource
from recall_cli.simulate.random_outcomes import ProfileSource
from recall_cli.simulate.steps import Kind
from recall_cli.simulate.summary import Tally
from recall_cli.simulate.walk import Walker
from tests.strategies import ZONES, calling_hours, contacts, outcome_sources, policies, profiles
from tests.thoroughness import examples

Case = tuple[Policy, tuple[Contact, ...], OutcomeSource, Setup, int]
START = datetime(2026, 11, 30, 7, 15, tzinfo=ZoneInfo("Europe/Moscow"))
CLOCK = Clock(START, ZoneInfo("Europe/Moscow"))
NEVER = 1 << 62
"""The horizon of a run without --until."""


@st.composite
def caps(draw: st.DrawFn) -> tuple[Cap, ...]:
    """None, or a cap or two of scope record, calendar or rolling."""
    per = st.sampled_from(Calendar) | st.sampled_from([600, 3600, 86_400])
    cap = st.builds(Cap, st.integers(1, 3), per, st.sampled_from(Count))
    return tuple(draw(st.lists(cap, max_size=2)))


@st.composite
def runs(draw: st.DrawFn) -> Case:
    policy = draw(policies())
    people = draw(contacts())
    source = draw(outcome_sources(people))
    hours: Hours | None = draw(st.none() | calling_hours())
    dialer = Dialer(draw(st.integers(1, 3)), draw(st.sampled_from(Order)))
    zone = st.sampled_from(ZONES).map(ZoneInfo)
    zones = [tuple(draw(zone) for _ in range(len(c.phones) + 1)) for c in people]
    until = draw(st.just(NEVER) | st.integers(0, 10 * 24 * 3600))
    return policy, people, source, Setup(hours, dialer, zones, caps=draw(caps())), until


def _loop(
    case: Case, scripted: bool = False, limit: int | None = None
) -> tuple[LineLoop, Gauge, Scripts | None]:
    """The case's lines loop (its table learning at most `limit` states), its gauge, and —
    when `scripted` and the run can have them — the scripts of its records."""
    policy, people, source, setup, until = case
    machine = None
    if isinstance(source, ProfileSource):
        machine = Machine(policy, source.tables, limit)
    walker = Walker(policy, source, machine)
    checks = gate(setup, CLOCK.epoch)
    scripts = None
    if scripted and machine is not None and checks.ledger is None and arrays.fits(machine):
        walks, scripts = scripting.scripted(walker, people, range(len(people)))
    else:
        walks = [walker.walk(position, contact) for position, contact in enumerate(people)]
    gauge = Gauge()
    assert setup.dialer is not None
    return LineLoop(walks, checks, setup.dialer, until, gauge), gauge, scripts


def _results(loop: LineLoop) -> list[RecordResult | None]:
    return [walk.result for walk in loop.walks]


@settings(max_examples=examples(400))
@given(runs())
def test_a_quiet_run_counts_what_the_events_loop_makes(case: Case) -> None:
    _counts_as_events(case)


@settings(max_examples=examples(300))
@given(runs(), st.sampled_from([None, 0, 2, 6]))
def test_a_scripted_quiet_run_counts_what_the_events_loop_makes(
    case: Case, limit: int | None
) -> None:
    """The records' dials drawn ahead as arrays (`scripts.scripted`) and only timed by the
    quiet loop: the same dials, results and figures as the events' loop; a small table
    (`limit`) makes records leave their scripts and walk on."""
    _counts_as_events(case, scripted=True, limit=limit)


def _counts_as_events(case: Case, scripted: bool = False, limit: int | None = None) -> None:
    made, made_gauge, _ = _loop(case, limit=limit)
    made_tally, made_told = Tally(), list[int]()
    for event in made.run(made_told.append):
        made_tally.add(event)
    quiet, quiet_gauge, scripts = _loop(case, scripted, limit)
    quiet_tally, quiet_told = Tally(), list[int]()
    waiting = sum(walk.time is not None for walk in quiet.walks)
    quietly.play(quiet, quiet_tally, quiet_told.append, scripts)
    assert _results(quiet) == _results(made)
    assert None not in _results(quiet)
    assert quiet_tally == made_tally
    assert list(quiet_tally.by_hour) == list(made_tally.by_hour)
    assert quiet_told == made_told
    assert sum(quiet_told) == waiting
    setup = case[3]
    assert quiet_gauge.figures(setup) == made_gauge.figures(setup)
    assert quiet_gauge.waits == made_gauge.waits
    assert (quiet_gauge.first, quiet_gauge.busy) == (made_gauge.first, made_gauge.busy)


Backlog = tuple[Case, Profile, Hours, int, Order]


@st.composite
def backlogs(draw: st.DrawFn) -> Backlog:
    return (
        draw(runs()),
        draw(profiles()),
        draw(calling_hours()),
        draw(st.integers(5, 20)),
        draw(st.sampled_from(Order)),
    )


@settings(max_examples=examples(100))
@given(backlogs())
def test_a_backlog_kept_over_nights_counts_what_the_events_loop_makes(backlog: Backlog) -> None:
    """Copies of the records on one line under calling hours: the queue outlasts its window
    night after night (a dial found closed waits for its opening with the others held to it),
    retries and first dials rank in both orders."""
    _counts_as_events(_backlog(backlog))


@settings(max_examples=examples(100))
@given(backlogs(), st.booleans())
def test_a_backlog_sorted_into_runs_counts_what_the_events_loop_makes(
    backlog: Backlog, scripted: bool
) -> None:
    """As above, with every dial held to an opening joining the queue through its sorted runs
    (`RUN_FROM` down to 1), the records scripted or not."""
    with patch.object(quietly, "RUN_FROM", 1):
        _counts_as_events(_backlog(backlog), scripted=scripted)


def _backlog(backlog: Backlog) -> Case:
    (policy, people, source, setup, until), profile, hours, copies, order = backlog
    if not isinstance(source, ProfileSource):
        source = ProfileSource(profile, 7)
    many = tuple(
        contact._replace(id=f"{contact.id}/{copy}") for copy in range(copies) for contact in people
    )
    zones = [zone for _ in range(copies) for zone in setup.zones]
    return policy, many, source, Setup(hours, Dialer(1, order), zones, caps=setup.caps), until


@st.composite
def questions(draw: st.DrawFn) -> tuple[Hours, list[tuple[int, str]]]:
    """Hours, and moments over three weeks (and a year on) in zones, many close together."""
    hours = draw(calling_hours())
    base = CLOCK.epoch
    moment = st.integers(base, base + 21 * 86_400) | st.integers(base, base + 400 * 86_400)
    near = st.integers(-7200, 7200)
    asked = draw(st.lists(st.tuples(moment, near, st.sampled_from(ZONES)), max_size=30))
    return hours, [(at + shift, zone) for at, shift, zone in asked for _ in (0, 1)]


@settings(max_examples=examples(400))
@given(questions())
def test_a_window_in_one_question_answers_as_two(case: tuple[Hours, list[tuple[int, str]]]) -> None:
    hours, asked = case
    warm = OpenHours(hours, holidays_for=lambda _country, _year: frozenset())
    for moment, name in asked:
        zone = ZoneInfo(name)
        cold = OpenHours(hours, holidays_for=lambda _country, _year: frozenset())
        opens = cold.next_open(moment, zone)
        expected = None if opens is None else (opens, cold.closes_at(opens, zone))
        assert warm.window(moment, zone) == expected
        assert warm.next_open(moment, zone) == opens
        assert warm.closes_at(moment, zone) == cold.closes_at(moment, zone)


@settings(max_examples=examples(200))
@given(runs(), st.lists(st.tuples(st.integers(0, 30 * 86_400), st.integers(0, 5)), max_size=20))
def test_a_gate_without_caps_asks_its_window_as_ready_and_closes_do(
    case: Case, asked: list[tuple[int, int]]
) -> None:
    setup = case[3]
    checks = gate(Setup(setup.hours, setup.dialer, setup.zones), CLOCK.epoch)
    for due, seed in asked:
        position = seed % len(setup.zones)
        number = seed % max(len(setup.zones[position]) - 1, 1)
        start, held = checks.ready(position, number, due, Kind.FIRST)
        closes = None if start is None else checks.closes(position, number, start)
        assert checks.window(position, number, due) == (start, bool(held), closes)


@pytest.mark.parametrize(
    ("limit", "first"),
    [
        (2, [0, 2]),  # one state besides the first: a dial, then the slot it walks on from
        (None, [0, 6]),  # a record's five attempts drawn ahead, and the slot after them
    ],
)
def test_a_scripted_record_open_at_the_horizon_ends_as_the_events_loop_ends_it(
    limit: int | None, first: list[int]
) -> None:
    """Two records on one line, never answered, a callback an hour later; the horizon falls
    after the first dials. A record whose second dial needs a state the table cannot hold
    (`limit` 2) walks on from its script; one on a table that holds every state stands in its
    script. Either way it ends open after one dial, its last status that dial's, as the
    events' loop ends it."""
    rule = Rule(Status.NO_ANSWER, Action.CALLBACK, after_hours=(1.0,))
    policy = Policy(Limits(5, 5, True, NumberOrder.FIRST), {Status.NO_ANSWER: rule})
    profile = Profile("no answer", {Status.NO_ANSWER: 1.0}, {}, {Status.NO_ANSWER: (30, 30)})
    people = (Contact("1", ("9001000000",)), Contact("2", ("9002000000",)))
    zones = [(ZoneInfo("Europe/Moscow"),) * 2 for _ in people]
    setup = Setup(None, Dialer(1, Order.DUE_TIME), zones)
    case: Case = (policy, people, ProfileSource(profile, 7), setup, 100)
    quiet, _, scripts = _loop(case, scripted=True, limit=limit)
    assert scripts is not None
    assert scripts.first == first
    quietly.play(quiet, Tally(), None, scripts)
    results = _results(quiet)
    assert results == _results(_played_by_events(case, limit=limit))
    assert [(r.state, r.dials, r.attempts, r.final_status) for r in results if r] == [
        (RecordState.OPEN, 1, 1, Status.NO_ANSWER),
        (RecordState.OPEN, 1, 1, Status.NO_ANSWER),
    ]


def _played_by_events(case: Case, limit: int | None = None) -> LineLoop:
    made, _, _ = _loop(case, limit=limit)
    for _ in made.run():
        pass
    return made
