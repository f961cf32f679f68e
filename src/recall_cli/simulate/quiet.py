"""The quiet lines loop: a lines run that writes no events, every instant played in one
function, each dial counted as it starts. It makes exactly the dials `LineLoop.run` makes
(a differential test checks it); the line loop's rules are documented in `simulate/lines.py`."""

from __future__ import annotations

import heapq
from datetime import tzinfo

from recall_cli.simulate.ahead import HANDED, Scripts, handed, stand
from recall_cli.simulate.dials import RecordResult
from recall_cli.simulate.fast import Progressed
from recall_cli.simulate.hours import SECONDS_PER_DAY
from recall_cli.simulate.lines import LineLoop
from recall_cli.simulate.random_outcomes import draw
from recall_cli.simulate.steps import Kind, Plain
from recall_cli.simulate.summary import SECONDS_PER_HOUR, Tally

RUN_FROM = 256
"""The fewest dials joining the queue at one opening that are sorted into its runs rather than
pushed on its heaps one by one."""
new_tuple = tuple.__new__


def play(
    loop: LineLoop,
    tally: Tally,
    counted: Progressed | None = None,
    scripts: Scripts | None = None,
) -> None:
    """Every dial of `loop` counted in `tally` as it starts, for a run that writes no events:
    the same dials as `loop.run` makes, none of them made into an event; then every record
    still in progress ends open. `counted` is told of records as they end. The records
    `scripts` holds take their dials from it (a loop without caps only)."""
    loop.tally = tally
    at = [-1] * len(loop.walks) if scripts is None else list(scripts.first)
    tallied(loop, counted, scripts, at)
    if scripts is not None:
        stand(loop.walks, scripts, at)
    loop.expire(counted)


def _hour_told(
    hour: int, started: int, within: int, by_hour: dict[int, int], lines: dict[int, int]
) -> None:
    """An hour's dials started counted in the tally's `by_hour`, and their line-seconds
    within it in the gauge's (`lines`)."""
    if started:
        by_hour[hour] = by_hour.get(hour, 0) + started
    if within:
        lines[hour] = lines.get(hour, 0) + within


