"""Part I's tight loop as array steps: every record of a chunk takes its next dial at once.

Records do not interact without a dialer, and a record on the table draws only from its first
block; so a chunk's first blocks are hashed (one BLAKE2b digest a record), read as one array
of sixteen 32-bit numbers a record, and every record still dialling takes one step per round:
its status drawn by comparing its next number with its state's bounds, its duration from one
more number when a range, its next state, delay and status looked up in the table exported as
arrays. A step the table has not learnt yet is learnt from the engine (`Machine.step`) between
rounds, so the table stays the one fast form and is derived from the engine. A record that
needs more than its first block, or leaves the table, walks on from where it stands as the
tight loop hands it on (`loop.resumed`). Same draws, same steps, same order: the results and
the tally are the tight loop's.

numpy steps the arrays: one pass of compiled code per round over all records in progress,
where Python pays an interpreter dispatch per operation per dial.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

import numpy as np

from recall_cli.engine import Contact, RecordState, Status
from recall_cli.engine.contact import no_digit
from recall_cli.simulate.dials import RecordResult
from recall_cli.simulate.fast import Machine
from recall_cli.simulate.random_outcomes import BLOCK, FIRST_BLOCK, SCALE, ProfileSource
from recall_cli.simulate.steps import Step
from recall_cli.simulate.summary import SECONDS_PER_HOUR

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from recall_cli.simulate.walk import Walk, Walker

CHUNK = 1 << 16
"""Records hashed and stepped together: their arrays stay small, their rounds few."""
MAX_SPAN = 1 << 31
"""A duration range wider than this steps in the tight loop (its scaled draw could overflow)."""
_UNKNOWN, _CLOSED, _OFF = -2, -1, -3
"""A table entry's next state when it is not learnt yet, closes the record, leaves the table."""
_PLAYING, _ENDED, _OPEN, _HANDED = 0, 1, 2, 3
"""How a record of a chunk stands: dialling, closed, open at the horizon, handed on."""


def fits(machine: Machine) -> bool:
    """Whether the table's draws fit the arrays' arithmetic (every duration range narrower
    than MAX_SPAN)."""
    tables = machine.tables
    return all(
        span < MAX_SPAN for drawn in (tables.first, *tables.after.values()) for span in drawn.spans
    )


