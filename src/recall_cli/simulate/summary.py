"""Campaign figures from the records' results and a tally of their dials (issue 3 §3)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import chain
from operator import attrgetter

from recall_cli.engine import RecordState, Status, Then
from recall_cli.simulate.dialing import DialerFigures
from recall_cli.simulate.dials import Event, RecordResult

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
    """A run's figures. The first five are docs/simulate.md#output's `summary`; the rest are issue
    3's."""

    records: int
    reached: int
    dials: int
    attempts: int
    states: dict[RecordState, int]
    closed_by: dict[ClosedBy, int] = field(default_factory=lambda: dict.fromkeys(ClosedBy, 0))
    time_to_reach: Spread | None = None
    dials_by_status: dict[Status, int] = field(default_factory=dict)
    dials_by_hour: dict[int, int] = field(default_factory=dict)
    dialer: DialerFigures | None = None
    """What a dialer (calling hours, lines) adds; None for a Part I run."""

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


@dataclass(frozen=True, slots=True)
class Counts:
    """What the figures of a part of a run are made of, such that the parts of a run split by
    records add up to the whole (`combine`): how records ended, when the reached ones were
    reached, dials and attempts, and the dials' tally."""

    endings: Counter[tuple[RecordState, Then | None]]
    reach_times: list[int]
    dials: int
    attempts: int
    tally: Tally | None


def count(results: Iterable[RecordResult], tally: Tally | None = None) -> Counts:
    """The counts of `results`, a column at a time (`map`, `Counter`), so that a large run is
    summed in C rather than a Python step per record."""
    rows = results if isinstance(results, list | tuple) else list(results)
    reached = RecordState.REACHED
    return Counts(
        Counter(zip(map(_STATE, rows), map(_THEN, rows), strict=True)),
        [
            at
            for state, at in zip(map(_STATE, rows), map(_CLOSED_AT, rows), strict=True)
            if state is reached and at is not None
        ],
        sum(map(_DIALS, rows)),
        sum(map(_ATTEMPTS, rows)),
        tally,
    )


def combine(parts: Sequence[Counts]) -> Summary:
    """The figures of a run from the counts of its parts; without every part's tally, dials
    by status and by hour stay empty."""
    states = dict.fromkeys(RecordState, 0)
    closing = dict.fromkeys(ClosedBy, 0)
    endings: Counter[tuple[RecordState, Then | None]] = Counter()
    for part in parts:
        endings.update(part.endings)
    for (state, then), number in endings.items():
        states[state] += number
        cause = closed_by(state, then)
        if cause is not None:
            closing[cause] += number
    by_status: dict[Status, int] = {}
    by_hour: dict[int, int] = {}
    tallies = [part.tally for part in parts if part.tally is not None]
    if parts and len(tallies) == len(parts):
        for tally in tallies:
            for index, dials in enumerate(tally.by_status):
                by_status[STATUSES[index]] = by_status.get(STATUSES[index], 0) + dials
            for hour, dials in tally.by_hour.items():
                by_hour[hour] = by_hour.get(hour, 0) + dials
        by_status = {status: by_status.get(status, 0) for status in STATUSES}
        by_hour = dict(sorted(by_hour.items()))
    return Summary(
        sum(endings.values()),
        states[RecordState.REACHED],
        sum(part.dials for part in parts),
        sum(part.attempts for part in parts),
        states,
        closing,
        spread(list(chain.from_iterable(part.reach_times for part in parts))),
        by_status,
        by_hour,
    )


def summarize(results: Iterable[RecordResult], tally: Tally | None = None) -> Summary:
    """The figures of a run; without a `tally`, dials by status and by hour stay empty. What the
    list itself holds that cannot be dialled is the list's business, not the run's figures."""
    return combine([count(results, tally)])
