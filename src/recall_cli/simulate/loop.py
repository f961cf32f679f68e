"""The play loop: every record's dials, each started when it is due, over one step of a record
(`Walk.dial`, or the table's lookup that stands for it).

Records do not interact without a dialer, so `play` takes one record after another from its
first dial to its last — through the table of steps in a tight loop when the run has one —
and gives every record's result and the dials' tally, without ordering events. `events` merges
the records' walks through one heap keyed by (due time, list position): every dial in the
order of docs/semantics.md#event-order. The heap holds a walk per record in progress, so memory
grows with the
records, never with the events. Both give the same dials.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, cast

from recall_cli.engine import Contact, RecordState, Status
from recall_cli.engine.contact import no_digit
from recall_cli.simulate.arrayed import _arrays, arrayed
from recall_cli.simulate.dialing import DialerFigures, HeldBy
from recall_cli.simulate.dials import Event, RecordResult
from recall_cli.simulate.fast import Progressed
from recall_cli.simulate.random_outcomes import (
    FIRST_BLOCK,
    ProfileSource,
    Stream,
    draw,
    unpack_block,
)
from recall_cli.simulate.summary import SECONDS_PER_HOUR, STATUS_INDEX, Summary, Tally, summarize
from recall_cli.simulate.walk import Walk, Walker

if TYPE_CHECKING:  # the gate imports the holiday calendars: a run with a dialer pays for them
    from recall_cli.simulate.gate import Gate
    from recall_cli.simulate.gauge import Gauge

PROGRESS_EVERY = 4096
_NEVER = 1 << 62
"""Later than any dial: the horizon of a run without --until."""


@dataclass(frozen=True, slots=True)
class Played:
    """Every played record's result, in list order, and the tally of their dials."""

    results: list[RecordResult]
    tally: Tally
    dialer: DialerFigures | None = None
    """What a dialer adds to the figures; None for a run without one."""

    def summary(self) -> Summary:
        summary = summarize(self.results, self.tally)
        return summary if self.dialer is None else replace(summary, dialer=self.dialer)


_result = cast("Callable[[tuple[object, ...]], RecordResult]", partial(tuple.__new__, RecordResult))
"""`RecordResult._make` without its Python frame: a result a record counts in a large run."""


def selected(contacts: Sequence[Contact], only: Iterable[str] | None) -> Iterable[int]:
    """The list positions of the records a run plays: those whose ids are in `only`, or all."""
    if only is None:
        return range(len(contacts))
    wanted = frozenset(only)
    return [i for i, contact in enumerate(contacts) if contact.id in wanted]


def _counted(records: Iterable[int], progressed: Progressed | None) -> Iterable[int]:
    """`records`, with `progressed` told of them PROGRESS_EVERY at a time, then of the rest."""
    return records if progressed is None else _telling(records, progressed)


def _telling(records: Iterable[int], progressed: Progressed) -> Iterator[int]:
    done = 0
    for position in records:
        yield position
        done += 1
        if done == PROGRESS_EVERY:
            progressed(done)
            done = 0
    if done:
        progressed(done)


def play(
    walker: Walker,
    contacts: Sequence[Contact],
    until: int | None = None,
    only: Iterable[str] | None = None,
    progressed: Progressed | None = None,
    arrays: bool | None = None,
) -> Played:
    """Every record's result and the dials' tally, record after record (no event order);
    stepped as arrays when `arrays` says so, or (None) when the records are enough to gain."""
    horizon = _NEVER if until is None else until
    chosen = selected(contacts, only)
    tally = Tally()
    machine = walker.machine
    if arrays is None:
        arrays = machine is not None and isinstance(chosen, Sized) and arrayed(machine, len(chosen))
    if arrays:
        return on_arrays(walker, contacts, chosen, horizon, progressed)
    records = _counted(chosen, progressed)
    if walker.machine is None:
        results = [_walked(walker.walk(i, contacts[i]), horizon, tally) for i in records]
        return Played(results, tally)
    # Dials by (hour << 4 | status index): one dictionary update a dial counts both.
    counts: defaultdict[int, int] = defaultdict(int)
    results = _on_table(walker, contacts, records, horizon, counts, tally)
    _count(counts, tally)
    return Played(results, tally)


def on_arrays(
    walker: Walker,
    contacts: Sequence[Contact],
    records: Iterable[int],
    horizon: int,
    progressed: Progressed | None = None,
    chunk: int | None = None,
) -> Played:
    """`play` of `records` through the table as array steps, `chunk` records at a time
    (`arrays.CHUNK` unless told): the tight loop's results and tally."""
    arrays = _arrays()
    tally = Tally()
    counts: dict[int, int] = {}
    walked = partial(_walked, horizon=horizon, tally=tally)
    size = arrays.CHUNK if chunk is None else chunk
    results = arrays.stepped(
        walker, contacts, records, horizon, counts, (walked, resumed), progressed, size
    )
    _count(counts, tally)
    return Played(results, tally)


