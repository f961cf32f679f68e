"""A quiet lines run's dials drawn ahead (`scripts.scripted` draws them), as the lines loop reads
them (`quiet.tallied`): what a record's dials are does not depend on when they start, so the
loop only times them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from recall_cli.engine import RecordState, Status, Then
from recall_cli.simulate.loop import resumed
from recall_cli.simulate.summary import STATUSES
from recall_cli.simulate.walk import Walk, Walker

HANDED = -2
"""A script's extra slot for a record that walks on from there (`Scripts.closing`)."""


@dataclass(frozen=True, slots=True)
class Scripts:
    """The dials of a quiet run's records drawn ahead (`scripts.scripted`), for the loop only
    to time them. Every scripted record's dials take a slot each, its slots together, and one
    more slot after them. Per record (its index in the loop's walks): its first slot
    (`first`; -1 when it is not scripted). Per slot: the state the dial is taken in (`state`;
    in the extra slot, where the record stands), its status's index in `Status` order, its
    duration, the delay from its end to the next dial, and `closing`: the table's entry
    (state * width + choice) when the dial closes the record, else -1, or `HANDED` in the
    extra slot of a record that walks on from there (`loop.resumed`, on `walker`). `closed`:
    each closing entry's state, attempts, status and rule."""

    walker: Walker
    first: list[int]
    state: Sequence[int]
    status: Sequence[int]
    duration: Sequence[int]
    delay: Sequence[int]
    closing: Sequence[int]
    closed: dict[int, tuple[RecordState, int, Status, Then | None]]


def stand(walks: list[Walk], scripts: Scripts, at: list[int]) -> None:
    """The scripted records still in progress told where their scripts stand, as their walks
    would (`Walk.expire` then ends them)."""
    first, state, status = scripts.first, scripts.state, scripts.status
    for index, slot in enumerate(at):
        walk = walks[index]
        if slot < 0 or walk.result is not None:
            continue
        walk.cursor = state[slot]
        walk.dials = slot - first[index]
        walk.last = STATUSES[status[slot - 1]] if walk.dials else None


def handed(walk: Walk, scripts: Scripts, index: int, slot: int, due: int) -> Walk:
    """The walk of the scripted record `index` from its `slot` on, its next dial due at `due`."""
    first = scripts.first[index]
    last = STATUSES[scripts.status[slot - 1]]
    states = (scripts.state[first], scripts.state[slot])
    identity = walk.contact.id.encode("utf-8", "surrogatepass")
    return resumed(
        scripts.walker, walk.position, walk.contact, states, identity, due, slot - first, last
    )
