"""Every id of a list checked for repeats without keeping every id: a 64-bit digest and a line
per record, and only the records whose digests repeat looked at again, by their text."""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from itertools import compress, islice
from operator import eq


class IdLedger:
    """The digests (`hash`, fixed for the process) and lines of the ids added, 16 bytes a
    record. Equal digests only make their records candidates: a repeat is told only when the
    ids' texts are equal (`repeats`)."""

    __slots__ = ("_digests", "_lines")

    def __init__(self) -> None:
        self._digests = array("q")
        self._lines = array("q")

    def add(self, ids: Iterable[str], lines: Iterable[int]) -> None:
        """Note `ids` (none of them empty), of the records on `lines`, one a record."""
        self._digests.extend(map(hash, ids))
        self._lines.extend(lines)

    def candidates(self) -> frozenset[int]:
        """The lines of the records whose id's digest another record's shares."""
        ordered = sorted(self._digests)
        if not any(map(eq, ordered, islice(ordered, 1, None))):
            return frozenset()
        shared = {a for a, b in zip(ordered, islice(ordered, 1, None), strict=False) if a == b}
        del ordered
        chosen = map(shared.__contains__, self._digests)
        return frozenset(compress(self._lines, chosen))


def repeats(ids: Iterable[tuple[int, str]]) -> list[tuple[int, str, int]]:
    """Of (line, id) pairs in line order, each record whose id an earlier one has, as (line,
    id, the earlier record's line)."""
    seen: dict[str, int] = {}
    found = []
    for line, record_id in ids:
        first = seen.setdefault(record_id, line)
        if first != line:
            found.append((line, record_id, first))
    return found
