"""The streamed merge: the events of `loop.events` for a list read a chunk at a time, each record
taken up when its first dial is due and, between dials, held as one int on a heap (`_Merge`) and
its text in a `Roster`, so that a large list never sits in memory whole.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from recall_cli.engine import Contact, Status
from recall_cli.engine.contact import no_digit
from recall_cli.simulate.dials import Event
from recall_cli.simulate.fast import Progressed
from recall_cli.simulate.loop import _NEVER, PROGRESS_EVERY
from recall_cli.simulate.random_outcomes import ProfileSource, Stream, draw
from recall_cli.simulate.summary import STATUS_INDEX
from recall_cli.simulate.walk import Walk, Walker


class Roster(Sequence[Contact]):
    """The records of a streamed run (`streamed`) by list position, each held as its id and
    phones from its first dial until the event of its last has been taken: what an event's
    output shows of its record. Only those in progress are held."""

    __slots__ = ("held",)

    def __init__(self) -> None:
        self.held: dict[int, str] = {}
        """Each record's id and phones, joined by NUL (which no list's text holds)."""

    @overload
    def __getitem__(self, position: int) -> Contact: ...
    @overload
    def __getitem__(self, position: slice) -> Sequence[Contact]: ...
    def __getitem__(self, position: int | slice) -> Contact | Sequence[Contact]:
        if isinstance(position, slice):
            raise TypeError("a roster holds records by position only")
        record, *phones = self.held[position].split("\0")
        return Contact(record, tuple(phones))

    def __len__(self) -> int:
        return len(self.held)


# A record waiting between dials is one int on the heap, ordered by its due time, then its list
# position: (time, position, state + 1 or 0 for a walk off the table, dials, last status + 1 or
# 0, its stream's block, the draws taken of it), from the highest bits to the lowest.
_USED, _BLOCK, _LAST, _DIALS, _STATE, _POSITION = 0, 8, 32, 40, 64, 96
_FIELD = (1 << 24) - 1
_BYTE = (1 << 8) - 1
_WORD = (1 << 32) - 1
_LAST_STATUS: tuple[Status | None, ...] = (None, *STATUS_INDEX)
_LAST_INDEX: dict[Status | None, int] = {status: i for i, status in enumerate(_LAST_STATUS)}


def streamed(
    walker: Walker,
    chunks: Iterable[Sequence[Contact]],
    roster: Roster,
    until: int | None = None,
    progressed: Progressed | None = None,
) -> Iterator[Event]:
    """The events of `events` for the records of `chunks` (the list, read a chunk at a time),
    in the same order, through the walker's table: a record is taken up when its first dial
    is due and, between dials, held as one int on the heap and its text in `roster`, so that
    a large list never sits in memory whole. A record that leaves the table walks on."""
    horizon = _NEVER if until is None else until
    merge = _Merge(walker, roster)
    heap = merge.heap
    done = 0
    position = -1
    for chunk in chunks:
        for contact in chunk:
            position += 1
            # Dials due at time 0 of records before this one come first (time, then position).
            while heap and heap[0] >> _POSITION + 32 == 0 <= horizon:
                yield merge.dial(heap[0])
                done += merge.let_go()
            if horizon < 0 or not merge.take(position, contact):
                done += 1
                continue
            yield merge.dial(heap[0])
            done += merge.let_go()
            if progressed is not None and done >= PROGRESS_EVERY:
                progressed(done)
                done = 0
    while heap:
        entry = heap[0]
        if entry >> _POSITION + 32 > horizon:
            heapq.heappop(heap)
            merge.forget(entry >> _POSITION & _WORD)
            done += 1
            continue
        yield merge.dial(entry)
        done += merge.let_go()
        if progressed is not None and done >= PROGRESS_EVERY:
            progressed(done)
            done = 0
    if progressed is not None and done:
        progressed(done)


class _Merge:
    """The heap of `streamed`: records waiting for their next dial, the earliest first."""

    def __init__(self, walker: Walker, roster: Roster) -> None:
        machine = walker.machine
        assert machine is not None
        assert isinstance(walker.source, ProfileSource)
        self.walker, self.machine, self.roster = walker, machine, roster
        self.hasher = walker.source.hasher
        self.heap: list[int] = []
        self.walks: dict[int, Walk] = {}
        """The records off the table, by list position (their heap ints' state is 0)."""
        self.first_states: dict[tuple[bool, ...], int] = {}
        self.ended = -1
        """The record whose last event was just given: let go of once it is taken."""

    def take(self, position: int, contact: Contact) -> bool:
        """Put the record at list `position` on the heap, due now; False when it has no number
        to dial."""
        blank = tuple(map(no_digit, contact.phones))
        state = self.first_states.get(blank)
        if state is None:
            dialable = tuple(not cell for cell in blank)
            state = self.first_states[blank] = self.machine.start(dialable)
        if state < 0:
            return False
        self.roster.held[position] = "\0".join((contact.id, *contact.phones))
        heapq.heappush(self.heap, position << _POSITION | (state + 1) << _STATE)
        return True

    def let_go(self) -> int:
        """Forget the record whose last event was given (1), if any (0)."""
        if self.ended < 0:
            return 0
        self.forget(self.ended)
        self.ended = -1
        return 1

    def forget(self, position: int) -> None:
        del self.roster.held[position]
        self.walks.pop(position, None)

    def dial(self, entry: int) -> Event:
        """The waiting dial of `entry`, the heap's first; its record waits on in its place, or
        leaves the heap when it has ended."""
        time, position = entry >> _POSITION + 32, entry >> _POSITION & _WORD
        state = (entry >> _STATE & _WORD) - 1
        if state < 0:
            walk = self.walks[position]
            return self._walked(walk, walk.dial(time))
        dials, last = entry >> _DIALS & _FIELD, _LAST_STATUS[entry >> _LAST & _BYTE]
        machine, hasher = self.machine, self.hasher
        record = self.roster.held[position].split("\0", 1)[0].encode("utf-8", "surrogatepass")
        stream = Stream(hasher, record, entry >> _BLOCK & _FIELD, entry >> _USED & _BYTE)
        choice, duration = draw(machine.drawn[state], stream.number)
        step = machine.steps[state][choice] or machine.step(state, choice)
        if step is None:
            left = machine.leave(state, choice, stream)
            contact = self.roster[position]
            walk = Walk(self.walker, position, contact, state, stream, time, dials, last)
            self.walks[position] = walk
            return self._walked(walk, walk.settle(time, time, left, duration, None))
        _, delay, closed, following, _, info = step
        following_at = None if closed is not None else time + duration + delay
        if following_at is None:
            heapq.heappop(self.heap)
            self.ended = position
        else:
            assert isinstance(following, int)  # on the table
            waiting = (
                following_at << _POSITION + 32
                | position << _POSITION
                | (following + 1) << _STATE
                | (dials + 1) << _DIALS
                | _LAST_INDEX[info.status] << _LAST
                | stream.index << _BLOCK
                | stream.used << _USED
            )
            heapq.heapreplace(self.heap, waiting)
        return info.event(time, position, following_at, closed, duration)

    def _walked(self, walk: Walk, event: Event) -> Event:
        if walk.time is None:
            heapq.heappop(self.heap)
            self.ended = walk.position
        else:
            heapq.heapreplace(self.heap, walk.time << _POSITION + 32 | walk.position << _POSITION)
        return event
