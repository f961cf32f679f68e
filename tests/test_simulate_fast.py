"""The fast path against the reference simulator: the same events, results and figures on
random policies, lists, profiles, seeds and horizons (hypothesis)."""

from __future__ import annotations

import random

from hypothesis import given, settings

from recall_cli.simulate import fast
from recall_cli.simulate.random_outcomes import ProfileSource
from recall_cli.simulate.runner import Runner
from recall_cli.simulate.simulator import Event, RecordResult, simulate
from recall_cli.simulate.summary import Tally, summarize
from tests.strategies import RandomScenario, random_scenarios

SETTINGS = settings(max_examples=200, deadline=None)


def reference(case: RandomScenario) -> tuple[list[Event], list[RecordResult], Tally]:
    source = ProfileSource(case.profile, case.seed)
    sim = simulate(case.policy, case.contacts, source, case.until)
    tally = Tally()
    events = list(tally.counting(sim.events()))
    return events, sim.results, tally


@SETTINGS
@given(random_scenarios())
def test_fast_events_are_the_reference_events(case: RandomScenario) -> None:
    events, _, _ = reference(case)
    source = ProfileSource(case.profile, case.seed)
    machine = fast.Machine(case.policy, source.tables)
    assert list(fast.events(machine, case.contacts, source, case.until)) == events


@SETTINGS
@given(random_scenarios())
def test_fast_results_and_figures_are_the_reference_ones(case: RandomScenario) -> None:
    _, results, tally = reference(case)
    source = ProfileSource(case.profile, case.seed)
    played = fast.play(fast.Machine(case.policy, source.tables), case.contacts, source, case.until)
    assert played.results == results
    assert played.tally == tally
    assert played.summary() == summarize(results, tally)


@settings(max_examples=50, deadline=None)
@given(random_scenarios())
def test_one_machine_serves_every_seed_and_order(case: RandomScenario) -> None:
    """States found under one seed are reused under the next; a record's run does not depend on
    the records played before it."""
    source = ProfileSource(case.profile, case.seed)
    machine = fast.Machine(case.policy, source.tables)
    fast.play(machine, case.contacts, source.reseeded(case.seed + 1), case.until)
    shuffled = list(case.contacts)
    random.Random(case.seed).shuffle(shuffled)
    played = fast.play(machine, shuffled, source, case.until)
    alone = {
        contact.id: fast.play(machine, (contact,), source, case.until).results[0][2:]
        for contact in case.contacts
    }
    for result in played.results:
        assert result[2:] == alone[result.contact.id]


@settings(max_examples=50, deadline=None)
@given(random_scenarios())
def test_runner_uses_the_fast_path_for_profiles_and_selects_records(case: RandomScenario) -> None:
    source = ProfileSource(case.profile, case.seed)
    only = [case.contacts[-1].id]
    runner = Runner(case.policy, case.contacts, source, case.until, only)
    results, _ = runner.play()
    sim = simulate(case.policy, case.contacts, source, case.until, only)
    assert list(runner.events()) == list(sim.events())
    assert list(results) == sim.results
