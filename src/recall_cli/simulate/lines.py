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
from collections.abc import Callable, Iterator, Sequence
from datetime import tzinfo
from operator import attrgetter

from recall_cli.engine.dialer import Dialer, Order
from recall_cli.simulate.dialing import HELD, HeldBy
from recall_cli.simulate.dials import Event
from recall_cli.simulate.fast import Progressed
from recall_cli.simulate.gate import Gate
from recall_cli.simulate.gauge import Gauge
from recall_cli.simulate.hours import SECONDS_PER_DAY
from recall_cli.simulate.random_outcomes import draw
from recall_cli.simulate.steps import Kind, Plain
from recall_cli.simulate.summary import SECONDS_PER_HOUR, Tally
from recall_cli.simulate.walk import Walk

_RECORD = attrgetter("record")


class LineLoop:
    """The dials of `walks` (in list order) on `dialer`'s lines, until `horizon`."""

    def __init__(
        self, walks: Sequence[Walk], gate: Gate, dialer: Dialer, horizon: int, gauge: Gauge
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
        for index, walk in enumerate(walks):
            if walk.time is not None:
                self.schedule(index)

    def run(self, counted: Progressed | None = None) -> Iterator[Event]:
        """Every dial, in the order of time, list position and the record's own order; then
        every record still in progress ends open. `counted` is told of records as they end."""
        for made in self.instants(counted):
            made.sort(key=_RECORD)
            yield from made

    def play(self, tally: Tally, counted: Progressed | None = None) -> None:
        """Every dial counted in `tally` as it starts, for a run that writes no events: the
        same dials as `run` makes, none of them made into an event; then every record still in
        progress ends open. `counted` is told of records as they end."""
        self.tally = tally
        self.tallied(counted)
        self.expire(counted)

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
        for walk in self.walks:
            if walk.result is None:
                walk.expire()
                self.done += 1
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

    def tallied(self, counted: Progressed | None) -> None:  # noqa: PLR0915
        """Every instant, as `instants` and `instant` play them, each dial counted in `tally`
        as it starts instead of made into an event. One method for the whole loop, with
        `start`, `Walk.advance` on the table, `Tally.add`, `Gauge.dialled` (told per instant)
        and — without caps — `schedule` inlined: this is a quiet run's hot path, and a call a
        dial, or a setting up an instant, costs too much."""
        busy, queue, closes, mask, walks = self.busy, self.queue, self.closes, self.mask, self.walks
        capped_of, hours_of, wait_of, since = self.capped, self.hours, self.wait, self.since
        number_of, kind_of, key_of, pending = self.number, self.kind, self.key, self.pending
        pop, push = heapq.heappop, heapq.heappush
        gate, gauge, schedule, still_ready = self.gate, self.gauge, self.schedule, self.still_ready
        window = None if gate.ledger is not None else gate.window
        # `OpenHours.window`'s answers per zone and UTC day, kept here as it gives them and read
        # before asking `window` (most dials land on one already given, but not always on its
        # latest: retries fall due on other days); none without hours.
        given = {} if gate.hours is None else gate.hours.windows_known
        known: dict[tzinfo, dict[int, tuple[int, int, int, int | None]]] = {}
        zones, epoch = gate.zones, gate.epoch
        waits, hourly, told = gauge.waits, gauge.hourly, gauge.instant
        horizon, bits, by_kind = self.horizon, self.bits, self.by_kind
        tally = self.tally
        assert tally is not None
        by_status, by_hour = tally.by_status, tally.by_hour
        free = self.free
        # The queue, split by what ranks first: one heap per kind when retries go first (one in
        # all otherwise), each keyed by due time and index. A dial that no window holds (its
        # start is its due time) joins its heap at once when scheduled, ready since it is due,
        # instead of passing through `pending`: a heap's dials due later than now rank after
        # every dial ready in it, so they are never taken early, and a dial due at an instant
        # that gets no line then waits as it would have. `pending` keeps the dials held later
        # than due, and those due at once (they join in the next round, as in `moved`).
        heaps: list[list[int]] = [[] for _ in Kind] if by_kind else [[]]
        rank = (1 << (62 + bits)) - 1  # a queue key, less its kind
        kind_bits = 62 + bits
        for ranked in queue:
            heaps[ranked >> kind_bits if by_kind else 0].append(ranked & rank)
        queue.clear()
        # The dials held past their due time, by the instant they join the queue: most are
        # held to a window's opening, which many share (`pending` keeps those that caps held).
        parked: dict[int, list[int]] = {}
        parked_at: list[int] = []  # a heap of `parked`'s instants

        def park(index: int, ready: int) -> None:
            bucket = parked.get(ready)
            if bucket is None:
                parked[ready] = [index]
                push(parked_at, ready)
            else:
                bucket.append(index)

        for entry in pending:
            index = entry & mask
            ready_at = entry >> bits
            ranked = key_of[index] & rank
            if ready_at == ranked >> bits:
                since[index] = ready_at
                heaps[kind_of[index] if by_kind else 0].append(ranked)
            else:
                park(index, ready_at)
        pending.clear()
        for heap in heaps:
            heapq.heapify(heap)
        self.later = park
        while pending or parked_at or busy or (free and any(heaps)):
            now = pending[0] >> bits if pending else horizon + 1
            if parked_at and parked_at[0] < now:
                now = parked_at[0]
            if busy and busy[0] < now:
                now = busy[0]
            if free:
                for heap in heaps:
                    if heap and heap[0] >> bits < now:
                        now = heap[0] >> bits
            if now > horizon:
                break
            upto = (now + 1) << bits
            hour = now // SECONDS_PER_HOUR
            next_hour = (hour + 1) * SECONDS_PER_HOUR
            started = ended = total = within = by_hours = by_caps = 0
            latest = now
            # The first round takes the dials that joined their heap due now.
            moved = True
            while True:
                # `moved`, inlined.
                while busy and busy[0] == now:
                    pop(busy)
                    free += 1
                    moved = True
                while pending and pending[0] < upto:
                    index = pop(pending) & mask
                    since[index] = now
                    push(heaps[kind_of[index] if by_kind else 0], key_of[index] & rank)
                    moved = True
                if parked_at and parked_at[0] == now:
                    pop(parked_at)
                    for index in parked.pop(now):
                        since[index] = now
                        push(heaps[kind_of[index] if by_kind else 0], key_of[index] & rank)
                    moved = True
                if not moved:
                    break
                moved = False
                while free:
                    for heap in heaps:
                        if heap and heap[0] < upto:
                            break
                    else:
                        break
                    index = pop(heap) & mask
                    closing = closes[index]
                    if closing is not None and closing <= now and not still_ready(index, now):
                        continue
                    walk = walks[index]
                    wait = wait_of[index] + now - since[index]
                    cursor, machine = walk.cursor, walk.machine
                    if isinstance(cursor, Plain) or machine is None:
                        status, duration = walk.advance(now)
                    else:
                        # `Walk.advance` on the table (the loop never starts a dial before it is
                        # due): one draw and one lookup.
                        stream = walk.stream
                        assert stream is not None
                        choice, duration = draw(machine.drawn[cursor], stream.number)
                        step = (
                            machine.steps[cursor][choice]
                            or machine.step(cursor, choice)
                            or machine.leave(cursor, choice, stream)
                        )
                        if step[2] is None:
                            # `Walk.settled` of a dial that does not end its record, inlined.
                            walk.dials += 1
                            walk.cursor = step[3]
                            walk.time = now + duration + step[1]
                            walk.last = step[5].status
                        else:
                            walk.settled(now, step, duration)
                        status = step[0]
                    due = walk.time
                    if window is None:
                        gate.started(
                            walk.position, number_of[index], now, kind_of[index], due is None
                        )
                    free -= 1
                    end = now + duration
                    push(busy, end)
                    # `Gauge.dialled`, told per instant (`Gauge.instant`).
                    total += duration
                    latest = max(latest, end)
                    if end <= next_hour:
                        within += duration
                    else:
                        hourly(now, end)
                    if hours_of[index]:
                        by_hours += 1
                    if capped_of[index]:
                        by_caps += 1
                    if wait:
                        waits[wait] = waits.get(wait, 0) + 1
                    by_status[status] += 1
                    started += 1
                    if due is None:
                        ended += 1
                        continue
                    if window is None:
                        schedule(index)
                        continue
                    # `schedule`, without caps: the window alone holds the dial.
                    cursor = walk.cursor
                    if isinstance(cursor, Plain) or machine is None:
                        number, kind = cursor.due()  # type: ignore[union-attr]
                    else:
                        number, kind = machine.due[cursor]
                    position = walk.position
                    zone = zones[position][number]
                    moment = epoch + due
                    day = moment // SECONDS_PER_DAY
                    days = known.get(zone)
                    hit = None if days is None else days.get(day)
                    if hit is not None and hit[0] <= moment < hit[1]:
                        # `Gate.window` on `OpenHours.window`'s answer of this zone.
                        opens, shut = hit[2], hit[3]
                        held = opens > moment
                        start: int | None = opens - epoch if held else due
                        closes[index] = None if shut is None else shut - epoch
                    else:
                        start, held, closes[index] = window(position, number, due)
                        hit = given.get(zone)
                        if hit is not None and hit[0] <= moment < hit[1]:
                            known.setdefault(zone, {})[day] = hit
                    number_of[index], kind_of[index] = number, kind
                    capped_of[index], hours_of[index], wait_of[index] = False, held, 0
                    if start is not None and start <= horizon:
                        ranked = kind << 62 | due if by_kind else due
                        key_of[index] = ranked << bits | index
                        if start > now and not held:
                            since[index] = start
                            push(heaps[kind if by_kind else 0], due << bits | index)
                        else:
                            park(index, start)
            if started:
                by_hour[hour] = by_hour.get(hour, 0) + started
                told(now, total, within, latest, by_hours, by_caps)
            if ended:
                self.done += ended
                if counted is not None:
                    counted(self.done)
                    self.done = 0
        self.free = free
        self.later = self.pend

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
