"""Campaign figures from the records' results and a tally of their dials (issue 3 §3)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from operator import attrgetter

from recall_cli.engine import RecordState, Status, Then
from recall_cli.simulate.simulator import Event, RecordResult

SECONDS_PER_HOUR = 3600
STATUS_INDEX: Mapping[Status, int] = {status: index for index, status in enumerate(Status)}
STATUSES: tuple[Status, ...] = tuple(Status)
_STATE = attrgetter("state")
_THEN = attrgetter("then")
_CLOSED_AT = attrgetter("closed_at")
_DIALS = attrgetter("dials")
_ATTEMPTS = attrgetter("attempts")


class ClosedBy(StrEnum):
    """What closed a record that was not reached: a limit, or a rule's stop action."""

    MAX_ATTEMPTS_PER_RECORD = "max_attempts_per_record"
    MAX_ATTEMPTS_PER_NUMBER = "max_attempts_per_number"
    STOP_NUMBER = "stop_number"
    STOP_RECORD = "stop_record"


def closed_by(state: RecordState, then: Then | None) -> ClosedBy | None:
    """The limit or rule that closed a record, from its state and its last dial's `then`.

    A record runs out of numbers either because its last number used up B (the last dial asked
    for a callback) or because a rule stopped it (`stop_number`).
    """
    if state is RecordState.ATTEMPTS_EXHAUSTED:
        return ClosedBy.MAX_ATTEMPTS_PER_RECORD
    if state is RecordState.STOPPED:
        return ClosedBy.STOP_RECORD
    if state is RecordState.NUMBERS_EXHAUSTED:
        if then is Then.STOP_NUMBER:
            return ClosedBy.STOP_NUMBER
        return ClosedBy.MAX_ATTEMPTS_PER_NUMBER
    return None


@dataclass(slots=True)
class Tally:
    """Dials counted by status (in enum order) and by hour of the campaign (0 = the first)."""

    by_status: list[int] = field(default_factory=lambda: [0] * len(STATUSES))
    by_hour: dict[int, int] = field(default_factory=dict)

    def add(self, event: Event) -> None:
        self.by_status[STATUS_INDEX[event.status]] += 1
        hour = event.time // SECONDS_PER_HOUR
        self.by_hour[hour] = self.by_hour.get(hour, 0) + 1

    def counting(self, events: Iterable[Event]) -> Iterable[Event]:
        """`events`, passed through while they are counted."""
        for event in events:
            self.add(event)
            yield event


@dataclass(frozen=True, slots=True)
class Spread:
    """Median, 90th percentile and maximum of a set of durations in seconds (nearest rank)."""

    median: int
    p90: int
    max: int


def spread(values: Sequence[int]) -> Spread | None:
    """Nearest-rank percentiles: the smallest value with at least p % of values at or below."""
    if not values:
        return None
    ordered = sorted(values)
    return Spread(_rank(ordered, 50), _rank(ordered, 90), ordered[-1])


def _rank(ordered: Sequence[int], percent: int) -> int:
    index = -(-len(ordered) * percent // 100) - 1  # ceil(n * p / 100) - 1
    return ordered[max(index, 0)]


@dataclass(frozen=True, slots=True)
class Summary:
    """A run's figures. The first five are SPEC §8's `summary`; the rest are issue 3's."""

    records: int
    reached: int
    dials: int
    attempts: int
    states: dict[RecordState, int]
    closed_by: dict[ClosedBy, int] = field(default_factory=lambda: dict.fromkeys(ClosedBy, 0))
    time_to_reach: Spread | None = None
    dials_by_status: dict[Status, int] = field(default_factory=dict)
    dials_by_hour: dict[int, int] = field(default_factory=dict)

    @property
    def reach_rate(self) -> float:
        return self.reached / self.records if self.records else 0.0

    def share(self, count: int) -> float:
        return count / self.records if self.records else 0.0

    @property
    def dials_per_record(self) -> float:
        return self.dials / self.records if self.records else 0.0

    @property
    def attempts_per_record(self) -> float:
        return self.attempts / self.records if self.records else 0.0

    @property
    def dials_per_reached(self) -> float | None:
        """All dials over the records reached: what one reached record costs."""
        return self.dials / self.reached if self.reached else None

    @property
    def attempts_per_reached(self) -> float | None:
        return self.attempts / self.reached if self.reached else None


def summarize(results: Iterable[RecordResult], tally: Tally | None = None) -> Summary:
    """The figures of a run; without a `tally`, dials by status and by hour stay empty.

    Counted a column at a time (`map` over the results, a `Counter` of how each record ended),
    so that a large run is summed in C rather than a Python step per record.
    """
    rows = results if isinstance(results, list | tuple) else list(results)
    states = dict.fromkeys(RecordState, 0)
    closing = dict.fromkeys(ClosedBy, 0)
    for (state, then), count in Counter(
        zip(map(_STATE, rows), map(_THEN, rows), strict=True)
    ).items():
        states[state] += count
        cause = closed_by(state, then)
        if cause is not None:
            closing[cause] += count
    reached = RecordState.REACHED
    reach_times = [
        at
        for state, at in zip(map(_STATE, rows), map(_CLOSED_AT, rows), strict=True)
        if state is reached and at is not None
    ]
    by_status: dict[Status, int] = {}
    by_hour: dict[int, int] = {}
    if tally is not None:
        by_status = dict(zip(STATUSES, tally.by_status, strict=True))
        by_hour = dict(sorted(tally.by_hour.items()))
    return Summary(
        len(rows),
        states[reached],
        sum(map(_DIALS, rows)),
        sum(map(_ATTEMPTS, rows)),
        states,
        closing,
        spread(reach_times),
        by_status,
        by_hour,
    )
