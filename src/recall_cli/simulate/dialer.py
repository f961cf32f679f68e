"""A run through the dialer: calling hours in each number's local time, and lines.

Every dial is due when the engine wants it and starts at the first moment its caps and its
number's window allow and — with lines — a line is free and its turn has come. A held dial
stays what it was (a held repeat is still that repeat): only its times move. Without lines
records do not interact, so each record is played on its own, its dials held by its windows
alone; with lines every record goes through one loop (`lines.LineLoop`).

A run whose records act on each other (stops of scope campaign, caps of scope phone) or
whose decisions depend on their moment (a do-not-call entry that ends inside the run) goes
through one exact loop over the whole campaign instead (`coupled.CoupledLoop`). A do-not-call
entry that applies through the whole run is an empty cell: it is folded into the list before
the run, which then plays as fast as one without it.

Events carry `due` and `held_by`; the run's figures gain the dialer's (`Gauge`). `--until`
judges a dial's start: a dial held past it is not made and its record stays open.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial

from recall_cli.engine import Contact, Policy
from recall_cli.engine.phonebook import Phonebook
from recall_cli.simulate import loop as fast_loop
from recall_cli.simulate import quiet
from recall_cli.simulate.ahead import Scripts
from recall_cli.simulate.arrayed import _arrays, arrayed
from recall_cli.simulate.coupled import CoupledLoop, Coupling
from recall_cli.simulate.dialing import DialerFigures, HeldBy, Setup, campaign_stops
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
    book = setup.phonebook
    ledger = Ledger(setup.caps, None if book is None else book.phone) if setup.caps else None
    return Gate(hours, epoch, setup.zones, ledger)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A run's list and coupling as the dialer plays them: `contacts` with every do-not-call
    entry that applies through the whole run folded into an empty cell (`folded`: the
    positions changed so), the coupling of its records (None: they play apart), and how many
    of the played records' numbers are listed at the start (None: no do-not-call entries)."""

    contacts: Sequence[Contact]
    folded: frozenset[int]
    coupling: Coupling | None
    do_not_call: int | None


def prepare(
    policy: Policy,
    contacts: Sequence[Contact],
    setup: Setup,
    epoch: int,
    horizon: int,
    positions: Iterable[int],
) -> Prepared:
    """How the dialer plays `contacts` (the records at `positions`) under `setup`, for a run
    that starts `epoch` seconds after the Unix epoch and ends at `horizon`."""
    book = setup.phonebook or Phonebook()
    played = frozenset(positions)
    lasting: dict[int, list[int]] = {}
    ending: dict[tuple[int, int], int] = {}
    listed = 0
    for (position, number), end in book.listed.items():
        if position >= len(contacts) or number >= len(contacts[position].phones):
            continue
        if not contacts[position].dialable[number] or (end is not None and end <= epoch):
            continue
        listed += position in played
        if end is None or end - epoch > horizon:
            lasting.setdefault(position, []).append(number)
        else:
            ending[position, number] = end - epoch
    folded = list(contacts) if lasting else contacts
    for position, numbers in lasting.items():
        contact = contacts[position]
        phones = tuple("" if i in numbers else p for i, p in enumerate(contact.phones))
        folded[position] = contact._replace(phones=phones)  # type: ignore[index]
    stops = campaign_stops(policy)
    coupling = None
    if stops or ending or setup.phone_caps:
        shared = frozenset(book.shared.values())
        coupling = Coupling(book.phone, shared, stops, ending, setup.phone_caps)
    return Prepared(
        folded,
        frozenset(lasting),
        coupling,
        listed if setup.listing else None,
    )


def _listing_only(setup: Setup, prepared: Prepared) -> bool:
    """Whether nothing but do-not-call entries that last the whole run sets the run apart
    from Part I: then every dial starts when it is due."""
    return (
        setup.hours is None
        and setup.dialer is None
        and not setup.caps
        and prepared.coupling is None
        and bool(prepared.folded)
    )


