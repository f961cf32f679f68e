"""The memoised steps of a profile run: a record's dial is one draw and one lookup.

What the engine decides after a dial depends only on the record's counters (`Progress`) and
the dial's status; what the profile draws next depends only on each number's previous status.
Together they make a small set of states. The first time a state meets a status, the engine's
own step (`steps.engine_step`) works it out — the event's fields, the delay, the next state —
and it is kept; from then on a dial is one draw (`random_outcomes.draw`) and one lookup.

The table is bounded: past `MAX_STATES` states it learns no new one, and a record that walks
off it is stepped on by the engine itself, dial by dial (a `steps.Plain` record), with its own
counters. So a policy whose states never repeat (many repeats of many statuses, large A and B)
costs time, not memory. On the table or off it, a record's dials are the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from recall_cli.engine import Policy, Progress, Status, start
from recall_cli.simulate.random_outcomes import Distribution, ProfileStream, Stream, Tables, draw
from recall_cli.simulate.steps import Kind, Plain, Step, engine_step, kind_of
from recall_cli.simulate.summary import STATUS_INDEX

Progressed = Callable[[int], None]
"""Told how many more records are done, now and then."""
MAX_STATES = 20_000
"""The most states a `Machine` learns besides each record's first one: about 50 MiB when full
(2.6 KiB a state in benchmarks/worst_case.py). The sample configs and profiles need at most
2,200 on 100,000 records; records of a policy that needs more play on loose, slower."""


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
        callbacks=dict(progress.callbacks),
    )


class Machine:
    """The states of a policy under a profile's tables, found as records reach them.

    A state is the engine's counters plus, per number, the previous status when the profile
    has an `after` row for it. Reusable across seeds: it holds no random numbers. It learns at
    most `limit` states (`MAX_STATES` unless told) besides the first state of each pattern of
    filled numbers; past that, `step` answers None where a new state would be needed.
    Per state: the distribution its dial draws from (`drawn`), its steps by the status drawn
    (`steps`, None until learnt), the attempts made (`attempts`), and the waiting dial's number
    and kind (`due`).
    """

    def __init__(self, policy: Policy, tables: Tables, limit: int | None = None) -> None:
        self.policy = policy
        self.tables = tables
        self.limit = MAX_STATES if limit is None else limit
        self.drawn: list[Distribution] = []
        self.steps: list[list[Step | None]] = []
        self.attempts: list[int] = []
        self.due: list[tuple[int, Kind]] = []
        self.starts: dict[tuple[bool, ...], int] = {}
        self._index: dict[tuple[object, ...], int] = {}
        self._progress: list[Progress] = []
        self._previous: list[tuple[Status | None, ...]] = []
        self.exported: object = None
        """The table as arrays (`arrays.stepped` makes it), kept to grow from run to run."""

    @property
    def bounds(self) -> list[tuple[int, ...]]:
        """Each state's cumulative bounds (one entry a state: what the table holds)."""
        return [drawn.bounds for drawn in self.drawn]

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
        self.drawn.append(drawn)
        self.steps.append([None] * len(drawn.statuses))
        self.attempts.append(progress.attempts)
        self.due.append((progress.number, kind_of(progress)))
        return state

    def step(self, state: int, choice: int) -> Step | None:
        """What follows when `state` dials and draws its `choice`-th status — the engine's
        step, worked out once. None when it leads to a state the full table cannot learn: the
        record steps on from `loose(state)`."""
        progress = _snapshot(self._progress[state])
        status = self.drawn[state].statuses[choice]
        previous = list(self._previous[state])
        number = progress.number
        info = engine_step(self.policy, progress, status)
        following = -1
        if info.closed is None:
            previous[number] = status if status in self.tables.after else None
            key = _key(progress, tuple(previous))
            known = self._index.get(key)
            if known is None:
                if len(self._progress) >= self.limit:
                    return None
                known = self._add(key, progress, tuple(previous))
            following = known
        made = (STATUS_INDEX[status], info.delay, info.closed, following, info.attempt, info)
        self.steps[state][choice] = made
        return made

    def loose(self, state: int) -> Loose:
        """Counters of their own for a record leaving the table at `state`."""
        return Loose(_snapshot(self._progress[state]), list(self._previous[state]))

    def take(self, state: int, stream: Stream) -> tuple[Step, int]:
        """The step and duration of the dial `state` is waiting for, drawn from `stream`."""
        choice, duration = draw(self.drawn[state], stream.number)
        step = self.steps[state][choice] or self.step(state, choice)
        return step or self.leave(state, choice, stream), duration

    def leave(self, state: int, choice: int, stream: Stream) -> Step:
        """The step of `state` that drew its `choice`-th status when the table cannot learn
        it: the engine's, from counters of the record's own; its next cursor is a `Plain`
        record drawing on from `stream`."""
        loose = self.loose(state)
        status = loose.previous[loose.progress.number] = self.drawn[state].statuses[choice]
        plain = Plain(loose.progress, ProfileStream(self.tables, stream.number, loose.previous))
        return plain.apply(self.policy, status)


@dataclass(slots=True)
class Loose:
    """A record leaving the table: its own counters and each number's previous status."""

    progress: Progress
    previous: list[Status | None]


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
        tuple(sorted(progress.callbacks.items())),
        previous,
    )