class _Table:
    """The machine's table as arrays, grown as it learns: per distribution, its bounds, lows
    and spans (padded to the widest); per state, its distribution; per (state, choice), the
    next state (or _UNKNOWN, _CLOSED, _OFF), the status index and the delay. Read from the
    machine's own lists, so it says only what the engine's steps said."""

    def __init__(self, machine: Machine) -> None:
        self.machine = machine
        tables = machine.tables
        drawn = [tables.first, *tables.after.values()]
        self._which = {id(d): i for i, d in enumerate(drawn)}
        self.width = width = max(len(d.bounds) for d in drawn)
        self.bounds = np.full((len(drawn), width), SCALE, dtype=np.int64)
        self.lows = np.zeros((len(drawn), width), dtype=np.int64)
        self.spans = np.ones((len(drawn), width), dtype=np.uint64)
        for i, d in enumerate(drawn):
            self.bounds[i, : len(d.bounds)] = d.bounds
            self.lows[i, : len(d.lows)] = d.lows
            self.spans[i, : len(d.spans)] = d.spans
        self.synced = 0
        self.drawn = np.zeros(0, dtype=np.intp)
        self.following = np.zeros((0, width), dtype=np.int64)
        self.index = np.zeros((0, width), dtype=np.int64)
        self.delay = np.zeros((0, width), dtype=np.int64)
        self.sync()

    def sync(self) -> None:
        """Take in the states the machine learnt since the last sync, and their known steps."""
        machine, start, end = self.machine, self.synced, len(self.machine.drawn)
        if end > len(self.drawn):
            size = max(end, 2 * len(self.drawn), 64)
            self.drawn = np.resize(self.drawn, size)
            self.following = _grown(self.following, size)
            self.index = _grown(self.index, size)
            self.delay = _grown(self.delay, size)
        for state in range(start, end):
            self.drawn[state] = self._which[id(machine.drawn[state])]
            self.following[state] = _UNKNOWN
            for choice, step in enumerate(machine.steps[state]):
                if step is not None:
                    self._put(state, choice, step)
        self.synced = end

    def _put(self, state: int, choice: int, step: Step) -> None:
        index, delay, closed, following = step[:4]
        self.index[state, choice] = index
        self.delay[state, choice] = delay
        self.following[state, choice] = (
            following if closed is None and isinstance(following, int) else _CLOSED
        )

    def learn(self, states: NDArray[np.int64], choices: NDArray[np.int64]) -> None:
        """Learn the steps at (`states`, `choices`) from the engine, each pair once."""
        learn, steps = self.machine.step, self.machine.steps
        # Not `np.unique`: its first call imports `numpy.ma`, some 5 ms of a run.
        pairs = sorted(set((states * self.width + choices).tolist()))
        for pair in pairs:
            state, choice = divmod(pair, self.width)
            # Learnt already by another form of play since the arrays took in this state.
            step = steps[state][choice] or learn(state, choice)
            if step is None:
                self.following[state, choice] = _OFF
        self.sync_steps(pairs)

    def sync_steps(self, pairs: list[int]) -> None:
        """Take in new states, then the steps just learnt at `pairs` (state * width + choice)."""
        self.sync()
        steps = self.machine.steps
        for pair in pairs:
            state, choice = divmod(pair, self.width)
            step = steps[state][choice]
            if step is not None:
                self._put(state, choice, step)


def _grown(rows: NDArray[np.int64], size: int) -> NDArray[np.int64]:
    grown = np.full((size, rows.shape[1]), _UNKNOWN, dtype=np.int64)
    grown[: len(rows)] = rows
    return grown


def stepped(
    walker: Walker,
    contacts: Sequence[Contact],
    records: Iterable[int],
    horizon: int,
    counts: dict[int, int],
    handed: tuple[Callable[[Walk], RecordResult], Callable[..., Walk]],
    progressed: Callable[[int], None] | None = None,
    chunk: int = CHUNK,
) -> list[RecordResult]:
    """The tight loop's results over `records`, in list order, `chunk` records at a time; each
    dial on the table counted in `counts` by (hour << 4 | status index); a record handed on is
    played by `handed[0]` from the walk `handed[1]` (`loop.resumed`) gives."""
    table = table_of(walker)
    starts = _Starts(table.machine)
    results: list[RecordResult] = []
    for part in _chunks(iter(records), chunk):
        people = [contacts[position] for position in part]
        firsts = starts.of(people)
        identities = [contact.id.encode("utf-8", "surrogatepass") for contact in people]
        blocks = first_blocks(walker, identities)
        table.sync()
        ended = _rounds(table, blocks, np.array(firsts, dtype=np.int64), horizon, counts)
        results.extend(
            _results(walker, table.width, (part, people, firsts, identities), ended, handed)
        )
        if progressed is not None:
            progressed(len(part))
    return results


class _Starts(dict[tuple[bool, ...], int]):
    """Each pattern of empty cells' first state (-1: no number to dial), found once."""

    def __init__(self, machine: Machine) -> None:
        super().__init__()
        self._machine = machine

    def __missing__(self, blank: tuple[bool, ...]) -> int:
        first = self[blank] = self._machine.start(tuple(not cell for cell in blank))
        return first

    def of(self, people: Sequence[Contact]) -> list[int]:
        """Each record's first state: `Contact.dialable`, inverted, found without a Python
        step per cell, keys it."""
        return list(map(self.__getitem__, [tuple(map(no_digit, c.phones)) for c in people]))