def _figures(
    setup: Setup, gauge: Gauge, prepared: Prepared, loop: CoupledLoop | None
) -> DialerFigures:
    """The dialer's figures, with the do-not-call and cancellation figures when used."""
    figures = gauge.figures(setup)
    if prepared.coupling is None and not setup.listing:
        return figures
    cancelled = 0 if loop is None else loop.cancelled
    counted = setup.listing or bool(prepared.coupling is not None and prepared.coupling.stops)
    return replace(
        figures,
        do_not_call=prepared.do_not_call,
        cancelled=cancelled if counted else None,
        closings=None if loop is None else loop.closings,
    )


def _restored(
    results: list[RecordResult], contacts: Sequence[Contact], folded: frozenset[int]
) -> list[RecordResult]:
    """`results` with the list's own contacts where the run played folded ones."""
    if not folded:
        return results
    return [
        result._replace(contact=contacts[result.position]) if result.position in folded else result
        for result in results
    ]


def _coupled(
    walker: Walker,
    contacts: Sequence[Contact],
    positions: Iterable[int],
    coupling: Coupling,
) -> list[Walk]:
    """The walks of a coupled run: stepped by the engine, each record's numbers listed at the
    start barred from its first dial."""
    stepped = Walker(walker.policy, walker.source)
    walks = []
    for position in positions:
        barred = None
        if coupling.listed:
            listed = [
                n
                for n in range(len(contacts[position].phones))
                if coupling.listed_at(position, n, 0)
            ]
            if listed:
                barred = listed.__contains__
        walks.append(stepped.walk(position, contacts[position], barred))
    return walks


def _lines_walks(
    walker: Walker, contacts: Sequence[Contact], positions: Iterable[int], checks: Gate
) -> tuple[list[Walk], Scripts | None]:
    """The walks of a quiet lines run, and their scripts when the run has enough records to
    pay for numpy and nothing but hours and lines holds its dials (no caps)."""
    machine = walker.machine
    chosen = list(positions)
    if machine is None or checks.ledger is not None or not arrayed(machine, len(chosen)):
        return [walker.walk(i, contacts[i]) for i in chosen], None
    _arrays()  # numpy, its BLAS pool kept to one thread
    from recall_cli.simulate.scripts import scripted  # noqa: PLC0415  # imports numpy

    return scripted(walker, contacts, chosen)


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
    prepared = prepare(walker.policy, contacts, setup, epoch, horizon, positions)
    given, contacts = contacts, prepared.contacts
    coupling, loop = prepared.coupling, None
    if _listing_only(setup, prepared) and until is None:
        # Nothing holds a dial: the list, folded, plays through the table's own loop, and
        # with no horizon every record closes, its last dial's end its `closed_at`.
        played = fast_loop.play(walker, contacts, None, only, progressed)
        ends = [r.closed_at for r in played.results if r.closed_at is not None and r.dials]
        gauge.end = max(ends, default=None)
        results = _restored(played.results, given, prepared.folded)
        return Played(results, played.tally, _figures(setup, gauge, prepared, None))
    if coupling is not None:
        walks = _coupled(walker, contacts, positions, coupling)
        loop = CoupledLoop(walks, checks, setup.dialer, horizon, gauge, coupling)
        for event in loop.run(progressed):
            tally.add(event)
        results = [walk.result for walk in walks if walk.result is not None]
    elif setup.dialer is None and walker.machine is not None:
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
        walks, scripts = _lines_walks(walker, contacts, positions, checks)
        lines = LineLoop(walks, checks, setup.dialer, horizon, gauge)
        quiet.play(lines, tally, progressed, scripts)
        results = [walk.result for walk in walks if walk.result is not None]
    results = _restored(results, given, prepared.folded)
    return Played(results, tally, _figures(setup, gauge, prepared, loop))


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
    positions = selected(contacts, only)
    prepared = prepare(walker.policy, contacts, setup, epoch, horizon, positions)
    contacts, coupling = prepared.contacts, prepared.coupling
    if coupling is not None:
        walks = _coupled(walker, contacts, positions, coupling)
        return CoupledLoop(walks, checks, setup.dialer, horizon, gauge, coupling).run(progressed)
    walks = [walker.walk(i, contacts[i]) for i in positions]
    if _listing_only(setup, prepared):
        return fast_loop.merged(walks, until, progressed)
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
    checks.started(walk.position, waiting.number, start, waiting.kind, walk.time is None)
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
