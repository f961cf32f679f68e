"""Random outcomes from a profile (SPEC §7), reproducible record by record.

A record's random numbers come from its own stream: BLAKE2b, keyed by the seed, of the record
id and a block counter, read as sixteen 32-bit numbers a block. So a record's outcomes depend on
the seed, the profile and the record's id only — not on the list, the order of play or the
other records — and `--record 17` replays exactly record 17 of the full run. A status is drawn
by comparing one 32-bit number with the distribution's cumulative bounds (scaled to 2**32);
a duration range [min, max] takes one more number, only when min < max.
"""

from __future__ import annotations

import struct
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from hashlib import blake2b
from typing import TYPE_CHECKING

from recall_cli.engine import Contact, Status

if TYPE_CHECKING:  # the loader is not needed to draw, and imports pydantic
    from recall_cli.loaders.profile import Profile

SCALE = 1 << 32
"""Draws are whole numbers in [0, SCALE)."""
BLOCK = 16
"""Draws in one 64-byte BLAKE2b digest."""
unpack_block = struct.Struct(f"<{BLOCK}I").unpack
counter = struct.Struct("<I").pack
"""A block's index as the fixed-width suffix of the hashed text."""


def seed_key(seed: int) -> bytes:
    """The BLAKE2b key of a seed (any integer, however large or negative)."""
    return blake2b(f"recall:{seed}".encode(), digest_size=32).digest()


class RecordDraws:
    """A record's stream of 32-bit random numbers."""

    __slots__ = ("_block", "_draws", "_hasher", "_id", "_next")

    def __init__(self, hasher: blake2b, record_id: str) -> None:
        self._hasher = hasher
        self._id = record_id.encode("utf-8", "surrogatepass")
        self._block = 0
        self._draws = block(hasher, self._id, 0)
        self._next = 0

    @classmethod
    def resumed(
        cls, hasher: blake2b, record_id: bytes, index: int, draws: tuple[int, ...], used: int
    ) -> RecordDraws:
        """The stream of `record_id` (encoded) with `used` draws of its block `index` (`draws`)
        taken: where the fast path leaves a record that walks off its table."""
        stream = cls.__new__(cls)
        stream._hasher = hasher
        stream._id = record_id
        stream._block = index
        stream._draws = draws
        stream._next = used
        return stream

    def draw(self) -> int:
        if self._next == BLOCK:
            self._block += 1
            self._draws = block(self._hasher, self._id, self._block)
            self._next = 0
        value = self._draws[self._next]
        self._next += 1
        return value


def keyed(seed: int) -> blake2b:
    """The hasher every record's stream of this seed starts from (copied, never updated)."""
    return blake2b(digest_size=64, key=seed_key(seed))


def block(hasher: blake2b, record_id: bytes, index: int) -> tuple[int, ...]:
    """Block `index` of a record's stream: the digest of its id and the fixed-width counter."""
    copy = hasher.copy()
    copy.update(record_id + counter(index))
    return unpack_block(copy.digest())


@dataclass(frozen=True, slots=True)
class Distribution:
    """Statuses with a probability above zero, in enum order, and their cumulative upper
    bounds in draws; the last bound is SCALE, so every draw falls in some status."""

    statuses: tuple[Status, ...]
    bounds: tuple[int, ...]

    def pick(self, draw: int) -> Status:
        return self.statuses[bisect_right(self.bounds, draw)]


def distribution(probabilities: Mapping[Status, float]) -> Distribution:
    """The distribution of a profile row (normalised: the row sums to 1 within 1e-6)."""
    total = sum(p for p in probabilities.values() if p > 0)
    statuses: list[Status] = []
    bounds: list[int] = []
    running = 0.0
    for status in Status:
        p = probabilities.get(status, 0.0)
        if p <= 0:
            continue
        running += p
        bound = min(SCALE, round(running / total * SCALE))
        if bounds and bound == bounds[-1]:
            continue  # narrower than one draw in 2**32: it can never be drawn
        statuses.append(status)
        bounds.append(bound)
    bounds[-1] = SCALE
    return Distribution(tuple(statuses), tuple(bounds))


@dataclass(frozen=True, slots=True)
class Tables:
    """A profile compiled for drawing: the first dial's distribution, the one after each
    status that has an `after` row, and each status's duration as (min, count of values)."""

    first: Distribution
    after: Mapping[Status, Distribution]
    durations: Mapping[Status, tuple[int, int]]

    def following(self, previous: Status | None) -> Distribution:
        """The distribution of a number's next dial, given its previous status."""
        if previous is None:
            return self.first
        return self.after.get(previous, self.first)

    def duration(self, status: Status, draws: RecordDraws) -> int:
        low, span = self.durations.get(status, (0, 1))
        if span == 1:
            return low
        return low + ((draws.draw() * span) >> 32)


def compile_profile(profile: Profile) -> Tables:
    return Tables(
        distribution(profile.outcomes),
        {status: distribution(row) for status, row in profile.after.items()},
        {status: (low, high - low + 1) for status, (low, high) in profile.durations.items()},
    )


class ProfileStream:
    """One record's outcomes: each number remembers its previous status for `after`."""

    __slots__ = ("_draws", "_previous", "_tables")

    def __init__(self, tables: Tables, draws: RecordDraws, numbers: int) -> None:
        self._tables = tables
        self._draws = draws
        self._previous: list[Status | None] = [None] * numbers

    def next(self, number: int) -> tuple[Status, int]:
        tables = self._tables
        status = tables.following(self._previous[number]).pick(self._draws.draw())
        self._previous[number] = status
        return status, tables.duration(status, self._draws)


class ProfileSource:
    """Random outcomes of a profile under a seed (an `OutcomeSource`)."""

    __slots__ = ("hasher", "profile", "seed", "tables")

    def __init__(self, profile: Profile, seed: int) -> None:
        self.profile = profile
        self.seed = seed
        self.tables = compile_profile(profile)
        self.hasher = keyed(seed)

    def stream(self, contact: Contact) -> ProfileStream:
        return ProfileStream(self.tables, RecordDraws(self.hasher, contact.id), len(contact.phones))

    def statuses(self) -> frozenset[Status]:
        return self.profile.statuses()

    def reseeded(self, seed: int) -> ProfileSource:
        """The same profile under another seed (the next run of a Monte Carlo)."""
        return ProfileSource(self.profile, seed)
