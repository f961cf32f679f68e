"""A contact-list record as the engine sees it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import not_
from typing import NamedTuple

no_digit: Callable[[Iterable[str]], bool] = frozenset("0123456789").isdisjoint
"""Whether a phone cell holds no digit 0–9 (an empty cell holds none): it is never dialled.
A set's `isdisjoint` looks at the characters in C, three times as fast as a regex search."""


def dialable(phones: tuple[str, ...]) -> tuple[bool, ...]:
    """Which of `phones` may be dialled: a cell holding no digit at all (empty, or a name that
    slipped into a phone column) is never dialled."""
    return tuple(map(not_, map(no_digit, phones)))


class Contact(NamedTuple):
    """One record: its id, its phones by column position ("" when the cell is empty), as
    written in the list, the other columns carried along for display, and its time zone cell
    as written ("" when the list has none, or it is not read).

    An immutable named tuple rather than a frozen dataclass: a list of a million records makes
    a million of them, and a frozen dataclass takes more than twice as long to build (its
    `__init__` sets each field through `object.__setattr__`).
    """

    id: str
    phones: tuple[str, ...]
    fields: tuple[tuple[str, str], ...] = ()
    line: int = 0
    zone: str = ""

    @property
    def dialable(self) -> tuple[bool, ...]:
        return dialable(self.phones)
