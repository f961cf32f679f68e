"""Properties of coupled runs (campaign-wide stops, phone caps, do-not-call entries) on small
random campaigns whose records share phones: no cap is exceeded, no listed number is dialled
while listed, no stopped phone is dialled after its stop, every record ends in one state; and
the coupled loop plays a run with nothing coupled exactly as the other loops do."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recall_cli.engine import (
    Action,
    Contact,
    Limits,
    Phonebook,
    Policy,
    RecordState,
    Rule,
    Status,
    StopScope,
    Then,
)
from recall_cli.engine.caps import Calendar, Cap, Count, Scope
from recall_cli.engine.dialer import Dialer
from recall_cli.engine.hours import Hours, Window, make_week
from recall_cli.simulate.clock import Clock
from recall_cli.simulate.coupled import CoupledLoop, Coupling
from recall_cli.simulate.dialer import gate
from recall_cli.simulate.dialing import Setup
from recall_cli.simulate.dials import Event, RecordResult
from recall_cli.simulate.gauge import Gauge
from recall_cli.simulate.runner import Runner
from recall_cli.simulate.walk import Walker
from tests.strategies import TimedScript
from tests.thoroughness import examples

MOSCOW = ZoneInfo("Europe/Moscow")
HOUR = 3600
DAY = 24 * HOUR
MONDAY = datetime(2026, 11, 30, 10, tzinfo=MOSCOW)
CLOCK = Clock(MONDAY, MOSCOW)
NA, BUSY, INVALID, ANSWERED = (
    Status.NO_ANSWER,
    Status.BUSY,
    Status.INVALID_NUMBER,
    Status.ANSWERED,
)
PHONES = ("4951110000", "4952220000", "4953330000", "")
_PERIODS = st.sampled_from([Calendar.DAY, Calendar.WEEK, HOUR, 5 * HOUR, 2 * DAY])
_OUTCOME = st.tuples(st.sampled_from([NA, BUSY, INVALID, ANSWERED]), st.integers(0, 2 * HOUR))


@dataclass(frozen=True)
class Campaign:
    policy: Policy
    contacts: tuple[Contact, ...]
    outcomes: dict[str, dict[int, list[tuple[Status, int]]]]
    caps: tuple[Cap, ...]
    listed: dict[tuple[int, int], int | None]
    dialer: Dialer | None
    hours: Hours | None


@st.composite
def campaigns(draw: st.DrawFn, coupled: bool = True) -> Campaign:
    size = draw(st.integers(1, 4))
    contacts = tuple(
        Contact(str(i), tuple(draw(st.lists(st.sampled_from(PHONES), min_size=1, max_size=2))))
        for i in range(size)
    )
    outcomes = {
        contact.id: {
            number: draw(st.lists(_OUTCOME, max_size=4)) for number in range(len(contact.phones))
        }
        for contact in contacts
    }
    scope = draw(st.sampled_from(StopScope)) if coupled else StopScope.RECORD
    policy = Policy(
        Limits(draw(st.integers(1, 4)), draw(st.integers(1, 3)), draw(st.booleans())),
        {
            NA: Rule(NA, Action.CALLBACK, after_hours=(1,)),
            BUSY: Rule(BUSY, Action.CALLBACK, draw(st.integers(0, 1)), 10, after_hours=(2,)),
            INVALID: Rule(INVALID, Action.STOP_NUMBER, scope=scope),
        },
    )
    scopes = st.sampled_from(Scope) if coupled else st.just(Scope.RECORD)
    caps = draw(
        st.lists(
            st.builds(Cap, st.integers(1, 2), _PERIODS, st.sampled_from(Count), scopes),
            max_size=2,
        )
    )
    listed: dict[tuple[int, int], int | None] = {}
    if coupled:
        for position, contact in enumerate(contacts):
            for number in range(len(contact.phones)):
                if draw(st.integers(0, 3)) == 0:
                    hours = draw(st.none() | st.integers(0, 6))
                    listed[position, number] = None if hours is None else CLOCK.epoch + hours * HOUR
    lines = draw(st.sampled_from([None, 1, 2]))
    week = Hours(make_week({"weekdays": (Window(9 * 60, 21 * 60),)}))
    return Campaign(
        policy,
        contacts,
        outcomes,
        tuple(caps),
        listed,
        None if lines is None else Dialer(lines),
        week if draw(st.booleans()) else None,
    )


def _book(contacts: Sequence[Contact], listed: dict[tuple[int, int], int | None]) -> Phonebook:
    holders: dict[str, set[int]] = {}
    for position, contact in enumerate(contacts):
        for phone in contact.phones:
            holders.setdefault(phone, set()).add(position)
    shared = {
        (position, number): phone
        for position, contact in enumerate(contacts)
        for number, phone in enumerate(contact.phones)
        if phone and len(holders[phone]) > 1
    }
    return Phonebook(shared, listed)


def _setup(campaign: Campaign, book: Phonebook | None) -> Setup:
    zones = [(MOSCOW,) * (len(contact.phones) + 1) for contact in campaign.contacts]
    return Setup(campaign.hours, campaign.dialer, zones, caps=campaign.caps, phonebook=book)


def _played(campaign: Campaign, book: Phonebook | None) -> tuple[list[Event], list[RecordResult]]:
    runner = Runner(
        campaign.policy,
        campaign.contacts,
        TimedScript(campaign.outcomes),
        setup=_setup(campaign, book),
        clock=CLOCK,
    )
    results, _ = runner.play()
    return list(runner.events()), list(results)


def _counted_in(cap: Cap, starts: list[int], at: int) -> int:
    """How many of `starts` fall in the cap's period that holds `at`."""
    if isinstance(cap.per, int):
        return sum(1 for start in starts if at - cap.per < start <= at)

    def key(moment: int) -> object:
        day = (MONDAY + timedelta(seconds=moment)).astimezone(MOSCOW).date()
        if cap.per is Calendar.DAY:
            return day
        return day - timedelta(days=day.weekday())

    return sum(1 for start in starts if start <= at and key(start) == key(at))


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(campaign=campaigns())
def test_coupled_runs_keep_every_promise(campaign: Campaign) -> None:
    book = _book(campaign.contacts, campaign.listed)
    events, results = _played(campaign, book)
    contacts = campaign.contacts

    # Every record ends in exactly one state, its dials all there.
    assert [result.position for result in results] == list(range(len(contacts)))
    assert all(result.state in set(RecordState) for result in results)
    for result in results:
        assert result.dials == sum(1 for event in events if event.record == result.position)

    # Events come in the order of time, list position and the record's own order.
    assert [(e.time, e.record) for e in events] == sorted((e.time, e.record) for e in events)

    # No cap is exceeded, counted over its record or its phone.
    for cap in campaign.caps:
        holders: dict[Hashable, list[Event]] = {}
        for event in events:
            holder = (
                event.record
                if cap.scope is Scope.RECORD
                else book.phone(event.record, event.number)
            )
            holders.setdefault(holder, []).append(event)
        for dials in holders.values():
            starts = [e.time for e in dials if cap.count is Count.DIALS or e.repeat == 0]
            for at in starts:
                assert _counted_in(cap, starts, at) <= cap.max, (cap, starts)

    # No number is dialled while its do-not-call entry applies.
    for event in events:
        end = campaign.listed.get((event.record, event.number), 0)
        assert end is not None
        assert CLOCK.epoch + event.time >= end, event

    # A phone stopped campaign-wide is never dialled by anyone after the stopping dial.
    if campaign.policy.rules[INVALID].scope is StopScope.CAMPAIGN:
        stops: dict[Hashable, int] = {}
        for event in events:
            if event.status is INVALID and event.then is Then.STOP_NUMBER:
                phone = book.phone(event.record, event.number)
                end = event.time + event.duration
                stops[phone] = min(stops.get(phone, end), end)
        for event in events:
            stop = stops.get(book.phone(event.record, event.number))
            assert stop is None or event.time <= stop, (event, stop)


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(campaign=campaigns(coupled=False))
def test_the_coupled_loop_plays_an_uncoupled_run_as_the_other_loops_do(
    campaign: Campaign,
) -> None:
    setup = _setup(campaign, None)
    expected_events, expected_results = _played(campaign, None)
    walker = Walker(campaign.policy, TimedScript(campaign.outcomes))
    walks = [walker.walk(i, contact) for i, contact in enumerate(campaign.contacts)]
    nothing = Coupling(lambda p, n: (p, n), frozenset(), frozenset(), {}, False)
    loop = CoupledLoop(walks, gate(setup, CLOCK.epoch), setup.dialer, 1 << 62, Gauge(), nothing)
    assert list(loop.run()) == expected_events
    assert [walk.result for walk in walks] == expected_results


@settings(max_examples=examples(200), suppress_health_check=[HealthCheck.too_slow])
@given(campaign=campaigns(coupled=False))
def test_a_phonebook_with_nothing_listed_and_no_coupling_changes_nothing(
    campaign: Campaign,
) -> None:
    book = _book(campaign.contacts, {})
    assert _played(campaign, book) == _played(campaign, None)
