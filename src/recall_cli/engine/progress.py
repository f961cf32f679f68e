"""One record's counters while it is being dialled (docs/semantics.md#decision)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from recall_cli.engine.policy import Limits
from recall_cli.engine.status import Status

Barred = Callable[[int], bool]
"""Whether a record's number (0-based) may not be dialled at a decision's moment, for reasons
outside the record: a do-not-call entry that applies then, or a phone stopped campaign-wide."""


@dataclass(slots=True)
class Progress:
    """Counters of one record.

    Mutable on purpose: it lives in the simulator's hot loop, and only `begin_dial` and
    `engine.decide.advance` change it. Number indexes are 0-based column positions.
    """

    dialable: tuple[bool, ...]
    number: int
    attempts: int = 0
    number_attempts: list[int] = field(default_factory=list)
    stopped: list[bool] = field(default_factory=list)
    repeat: int = 0
    repeats_used: dict[Status, int] = field(default_factory=dict)
    # The status whose repeat budget the next dial spends, and how many of it it will have used.
    repeat_of: Status | None = None
    repeat_count: int = 0
    # Per status, the callbacks its rule has fired for the record, counted only while it picks
    # the wait (a schedule of n waits counts up to n - 1), so the counters stay bounded.
    callbacks: dict[Status, int] = field(default_factory=dict)


def first_number(
    limits: Limits, dialable: tuple[bool, ...], barred: Barred | None = None
) -> int | None:
    """The first number a record dials: the first non-empty one that is not `barred` (B ≥ 1
    leaves it eligible)."""
    del limits  # every limit is at least 1, so a fresh number is always eligible
    for index, present in enumerate(dialable):
        if present and (barred is None or not barred(index)):
            return index
    return None


def start(
    limits: Limits, dialable: tuple[bool, ...], barred: Barred | None = None
) -> Progress | None:
    """Fresh counters for a record, or None when it has no number to dial (`no_numbers`);
    `barred`: the numbers not eligible at the start."""
    number = first_number(limits, dialable, barred)
    if number is None:
        return None
    size = len(dialable)
    return Progress(
        dialable=dialable, number=number, number_attempts=[0] * size, stopped=[False] * size
    )


def begin_dial(progress: Progress) -> None:
    """Count a new attempt against A and B when the dial about to start opens one."""
    if progress.repeat == 0:
        progress.attempts += 1
        progress.number_attempts[progress.number] += 1
