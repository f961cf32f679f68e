"""A contact-list record as the engine sees it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Contact:
    """One record: its id, its phones by column position ("" when the cell is empty), and the
    other columns carried along for display."""

    id: str
    phones: tuple[str, ...]
    fields: tuple[tuple[str, str], ...] = ()
    line: int = 0

    @property
    def dialable(self) -> tuple[bool, ...]:
        return tuple(bool(phone) for phone in self.phones)
