"""A run stepped by the engine dial by dial, for any outcome source: scripts, explain's traces
and the reference the table of steps is tested against. It plays through the same loop as
every run (`loop`), with no table."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from recall_cli.engine import Contact, Policy
from recall_cli.simulate.dials import Event, RecordResult
from recall_cli.simulate.loop import merged, selected
from recall_cli.simulate.outcomes import OutcomeSource
from recall_cli.simulate.walk import Walk, Walker

__all__ = ["Event", "RecordResult", "Simulation", "simulate"]


@dataclass(slots=True)
class Simulation:
    """A campaign run; iterate `events()` once (or `play()`), then read `results` (in list
    order)."""

    runs: list[Walk]
    until: int | None = None

    def events(self) -> Iterator[Event]:
        """Every dial in the order of docs/semantics.md#event-order: time, then list position, then
        the record's order."""
        return merged(self.runs, self.until)

    def play(self, observe: Callable[[Event], None] | None = None) -> None:
        """Every dial played; `observe` sees them in the order of `events()`."""
        for event in self.events():
            if observe is not None:
                observe(event)

    @property
    def results(self) -> list[RecordResult]:
        done = [run.result for run in self.runs]
        if any(result is None for result in done):
            raise RuntimeError("results are read before the simulation ran")
        return [result for result in done if result is not None]


def simulate(
    policy: Policy,
    contacts: Sequence[Contact],
    source: OutcomeSource,
    until: int | None = None,
    only: Iterable[str] | None = None,
) -> Simulation:
    """A simulation of `contacts` (or of the records whose ids are in `only`)."""
    walker = Walker(policy, source)
    walks = [walker.walk(i, contacts[i]) for i in selected(contacts, only)]
    return Simulation(walks, until)