def table_of(walker: Walker) -> _Table:
    """The walker's table as arrays: made on first use, kept on its machine to grow from run
    to run."""
    machine = walker.machine
    assert machine is not None
    table = machine.exported
    if not isinstance(table, _Table):
        table = machine.exported = _Table(machine)
    return table


def first_blocks(walker: Walker, identities: Sequence[bytes]) -> NDArray[np.uint32]:
    """The first block of each record's stream (its id's UTF-8, `identities`), sixteen
    numbers a row: one BLAKE2b digest a record."""
    assert isinstance(walker.source, ProfileSource)
    copy = walker.source.hasher.copy
    digests: list[bytes] = []
    for identity in identities:
        hashed = copy()
        hashed.update(identity + FIRST_BLOCK)
        digests.append(hashed.digest())
    return np.frombuffer(b"".join(digests), dtype="<u4").reshape(len(identities), BLOCK)


def _chunks(records: Iterator[int], size: int) -> Iterator[list[int]]:
    while chunk := list(islice(records, size)):
        yield chunk


def _rounds(
    table: _Table,
    blocks: NDArray[np.uint32],
    firsts: NDArray[np.int64],
    horizon: int,
    counts: dict[int, int],
) -> tuple[list[Any], ...]:
    """Step every record of a chunk to its end on its first block, or until it is handed on:
    per record, how it stands (_ENDED, _OPEN, _HANDED, or -1 without a number to dial), its
    state, its closing step (state * width + choice; -1: none), dials, time (the closing
    dial's end for one that closed) and its last dial that did not close it (state * width +
    choice; -1: none)."""
    size = len(firsts)
    horizon = min(horizon, 1 << 62)
    state = firsts.copy()
    how = np.where(firsts < 0, -1, _PLAYING)
    entries = np.full(size, -1, dtype=np.int64)
    dials = np.zeros(size, dtype=np.int64)
    time = np.zeros(size, dtype=np.int64)
    last = np.full(size, -1, dtype=np.int64)
    used = np.zeros(size, dtype=np.int64)
    width = table.width
    keys: list[NDArray[np.int64]] = []
    live = np.flatnonzero(how == _PLAYING)
    while len(live):
        at = state[live]
        due = time[live]
        late = due > horizon
        if late.any():
            how[live[late]] = _OPEN
            live, at, due = live[~late], at[~late], due[~late]
        taken = used[live]
        choice, duration, ranged, short, following = _stepped(table, blocks, live, at, taken)
        if short.any():
            how[live[short]] = _HANDED
            keep = ~short
            live, at, due, choice = live[keep], at[keep], due[keep], choice[keep]
            taken, ranged, duration = taken[keep], ranged[keep], duration[keep]
            following = following[keep]
        keys.append((due // SECONDS_PER_HOUR) << 4 | table.index[at, choice])
        dials[live] += 1
        closing = following == _CLOSED
        ending = live[closing]
        how[ending] = _ENDED
        entries[ending] = at[closing] * width + choice[closing]
        time[ending] = due[closing] + duration[closing]
        going = ~closing
        live, at, choice = live[going], at[going], choice[going]
        last[live] = at * width + choice
        time[live] = due[going] + duration[going] + table.delay[at, choice]
        state[live] = following[going]
        used[live] = taken[going] + 1 + ranged[going]
    if keys:
        hours, tallied = np.unique(np.concatenate(keys), return_counts=True)
        for key, dialled in zip(hours.tolist(), tallied.tolist(), strict=True):
            counts[key] = counts.get(key, 0) + dialled
    return (
        how.tolist(),
        state.tolist(),
        entries.tolist(),
        dials.tolist(),
        time.tolist(),
        last.tolist(),
    )


def _stepped(
    table: _Table,
    blocks: NDArray[np.uint32],
    live: NDArray[np.intp],
    at: NDArray[np.int64],
    taken: NDArray[np.int64],
) -> tuple[
    NDArray[np.int64], NDArray[np.int64], NDArray[np.bool_], NDArray[np.bool_], NDArray[np.int64]
]:
    """One dial of each of the `live` records at states `at`, `taken` numbers of their blocks
    used: `_draw`'s choice, duration and second number, whether the record must walk on (its
    block too short, or a step the bounded table cannot learn), and its next state (or
    _CLOSED, _OFF), the steps not known yet learnt from the engine first."""
    choice, duration, ranged, short = _draw(table, blocks, live, at, taken)
    following = table.following[at, choice]
    unknown = (following == _UNKNOWN) & ~short
    if unknown.any():
        table.learn(at[unknown], choice[unknown])
        following = table.following[at, choice]
    short |= following == _OFF
    return choice, duration, ranged, short, following


def _draw(
    table: _Table,
    blocks: NDArray[np.uint32],
    live: NDArray[np.intp],
    at: NDArray[np.int64],
    taken: NDArray[np.int64],
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.bool_], NDArray[np.bool_]]:
    """`random_outcomes.draw` for the `live` records at states `at`, `taken` numbers of their
    blocks used: each one's choice, duration, whether it took a second number, and whether
    its block is too short for the draw (its choice and duration then mean nothing)."""
    short = taken >= BLOCK
    number = blocks[live, np.minimum(taken, BLOCK - 1)].astype(np.int64)
    drawn = table.drawn[at]
    # bisect_right: the count of bounds at or below the number (padded with SCALE, never).
    choice = (table.bounds[drawn] <= number[:, None]).sum(axis=1)
    span = table.spans[drawn, choice]
    ranged = span > 1
    short |= ranged & (taken + 1 >= BLOCK)
    more = blocks[live, np.minimum(taken + 1, BLOCK - 1)].astype(np.uint64)
    duration = table.lows[drawn, choice] + ((more * span) >> np.uint64(32)).astype(np.int64)
    return choice, duration, ranged, short


def _results(
    walker: Walker,
    width: int,
    records: tuple[list[int], list[Contact], list[int], list[bytes]],
    ended: tuple[list[Any], ...],
    handed: tuple[Callable[[Walk], RecordResult], Callable[..., Walk]],
) -> list[RecordResult]:
    """Each record's result from how its rounds left it, in list order."""
    machine = walker.machine
    assert machine is not None
    steps, attempts_of = machine.steps, machine.attempts
    part, people, firsts, identities = records
    walked, resumed = handed
    how, states, entries, dials, times, lasts = ended
    # Most records close on the table: each one's result is built from its closing step's
    # fields in one pass; the few others are put in their places after it.
    closing: dict[int, tuple[object, ...]] = {-1: (None, 0, None, None)}  # put in place below
    for entry in set(entries) - {-1}:
        step = steps[entry // width][entry % width]
        assert step is not None
        closing[entry] = (step[2], step[4], step[5].status, step[5].then)
    made = [
        _new(RecordResult, (position, contact, state, attempts, dialled, end, status, then))
        for position, contact, (state, attempts, status, then), dialled, end in zip(
            part, people, map(closing.__getitem__, entries), dials, times, strict=True
        )
    ]
    for at, stood in enumerate(how):
        if stood == _ENDED:
            continue
        position, contact, state = part[at], people[at], states[at]
        if stood < 0:
            made[at] = RecordResult(position, contact, RecordState.NO_NUMBERS, 0, 0, 0, None)
            continue
        last: Status | None = None
        if lasts[at] >= 0:
            step = steps[lasts[at] // width][lasts[at] % width]
            assert step is not None
            last = step[5].status
        if stood == _OPEN:
            opened = (
                position,
                contact,
                RecordState.OPEN,
                attempts_of[state],
                dials[at],
                None,
                last,
            )
            made[at] = RecordResult(*opened)
        else:
            walk = resumed(
                walker,
                position,
                contact,
                (firsts[at], state),
                identities[at],
                times[at],
                dials[at],
                last,
            )
            made[at] = walked(walk)
    return made


_new = tuple.__new__
