"""Where dial results come from: the protocol the simulator asks, and scripted outcomes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from recall_cli.engine import Contact, Status


class OutcomeStream(Protocol):
    """The results of one record's dials, in order."""

    def next(self, number: int) -> tuple[Status, int]:
        """Status and duration in seconds of the next dial of number `number` (0-based)."""
        ...


class OutcomeSource(Protocol):
    """A stream per record; a record's stream must not depend on any other record."""

    def stream(self, contact: Contact) -> OutcomeStream: ...

    def statuses(self) -> frozenset[Status]:
        """Every status this source can produce, for the missing-rule check before a run."""
        ...


class OutcomesExhaustedError(Exception):
    """A scripted number ran out of outcomes and the script has no default."""

    def __init__(self, record: str, number: int, phone: str) -> None:
        super().__init__(f"record {record}, number {number}")
        self.record = record
        self.number = number
        self.phone = phone


@dataclass(slots=True)
class _ScriptStream:
    contact: Contact
    lists: Mapping[int, tuple[Status, ...]]
    default: Status | None
    used: dict[int, int] = field(default_factory=dict)

    def next(self, number: int) -> tuple[Status, int]:
        index = self.used.get(number, 0)
        self.used[number] = index + 1
        outcomes = self.lists.get(number, ())
        if index < len(outcomes):
            return outcomes[index], 0
        if self.default is None:
            raise OutcomesExhaustedError(self.contact.id, number + 1, self.contact.phones[number])
        return self.default, 0


@dataclass(frozen=True, slots=True)
class ScriptSource:
    """Exact outcomes per record and number (0-based), then `default` once a list runs out."""

    records: Mapping[str, Mapping[int, tuple[Status, ...]]]
    default: Status | None = None

    def stream(self, contact: Contact) -> OutcomeStream:
        return _ScriptStream(contact, self.records.get(contact.id, {}), self.default)

    def statuses(self) -> frozenset[Status]:
        found = {s for numbers in self.records.values() for seq in numbers.values() for s in seq}
        if self.default is not None:
            found.add(self.default)
        return frozenset(found)
