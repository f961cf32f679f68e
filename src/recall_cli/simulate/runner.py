"""A run played through the one loop: a profile's through its table of steps (learnt once per
runner), any other source stepped by the engine dial by dial. Both give the same results. A run
with a dialer's `Setup` (calling hours, lines) goes through the dialer instead."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from recall_cli.engine import Contact, Policy
from recall_cli.simulate import fast, loop
from recall_cli.simulate.clock import Clock
from recall_cli.simulate.dialing import Setup
from recall_cli.simulate.outcomes import OutcomeSource
from recall_cli.simulate.random_outcomes import ProfileSource
from recall_cli.simulate.simulator import Event, RecordResult
from recall_cli.simulate.summary import Summary
from recall_cli.simulate.walk import Walker


class Runner:
    """One run of `policy` over `contacts` (or the records in `only`) until `until`; with
    `setup`, through its dialer, its calling hours judged on `clock` (the run's start)."""

    def __init__(
        self,
        policy: Policy,
        contacts: Sequence[Contact],
        source: OutcomeSource,
        until: int | None = None,
        only: Iterable[str] | None = None,
        setup: Setup | None = None,
        clock: Clock | None = None,
    ) -> None:
        if setup is not None and setup.hours is not None and clock is None:
            raise ValueError("calling hours are judged on the run's clock")
        self.policy = policy
        self.contacts = contacts
        self.source = source
        self.until = until
        self.only = None if only is None else tuple(only)
        self.setup = setup
        self.epoch = 0 if clock is None else clock.epoch
        machine = fast.Machine(policy, source.tables) if isinstance(source, ProfileSource) else None
        self.walker = Walker(policy, source, machine)

    def play(
        self, progressed: fast.Progressed | None = None
    ) -> tuple[Iterable[RecordResult], Summary]:
        """Every record's result, in list order, and the run's figures."""
        if self.setup is not None:
            from recall_cli.simulate import dialer  # noqa: PLC0415 (dialer runs only)

            played = dialer.play(
                self.walker,
                self.contacts,
                self.setup,
                self.epoch,
                self.until,
                self.only,
                progressed,
            )
            return played.results, played.summary()
        played = loop.play(self.walker, self.contacts, self.until, self.only, progressed)
        return played.results, played.summary()

    def events(self, progressed: fast.Progressed | None = None) -> Iterator[Event]:
        """Every dial in the order of docs/semantics.md#event-order."""
        if self.setup is not None:
            from recall_cli.simulate import dialer  # noqa: PLC0415 (dialer runs only)

            return dialer.events(
                self.walker,
                self.contacts,
                self.setup,
                self.epoch,
                self.until,
                self.only,
                progressed,
            )
        return loop.events(self.walker, self.contacts, self.until, self.only, progressed)