def tallied(  # noqa: PLR0915
    loop: LineLoop, counted: Progressed | None, scripts: Scripts | None, at: list[int]
) -> None:
    """Every instant of `loop`, as its `instants` and `instant` play them, each dial counted in
    its `tally` as it starts instead of made into an event. One function for the whole loop, with
    `start`, `Walk.advance` on the table, `Tally.add`, `Gauge.dialled` (told per instant)
    and — without caps — `schedule` inlined: this is a quiet run's hot path, and a call a
    dial, or a setting up an instant, costs too much. A record with a slot in `at` (≥ 0)
    takes its dials from `scripts` (a loop without caps only)."""
    busy, queue, closes, mask, walks = loop.busy, loop.queue, loop.closes, loop.mask, loop.walks
    capped_of, hours_of, wait_of, since = loop.capped, loop.hours, loop.wait, loop.since
    number_of, kind_of, key_of, pending = loop.number, loop.kind, loop.key, loop.pending
    pop, push = heapq.heappop, heapq.heappush
    gate, gauge, schedule, still_ready = loop.gate, loop.gauge, loop.schedule, loop.still_ready
    window = None if gate.ledger is not None else gate.window
    # `OpenHours.window`'s answers per zone and UTC day, kept here as it gives them and read
    # before asking `window` (most dials land on one already given, but not always on its
    # latest: retries fall due on other days); none without hours.
    given = {} if gate.hours is None else gate.hours.windows_known
    known: dict[tzinfo, dict[int, tuple[int, int, int, int | None]]] = {}
    zones, epoch = gate.zones, gate.epoch
    waits, hourly, lines_by_hour = gauge.waits, gauge.hourly, gauge.by_hour
    horizon, bits, by_kind = loop.horizon, loop.bits, loop.by_kind
    tally = loop.tally
    assert tally is not None
    by_status, by_hour = tally.by_status, tally.by_hour
    free = loop.free
    if scripts is not None:
        assert window is not None, "scripts are for loops without caps"
        assert scripts.walker.machine is not None
        s_state, s_status, s_duration = scripts.state, scripts.status, scripts.duration
        s_delay, s_closing, s_closed, s_first = (
            scripts.delay,
            scripts.closing,
            scripts.closed,
            scripts.first,
        )
        due_of = scripts.walker.machine.due
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
    # The dials ready at the start (most of a list, at once) stand sorted beside each heap,
    # the least last, and are taken from there as the two merge: a list's end costs less to
    # take from than a heap of a hundred thousand dials. Later dials join the heaps, but for
    # many held to one opening, which join the runs.
    runs = [sorted(heap, reverse=True) for heap in heaps]
    for heap in heaps:
        heap.clear()
    kinds = range(len(heaps))
    queues = list(zip(heaps, runs, strict=True))  # each kind's heap and run, in rank order
    loop.later = park
    # `Gauge.dialled` and `Tally.add`'s hours, summed over the loop and told once an hour
    # (`Gauge.instant` adds up alike): a call or two an instant would cost more.
    hour, next_hour = -1, 0
    started = within = total = by_hours = by_caps = 0
    first: int | None = None
    latest = -1
    while pending or parked_at or busy or (free and (any(heaps) or any(runs))):
        now = pending[0] >> bits if pending else horizon + 1
        if parked_at and parked_at[0] < now:
            now = parked_at[0]
        if busy and busy[0] < now:
            now = busy[0]
        if free:
            for heap in heaps:
                if heap and heap[0] >> bits < now:
                    now = heap[0] >> bits
            for run in runs:
                if run and run[-1] >> bits < now:
                    now = run[-1] >> bits
        if now > horizon:
            break
        upto = (now + 1) << bits
        if now >= next_hour:
            _hour_told(hour, started, within, by_hour, lines_by_hour)
            started = within = 0
            hour = now // SECONDS_PER_HOUR
            next_hour = (hour + 1) * SECONDS_PER_HOUR
        ended = 0
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
                bucket = parked.pop(now)
                if len(bucket) < RUN_FROM:
                    for index in bucket:
                        since[index] = now
                        push(heaps[kind_of[index] if by_kind else 0], key_of[index] & rank)
                else:
                    # Many dials held to one opening (a night's queue): sorted into the runs.
                    for index in bucket:
                        since[index] = now
                    for kind, run in zip(kinds, runs, strict=True):
                        run += [
                            key_of[index] & rank
                            for index in bucket
                            if not by_kind or kind_of[index] == kind
                        ]
                        run.sort(reverse=True)
                moved = True
            if not moved:
                break
            moved = False
            while free:
                # The least ready dial of the first kind that has one, from its heap or run.
                for heap, run in queues:
                    if run and (not heap or run[-1] < heap[0]):
                        if run[-1] < upto:
                            index = run.pop() & mask
                            break
                    elif heap and heap[0] < upto:
                        index = pop(heap) & mask
                        break
                else:
                    break
                closing = closes[index]
                walk = walks[index]
                if closing is not None and closing <= now:
                    if window is None:
                        if not still_ready(index, now):
                            continue
                    else:
                        # `LineLoop.still_ready` without caps, its windows read as `schedule`'s
                        # below: the window the dial waited in has closed (at night, most of the
                        # queue finds that out one by one).
                        number, ready, off = number_of[index], since[index], False
                        zone = zones[walk.position][number]
                        while closing is not None and closing <= now:
                            wait_of[index] += closing - ready
                            hours_of[index] = True
                            moment = epoch + closing
                            day = moment // SECONDS_PER_DAY
                            days = known.get(zone)
                            hit = None if days is None else days.get(day)
                            if hit is not None and hit[0] <= moment < hit[1]:
                                reopens: int | None = max(hit[2], moment) - epoch
                                shuts = None if hit[3] is None else hit[3] - epoch
                            else:
                                reopens, _, shuts = window(walk.position, number, closing)
                                hit = given.get(zone)
                                if hit is not None and hit[0] <= moment < hit[1]:
                                    known.setdefault(zone, {})[day] = hit
                            if reopens is None or reopens > now:
                                # Not ready now: it waits for its window's next opening.
                                if reopens is not None and reopens <= horizon:
                                    closes[index] = shuts
                                    park(index, reopens)
                                off = True
                                break
                            ready, closing = reopens, shuts
                        if off:
                            continue
                        since[index], closes[index] = ready, closing
                wait = wait_of[index] + now - since[index]
                slot = at[index]
                following = -1
                if slot >= 0:
                    # The record's script: its dial was drawn ahead.
                    status, duration = s_status[slot], s_duration[slot]
                    entry = s_closing[slot]
                    if entry >= 0:
                        due = None
                        closed, attempts, last, then = s_closed[entry]
                        dials = slot - s_first[index] + 1
                        walk.time = None
                        # A named tuple's own constructor costs a Python call a record.
                        walk.result = new_tuple(
                            RecordResult,
                            (walk.position, walk.contact, closed, attempts, dials,
                             now + duration, last, then),
                        )  # fmt: skip
                    else:
                        due = now + duration + s_delay[slot]
                        slot += 1
                        if s_closing[slot] == HANDED:
                            assert scripts is not None
                            walk = walks[index] = handed(walk, scripts, index, slot, due)
                            at[index] = -1
                        else:
                            at[index] = slot
                            following = s_state[slot]
                else:
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
                    gate.started(walk.position, number_of[index], now, kind_of[index], due is None)
                free -= 1
                end = now + duration
                push(busy, end)
                # `Gauge.dialled`, summed (told at the end).
                total += duration
                if end > latest:  # noqa: PLR1730  # a call of `max` a dial costs more
                    latest = end
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
                if following >= 0:
                    number, kind = due_of[following]
                else:
                    cursor, machine = walk.cursor, walk.machine
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
                hours_of[index], wait_of[index] = held, 0  # without caps, none was capped
                if start is not None and start <= horizon:
                    ranked = kind << 62 | due if by_kind else due
                    key_of[index] = ranked << bits | index
                    if start > now and not held:
                        since[index] = start
                        push(heaps[kind if by_kind else 0], due << bits | index)
                    else:
                        park(index, start)
        if first is None and started:
            first = now  # the first dial's instant: no hour before it had one
        if ended:
            loop.done += ended
            if counted is not None:
                counted(loop.done)
                loop.done = 0
    _hour_told(hour, started, within, by_hour, lines_by_hour)
    if first is not None:
        gauge.instant(first, total, 0, latest, by_hours, by_caps)
    loop.free = free
    loop.later = loop.pend
