"""The outcomes of a trace: one sequence across the whole record, whichever number is dialled."""

from __future__ import annotations

from dataclasses import dataclass

from recall_cli.engine import Contact, Status
from recall_cli.simulate.outcomes import OutcomeStream

SAMPLE_RECORD = "1"


class TraceEndedError(Exception):
    """The record asked for a dial result after the last outcome of the trace."""


@dataclass(slots=True)
class _SequenceStream:
    outcomes: tuple[Status, ...]
    cycle: bool
    position: int = 0

    def next(self, number: int) -> tuple[Status, int]:
        # A trace is what happened to the record, call after call: the number does not matter.
        del number
        if self.position >= len(self.outcomes):
            if not self.cycle or not self.outcomes:
                raise TraceEndedError
            self.position = 0
        status = self.outcomes[self.position]
        self.position += 1
        return status, 0


@dataclass(frozen=True, slots=True)
class SequenceSource:
    """Gives `outcomes` in order to the record's dials (over and over when `cycle`), each dial
    taking no time; past the end of a non-cycling sequence it raises `TraceEndedError`."""

    outcomes: tuple[Status, ...]
    cycle: bool = False

    def stream(self, contact: Contact) -> OutcomeStream:
        del contact
        return _SequenceStream(self.outcomes, self.cycle)

    def statuses(self) -> frozenset[Status]:
        return frozenset(self.outcomes)


def sample_contact(phones: int) -> Contact:
    """The record a trace dials: `phones` numbers, shown by their position only."""
    return Contact(SAMPLE_RECORD, tuple(str(index) for index in range(1, phones + 1)))