def _count(counts: dict[int, int], tally: Tally) -> None:
    """Add dials counted by (hour << 4 | status index) to `tally`."""
    assert len(STATUS_INDEX) <= 16
    for key, dials in counts.items():
        tally.by_status[key & 15] += dials
        tally.by_hour[key >> 4] = tally.by_hour.get(key >> 4, 0) + dials


def held_on_table(
    walker: Walker,
    contacts: Sequence[Contact],
    records: Iterable[int],
    checks: Gate,
    horizon: int,
    counted: tuple[Tally, Gauge],
    walked: Callable[[Walk], RecordResult],
    progressed: Progressed | None = None,
) -> list[RecordResult]:
    """The records of a run whose dials the gate alone holds (caps, calling hours; no lines,
    so records do not interact), each played through the table from its first dial to its
    last: a dial is the gate's start, a draw and a lookup. A record that uses up its first
    block or leaves the table goes on as a walk (`walked`). Every dial is counted in
    `counted`'s tally and gauge (not the gauge's figures of lines: busy seconds, the first
    start); gives the results in list order."""
    machine = walker.machine
    assert machine is not None
    opening = _Opening(walker)
    drawn_of, steps_of, attempts_of = machine.drawn, machine.steps, machine.attempts
    due_of, learn, hour = machine.due, machine.step, SECONDS_PER_HOUR
    ready, started = checks.ready, None if checks.ledger is None else checks.started
    counts: defaultdict[int, int] = defaultdict(int)
    holds: defaultdict[tuple[HeldBy, ...], int] = defaultdict(int)
    results: list[RecordResult] = []
    append, result, open_ = results.append, _result, RecordState.OPEN
    latest = -1
    for position in _counted(records, progressed):
        contact = contacts[position]
        first, identity, number = opening(contact)
        if first < 0:
            append(RecordResult(position, contact, RecordState.NO_NUMBERS, 0, 0, 0, None))
            continue
        state, due, dials = first, 0, 0
        last: Status | None = None
        try:
            while True:
                dialled, kind = due_of[state]
                start, held = ready(position, dialled, due, kind)
                if start is None or start > horizon:
                    opened = (position, contact, open_, attempts_of[state], dials, None, last, None)
                    append(result(opened))
                    break
                choice, duration = draw(drawn_of[state], number)
                step = steps_of[state][choice] or learn(state, choice)
                if step is None:
                    raise _OffTable
                index, delay, closed, following, attempts, info = step
                dials += 1
                counts[(start // hour) << 4 | index] += 1
                holds[held] += 1
                end = start + duration
                latest = max(latest, end)
                if started is not None:
                    started(position, dialled, start, kind, closed is not None)
                if closed is not None:
                    status, then = info.status, info.then
                    append(result((position, contact, closed, attempts, dials, end, status, then)))
                    break
                last = info.status
                due = end + delay
                state = following  # type: ignore[assignment]  # on the table: an int
        except (StopIteration, _OffTable):
            walk = resumed(walker, position, contact, (first, state), identity, due, dials, last)
            append(walked(walk))
    _gauged(counted, counts, holds, latest)
    return results


def _gauged(
    counted: tuple[Tally, Gauge],
    counts: dict[int, int],
    holds: dict[tuple[HeldBy, ...], int],
    latest: int,
) -> None:
    """Add the dials counted by (hour << 4 | status index), by what held them, and the last
    end to the tally and gauge of `counted`."""
    tally, gauge = counted
    _count(counts, tally)
    for held, dials in holds.items():
        gauge.held_by_hours += dials if HeldBy.HOURS in held else 0
        gauge.held_by_caps += dials if HeldBy.CAP in held else 0
    if latest >= 0:
        gauge.end = latest if gauge.end is None else max(gauge.end, latest)


class _Opening:
    """Each record's first state, found once per pattern of empty cells, and the numbers of
    its stream's first block (`Stream`'s, hashed in place: most records never need a second)."""

    __slots__ = ("_copy", "_machine", "_states")

    def __init__(self, walker: Walker) -> None:
        assert walker.machine is not None
        assert isinstance(walker.source, ProfileSource)
        self._machine = walker.machine
        self._copy = walker.source.hasher.copy
        self._states: dict[tuple[bool, ...], int] = {}

    def __call__(self, contact: Contact) -> tuple[int, bytes, Callable[[], int]]:
        """The record's first state (-1: no number to dial), the text its stream hashes, and
        its first block's numbers one by one."""
        # `Contact.dialable`, inverted, found without a Python step per cell, keys the state.
        blank = tuple(map(no_digit, contact.phones))
        first = self._states.get(blank)
        if first is None:
            first = self._states[blank] = self._machine.start(tuple(not cell for cell in blank))
        identity = contact.id.encode("utf-8", "surrogatepass")
        hashed = self._copy()
        hashed.update(identity + FIRST_BLOCK)
        return first, identity, iter(unpack_block(hashed.digest())).__next__


def _walked(walk: Walk, horizon: int, tally: Tally) -> RecordResult:
    """The result of `walk` played on with every dial started when due, its dials counted in
    `tally`."""
    add = tally.add
    while (time := walk.time) is not None:
        if time > horizon:
            return walk.expire()
        add(walk.dial(time))
    assert walk.result is not None
    return walk.result


def _on_table(
    walker: Walker,
    contacts: Sequence[Contact],
    records: Iterable[int],
    horizon: int,
    counts: defaultdict[int, int],
    tally: Tally,
) -> list[RecordResult]:
    """`play` through the table: a dial is a draw and a lookup (`Machine.take` inlined, a call
    a dial costing too much). A record draws from its first block alone; one that uses it up,
    or leaves the table, walks on from where it stands (`resumed`), counted in `tally`."""
    machine = walker.machine
    assert machine is not None
    opening = _Opening(walker)
    drawn_of, steps_of, attempts_of = machine.drawn, machine.steps, machine.attempts
    learn, hour = machine.step, SECONDS_PER_HOUR
    results: list[RecordResult] = []
    append, result, open_ = results.append, _result, RecordState.OPEN
    for position in records:
        contact = contacts[position]
        first, identity, number = opening(contact)
        if first < 0:
            append(RecordResult(position, contact, RecordState.NO_NUMBERS, 0, 0, 0, None))
            continue
        state, time, dials = first, 0, 0
        last: Status | None = None
        try:
            while time <= horizon:
                choice, duration = draw(drawn_of[state], number)
                step = steps_of[state][choice] or learn(state, choice)
                if step is None:
                    raise _OffTable
                index, delay, closed, following, attempts, info = step
                dials += 1
                counts[(time // hour) << 4 | index] += 1
                if closed is not None:
                    end, status, then = time + duration, info.status, info.then
                    append(result((position, contact, closed, attempts, dials, end, status, then)))
                    break
                last = info.status
                time += duration + delay
                state = following  # type: ignore[assignment]  # on the table: an int
            else:
                opened = (position, contact, open_, attempts_of[state], dials, None, last, None)
                append(result(opened))
        except (StopIteration, _OffTable):
            walk = resumed(walker, position, contact, (first, state), identity, time, dials, last)
            append(_walked(walk, horizon, tally))
    return results


class _OffTable(Exception):  # noqa: N818  # a signal, not an error
    """A record's step leads to a state the full table cannot learn."""


def resumed(
    walker: Walker,
    position: int,
    contact: Contact,
    states: tuple[int, int],
    identity: bytes,
    time: int,
    dials: int,
    last: Status | None,
) -> Walk:
    """The walk of a record that a tight loop stepped on the table from its first state
    `states[0]` to `states[1]`, its next dial due at `time` after `dials` dials: its stream
    at that dial's numbers, found by drawing its earlier dials again on the table."""
    machine = walker.machine
    assert machine is not None
    assert isinstance(walker.source, ProfileSource)
    first, state = states
    stream = Stream(walker.source.hasher, identity)
    cursor = first
    for _ in range(dials):
        choice, _ = draw(machine.drawn[cursor], stream.number)
        step = machine.steps[cursor][choice]
        assert step is not None  # every step of the way was taken once already
        cursor = step[3]  # type: ignore[assignment]  # on the table: an int
    assert cursor == state
    return Walk(walker, position, contact, state, stream, time, dials, last)


def events(
    walker: Walker,
    contacts: Sequence[Contact],
    until: int | None = None,
    only: Iterable[str] | None = None,
    progressed: Progressed | None = None,
) -> Iterator[Event]:
    """Every dial in the order of docs/semantics.md#event-order: time, then list position, then the
    record's own order."""
    return merged(
        [walker.walk(i, contacts[i]) for i in selected(contacts, only)], until, progressed
    )


def merged(
    walks: Sequence[Walk], until: int | None = None, progressed: Progressed | None = None
) -> Iterator[Event]:
    """The dials of `walks` merged through one heap, each started when due; a walk whose next
    dial is due after `until` ends open. Every walk has ended when the events are spent."""
    horizon = _NEVER if until is None else until
    # Every record starts at time 0, in list order: the list is already a heap.
    heap = [(0, walk.position, walk) for walk in walks if walk.time is not None]
    done = len(walks) - len(heap)
    while heap:
        time, position, walk = heap[0]
        if progressed is not None and done >= PROGRESS_EVERY:
            progressed(done)
            done = 0
        if time > horizon:
            heapq.heappop(heap)
            walk.expire()
            done += 1
            continue
        yield walk.dial(time)
        following = walk.time
        if following is None:
            heapq.heappop(heap)
            done += 1
        else:
            heapq.heapreplace(heap, (following, position, walk))
    if progressed is not None and done:
        progressed(done)
