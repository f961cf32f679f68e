"""The coupled loop: one exact loop over the whole campaign in the order of time, for a run whose
records act on each other — a stop of scope campaign stops a phone in every record that holds
it, a cap of scope phone counts a phone's dials across records — or whose decisions depend on
their moment (a do-not-call entry that ends inside the run).

Here a dial is decided when it ends, told which numbers are barred at that moment (stopped
campaign-wide, or listed), so every record is stepped by the engine itself (`steps.Plain`), and
its event leaves the loop once decided, in the order of start, list position and the record's
own order. At one instant the loop works in rounds, as the dialer with lines does: each round
first ends the dials that end then (in order of start, then list position) and applies their
decisions, then cancels the waiting dials that come due on a stopped phone (in list order), then
gives the ready dials a line (without `lines`, every ready dial gets one). A dial on a phone a
record stops is cancelled at the later of its due time and the stop: no event is written, and
the record goes on as if its last dial had ended in `stop_number` then. A dial that a phone cap
held when it was scheduled is checked again when it would start: another record may have dialled
the phone since.

Memory: a few heap entries and counters per record in progress; events wait only while a dial
that started earlier is still in progress.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from recall_cli.engine import Status, Then
from recall_cli.engine.dialer import Dialer, Order
from recall_cli.engine.progress import Barred
from recall_cli.simulate.dialing import HELD, Cancellation, HeldBy
from recall_cli.simulate.dials import Event
from recall_cli.simulate.fast import Progressed
from recall_cli.simulate.gate import Gate
from recall_cli.simulate.gauge import Gauge
from recall_cli.simulate.steps import Kind, Plain
from recall_cli.simulate.walk import Walk, expire_open

_UNLIMITED = 1 << 62
"""The lines of a run without `lines`: every ready dial gets one."""


@dataclass(frozen=True, slots=True)
class Coupling:
    """What ties a run's records together or to the clock.

    `phone(position, number)`: a number's phone, equal across records exactly when it is one
    phone; `shared`: the phones more than one record holds; `stops`: the statuses whose rule
    stops a number campaign-wide; `listed`: the do-not-call entries that end inside the run,
    by (position, number), with the virtual second each ends (exclusive); `phone_caps`: the
    run has caps of scope phone."""

    phone: Callable[[int, int], Hashable]
    shared: frozenset[Hashable]
    stops: frozenset[Status]
    listed: Mapping[tuple[int, int], int]
    phone_caps: bool

    def listed_at(self, position: int, number: int, moment: int) -> bool:
        """Whether the number's do-not-call entry applies at `moment`."""
        end = self.listed.get((position, number))
        return end is not None and moment < end


