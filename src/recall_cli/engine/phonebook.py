"""How a campaign's numbers relate across records: which are one phone, which are on a
do-not-call list."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

Slot = tuple[int, int]
"""A number of a record: (list position, 0-based phone column)."""


@dataclass(frozen=True, slots=True)
class Phonebook:
    """`shared`: for each slot whose phone another record also holds, that phone's key (its
    E.164 form when libphonenumber finds it valid in the config's region, else its text with
    spaces and punctuation removed); a slot not in it holds a phone of its own.
    `listed`: each slot whose phone is on a do-not-call list, with the Unix second its entry
    ends (exclusive), or None when it applies through the whole run.
    `listing`: the run was given do-not-call lists (which may list none of its phones)."""

    shared: Mapping[Slot, str] = field(default_factory=lambda: MappingProxyType({}))
    listed: Mapping[Slot, int | None] = field(default_factory=lambda: MappingProxyType({}))
    listing: bool = False

    def phone(self, position: int, number: int) -> Hashable:
        """The identity of a slot's phone: equal across records exactly when it is one phone."""
        slot = (position, number)
        return self.shared.get(slot, slot)
