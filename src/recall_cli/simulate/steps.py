"""One dial of one record, as the engine decides it: the only place the simulator applies the
retry rules (`engine_step`), and what a dial that is due is (`Due`, `Kind`).

A record is stepped either by the engine itself, dial by dial, with its own counters (`Plain`),
or through the memoised table of a profile run (`fast.Machine`), which learns each of its steps
from `engine_step` once. Both give a `Step`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import NamedTuple

from recall_cli.engine import (
    Decision,
    Policy,
    Progress,
    RecordState,
    Status,
    Then,
    advance,
    begin_dial,
    decide,
    withdraw,
)
from recall_cli.engine.progress import Barred
from recall_cli.simulate.dialing import HeldBy
from recall_cli.simulate.dials import Event
from recall_cli.simulate.outcomes import OutcomeStream
from recall_cli.simulate.summary import STATUS_INDEX


class Kind(IntEnum):
    """What a due dial is, in the order a dialer that serves retries first takes them."""

    REPEAT = 0
    """A repeat within the record's current attempt."""
    NEXT_ATTEMPT = 1
    """The first dial of a later attempt (after a callback or a stopped number)."""
    FIRST = 2
    """The record's very first dial."""


class Due(NamedTuple):
    """A record's next dial as the engine wants it: when, which number (0-based), what kind."""

    time: int
    number: int
    kind: Kind


def kind_of(progress: Progress) -> Kind:
    """The kind of the dial `progress` is waiting for."""
    if progress.repeat:
        return Kind.REPEAT
    return Kind.NEXT_ATTEMPT if progress.attempts else Kind.FIRST


@dataclass(frozen=True, slots=True)
class StepInfo:
    """The fields of an event that the record's counters and the dial's status fix."""

    number: int
    attempt: int
    number_attempt: int
    repeat: int
    status: Status
    then: Then
    delay: int
    next_number: int | None
    closed: RecordState | None
    scenario: str | None
    repeat_of: Status | None
    repeat_count: int

    def event(
        self,
        start: int,
        record: int,
        next_time: int | None,
        closed: RecordState | None,
        duration: int,
        due: int | None = None,
        held_by: tuple[HeldBy, ...] = (),
    ) -> Event:
        """The event of the dial these fields describe, started at `start` by the record at
        list position `record`, lasting `duration`; its next dial due at `next_time` (None when
        `closed` ended it); `due` and `held_by` set by a dialer only."""
        return Event(
            start,
            record,
            self.number,
            self.attempt,
            self.number_attempt,
            self.repeat,
            self.status,
            self.then,
            next_time,
            self.next_number,
            closed,
            self.scenario,
            duration,
            self.repeat_of,
            self.repeat_count,
            due,
            held_by,
        )


Step = tuple[int, int, RecordState | None, "int | Plain", int, StepInfo]
"""(status index, delay after the dial ends, closed, the record's next cursor, attempts made,
the event's fields). A cursor is a state of a `fast.Machine` (an int) or a `Plain` record."""


def engine_step(
    policy: Policy, progress: Progress, status: Status, barred: Barred | None = None
) -> StepInfo:
    """The dial `progress` is waiting for, ended in `status`: the engine's decision (with
    `barred` numbers not eligible), applied to `progress`."""
    repeat_of, repeat_count = progress.repeat_of, progress.repeat_count
    begin_dial(progress)
    number = progress.number
    decision = decide(policy, progress, status, barred)
    closed = decision.closed
    info = StepInfo(
        number,
        progress.attempts,
        progress.number_attempts[number],
        progress.repeat,
        status,
        decision.then,
        decision.delay,
        decision.next_number if closed is None else None,
        closed,
        decision.scenario,
        repeat_of,
        repeat_count,
    )
    advance(progress, status, decision)
    return info


@dataclass(slots=True)
class Plain:
    """A record stepped by the engine dial by dial: its counters and its outcomes."""

    progress: Progress
    outcomes: OutcomeStream

    def step(self, policy: Policy) -> tuple[Step, int]:
        """The waiting dial's step and duration, its outcome taken from `outcomes`."""
        status, duration = self.outcomes.next(self.progress.number)
        return self.apply(policy, status), duration

    def apply(self, policy: Policy, status: Status, barred: Barred | None = None) -> Step:
        """The waiting dial's step when it ends in `status` (`barred`: numbers not eligible
        when it ends)."""
        info = engine_step(policy, self.progress, status, barred)
        return (STATUS_INDEX[status], info.delay, info.closed, self, info.attempt, info)

    def cancel(self, policy: Policy, barred: Barred | None = None) -> Decision:
        """The waiting dial is cancelled: the engine's decision on what follows, applied."""
        return withdraw(policy, self.progress, barred)

    def due(self) -> tuple[int, Kind]:
        return self.progress.number, kind_of(self.progress)
