"""Campaign figures from the records' results."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from recall_cli.engine import RecordState
from recall_cli.simulate.simulator import RecordResult


@dataclass(frozen=True, slots=True)
class Summary:
    records: int
    reached: int
    dials: int
    attempts: int
    states: dict[RecordState, int]

    @property
    def reach_rate(self) -> float:
        return self.reached / self.records if self.records else 0.0


def summarize(results: Iterable[RecordResult]) -> Summary:
    states = dict.fromkeys(RecordState, 0)
    records = dials = attempts = 0
    for result in results:
        records += 1
        dials += result.dials
        attempts += result.attempts
        states[result.state] += 1
    return Summary(records, states[RecordState.REACHED], dials, attempts, states)
