"""The fast path of a profile run: each record in a tight loop over memoised engine steps.

Records do not interact, so a record can be played from its first dial to its last at once.
What the engine decides after a dial depends only on the record's counters (`Progress`) and
the dial's status; what the profile draws next depends only on each number's previous status.
Together they make a small set of states. The first time a state meets a status, the engine's
own `begin_dial`, `decide` and `advance` work the step out — the event's fields, the delay, the
next state — and it is kept; from then on a dial is one draw, one bisection and one lookup.

The table is bounded: past `MAX_STATES` states it learns no new one, and a record that walks
off it is played on by the engine itself, dial by dial ("loose"), with its own counters. So a
policy whose states never repeat (many repeats of many statuses, large A and B) costs time, not
memory. Loose or not, a record's dials are the same.

`play` gives every record's result and the figures without ordering events; `events` gives the
events in SPEC §8 order from a heap holding one small tuple per record in progress, so memory
grows with the records, never with the events. Both give what `Simulation` gives with a
`ProfileSource` (the tests compare them on random scenarios, with the table bounded to nothing
too).
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import cast

from recall_cli.engine import (
    Contact,
    Policy,
    Progress,
    RecordState,
    Status,
    Then,
    advance,
    begin_dial,
    decide,
    start,
)
from recall_cli.engine.contact import no_digit
from recall_cli.simulate.random_outcomes import (
    BLOCK,
    Distribution,
    ProfileSource,
    RecordDraws,
    Tables,
    block,
    counter,
    unpack_block,
)
from recall_cli.simulate.simulator import Event, RecordResult
from recall_cli.simulate.summary import STATUS_INDEX, Counts, Summary, Tally, count, summarize

Progressed = Callable[[int], None]
"""Told how many more records are done, now and then."""
PROGRESS_EVERY = 4096
_FIRST_BLOCK = counter(0)
_NEVER = 1 << 62
"""Later than any dial: the horizon of a run without --until."""
MAX_STATES = 20_000
"""The most states a `Machine` learns besides each record's first one: about 50 MiB when full
(2.6 KiB a state in benchmarks/worst_case.py). The sample configs and profiles need at most
2,200 on 100,000 records; records of a policy that needs more play on loose, slower."""


@dataclass(frozen=True, slots=True)
class StepInfo:
    """The fields of an event that a state and a dial's status fix."""

    number: int
    attempt: int
    number_attempt: int
    repeat: int
    status: Status
    then: Then
    delay: int
    next_number: int | None
    closed: RecordState | None
    scenario: str | None
    repeat_of: Status | None
    repeat_count: int


Step = tuple[int, int, int, int, RecordState | None, int, int, StepInfo]
"""(status index, duration min, number of durations, delay, closed, next state, attempts made,
the event's fields). The duration is min + a draw scaled to the number of durations."""


def _snapshot(progress: Progress) -> Progress:
    return Progress(
        dialable=progress.dialable,
        number=progress.number,
        attempts=progress.attempts,
        number_attempts=list(progress.number_attempts),
        stopped=list(progress.stopped),
        repeat=progress.repeat,
        repeats_used=dict(progress.repeats_used),
        repeat_of=progress.repeat_of,
        repeat_count=progress.repeat_count,
    )


