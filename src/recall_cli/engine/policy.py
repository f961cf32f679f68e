"""A campaign's retry policy: per-status rules and the limits A and B."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from recall_cli.engine.status import Status

SECONDS_PER_MINUTE = 60
SECONDS_PER_HOUR = 3600


class Action(StrEnum):
    """What ends an attempt once a status has no repeats left."""

    CALLBACK = "callback"
    STOP_NUMBER = "stop_number"
    STOP_RECORD = "stop_record"


class NumberOrder(StrEnum):
    """Which number a new attempt dials when the record may move across its numbers."""

    FIRST = "first"
    """The current number while it is eligible, else the first eligible one in column order."""
    NEXT = "next"
    """The first eligible number after the current one, wrapping round."""
    LEAST_ATTEMPTED = "least_attempted"
    """The eligible number with the fewest attempts, ties to column order."""


class StopScope(StrEnum):
    """Where a `stop_number` stops its phone."""

    RECORD = "record"
    """In the record whose dial ended so."""
    CAMPAIGN = "campaign"
    """In every record that holds the same phone."""


@dataclass(frozen=True, slots=True)
class Rule:
    """How one not-reached status is handled: repeats, then an action.

    `after_hours` is the callback schedule: the k-th callback this rule fires for a record waits
    the k-th value, and the last value once the schedule is used up. Empty for the stop actions.
    """

    status: Status
    action: Action
    repeats: int = 0
    interval_minutes: int = 0
    after_hours: tuple[float, ...] = ()
    scenario: str | None = None
    scope: StopScope = StopScope.RECORD
    """Where a `stop_number` stops its phone; `record` for the other actions."""

    @property
    def interval_seconds(self) -> int:
        return self.interval_minutes * SECONDS_PER_MINUTE

    @property
    def waits(self) -> tuple[int, ...]:
        """The callback schedule in seconds; empty for the stop actions."""
        if self.action is not Action.CALLBACK:
            return ()
        # Whole seconds keep virtual time exact; sub-second fractions of an hour mean nothing here.
        return tuple(round(hours * SECONDS_PER_HOUR) for hours in self.after_hours)

    def wait_seconds(self, fired: int = 0) -> int:
        """The minimum wait of the callback after `fired` earlier ones; zero for the stops."""
        waits = self.waits
        if not waits:
            return 0
        return waits[min(fired, len(waits) - 1)]


@dataclass(frozen=True, slots=True)
class Limits:
    """A: attempts per record; B: attempts per number; and the switch to move across numbers."""

    max_attempts_per_record: int
    max_attempts_per_number: int
    dial_all_numbers: bool = False
    number_order: NumberOrder = NumberOrder.FIRST


@dataclass(frozen=True, slots=True)
class Policy:
    """Everything the engine needs to decide what follows a dial."""

    limits: Limits
    rules: Mapping[Status, Rule] = field(default_factory=dict)
    name: str = ""
    timezone: str = "Europe/Moscow"

    def missing_rules(self, statuses: frozenset[Status] | set[Status]) -> tuple[Status, ...]:
        """The statuses among `statuses` that would need a rule and have none, in enum order."""
        return tuple(
            s for s in Status if s in statuses and s is not Status.ANSWERED and s not in self.rules
        )