class CoupledLoop:
    """The dials of `walks` (in list order, each stepped by the engine) on `dialer`'s lines
    (None: unlimited), under `coupling`, until `horizon`."""

    def __init__(
        self,
        walks: Sequence[Walk],
        gate: Gate,
        dialer: Dialer | None,
        horizon: int,
        gauge: Gauge,
        coupling: Coupling,
    ) -> None:
        self.walks = walks
        self.gate = gate
        self.horizon = horizon
        self.gauge = gauge
        self.coupling = coupling
        self.free = _UNLIMITED if dialer is None else dialer.lines
        # Without lines there is no order to follow: the earliest due, then the list position.
        self.by_kind = dialer is not None and dialer.order is Order.RETRIES_FIRST
        self.done = 0
        self.cancelled = 0
        self.closings: dict[int, Cancellation] = {}
        self.stopped: dict[Hashable, int] = {}  # phone stopped campaign-wide → the stopper
        self.waiting: dict[Hashable, set[int]] = {}  # shared phone → records whose dial waits
        count = len(walks)
        # Per record: a generation that voids its older heap entries, what its waiting dial
        # is (number, kind, phone), what held it, its line wait, since when it is ready, and
        # the dial in progress (status, duration, what held it, its place among the events).
        self.gen = [0] * count
        self.number = [0] * count
        self.kind = [Kind.FIRST] * count
        self.phone: list[Hashable] = [None] * count
        self.capped = [False] * count
        self.hours = [False] * count
        self.wait = [0] * count
        self.since = [0] * count
        self.seq = [0] * count
        self.dialling: list[tuple[Status, int, tuple[HeldBy, ...], int] | None] = [None] * count
        self.pending: list[tuple[int, int, int]] = []  # ready at, index, generation
        self.queue: list[tuple[int, int, int, int]] = []  # kind or 0, due, index, generation
        self.busy: list[tuple[int, int, int]] = []  # end, start, index
        self.cancels: list[tuple[int, int, int]] = []  # moment, index, generation
        self.order: list[tuple[int, int, int]] = []  # start, index, seq of undecided dials
        self.made: dict[tuple[int, int, int], Event] = {}
        for index, walk in enumerate(walks):
            if walk.time is not None:
                self.schedule(index)
            elif walk.result is not None:
                self.gate.ended(walk.position)

    def run(self, counted: Progressed | None = None) -> Iterator[Event]:
        """Every dial, in the order of time, list position and the record's own order; then
        every record still in progress ends open. `counted` is told of records as they end."""
        pending, busy, cancels = self.pending, self.busy, self.cancels
        while pending or busy or cancels:
            now = min(heap[0][0] for heap in (pending, busy, cancels) if heap)
            self.instant(now)
            yield from self.decided()
            if counted is not None and self.done:
                counted(self.done)
                self.done = 0
        self.done += expire_open(self.walks)
        if counted is not None and self.done:
            counted(self.done)

    def decided(self) -> Iterator[Event]:
        """The events decided, up to the first dial still in progress."""
        order, made = self.order, self.made
        while order and order[0] in made:
            yield made.pop(heapq.heappop(order))

    def instant(self, now: int) -> None:
        """The rounds at `now`."""
        pending, busy, queue, cancels = self.pending, self.busy, self.queue, self.cancels
        gen, since = self.gen, self.since
        pop, push = heapq.heappop, heapq.heappush
        hours = self.gate.hours is not None
        while True:
            moved = False
            while busy and busy[0][0] == now:
                _, _, index = pop(busy)
                self.free += 1
                self.finish(index, now)
                moved = True
            while cancels and cancels[0][0] == now:
                _, index, generation = pop(cancels)
                if generation == gen[index]:
                    self.cancel(index, now)
                    moved = True
            while pending and pending[0][0] <= now:
                _, index, generation = pop(pending)
                if generation == gen[index]:
                    since[index] = now
                    walk = self.walks[index]
                    assert walk.time is not None
                    rank = self.kind[index] if self.by_kind else 0
                    push(queue, (rank, walk.time, index, generation))
                    moved = True
            if not moved:
                return
            while self.free and queue:
                _, _, index, generation = pop(queue)
                if generation != gen[index]:
                    continue
                if hours and since[index] < now and not self.still_ready(index, now):
                    continue
                if self.coupling.phone_caps and not self.capped_now(index, now):
                    continue
                self.start(index, now)

    def still_ready(self, index: int, now: int) -> bool:
        """Whether the dial at the head of the queue, ready since before `now`, is ready now;
        its window's closings since count as `hours`, its wait adds up over its episodes, and
        a dial that is not ready waits for its next opening."""
        position, number = self.walks[index].position, self.number[index]
        gate, since = self.gate, self.since[index]
        closes = gate.closes(position, number, since)
        while closes is not None and closes <= now:
            self.wait[index] += closes - since
            self.hours[index] = True
            opens, _ = gate.ready(position, number, closes, self.kind[index])
            if opens is None:
                return False
            if opens > now:
                if opens <= self.horizon:
                    heapq.heappush(self.pending, (opens, index, self.gen[index]))
                return False
            since = opens
            closes = gate.closes(position, number, since)
        self.since[index] = since
        return True

    def capped_now(self, index: int, now: int) -> bool:
        """Whether the phone caps still let the ready dial of record `index` start at `now`;
        when not, it is held again (by a cap) to the moment they and its window allow."""
        position, number, kind = self.walks[index].position, self.number[index], self.kind[index]
        gate = self.gate
        if gate.earliest_under_caps(position, number, now, kind) == now:
            return True
        self.wait[index] += now - self.since[index]
        self.since[index] = now
        self.capped[index] = True
        start, held = gate.ready(position, number, now, kind)
        self.hours[index] = self.hours[index] or HeldBy.HOURS in held
        if start is not None and start <= self.horizon:
            heapq.heappush(self.pending, (start, index, self.gen[index]))
        return False

    def start(self, index: int, now: int) -> None:
        """Start the ready dial of record `index` at `now` on a free line."""
        walk = self.walks[index]
        cursor = walk.cursor
        assert isinstance(cursor, Plain)
        number = self.number[index]
        status, duration = cursor.outcomes.next(number)
        hours, capped = self.hours[index], self.capped[index]
        wait = self.wait[index] + now - self.since[index]
        seq = self.seq[index]
        self.seq[index] = seq + 1
        self.dialling[index] = (status, duration, HELD[capped, hours, wait > 0], seq)
        self.gate.started(walk.position, number, now, self.kind[index], False)
        self.unwait(index)
        self.gen[index] += 1
        self.free -= 1
        heapq.heappush(self.busy, (now + duration, now, index))
        heapq.heappush(self.order, (now, index, seq))
        self.gauge.dialled(now, duration, hours, wait, capped)

    def finish(self, index: int, now: int) -> None:
        """End the dial of record `index` at `now`: the engine's decision, with the numbers
        barred now; a stop of scope campaign stops its phone everywhere."""
        walk = self.walks[index]
        cursor = walk.cursor
        assert isinstance(cursor, Plain)
        dialling = self.dialling[index]
        assert dialling is not None
        status, duration, held, seq = dialling
        self.dialling[index] = None
        due, start = walk.time, now - duration
        assert due is not None
        step = cursor.apply(walk.policy, status, self.barred(walk.position, now))
        info = step[5]
        self.made[start, index, seq] = walk.settle(start, due, step, duration, held)
        if info.then is Then.STOP_NUMBER and status in self.coupling.stops:
            self.stop(self.coupling.phone(walk.position, info.number), walk.position, now)
        if walk.time is None:
            self.ended(index)
        else:
            self.schedule(index)

    def stop(self, phone: Hashable, by: int, now: int) -> None:
        """Stop `phone` campaign-wide at `now` (the record at `by` stopped it): every record
        whose dial waits on it is cancelled at the later of its due time and now."""
        if phone in self.stopped:
            return
        self.stopped[phone] = by
        for index in sorted(self.waiting.pop(phone, ())):
            due = self.walks[index].time
            assert due is not None
            self.void(index, max(due, now))

    def void(self, index: int, moment: int) -> None:
        """Cancel the waiting dial of record `index` at `moment` (none past the horizon)."""
        self.gen[index] += 1
        if moment <= self.horizon:
            heapq.heappush(self.cancels, (moment, index, self.gen[index]))

    def cancel(self, index: int, now: int) -> None:
        """The waiting dial of record `index` is cancelled at `now`."""
        walk = self.walks[index]
        position, number = walk.position, self.number[index]
        self.unwait(index)
        self.gen[index] += 1
        self.cancelled += 1
        if walk.cancel(now, self.barred(position, now)):
            by = self.stopped.get(self.phone[index])
            self.closings[position] = Cancellation(now, number, by)
            self.ended(index)
        else:
            self.schedule(index)

    def ended(self, index: int) -> None:
        self.gate.ended(self.walks[index].position)
        self.done += 1

    def barred(self, position: int, moment: int) -> Barred | None:
        """The numbers of the record at `position` not eligible at `moment`; None: none is."""
        coupling, stopped = self.coupling, self.stopped
        if not stopped and not coupling.listed:
            return None
        phone, listed_at = coupling.phone, coupling.listed_at

        def barred(number: int) -> bool:
            return phone(position, number) in stopped or listed_at(position, number, moment)

        return barred

    def unwait(self, index: int) -> None:
        waiting = self.waiting.get(self.phone[index])
        if waiting is not None:
            waiting.discard(index)

    def schedule(self, index: int) -> None:
        """Hold the waiting dial of record `index` for its caps and window, then make it ready;
        a dial on a stopped or listed phone is cancelled when it comes due."""
        walk = self.walks[index]
        waiting = walk.due()
        assert waiting is not None
        due, number, kind = waiting
        position, coupling = walk.position, self.coupling
        phone = coupling.phone(position, number)
        self.number[index], self.kind[index], self.phone[index] = number, kind, phone
        self.gen[index] += 1
        if phone in self.stopped or coupling.listed_at(position, number, due):
            self.void(index, due)
            return
        if phone in coupling.shared:
            self.waiting.setdefault(phone, set()).add(index)
        start, held = self.gate.ready(position, number, due, kind)
        self.capped[index] = HeldBy.CAP in held
        self.hours[index], self.wait[index] = HeldBy.HOURS in held, 0
        if start is not None and start <= self.horizon:
            heapq.heappush(self.pending, (start, index, self.gen[index]))
