"""A chunk of a list's records that keeps the phone columns it was built from, so that what is
found about phone cells (`phone_cells`) is found a column at a time, without a step per record.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain

from recall_cli.engine.contact import Contact


class Chunk(list[Contact]):
    """Records (a list, as any chunk), with their phone cells a column at a time: the column
    of each phone position, one cell a record in record order — each record's `phones`, as a
    column. Read, not changed: a chunk that changes length no longer offers its columns."""

    __slots__ = ("_columns",)

    def __init__(self, records: Iterable[Contact], columns: tuple[list[str], ...]) -> None:
        super().__init__(records)
        self._columns = columns

    def phone_columns(self) -> tuple[list[str], ...] | None:
        """The phone columns, or None when they no longer match the records' count."""
        columns = self._columns
        if any(len(column) != len(self) for column in columns):
            return None
        return columns


def phone_columns(contacts: Sequence[Contact]) -> tuple[list[str], ...] | None:
    """The phone columns of `contacts` when they are a `Chunk` that keeps them, else None (a
    caller then looks at each record)."""
    return contacts.phone_columns() if isinstance(contacts, Chunk) else None


def joined(chunks: Sequence[list[Contact]]) -> list[Contact]:
    """The records of consecutive `chunks` as one: a `Chunk` with their phone columns joined
    when each of them keeps its columns."""
    if len(chunks) == 1:
        return chunks[0]
    records = list(chain.from_iterable(chunks))
    kept = [part for part in map(phone_columns, chunks) if part is not None]
    if len(kept) != len(chunks):
        return records
    columns = zip(*kept, strict=True)  # one layout: as many columns in each chunk
    return Chunk(records, tuple(list(chain.from_iterable(cells)) for cells in columns))
