"""The discrete-event simulation: every record progresses in one virtual timeline.

Records do not compete for anything, so each record is a process (a generator of its dials,
as a SimPy process would be) and the scheduler is a heap of each record's next dial keyed by
(time, list position, sequence). When nobody needs the global order of events — figures only —
the records are played one after another with no heap at all: the results are the same.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from recall_cli.engine import (
    Contact,
    Policy,
    RecordState,
    Status,
    Then,
    advance,
    begin_dial,
    decide,
    start,
)
from recall_cli.simulate.outcomes import OutcomeSource


class Event(NamedTuple):
    """One dial and what followed it. Times are virtual seconds since the start; numbers are
    0-based phone-column positions.

    An immutable named tuple rather than a frozen dataclass: a large run makes millions of
    events, and a frozen dataclass takes five times as long to build.
    """

    time: int
    record: int
    number: int
    attempt: int
    number_attempt: int
    repeat: int
    status: Status
    then: Then
    next_time: int | None
    next_number: int | None
    closed: RecordState | None
    scenario: str | None
    duration: int
    # The status whose repeat budget this dial spends, and its count in it (1-based).
    repeat_of: Status | None
    repeat_count: int


class RecordResult(NamedTuple):
    """How one record ended (a named tuple for the same reason as `Event`)."""

    position: int
    contact: Contact
    state: RecordState
    attempts: int
    dials: int
    closed_at: int | None
    final_status: Status | None
    # The last dial's `then`: which rule or limit closed the record (None when no dial closed it).
    then: Then | None = None


class RecordRun:
    """One record's process: `events()` plays its dials; `result` is set when it ends."""

    __slots__ = ("contact", "policy", "position", "result", "source", "until")

    def __init__(
        self,
        policy: Policy,
        contact: Contact,
        position: int,
        source: OutcomeSource,
        until: int | None,
    ) -> None:
        self.policy = policy
        self.contact = contact
        self.position = position
        self.source = source
        self.until = until
        self.result: RecordResult | None = None

    def events(self) -> Iterator[Event]:
        policy, contact, position = self.policy, self.contact, self.position
        progress = start(policy.limits, contact.dialable)
        if progress is None:
            self.result = RecordResult(position, contact, RecordState.NO_NUMBERS, 0, 0, 0, None)
            return
        stream = self.source.stream(contact)
        until = self.until
        time = dials = 0
        status: Status | None = None
        while True:
            if until is not None and time > until:
                self.result = RecordResult(
                    position, contact, RecordState.OPEN, progress.attempts, dials, None, status
                )
                return
            repeat_of, repeat_count = progress.repeat_of, progress.repeat_count
            begin_dial(progress)
            number, repeat = progress.number, progress.repeat
            status, duration = stream.next(number)
            decision = decide(policy, progress, status)
            dials += 1
            end = time + duration
            closed = decision.closed
            next_time = None if closed is not None else end + decision.delay
            yield Event(
                time,
                position,
                number,
                progress.attempts,
                progress.number_attempts[number],
                repeat,
                status,
                decision.then,
                next_time,
                decision.next_number if closed is None else None,
                closed,
                decision.scenario,
                duration,
                repeat_of,
                repeat_count,
            )
            advance(progress, status, decision)
            if closed is not None or next_time is None:
                self.result = RecordResult(
                    position,
                    contact,
                    closed or RecordState.OPEN,
                    progress.attempts,
                    dials,
                    end,
                    status,
                    decision.then,
                )
                return
            time = next_time


@dataclass(slots=True)
class Simulation:
    """A campaign run; iterate `events()` once, then read `results` (in list order)."""

    runs: list[RecordRun]

    def events(self) -> Iterator[Event]:
        """Every dial in the order of SPEC §8: time, then list position, then the record's order."""
        queue: list[tuple[int, int, int, Event, Iterator[Event]]] = []
        sequence = 0
        for run in self.runs:
            process = run.events()
            first = next(process, None)
            if first is not None:
                queue.append((first.time, run.position, sequence, first, process))
                sequence += 1
        heapq.heapify(queue)
        while queue:
            _, position, _, event, process = heapq.heappop(queue)
            yield event
            following = next(process, None)
            if following is not None:
                heapq.heappush(queue, (following.time, position, sequence, following, process))
                sequence += 1

    def play(self, observe: Callable[[Event], None] | None = None) -> None:
        """Run every record to its end without ordering events (figures only); `observe` sees
        each record's events in the record's own order."""
        for run in self.runs:
            for event in run.events():
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
    wanted = None if only is None else frozenset(only)
    return Simulation(
        [
            RecordRun(policy, contact, position, source, until)
            for position, contact in enumerate(contacts)
            if wanted is None or contact.id in wanted
        ]
    )
