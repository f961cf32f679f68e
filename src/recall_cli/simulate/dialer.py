"""A run through the dialer: calling hours in each number's local time, and lines.

Every dial is due when the engine wants it and starts at the first moment its caps and its
number's window allow and — with lines — a line is free and its turn has come. A held dial
stays what it was (a held repeat is still that repeat): only its times move. Without lines
records do not interact, so each record is played on its own, its dials held by its windows
alone; with lines every record goes through one loop (`lines.LineLoop`).

Events carry `due` and `held_by`; the run's figures gain the dialer's (`Gauge`). `--until`
judges a dial's start: a dial held past it is not made and its record stays open.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence
from functools import partial

from recall_cli.engine import Contact
from recall_cli.simulate.dialing import HeldBy, Setup
from recall_cli.simulate.dials import Event, RecordResult
from recall_cli.simulate.fast import Progressed
from recall_cli.simulate.gate import Gate, Ledger
from recall_cli.simulate.gauge import Gauge
from recall_cli.simulate.hours import OpenHours
from recall_cli.simulate.lines import LineLoop
from recall_cli.simulate.loop import PROGRESS_EVERY, Played, held_on_table, selected
from recall_cli.simulate.summary import Tally
from recall_cli.simulate.walk import Walk, Walker

_NEVER = 1 << 62
"""Later than any dial: the horizon of a run without --until."""


def gate(setup: Setup, epoch: int) -> Gate:
    """The caps and hours of `setup`, for a run that starts `epoch` seconds after the Unix
    epoch."""
    hours = None if setup.hours is None else OpenHours(setup.hours)
    return Gate(hours, epoch, setup.zones, Ledger(setup.caps) if setup.caps else None)


def play(
    walker: Walker,
    contacts: Sequence[Contact],
    setup: Setup,
    epoch: int,
    until: int | None = None,
    only: Iterable[str] | None = None,
    progressed: Progressed | None = None,
) -> Played:
    """Every record's result, in list order, the dials' tally and the dialer's figures."""
    horizon = _NEVER if until is None else until
    checks, gauge, tally = gate(setup, epoch), Gauge(), Tally()
    positions = selected(contacts, only)
    if setup.dialer is None and walker.machine is not None:
        walked = partial(_walked, checks=checks, horizon=horizon, tally=tally, gauge=gauge)
        counted = (tally, gauge)
        results = held_on_table(
            walker, contacts, positions, checks, horizon, counted, walked, progressed
        )
    elif setup.dialer is None:
        results = []
        for done, position in enumerate(positions, 1):
            walk = walker.walk(position, contacts[position])
            results.append(_walked(walk, checks, horizon, tally, gauge))
            if progressed is not None and done % PROGRESS_EVERY == 0:
                progressed(PROGRESS_EVERY)
        if progressed is not None and len(results) % PROGRESS_EVERY:
            progressed(len(results) % PROGRESS_EVERY)
    else:
        walks = [walker.walk(i, contacts[i]) for i in positions]
        loop = LineLoop(walks, checks, setup.dialer, horizon, gauge)
        for event in loop.run(progressed):
            tally.add(event)
        results = [walk.result for walk in walks if walk.result is not None]
    return Played(results, tally, gauge.figures(setup))


def events(
    walker: Walker,
    contacts: Sequence[Contact],
    setup: Setup,
    epoch: int,
    until: int | None = None,
    only: Iterable[str] | None = None,
    progressed: Progressed | None = None,
) -> Iterator[Event]:
    """Every dial in the order of time, list position and the record's own order."""
    horizon = _NEVER if until is None else until
    checks, gauge = gate(setup, epoch), Gauge()
    walks = [walker.walk(i, contacts[i]) for i in selected(contacts, only)]
    if setup.dialer is None:
        return _merged(walks, checks, horizon, progressed)
    return LineLoop(walks, checks, setup.dialer, horizon, gauge).run(progressed)


def start_of(walk: Walk, checks: Gate) -> int | None:
    """When the waiting dial of `walk` starts without lines; None when never."""
    return _ready(walk, checks)[0]


def _ready(walk: Walk, checks: Gate) -> tuple[int | None, tuple[HeldBy, ...]]:
    """When the waiting dial of `walk` starts without lines (None: never), and what held it."""
    waiting = walk.due()
    assert waiting is not None
    return checks.ready(walk.position, waiting.number, waiting.time, waiting.kind)


def _dial(walk: Walk, checks: Gate, start: int, held: tuple[HeldBy, ...]) -> Event:
    """Start the waiting dial of `walk` at `start`, counted towards its caps."""
    waiting = walk.due()
    assert waiting is not None
    event = walk.dial(start, held)
    checks.started(walk.position, start, waiting.kind, walk.time is None)
    return event


def held_dials(walk: Walk, checks: Gate, horizon: int = _NEVER) -> Iterator[Event]:
    """The dials of one record without lines, each started when its caps and window allow; a
    dial that would start after `horizon`, or never, ends the record open."""
    while walk.time is not None:
        start, held = _ready(walk, checks)
        if start is None or start > horizon:
            walk.expire()
            return
        yield _dial(walk, checks, start, held)


def _walked(walk: Walk, checks: Gate, horizon: int, tally: Tally, gauge: Gauge) -> RecordResult:
    """The result of `walk`, each dial started when its window allows, counted in `tally` and
    `gauge`."""
    for event in held_dials(walk, checks, horizon):
        tally.add(event)
        assert event.due is not None
        held = event.held_by or ()
        gauge.dialled(event.time, event.duration, HeldBy.HOURS in held, 0, HeldBy.CAP in held)
    assert walk.result is not None
    return walk.result


def _merged(
    walks: Sequence[Walk], checks: Gate, horizon: int, progressed: Progressed | None
) -> Iterator[Event]:
    """The dials of `walks` without lines, merged through one heap keyed by (start, list
    position); a walk whose next dial starts after `horizon` ends open."""
    heap: list[tuple[int, int, Walk, tuple[HeldBy, ...]]] = []
    done = 0
    for walk in walks:
        start, held = (None, ()) if walk.time is None else _ready(walk, checks)
        if start is None or start > horizon:
            if walk.time is not None:
                walk.expire()
            done += 1
        else:
            heap.append((start, walk.position, walk, held))
    heapq.heapify(heap)
    while heap:
        start, position, walk, held = heap[0]
        yield _dial(walk, checks, start, held)
        following, held = (None, ()) if walk.time is None else _ready(walk, checks)
        if following is None or following > horizon:
            heapq.heappop(heap)
            if walk.time is not None:
                walk.expire()
            done += 1
            if progressed is not None and done >= PROGRESS_EVERY:
                progressed(done)
                done = 0
        else:
            heapq.heapreplace(heap, (following, position, walk, held))
    if progressed is not None and done:
        progressed(done)
