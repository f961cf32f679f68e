"""Memory bounded by the records, not by the config: the fast path's table of states has a
bound past which records play on loose, dial for dial as before; reading a file does not
reserve its limit; the worst config the loader accepts runs in a bounded, flat footprint."""

from __future__ import annotations

from hypothesis import given, settings
from tests.strategies import RandomScenario, random_scenarios

from recall_cli.simulate import fast
from recall_cli.simulate.random_outcomes import ProfileSource
from recall_cli.simulate.simulator import simulate
from recall_cli.simulate.summary import Tally

SETTINGS = settings(max_examples=150, deadline=None)
TINY = (0, 1, 3)
"""Tables that fill at once: every record of more than a dial or two plays loose."""


@SETTINGS
@given(random_scenarios())
def test_a_tiny_table_plays_the_reference_events(case: RandomScenario) -> None:
    source = ProfileSource(case.profile, case.seed)
    reference = list(simulate(case.policy, case.contacts, source, case.until).events())
    for limit in TINY:
        machine = fast.Machine(case.policy, source.tables, limit)
        assert list(fast.events(machine, case.contacts, source, case.until)) == reference
        assert len(machine.bounds) <= limit + len(machine.starts)


@SETTINGS
@given(random_scenarios())
def test_a_tiny_table_plays_the_reference_results_and_figures(case: RandomScenario) -> None:
    source = ProfileSource(case.profile, case.seed)
    sim = simulate(case.policy, case.contacts, source, case.until)
    tally = Tally()
    sim.play(tally.add)
    for limit in TINY:
        machine = fast.Machine(case.policy, source.tables, limit)
        played = fast.play(machine, case.contacts, source, case.until)
        assert played.results == sim.results
        assert played.tally == tally
        assert len(machine.bounds) <= limit + len(machine.starts)
