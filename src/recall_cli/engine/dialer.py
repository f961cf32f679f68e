"""The dialer's settings as values: how many dials may be in progress at once, and in what order
waiting dials get a free line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Order(StrEnum):
    """Which waiting dial gets the next free line."""

    # Repeats first, then the first dials of later attempts, then records' very first dials;
    # within each, the earliest due, then the record's place in the list.
    RETRIES_FIRST = "retries_first"
    # The earliest due, then the record's place in the list.
    DUE_TIME = "due_time"


@dataclass(frozen=True, slots=True)
class Dialer:
    """`lines` dials in progress at once at most, handed out in `order`."""

    lines: int
    order: Order = Order.RETRIES_FIRST

    def __post_init__(self) -> None:
        if self.lines < 1:
            raise ValueError(f"a dialer needs a line, got {self.lines}")
