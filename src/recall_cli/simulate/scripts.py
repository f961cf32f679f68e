"""A quiet lines run's decisions drawn ahead as arrays: every record's dials on the table, before
the lines loop times them.

What a record's dials are — statuses, durations, the delays after them, where it closes — does
not depend on when they start: only the engine's counters and the record's own stream decide
them. So a run without caps (nothing but hours and lines holds a dial) draws them for every
record at once, a round a dial as the array steps do (`arrays._draw`, the table exported as
arrays, steps learnt from the engine between rounds), and the lines loop only times them
(`quiet.tallied`). A record whose dials leave its first block or the table is scripted up to
there and walks on from where it stands (`loop.resumed`), dial by dial, as any other.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from recall_cli.engine import Contact, RecordState, Status, Then
from recall_cli.simulate.ahead import HANDED, Scripts
from recall_cli.simulate.arrays import (
    _CLOSED,
    _Starts,
    _stepped,
    _Table,
    first_blocks,
    table_of,
)
from recall_cli.simulate.walk import Walk, Walker

if TYPE_CHECKING:
    from numpy.typing import NDArray

_OPEN = -1
"""A slot whose dial does not close its record."""


def scripted(
    walker: Walker, contacts: Sequence[Contact], positions: Sequence[int]
) -> tuple[list[Walk], Scripts]:
    """The walks of the records at `positions` and their scripts: a record whose first dial is
    on the table waits at its first state with no stream of its own (its script has drawn its
    dials); any other walks as `Walker.walk` makes it."""
    table = table_of(walker)
    people = [contacts[position] for position in positions]
    firsts = _Starts(table.machine).of(people)
    identities = [contact.id.encode("utf-8", "surrogatepass") for contact in people]
    blocks = first_blocks(walker, identities)
    table.sync()
    size = len(people)
    rounds, state, closes = _rounds(table, blocks, np.array(firsts, dtype=np.int64))
    counts = np.zeros(size, dtype=np.int64)
    for live, *_ in rounds:
        counts[live] += 1
    scripts = _assembled(walker, table, (rounds, counts, state, closes))
    walks: list[Walk] = []
    first = scripts.first
    for at, (position, contact) in enumerate(zip(positions, people, strict=True)):
        if first[at] >= 0:
            walks.append(Walk(walker, position, contact, firsts[at], None))
        else:
            walks.append(walker.walk(position, contact))
    return walks, scripts


_Round = tuple["NDArray[np.intp]", "NDArray[np.int64]", "NDArray[np.int64]", "NDArray[np.int64]"]
"""One round: the records dialling, their states, choices and durations."""


def _rounds(
    table: _Table, blocks: NDArray[np.uint32], firsts: NDArray[np.int64]
) -> tuple[list[_Round], NDArray[np.int64], NDArray[np.bool_]]:
    """Every record stepped on its first block until it closes or must walk on: each round's
    records and draws, where each record stands at the end, and whether it closed."""
    size = len(firsts)
    state = firsts.copy()
    used = np.zeros(size, dtype=np.int64)
    closes = np.zeros(size, dtype=bool)
    rounds: list[_Round] = []
    live = np.flatnonzero(firsts >= 0)
    while len(live):
        at, taken = state[live], used[live]
        choice, duration, ranged, short, following = _stepped(table, blocks, live, at, taken)
        if short.any():
            keep = ~short
            live, at, choice, duration = live[keep], at[keep], choice[keep], duration[keep]
            taken, ranged, following = taken[keep], ranged[keep], following[keep]
        rounds.append((live, at, choice, duration))
        closing = following == _CLOSED
        closes[live[closing]] = True
        going = ~closing
        live = live[going]
        state[live] = following[going]
        used[live] = taken[going] + 1 + ranged[going]
    return rounds, state, closes


def _assembled(
    walker: Walker,
    table: _Table,
    played: tuple[list[_Round], NDArray[np.int64], NDArray[np.int64], NDArray[np.bool_]],
) -> Scripts:
    """The rounds (`played`: with each record's count of dials, where it stands and whether
    it closed) laid out a record's slots together: dial k of a record is in its k-th round (a
    record dials in every round from the first until it stops), so its slot is its first slot
    plus k."""
    rounds, counts, state, closes = played
    steps, width = table.machine.steps, table.width
    scripted = counts > 0
    ends = np.cumsum(counts + scripted)  # one more slot after a scripted record's dials
    first = np.where(scripted, ends - counts - scripted, -1)
    total = int(ends[-1]) if len(ends) else 0
    slots_state = np.zeros(total, dtype=np.int64)
    slots_status = np.zeros(total, dtype=np.int64)
    slots_duration = np.zeros(total, dtype=np.int64)
    slots_delay = np.zeros(total, dtype=np.int64)
    slots_closing = np.full(total, _OPEN, dtype=np.int64)
    for k, (live, at, choice, duration) in enumerate(rounds):
        slots = first[live] + k
        slots_state[slots] = at
        slots_status[slots] = table.index[at, choice]
        slots_duration[slots] = duration
        slots_delay[slots] = table.delay[at, choice]
        entry = at * width + choice
        slots_closing[slots] = np.where(table.following[at, choice] == _CLOSED, entry, _OPEN)
    lasts = np.flatnonzero(scripted)
    extra = ends[lasts] - 1
    slots_state[extra] = state[lasts]
    slots_closing[extra] = np.where(closes[lasts], _OPEN, HANDED)
    closed: dict[int, tuple[RecordState, int, Status, Then | None]] = {}
    for entry in sorted(set(slots_closing[slots_closing >= 0].tolist())):  # no `numpy.ma`
        step = steps[entry // width][entry % width]
        assert step is not None
        assert step[2] is not None
        closed[entry] = (step[2], step[4], step[5].status, step[5].then)
    return Scripts(
        walker,
        first.tolist(),
        _compact(slots_state),
        _compact(slots_status),
        _compact(slots_duration),
        _compact(slots_delay),
        _compact(slots_closing),
        closed,
    )


def _compact(column: NDArray[np.int64]) -> array[int]:
    """A column 8 bytes a slot, read by index as a list is: a list of a million records' dials
    would hold an int object for most of them (and take longer to make)."""
    compact = array("q")
    compact.frombytes(column.astype(np.int64).tobytes())
    return compact