class Machine:
    """The states of a policy under a profile's tables, found as records reach them.

    A state is the engine's counters plus, per number, the previous status when the profile
    has an `after` row for it. Reusable across seeds: it holds no random numbers. It learns at
    most `limit` states (`MAX_STATES` unless told) besides the first state of each pattern of
    filled numbers; past that, `step` answers None where a new state would be needed.
    """

    def __init__(self, policy: Policy, tables: Tables, limit: int | None = None) -> None:
        self.policy = policy
        self.tables = tables
        self.limit = MAX_STATES if limit is None else limit
        self.bounds: list[tuple[int, ...]] = []
        self.steps: list[list[Step | None]] = []
        self.attempts: list[int] = []
        self.starts: dict[tuple[bool, ...], int] = {}
        self._index: dict[tuple[object, ...], int] = {}
        self._progress: list[Progress] = []
        self._previous: list[tuple[Status | None, ...]] = []
        self._choices: list[tuple[Status, ...]] = []
        self.durations = {s: tables.durations.get(s, (0, 1)) for s in Status}

    def start(self, dialable: tuple[bool, ...]) -> int:
        """The first state of a record with these numbers; -1 when it has none to dial."""
        known = self.starts.get(dialable)
        if known is not None:
            return known
        progress = start(self.policy.limits, dialable)
        state = -1 if progress is None else self._intern(progress, (None,) * len(dialable))
        self.starts[dialable] = state
        return state

    def _intern(self, progress: Progress, previous: tuple[Status | None, ...]) -> int:
        key = _key(progress, previous)
        state = self._index.get(key)
        if state is None:
            state = self._add(key, progress, previous)
        return state

    def _add(
        self, key: tuple[object, ...], progress: Progress, previous: tuple[Status | None, ...]
    ) -> int:
        state = len(self._progress)
        self._index[key] = state
        self._progress.append(progress)
        self._previous.append(previous)
        drawn = self.tables.following(previous[progress.number])
        self.bounds.append(drawn.bounds)
        self._choices.append(drawn.statuses)
        self.steps.append([None] * len(drawn.statuses))
        self.attempts.append(progress.attempts)
        return state

    def step(self, state: int, choice: int) -> Step | None:
        """What follows when `state` dials and draws its `choice`-th status — the engine's
        decision, worked out once. None when it leads to a state the full table cannot learn:
        the record plays on from `loose(state)`."""
        progress = _snapshot(self._progress[state])
        status = self._choices[state][choice]
        previous = list(self._previous[state])
        made = self._work(progress, previous, status)
        if made[4] is None:
            key = _key(progress, tuple(previous))
            following = self._index.get(key)
            if following is None:
                if len(self._progress) >= self.limit:
                    return None
                following = self._add(key, progress, tuple(previous))
            index, low, span, delay, closed, _, attempts, info = made
            made = (index, low, span, delay, closed, following, attempts, info)
        self.steps[state][choice] = made
        return made

    def loose(self, state: int) -> Loose:
        """Counters of their own for a record leaving the table at `state`."""
        progress = _snapshot(self._progress[state])
        previous = list(self._previous[state])
        return Loose(progress, previous, self.tables.following(previous[progress.number]))

    def loose_step(self, loose: Loose, draw: int) -> Step:
        """A loose record's dial that drew `draw`, worked out by the engine and applied to its
        counters (the step's next state is -1: it stays loose)."""
        made = self._work(loose.progress, loose.previous, loose.drawn.pick(draw))
        loose.drawn = self.tables.following(loose.previous[loose.progress.number])
        return made

    def _work(self, progress: Progress, previous: list[Status | None], status: Status) -> Step:
        """The engine's step from `progress` on `status`, applied to `progress` and `previous`;
        its next state is left -1."""
        repeat_of, repeat_count = progress.repeat_of, progress.repeat_count
        begin_dial(progress)
        number = progress.number
        decision = decide(self.policy, progress, status)
        closed = decision.closed
        info = StepInfo(
            number,
            progress.attempts,
            progress.number_attempts[number],
            progress.repeat,
            status,
            decision.then,
            decision.delay,
            decision.next_number if closed is None else None,
            closed,
            decision.scenario,
            repeat_of,
            repeat_count,
        )
        attempts = progress.attempts
        advance(progress, status, decision)
        if closed is None:
            previous[number] = status if status in self.tables.after else None
        low, span = self.durations[status]
        return (STATUS_INDEX[status], low, span, decision.delay, closed, -1, attempts, info)


@dataclass(slots=True)
class Loose:
    """A record off the table: its own counters, each number's previous status, and the
    distribution of its next dial. Changed by `Machine.loose_step` only."""

    progress: Progress
    previous: list[Status | None]
    drawn: Distribution


def _key(progress: Progress, previous: tuple[Status | None, ...]) -> tuple[object, ...]:
    return (
        progress.dialable,
        progress.number,
        progress.attempts,
        tuple(progress.number_attempts),
        tuple(progress.stopped),
        progress.repeat,
        tuple(sorted(progress.repeats_used.items())),
        progress.repeat_of,
        progress.repeat_count,
        previous,
    )


@dataclass(frozen=True, slots=True)
class Played:
    """Every played record's result, in list order, and the tally of their dials."""

    results: list[RecordResult]
    tally: Tally

    def summary(self) -> Summary:
        return summarize(self.results, self.tally)

    def counts(self) -> Counts:
        """What the figures are made of, to be combined with other parts' (`combine`)."""
        return count(self.results, self.tally)


_result = cast("Callable[[tuple[object, ...]], RecordResult]", partial(tuple.__new__, RecordResult))
"""`RecordResult._make` without its Python frame: a result a record counts in a large run."""


