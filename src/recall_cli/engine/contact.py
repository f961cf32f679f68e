"""A contact-list record as the engine sees it."""

from __future__ import annotations

from typing import NamedTuple


class Contact(NamedTuple):
    """One record: its id, its phones by column position ("" when the cell is empty), and the
    other columns carried along for display.

    An immutable named tuple rather than a frozen dataclass: a list of a million records makes
    a million of them, and a frozen dataclass takes more than twice as long to build (its
    `__init__` sets each field through `object.__setattr__`).
    """

    id: str
    phones: tuple[str, ...]
    fields: tuple[tuple[str, str], ...] = ()
    line: int = 0

    @property
    def dialable(self) -> tuple[bool, ...]:
        return tuple(bool(phone) for phone in self.phones)
