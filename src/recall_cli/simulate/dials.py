"""What a run makes: an event for every dial, and how each record ended."""

from __future__ import annotations

from typing import NamedTuple

from recall_cli.engine import Contact, RecordState, Status, Then
from recall_cli.simulate.dialing import HeldBy


class Event(NamedTuple):
    """One dial and what followed it. Times are virtual seconds since the start; numbers are
    0-based phone-column positions.

    An immutable named tuple rather than a frozen dataclass: a large run makes millions of
    events, and a frozen dataclass takes five times as long to build.
    """

    time: int
    record: int
    number: int
    attempt: int
    number_attempt: int
    repeat: int
    status: Status
    then: Then
    next_time: int | None
    next_number: int | None
    closed: RecordState | None
    scenario: str | None
    duration: int
    # The status whose repeat budget this dial spends, and its count in it (1-based).
    repeat_of: Status | None
    repeat_count: int
    # Set by a dialer (calling hours, lines, caps) only: when the engine wanted the dial (`time`
    # is when it started), and what held it, sorted. Unset, the run is Part I's.
    due: int | None = None
    held_by: tuple[HeldBy, ...] = ()


class RecordResult(NamedTuple):
    """How one record ended (a named tuple for the same reason as `Event`)."""

    position: int
    contact: Contact
    state: RecordState
    attempts: int
    dials: int
    closed_at: int | None
    final_status: Status | None
    # The last dial's `then`: which rule or limit closed the record (None when no dial closed it).
    then: Then | None = None
