"""A run played the fastest way its outcome source allows: a profile through the fast path's
memoised steps, a script through the reference simulator. Both give the same results."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from recall_cli.engine import Contact, Policy
from recall_cli.simulate import fast
from recall_cli.simulate.outcomes import OutcomeSource
from recall_cli.simulate.random_outcomes import ProfileSource
from recall_cli.simulate.simulator import Event, RecordResult, simulate
from recall_cli.simulate.summary import Summary, Tally, summarize


class Runner:
    """One run of `policy` over `contacts` (or the records in `only`) until `until`."""

    def __init__(
        self,
        policy: Policy,
        contacts: Sequence[Contact],
        source: OutcomeSource,
        until: int | None = None,
        only: Iterable[str] | None = None,
    ) -> None:
        self.policy = policy
        self.contacts = contacts
        self.source = source
        self.until = until
        self.only = None if only is None else tuple(only)
        self._machine = (
            fast.Machine(policy, source.tables) if isinstance(source, ProfileSource) else None
        )

    def play(
        self, progressed: fast.Progressed | None = None
    ) -> tuple[Iterable[RecordResult], Summary]:
        """Every record's result, in list order, and the run's figures."""
        source = self.source
        if self._machine is not None and isinstance(source, ProfileSource):
            played = fast.play(
                self._machine, self.contacts, source, self.until, self.only, progressed
            )
            return played.results, played.summary()
        tally = Tally()
        sim = simulate(self.policy, self.contacts, source, self.until, self.only)
        sim.play(tally.add)
        return sim.results, summarize(sim.results, tally)

    def events(self, progressed: fast.Progressed | None = None) -> Iterator[Event]:
        """Every dial in SPEC §8 order."""
        source = self.source
        if self._machine is not None and isinstance(source, ProfileSource):
            return fast.events(
                self._machine, self.contacts, source, self.until, self.only, progressed
            )
        return simulate(self.policy, self.contacts, source, self.until, self.only).events()