def _selected(contacts: Sequence[Contact], only: Iterable[str] | None) -> Iterator[int]:
    if only is None:
        yield from range(len(contacts))
        return
    wanted = frozenset(only)
    yield from (i for i, contact in enumerate(contacts) if contact.id in wanted)


def play(  # noqa: PLR0915 (the hot loop stays one function: a call per dial costs too much)
    machine: Machine,
    contacts: Sequence[Contact],
    source: ProfileSource,
    until: int | None = None,
    only: Iterable[str] | None = None,
    progressed: Progressed | None = None,
) -> Played:
    """Every record's result and the dials' tally, record after record (no event order)."""
    bounds_of = machine.bounds
    steps_of = machine.steps
    attempts_of = machine.attempts
    first_states: dict[tuple[bool, ...], int] = {}
    hasher = source.hasher
    horizon = _NEVER if until is None else until
    # Dials by (hour << 4 | status index): one dictionary update a dial counts both.
    assert len(STATUS_INDEX) <= 16
    counts: dict[int, int] = {}
    # A loose record's dials, counted apart: a long play has many hours, and a key per hour
    # and status would take ten times the room of a key per hour.
    loose_tally = Tally()
    results: list[RecordResult] = []
    append = results.append
    result = _result
    open_ = RecordState.OPEN
    done = 0
    records = (
        enumerate(contacts)
        if only is None
        else ((i, contacts[i]) for i in _selected(contacts, only))
    )
    for position, contact in records:
        if progressed is not None:
            done += 1
            if done == PROGRESS_EVERY:
                progressed(done)
                done = 0
        # `Contact.dialable`, inverted: which cells hold no digit, found without a Python step
        # per cell, keys the record's first state. This runs once per record.
        blank = tuple(map(no_digit, contact.phones))
        state = first_states.get(blank)
        if state is None:
            state = first_states[blank] = machine.start(tuple(not cell for cell in blank))
        if state < 0:
            append(RecordResult(position, contact, RecordState.NO_NUMBERS, 0, 0, 0, None))
            continue
        name = contact.id.encode("utf-8", "surrogatepass")
        first = hasher.copy()
        first.update(name + _FIRST_BLOCK)
        draws = unpack_block(first.digest())
        used = blocks = 0
        time = dials = 0
        last: StepInfo | None = None
        while True:
            if time > horizon:
                final = None if last is None else last.status
                append(
                    result((position, contact, open_, attempts_of[state], dials, None, final, None))
                )
                break
            if used == BLOCK:
                blocks += 1
                draws = block(hasher, name, blocks)
                used = 0
            choice = bisect_right(bounds_of[state], draws[used])
            used += 1
            step = steps_of[state][choice]
            if step is None:
                step = machine.step(state, choice)
                if step is None:
                    resumed = RecordDraws.resumed(hasher, name, blocks, draws, used)
                    first_draw = draws[used - 1]
                    ended = _play_loose(
                        machine.loose(state),
                        machine,
                        resumed,
                        first_draw,
                        time,
                        dials,
                        horizon,
                        loose_tally,
                    )
                    append(result((position, contact, *ended)))
                    break
            index, duration, span, delay, closed, following, attempts, info = step
            if span != 1:
                if used == BLOCK:
                    blocks += 1
                    draws = block(hasher, name, blocks)
                    used = 0
                duration += (draws[used] * span) >> 32
                used += 1
            dials += 1
            key = (time // 3600) << 4 | index
            counts[key] = counts.get(key, 0) + 1
            if closed is not None:
                end = time + duration
                append(
                    result(
                        (position, contact, closed, attempts, dials, end, info.status, info.then)
                    )
                )
                break
            last = info
            time += duration + delay
            state = following
    if progressed is not None and done:
        progressed(done)
    return Played(results, _tally(counts, loose_tally))


Ending = tuple[RecordState, int, int, int | None, Status | None, Then | None]
"""How a loose record ends: state, attempts, dials, closed at, final status, then."""


def _play_loose(
    loose: Loose,
    machine: Machine,
    draws: RecordDraws,
    draw: int,
    time: int,
    dials: int,
    horizon: int,
    tally: Tally,
) -> Ending:
    """The rest of a record's play off the table, from its dial at `time` (after `dials`
    dials) that drew `draw`, its dials counted in `tally`: `Machine.loose_step` without the
    event's fields, which a play does not show."""
    policy, tables, durations = machine.policy, machine.tables, machine.durations
    after = tables.after
    by_status, by_hour = tally.by_status, tally.by_hour
    progress, previous, drawn = loose.progress, loose.previous, loose.drawn
    while True:
        status = drawn.pick(draw)
        begin_dial(progress)
        decision = decide(policy, progress, status)
        low, span = durations[status]
        duration = low if span == 1 else low + ((draws.draw() * span) >> 32)
        dials += 1
        by_status[STATUS_INDEX[status]] += 1
        hour = time // 3600
        by_hour[hour] = by_hour.get(hour, 0) + 1
        closed = decision.closed
        if closed is not None:
            end = time + duration
            return closed, progress.attempts, dials, end, status, decision.then
        number = progress.number
        advance(progress, status, decision)
        previous[number] = status if status in after else None
        drawn = tables.following(previous[progress.number])
        time += duration + decision.delay
        if time > horizon:
            return RecordState.OPEN, progress.attempts, dials, None, status, None
        draw = draws.draw()


def _off_table(
    machine: Machine, loose: dict[int, Loose], position: int, state: int, draw: int
) -> Step:
    """The step of the record at `position` in `state` (-1: loose) that drew `draw`, when the
    table does not know it yet: learnt while the table has room, else played loose."""
    if state >= 0:
        step = machine.step(state, bisect_right(machine.bounds[state], draw))
        if step is not None:
            return step
        loose[position] = machine.loose(state)
    return machine.loose_step(loose[position], draw)


def _tally(counts: dict[int, int], tally: Tally) -> Tally:
    """`tally` with the dials of `counts` added (keyed by hour << 4 | status index)."""
    for key, dials in counts.items():
        tally.by_status[key & 15] += dials
        hour = key >> 4
        tally.by_hour[hour] = tally.by_hour.get(hour, 0) + dials
    return tally


def events(
    machine: Machine,
    contacts: Sequence[Contact],
    source: ProfileSource,
    until: int | None = None,
    only: Iterable[str] | None = None,
    progressed: Progressed | None = None,
) -> Iterator[Event]:
    """Every dial in SPEC §8 order: time, then list position, then the record's own order.

    The heap holds one tuple per record in progress: (next dial's time, position, state,
    stream block, draws used of it); a record's random block is recomputed when it resumes.
    A record off the table has state -1 and its counters in `loose`, by position.
    """
    hasher = source.hasher
    horizon = _NEVER if until is None else until
    heap: list[tuple[int, int, int, int, int]] = []
    done = 0
    for position in _selected(contacts, only):
        state = machine.start(contacts[position].dialable)
        if state >= 0:
            heap.append((0, position, state, 0, 0))
        else:
            done += 1
    # Every record starts at time 0, in list order: the list is already a heap.
    bounds_of = machine.bounds
    steps_of = machine.steps
    loose: dict[int, Loose] = {}
    while heap:
        time, position, state, blocks, used = heap[0]
        if progressed is not None and done >= PROGRESS_EVERY:
            progressed(done)
            done = 0
        if time > horizon:
            heapq.heappop(heap)
            loose.pop(position, None)
            done += 1
            continue
        name = contacts[position].id.encode("utf-8", "surrogatepass")
        draws = block(hasher, name, blocks)
        if used == BLOCK:
            blocks += 1
            draws = block(hasher, name, blocks)
            used = 0
        draw = draws[used]
        step = (
            steps_of[state][bisect_right(bounds_of[state], draw)] if state >= 0 else None
        ) or _off_table(machine, loose, position, state, draw)
        used += 1
        _, duration, span, delay, closed, following, _, info = step
        if span != 1:
            if used == BLOCK:
                blocks += 1
                draws = block(hasher, name, blocks)
                used = 0
            duration += (draws[used] * span) >> 32
            used += 1
        following_time = None if closed is not None else time + duration + delay
        yield Event(
            time,
            position,
            info.number,
            info.attempt,
            info.number_attempt,
            info.repeat,
            info.status,
            info.then,
            following_time,
            info.next_number,
            closed,
            info.scenario,
            duration,
            info.repeat_of,
            info.repeat_count,
        )
        if following_time is None:
            heapq.heappop(heap)
            loose.pop(position, None)
            done += 1
        else:
            heapq.heapreplace(heap, (following_time, position, following, blocks, used))
    if progressed is not None and done:
        progressed(done)
