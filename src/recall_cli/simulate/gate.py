"""When a due dial may start as far as its own record and number decide: frequency caps first,
then its number's calling hours, in virtual seconds (lines are the dialer loop's business).

A dial is checked against the caps before the window; a window that opens later may meet a cap
again, so the two are checked in turn until both hold. The caps count the dials a record has
started, which the run tells the gate's `Ledger` as each dial starts (`Gate.started`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo

from recall_cli.engine.caps import Calendar, Cap, Count
from recall_cli.simulate.dialing import HeldBy
from recall_cli.simulate.hours import OpenHours
from recall_cli.simulate.steps import Kind

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_SECOND = timedelta(seconds=1)
# Caps can hold a long run's dials for centuries; a dial they would hold past this instant
# never starts, as no calendar period (nor an event's time) can be written beyond it.
_LATEST = (datetime(9998, 12, 31, tzinfo=UTC) - _EPOCH) // _ONE_SECOND
_HELD: dict[tuple[bool, bool], tuple[HeldBy, ...]] = {
    (False, False): (),
    (True, False): (HeldBy.CAP,),
    (False, True): (HeldBy.HOURS,),
    (True, True): (HeldBy.CAP, HeldBy.HOURS),
}
"""What held a dial, by (held by a cap, held by hours), sorted."""


def next_period(instant: int, per: Calendar, zone: tzinfo) -> int:
    """The instant the calendar period after the one holding `instant` starts, in `zone`: the
    next local midnight, Monday's midnight or the 1st's midnight (read with `fold=0`)."""
    local = datetime.fromtimestamp(instant, zone).date()
    if per is Calendar.DAY:
        following = local + timedelta(days=1)
    elif per is Calendar.WEEK:
        following = local + timedelta(days=7 - local.weekday())
    elif local.month == 12:
        following = date(local.year + 1, 1, 1)
    else:
        following = date(local.year, local.month + 1, 1)
    midnight = datetime(following.year, following.month, following.day, tzinfo=zone)
    return (midnight - _EPOCH) // _ONE_SECOND


class Ledger:
    """The starts of the counted dials of each record in progress, for its caps: only the
    latest `max` of the largest cap of each count, as an older one can hold no dial back.
    Kept as small tuples, since every record of a merged run may be in progress at once."""

    __slots__ = ("caps", "keep", "starts")

    def __init__(self, caps: Sequence[Cap]) -> None:
        self.caps = tuple(caps)
        self.keep = {
            count: max((cap.max for cap in caps if cap.count is count), default=0)
            for count in Count
        }
        self.starts: dict[Count, dict[int, tuple[int, ...]]] = {count: {} for count in Count}

    def started(self, position: int, start: int, kind: Kind, last: bool) -> None:
        """The record at `position` started a dial of `kind` at `start`; `last`: its record has
        ended with it, and its starts are forgotten."""
        for count, keep in self.keep.items():
            starts = self.starts[count]
            if last:
                starts.pop(position, None)
            elif keep and (count is Count.DIALS or kind is not Kind.REPEAT):
                kept = starts.get(position, ())
                starts[position] = (*kept[len(kept) - keep + 1 :], start)

    def earliest(self, position: int, kind: Kind, moment: int, epoch: int, zone: tzinfo) -> int:
        """The earliest moment ≥ `moment` at which a dial of `kind`, counted, exceeds no cap of
        the record at `position`; a cap's own earliest moment is the oldest of its latest `max`
        counted starts plus the period, or the start of the calendar period after it."""
        earliest = moment
        for cap in self.caps:
            if cap.count is Count.ATTEMPTS and kind is Kind.REPEAT:
                continue
            starts = self.starts[cap.count].get(position, ())
            if len(starts) < cap.max:
                continue
            oldest = starts[-cap.max]
            per = cap.per
            if isinstance(per, Calendar):
                frees = next_period(epoch + oldest, per, zone) - epoch
            else:
                frees = oldest + per
            earliest = max(earliest, frees)
        return earliest


@dataclass(frozen=True, slots=True)
class Gate:
    """Caps and calling hours of a run. `hours` None: any time. `epoch`: the run's start as
    seconds since the Unix epoch (`Clock.epoch`), which turns virtual seconds into the instants
    the hours and calendar caps are judged in. `zones[position][number]`: each number's zone,
    the record's own last. `ledger` None: no caps."""

    hours: OpenHours | None
    epoch: int
    zones: Sequence[tuple[tzinfo, ...]]
    ledger: Ledger | None = field(default=None)

    def earliest_under_caps(
        self, position: int, number: int, moment: int, kind: Kind
    ) -> int | None:
        """The earliest moment ≥ `moment` at which the run's caps let the record at `position`
        start a dial of `kind` on its `number`; None when that is past the calendar's end."""
        del number  # caps of scope `record` count all the record's numbers together
        ledger, epoch = self.ledger, self.epoch
        if ledger is None:
            return moment
        if epoch + moment > _LATEST:
            return None
        earliest = ledger.earliest(position, kind, moment, epoch, self.zones[position][-1])
        return None if epoch + earliest > _LATEST else earliest

    def started(self, position: int, start: int, kind: Kind, last: bool) -> None:
        """Count a dial of `kind` the record at `position` started at `start` (`last`: its
        record ended with it) towards its caps."""
        if self.ledger is not None:
            self.ledger.started(position, start, kind, last)

    def ready(
        self, position: int, number: int, due: int, kind: Kind
    ) -> tuple[int | None, tuple[HeldBy, ...]]:
        """The earliest moment ≥ `due` at which caps and the number's window let the dial of
        `kind` start (None: the window never opens again), and what held it, sorted."""
        capped_at = self.earliest_under_caps(position, number, due, kind)
        if capped_at is None:
            return None, _HELD[True, False]
        moment, capped = capped_at, capped_at > due
        hours = self.hours
        if hours is None:
            return moment, _HELD[capped, False]
        zone, epoch = self.zones[position][number], self.epoch
        held = False
        while True:
            opens = hours.next_open(epoch + moment, zone)
            if opens is None:
                return None, _HELD[capped, held]
            if opens == epoch + moment:
                return moment, _HELD[capped, held]
            held = True
            moment = opens - epoch
            later = self.earliest_under_caps(position, number, moment, kind)
            if later is None:
                return None, _HELD[True, held]
            if later == moment:
                return moment, _HELD[capped, held]
            capped = True
            moment = later

    def closes(self, position: int, number: int, moment: int) -> int | None:
        """When the number's window, open at `moment`, closes; None when it never does."""
        hours = self.hours
        if hours is None:
            return None
        epoch = self.epoch
        closes = hours.closes_at(epoch + moment, self.zones[position][number])
        return None if closes is None else closes - epoch
