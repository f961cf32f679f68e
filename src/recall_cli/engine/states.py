"""The closed sets of what follows a dial and of how a record ends."""

from __future__ import annotations

from enum import StrEnum


class Then(StrEnum):
    """What a dial's result leads to (the `then` of an event)."""

    REPEAT = "repeat"
    CALLBACK = "callback"
    STOP_NUMBER = "stop_number"
    STOP_RECORD = "stop_record"
    REACHED = "reached"


class RecordState(StrEnum):
    """The one state every record ends in."""

    REACHED = "reached"
    STOPPED = "stopped"
    ATTEMPTS_EXHAUSTED = "attempts_exhausted"
    NUMBERS_EXHAUSTED = "numbers_exhausted"
    NO_NUMBERS = "no_numbers"
    OPEN = "open"
