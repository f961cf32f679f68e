"""The dialer loop with lines: one deterministic loop over the whole campaign, as records compete
for a limited number of lines.

A record's waiting dial is first held by its caps and its number's window (`Gate.ready`), then
joins the queue of ready dials, ordered by kind, due time and list position (`retries_first`)
or by due time and list position (`due_time`), and starts when a line is free and its turn
comes. At one instant the loop works in rounds: each round first ends every dial that ends then
(its line is free again; the record's next dial, due at once, is ready in that round), then
gives the free lines to the ready dials in order. A dial started in a round ends at the earliest
in the next round, so a zero-second dial gives its line back at the same instant.

A dial waiting in the queue when its window closes leaves it until the next opening: the loop
finds that out when the dial comes to the head of the queue, since until then no line was
given past it, and counts its wait over every episode in which it was ready. The order of
ending the dials of one round does not matter: nothing a record does at its end depends on
another record.

Memory: a heap entry or two per record in progress and its counters; never the events, which
leave an instant in the order of time, list position and the record's own order.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from datetime import tzinfo
from operator import attrgetter

from recall_cli.engine.dialer import Dialer, Order
from recall_cli.simulate.dialing import HELD, HeldBy
from recall_cli.simulate.dials import Event
from recall_cli.simulate.fast import Progressed
from recall_cli.simulate.gate import Gate
from recall_cli.simulate.gauge import Gauge
from recall_cli.simulate.steps import Kind, Plain
from recall_cli.simulate.summary import Tally
from recall_cli.simulate.walk import Walk, expire_open

_RECORD = attrgetter("record")


class LineLoop:
    """The dials of `walks` (in list order) on `dialer`'s lines, until `horizon`."""

    def __init__(
        self, walks: list[Walk], gate: Gate, dialer: Dialer, horizon: int, gauge: Gauge
    ) -> None:
        self.walks = walks
        self.gate = gate
        self.horizon = horizon
        self.gauge = gauge
        self.tally: Tally | None = None
        self.counting = gate.ledger is not None
        self.free = dialer.lines
        self.by_kind = dialer.order is Order.RETRIES_FIRST
        self.done = 0
        count = len(walks)
        # Heap entries are ints, which compare faster than tuples: a moment or a queue key
        # shifted left by `bits`, the record's index in `walks` in the low bits.
        self.bits = max(count, 1).bit_length()
        self.mask = (1 << self.bits) - 1
        # Per record: the waiting dial's number and kind, whether a cap or its window held it,
        # its line wait so far, since when it is ready, its queue key.
        self.number = [0] * count
        self.kind = [Kind.FIRST] * count
        self.capped = [False] * count
        self.hours = [False] * count
        self.wait = [0] * count
        self.since = [0] * count
        self.key = [0] * count
        # When the window the waiting dial is ready in closes (None: never, or no hours).
        self.closes: list[int | None] = [None] * count
        self.pending: list[int] = []  # ready at, and index
        self.busy: list[int] = []  # ends of the dials in progress
        self.queue: list[int] = []  # keys of ready dials: (kind,) due, index
        # Where a dial its window closed on waits for its next opening (`still_ready`).
        self.later: Callable[[int, int], None] = self.pend
        if gate.ledger is None:
            self._first_dials()
            return
        for index, walk in enumerate(walks):
            if walk.time is not None:
                self.schedule(index)

    def _first_dials(self) -> None:
        """`schedule` of every record's waiting dial, for a gate without caps: each zone's
        window asked once per due time (a list is due at its start, across a few zones), the
        held dials made a heap at once rather than pushed one by one."""
        gate, walks, pending, horizon = self.gate, self.walks, self.pending, self.horizon
        zones, window, bits, by_kind = gate.zones, gate.window, self.bits, self.by_kind
        number_of, kind_of, hours_of = self.number, self.kind, self.hours
        key_of, closes_of = self.key, self.closes
        asked: dict[tuple[tzinfo, int], tuple[int | None, bool, int | None]] = {}
        for index, walk in enumerate(walks):
            due, cursor = walk.time, walk.cursor
            if due is None:
                continue
            if isinstance(cursor, Plain):
                number, kind = cursor.due()
            else:
                assert walk.machine is not None
                number, kind = walk.machine.due[cursor]
            number_of[index], kind_of[index] = number, kind
            position = walk.position
            start: int | None = due
            held, closes = False, None
            if gate.hours is not None:
                asking = (zones[position][number], due)
                answer = asked.get(asking)
                if answer is None:
                    answer = asked[asking] = window(position, number, due)
                start, held, closes = answer
            hours_of[index] = held
            if start is not None and start <= horizon:
                ranked = kind << 62 | due if by_kind else due
                key_of[index] = ranked << bits | index
                closes_of[index] = closes
                pending.append(start << bits | index)
        heapq.heapify(pending)

    def run(self, counted: Progressed | None = None) -> Iterator[Event]:
        """Every dial, in the order of time, list position and the record's own order; then
        every record still in progress ends open. `counted` is told of records as they end."""
        for made in self.instants(counted):
            made.sort(key=_RECORD)
            yield from made

    def instants(self, counted: Progressed | None) -> Iterator[list[Event]]:
        """The events of each instant in turn, unsorted."""
        pending, busy, horizon, bits = self.pending, self.busy, self.horizon, self.bits
        while pending or busy:
            now = pending[0] >> bits if pending else horizon + 1
            if busy and busy[0] < now:
                now = busy[0]
            if now > horizon:
                break
            made = self.instant(now)
            if made:
                yield made
            if counted is not None and self.done:
                counted(self.done)
                self.done = 0
        self.expire(counted)

    def expire(self, counted: Progressed | None) -> None:
        """Every record still in progress ends open; `counted` is told of the rest."""
        self.done += expire_open(self.walks)
        if counted is not None and self.done:
            counted(self.done)

    def instant(self, now: int) -> list[Event]:
        """The rounds at `now`: the dials they start."""
        queue, closes, mask, pop = self.queue, self.closes, self.mask, heapq.heappop
        made: list[Event] = []
        while self.moved(now):
            while self.free and queue:
                index = pop(queue) & mask
                closing = closes[index]
                if closing is not None and closing <= now and not self.still_ready(index, now):
                    continue
                made.append(self.start(index, now))
        return made

    def moved(self, now: int) -> bool:
        """A round at `now` begins: the dials ending now free their lines, and the dials
        ready now join the queue. Whether anything moved (else the instant is over)."""
        pending, busy, queue, since, key = self.pending, self.busy, self.queue, self.since, self.key
        pop, mask = heapq.heappop, self.mask
        # Entries of `pending` below `upto` are ready at `now` (or before: none are left).
        upto = (now + 1) << self.bits
        moved = False
        while busy and busy[0] == now:
            pop(busy)
            self.free += 1
            moved = True
        while pending and pending[0] < upto:
            index = pop(pending) & mask
            since[index] = now
            heapq.heappush(queue, key[index])
            moved = True
        return moved

    def still_ready(self, index: int, now: int) -> bool:
        """Whether the dial at the head of the queue, ready since before `now`, is ready now;
        its window's closings since count as `hours`, its wait adds up over its episodes, and
        a dial that is not ready waits for its next opening."""
        position, number = self.walks[index].position, self.number[index]
        gate, since = self.gate, self.since[index]
        closes = self.closes[index]
        while closes is not None and closes <= now:
            self.wait[index] += closes - since
            self.hours[index] = True
            if gate.ledger is None:
                opens, _, following = gate.window(position, number, closes)
            else:
                opens, _ = gate.ready(position, number, closes, self.kind[index])
                following = None if opens is None else gate.closes(position, number, opens)
            if opens is None:
                return False
            if opens > now:
                if opens <= self.horizon:
                    self.closes[index] = following
                    self.later(index, opens)
                return False
            since, closes = opens, following
        self.since[index], self.closes[index] = since, closes
        return True

    def pend(self, index: int, ready: int) -> None:
        """Record `index`'s waiting dial joins the queue at `ready`."""
        heapq.heappush(self.pending, ready << self.bits | index)

    def start(self, index: int, now: int) -> Event:
        """Start the ready dial of record `index` at `now` on a free line."""
        walk = self.walks[index]
        hours, capped = self.hours[index], self.capped[index]
        wait = self.wait[index] + now - self.since[index]
        event = walk.dial(now, HELD[capped, hours, wait > 0])
        self.gate.started(
            walk.position, self.number[index], now, self.kind[index], walk.time is None
        )
        self.free -= 1
        duration = event.duration
        heapq.heappush(self.busy, now + duration)
        self.gauge.dialled(now, duration, hours, wait, capped)
        if walk.time is None:
            self.done += 1
        else:
            self.schedule(index)
        return event

    def schedule(self, index: int) -> None:
        """Hold the waiting dial of record `index` for its caps and window, then queue it."""
        walk = self.walks[index]
        due, cursor = walk.time, walk.cursor
        assert due is not None
        # `Walk.due`, without its tuple.
        if isinstance(cursor, Plain):
            number, kind = cursor.due()
        else:
            assert walk.machine is not None
            number, kind = walk.machine.due[cursor]
        gate, position = self.gate, walk.position
        self.number[index], self.kind[index], self.wait[index] = number, kind, 0
        if gate.ledger is None:
            start, self.hours[index], closes = gate.window(position, number, due)
            self.capped[index] = False
        else:
            start, held = gate.ready(position, number, due, kind)
            self.capped[index] = HeldBy.CAP in held
            self.hours[index] = HeldBy.HOURS in held
            closes = None if start is None else gate.closes(position, number, start)
        if start is not None and start <= self.horizon:
            # A due is below 2 ** 62 here (the latest horizon), so the kind ranks first.
            ranked = kind << 62 | due if self.by_kind else due
            self.key[index] = ranked << self.bits | index
            self.closes[index] = closes
            heapq.heappush(self.pending, start << self.bits | index)
