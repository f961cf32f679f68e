"""Random outcomes from a profile (docs/semantics.md#randomness), reproducible record by record.

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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from hashlib import blake2b

from recall_cli.engine import Contact, Profile, Status

SCALE = 1 << 32
"""Draws are whole numbers in [0, SCALE)."""
BLOCK = 16
"""Draws in one 64-byte BLAKE2b digest."""
unpack_block = struct.Struct(f"<{BLOCK}I").unpack
unpack_number = struct.Struct("<I").unpack_from
counter = struct.Struct("<I").pack
"""A block's index as the fixed-width suffix of the hashed text."""
FIRST_BLOCK = counter(0)


def seed_key(seed: int) -> bytes:
    """The BLAKE2b key of a seed (any integer, however large or negative)."""
    return blake2b(f"recall:{seed}".encode(), digest_size=32).digest()


class Stream:
    """A record's stream of 32-bit random numbers, block by block (`number`). Its place is
    (`index`, `used`): the block it reads and the numbers of it taken. Between dials it keeps
    its block as the 64-byte digest BLAKE2b made, never hashed twice, and reads each number
    from it in place: the unpacked block would cost ten times the memory for every record in
    progress of a merged run."""

    __slots__ = ("_hasher", "_id", "digest", "index", "used")

    def __init__(self, hasher: blake2b, record_id: bytes, index: int = 0, used: int = 0) -> None:
        """The stream of `record_id` at number `used` of block `index`."""
        self._hasher = hasher
        self._id = record_id
        self.index = index
        self.used = used
        self.digest = digest(hasher, record_id, index)

    def number(self) -> int:
        """The stream's next number."""
        used = self.used
        if used == BLOCK:
            self.index += 1
            self.digest = digest(self._hasher, self._id, self.index)
            used = 0
        self.used = used + 1
        value: int = unpack_number(self.digest, used << 2)[0]
        return value


def draw(drawn: Distribution, number: Callable[[], int]) -> tuple[int, int]:
    """The one way a dial draws from a record's numbers (`number` gives the next): its
    status's position in `drawn.statuses` and its duration. One number picks the status; one
    more the duration, only when it is a range. Every path of play draws through here."""
    choice = bisect_right(drawn.bounds, number())
    span = drawn.spans[choice]
    if span == 1:
        return choice, drawn.lows[choice]
    return choice, drawn.lows[choice] + ((number() * span) >> 32)


def record_id(contact: Contact) -> bytes:
    """The text a record's stream hashes: its id (any str, lone surrogates included)."""
    return contact.id.encode("utf-8", "surrogatepass")


def keyed(seed: int) -> blake2b:
    """The hasher every record's stream of this seed starts from (copied, never updated)."""
    return blake2b(digest_size=64, key=seed_key(seed))


def digest(hasher: blake2b, record_id: bytes, index: int) -> bytes:
    """Block `index` of a record's stream: the digest of its id and the fixed-width counter."""
    copy = hasher.copy()
    copy.update(record_id + counter(index))
    return copy.digest()


@dataclass(frozen=True, slots=True)
class Distribution:
    """Statuses with a probability above zero, in enum order, and their cumulative upper
    bounds in draws; the last bound is SCALE, so every draw falls in some status. Each
    status's duration is its `low` plus a draw scaled to its `span` (the count of values)."""

    statuses: tuple[Status, ...]
    bounds: tuple[int, ...]
    lows: tuple[int, ...]
    spans: tuple[int, ...]


def distribution(
    probabilities: Mapping[Status, float], durations: Mapping[Status, tuple[int, int]]
) -> Distribution:
    """The distribution of a profile row (normalised: the row sums to 1 within 1e-6), with
    each status's duration as (min, count of values), (0, 1) when it has none."""
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
    timed = [durations.get(status, (0, 1)) for status in statuses]
    return Distribution(
        tuple(statuses),
        tuple(bounds),
        tuple(low for low, _ in timed),
        tuple(span for _, span in timed),
    )


@dataclass(frozen=True, slots=True)
class Tables:
    """A profile compiled for drawing: the first dial's distribution, and the one after each
    status that has an `after` row."""

    first: Distribution
    after: Mapping[Status, Distribution]

    def following(self, previous: Status | None) -> Distribution:
        """The distribution of a number's next dial, given its previous status."""
        if previous is None:
            return self.first
        return self.after.get(previous, self.first)


def compile_profile(profile: Profile) -> Tables:
    durations = {status: (low, high - low + 1) for status, (low, high) in profile.durations.items()}
    return Tables(
        distribution(profile.outcomes, durations),
        {status: distribution(row, durations) for status, row in profile.after.items()},
    )


class ProfileStream:
    """One record's outcomes: each number remembers its previous status for `after`."""

    __slots__ = ("_number", "_previous", "_tables")

    def __init__(
        self, tables: Tables, number: Callable[[], int], previous: list[Status | None]
    ) -> None:
        self._tables = tables
        self._number = number
        self._previous = previous

    def next(self, number: int) -> tuple[Status, int]:
        drawn = self._tables.following(self._previous[number])
        choice, duration = draw(drawn, self._number)
        status = self._previous[number] = drawn.statuses[choice]
        return status, duration


class ProfileSource:
    """Random outcomes of a profile under a seed (an `OutcomeSource`)."""

    __slots__ = ("hasher", "profile", "seed", "tables")

    def __init__(self, profile: Profile, seed: int) -> None:
        self.profile = profile
        self.seed = seed
        self.tables = compile_profile(profile)
        self.hasher = keyed(seed)

    def stream(self, contact: Contact) -> ProfileStream:
        draws = Stream(self.hasher, record_id(contact)).number
        return ProfileStream(self.tables, draws, [None] * len(contact.phones))

    def statuses(self) -> frozenset[Status]:
        return self.profile.statuses()

    def reseeded(self, seed: int) -> ProfileSource:
        """The same profile under another seed (the next run of a Monte Carlo)."""
        return ProfileSource(self.profile, seed)
