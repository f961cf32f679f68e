"""The fast forms of play against the engine stepping every dial itself (hypothesis): the tight
loop of a run without a dialer, and the one of a run whose dials only the gate holds (calling
hours, caps, no lines), each with its table unbounded or bounded so that records leave it, on
random policies, lists, profiles, seeds, horizons, hours and caps; and records whose streams
run past their first block."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.engine import Action, Contact, Limits, Policy, Profile, Rule, Status
from recall_cli.engine.caps import Calendar, Cap, Count
from recall_cli.simulate import dialer, fast, loop
from recall_cli.simulate.clock import Clock
from recall_cli.simulate.dialing import Setup
from recall_cli.simulate.random_outcomes import ProfileSource
from recall_cli.simulate.simulator import simulate
from recall_cli.simulate.summary import Tally
from recall_cli.simulate.walk import Walker
from tests.strategies import (
    ZONES,
    RandomScenario,
    calling_hours,
    contacts,
    policies,
    profiles,
    random_scenarios,
)
from tests.thoroughness import examples

SETTINGS = settings(max_examples=examples(200), deadline=None)
LIMITS = st.sampled_from([None, 0, 2])
"""A table unbounded, or bounded so that records leave it at once or midway."""
START = datetime(2026, 11, 30, 7, 15, tzinfo=ZoneInfo("Europe/Moscow"))
EPOCH = Clock(START, ZoneInfo("Europe/Moscow")).epoch


def _tabled(case: RandomScenario, limit: int | None) -> Walker:
    source = ProfileSource(case.profile, case.seed)
    return Walker(case.policy, source, fast.Machine(case.policy, source.tables, limit))


caps = st.lists(
    st.builds(
        Cap,
        st.integers(1, 3),
        st.sampled_from(Calendar) | st.sampled_from([3600, 6 * 3600, 86_400]),
        st.sampled_from(Count),
    ),
    max_size=2,
)


@st.composite
def setups(draw: st.DrawFn, people: tuple[Contact, ...]) -> Setup:
    """Calling hours or none, caps or none, never lines: the gate alone holds the dials."""
    zone = st.sampled_from(ZONES).map(ZoneInfo)
    zones = [tuple(draw(zone) for _ in range(len(c.phones) + 1)) for c in people]
    return Setup(draw(st.none() | calling_hours()), None, zones, caps=tuple(draw(caps)))


@SETTINGS
@given(random_scenarios(), LIMITS, st.data())
def test_held_play_gives_the_engine_s_results_and_figures(
    case: RandomScenario, limit: int | None, data: st.DataObject
) -> None:
    """A run whose dials only the gate holds, through the table, against every dial stepped
    by the engine and every record walked: results, tally and the dialer's figures."""
    setup = data.draw(setups(case.contacts))
    source = ProfileSource(case.profile, case.seed)
    plain = Walker(case.policy, source)
    expected = dialer.play(plain, case.contacts, setup, EPOCH, case.until)
    played = dialer.play(_tabled(case, limit), case.contacts, setup, EPOCH, case.until)
    assert played.results == expected.results
    assert played.tally == expected.tally
    assert played.summary() == expected.summary()
    events = list(dialer.events(plain, case.contacts, setup, EPOCH, case.until))
    tabled = dialer.events(_tabled(case, limit), case.contacts, setup, EPOCH, case.until)
    assert list(tabled) == events


# Every dial draws two numbers (its duration is a range), and no dial reaches anyone: a record
# with a phone dials 6 attempts of at least 4 dials, 48 numbers or more: three blocks at least.
LONG = Policy(
    Limits(6, 6),
    {
        status: Rule(status, Action.CALLBACK, repeats=3, interval_minutes=1, after_hours=(1.0,))
        for status in Status
        if status is not Status.ANSWERED
    },
)
UNREACHABLE = Profile(
    "unreachable",
    {Status.BUSY: 0.7, Status.NO_ANSWER: 0.3},
    {},
    {Status.BUSY: (1, 60), Status.NO_ANSWER: (30, 300)},
)


@settings(max_examples=examples(50), deadline=None)
@given(st.integers(-(2**64), 2**64), contacts(), LIMITS)
def test_records_that_need_more_than_their_first_block(
    seed: int, people: tuple[Contact, ...], limit: int | None
) -> None:
    """The tight loop draws from a record's first block alone; a record that uses it up goes
    on from the same place of its stream, as the engine's own stepping does."""
    case = RandomScenario(LONG, people, UNREACHABLE, seed, None)
    reference = simulate(LONG, people, ProfileSource(UNREACHABLE, seed))
    tally = Tally()
    events = list(tally.counting(reference.events()))
    played = loop.play(_tabled(case, limit), people, None)
    assert played.results == reference.results
    assert played.tally == tally
    assert list(loop.events(_tabled(case, limit), people)) == events
    assert all(result.dials in (0, *range(24, 43)) for result in played.results)


@SETTINGS
@given(policies(), contacts(), profiles(), st.integers(0, 2**32), st.data())
def test_held_play_without_hours_or_caps_is_the_plain_play(
    policy: Policy,
    people: tuple[Contact, ...],
    profile: Profile,
    seed: int,
    data: st.DataObject,
) -> None:
    """A gate that holds nothing starts every dial when due: the held loop's results and tally
    are the tight loop's."""
    until = data.draw(st.none() | st.integers(0, 4 * 24 * 3600))
    case = RandomScenario(policy, people, profile, seed, until)
    zones = [(ZoneInfo("UTC"),) * (len(c.phones) + 1) for c in people]
    held = dialer.play(_tabled(case, None), people, Setup(None, None, zones), EPOCH, until)
    played = loop.play(_tabled(case, None), people, until)
    assert held.results == played.results
    assert held.tally == played.tally
