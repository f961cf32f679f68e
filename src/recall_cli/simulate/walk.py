"""One record's dials, one at a time: the seam where a dialer decides when each dial starts.

A `Walk` says which dial its record waits for (`due`: when the engine wants it, which number,
what kind), and is told when that dial starts (`dial(start)`, start ≥ due): it gives the dial's
event and waits for its next one, counted from `start`. Without a dialer every dial starts when
it is due; a dialer may hold a dial later (calling hours, lines, caps) and the record's counters
do not change for it — only its times move.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from recall_cli.engine import Contact, Policy, RecordState, Status, start
from recall_cli.engine.progress import Barred
from recall_cli.simulate.dialing import HeldBy
from recall_cli.simulate.dials import Event, RecordResult
from recall_cli.simulate.fast import Machine
from recall_cli.simulate.outcomes import OutcomeSource
from recall_cli.simulate.random_outcomes import ProfileSource, Stream, draw, record_id
from recall_cli.simulate.steps import Due, Plain, Step


class Walk:
    """A record's dials, stepped one at a time. `time` is when its waiting dial is due, None
    once it has ended; `result` is how it ended, None until then."""

    __slots__ = (
        "contact",
        "cursor",
        "dials",
        "last",
        "machine",
        "policy",
        "position",
        "result",
        "stream",
        "time",
    )

    def __init__(
        self,
        walker: Walker,
        position: int,
        contact: Contact,
        cursor: int | Plain,
        stream: Stream | None,
        time: int = 0,
        dials: int = 0,
        last: Status | None = None,
    ) -> None:
        """The record at list `position` waiting at `cursor` for a dial due at `time`, after
        `dials` dials, the last of which ended in `last`; `stream` at the waiting dial's
        numbers."""
        self.policy = walker.policy
        self.machine = walker.machine
        self.position = position
        self.contact = contact
        self.cursor = cursor
        self.stream = stream
        self.time: int | None = time
        self.dials = dials
        self.last = last
        self.result: RecordResult | None = None

    def due(self) -> Due | None:
        """The dial the record waits for; None once it has ended."""
        if self.time is None:
            return None
        cursor = self.cursor
        if isinstance(cursor, Plain):
            return Due(self.time, *cursor.due())
        assert self.machine is not None
        return Due(self.time, *self.machine.due[cursor])

    def dial(self, start: int, held: tuple[HeldBy, ...] | None = None) -> Event:
        """The waiting dial, started at `start`: its event. Its outcome and the engine's
        decision do not depend on `start`; the next dial is due `start` + duration + delay.
        With `held` (a dialer's run) the event carries the dial's due time and what held it."""
        due = self.time
        step, duration = self.take(start)
        assert due is not None  # `take` has checked it
        return self.settle(start, due, step, duration, held)

    def advance(self, start: int) -> tuple[int, int]:
        """The waiting dial, started at `start`, for a run that writes no events: the record
        moves on exactly as `dial` moves it, and only the dial's status index (in `Status`
        order) and duration are told."""
        step, duration = self.take(start)
        self.settled(start, step, duration)
        return step[0], duration

    def take(self, start: int) -> tuple[Step, int]:
        """The step and duration of the waiting dial, started at `start` (≥ its due time)."""
        due, cursor = self.time, self.cursor
        if due is None or start < due:
            raise ValueError(
                f"record {self.contact.id}: a dial due at {due} cannot start at {start}"
            )
        if isinstance(cursor, Plain):
            return cursor.step(self.policy)
        machine, stream = self.machine, self.stream
        assert machine is not None
        assert stream is not None
        # `Machine.take`, inlined: this is the events' hot path.
        choice, duration = draw(machine.drawn[cursor], stream.number)
        step = (
            machine.steps[cursor][choice]
            or machine.step(cursor, choice)
            or machine.leave(cursor, choice, stream)
        )
        return step, duration

    def settle(
        self, start: int, due: int, step: Step, duration: int, held: tuple[HeldBy, ...] | None
    ) -> Event:
        """The waiting dial, due at `due`, started at `start` and decided as `step`: its event;
        the record waits for its next dial (or ends)."""
        self.settled(start, step, duration)
        return step[5].event(
            start,
            self.position,
            self.time,
            step[2],
            duration,
            None if held is None else due,
            () if held is None else held,
        )

    def settled(self, start: int, step: Step, duration: int) -> None:
        """The waiting dial, started at `start` and decided as `step`, has been made: the
        record waits for its next dial (or ends)."""
        _, delay, closed, following, attempts, info = step
        self.dials += 1
        end = start + duration
        if closed is None:
            self.cursor, self.time, self.last = following, end + delay, info.status
        else:
            self.time = None
            self.result = RecordResult(
                self.position,
                self.contact,
                closed,
                attempts,
                self.dials,
                end,
                info.status,
                info.then,
            )

    def cancel(self, moment: int, barred: Barred | None) -> bool:
        """The waiting dial is cancelled at `moment` (its phone is stopped campaign-wide, or
        listed): the record goes on as if its last dial had ended in `stop_number` then, with
        `barred` numbers not eligible. Whether that closed it (at `moment`, keeping its last
        dial's status)."""
        cursor = self.cursor
        if not isinstance(cursor, Plain):
            raise TypeError("a cancelled dial is decided by the engine, not the table")
        decision = cursor.cancel(self.policy, barred)
        closed = decision.closed
        if closed is None:
            self.time = moment
            return False
        self.time = None
        attempts = cursor.progress.attempts
        self.result = RecordResult(
            self.position,
            self.contact,
            closed,
            attempts,
            self.dials,
            moment,
            self.last,
            decision.then,
        )
        return True

    def expire(self) -> RecordResult:
        """End the record open: the run ends before its waiting dial."""
        cursor = self.cursor
        if isinstance(cursor, Plain):
            attempts = cursor.progress.attempts
        else:
            assert self.machine is not None
            attempts = self.machine.attempts[cursor]
        self.time = None
        self.result = RecordResult(
            self.position, self.contact, RecordState.OPEN, attempts, self.dials, None, self.last
        )
        return self.result


@dataclass(frozen=True, slots=True)
class Walker:
    """Walks of `policy`'s records with outcomes from `source`: through `machine`'s table when
    given (a profile's source only), else stepped by the engine dial by dial."""

    policy: Policy
    source: OutcomeSource
    machine: Machine | None = None

    def __post_init__(self) -> None:
        if self.machine is not None and not isinstance(self.source, ProfileSource):
            raise TypeError("a table of steps draws from a profile")

    def walk(self, position: int, contact: Contact, barred: Barred | None = None) -> Walk:
        """The record at list `position`, waiting for its first dial at time 0 (or ended
        `no_numbers`); `barred`: its numbers not eligible at the start (stepped by the engine
        then, never through the table)."""
        cursor: int | Plain
        stream = None
        if self.machine is not None and barred is None:
            assert isinstance(self.source, ProfileSource)
            cursor = self.machine.start(contact.dialable)
            if cursor >= 0:
                stream = Stream(self.source.hasher, record_id(contact))
        else:
            progress = start(self.policy.limits, contact.dialable, barred)
            cursor = -1 if progress is None else Plain(progress, self.source.stream(contact))
        walk = Walk(self, position, contact, cursor, stream)
        if cursor == -1:
            walk.time = None
            walk.result = RecordResult(position, contact, RecordState.NO_NUMBERS, 0, 0, 0, None)
        return walk


def expire_open(walks: Iterable[Walk]) -> int:
    """End open every walk still in progress (the run ends before its waiting dial); how many."""
    ended = 0
    for walk in walks:
        if walk.result is None:
            walk.expire()
            ended += 1
    return ended
