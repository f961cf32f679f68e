"""When a due dial may start as far as its own record and number decide: frequency caps first,
then its number's calling hours, in virtual seconds (lines are the dialer loop's business).

A dial is checked against the caps before the window; a window that opens later may meet a cap
again, so the two are checked in turn until both hold. The caps count the dials a record has
started, which the run tells the gate's `Ledger` as each dial starts (`Gate.started`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo

from recall_cli.engine.caps import Calendar, Cap, Count, Scope
from recall_cli.simulate.dialing import HELD, HeldBy
from recall_cli.simulate.hours import OpenHours
from recall_cli.simulate.steps import Kind

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_SECOND = timedelta(seconds=1)
# Caps can hold a long run's dials for centuries; a dial they would hold past this instant
# never starts, as no calendar period (nor an event's time) can be written beyond it.
_LATEST = (datetime(9998, 12, 31, tzinfo=UTC) - _EPOCH) // _ONE_SECOND


def next_period(instant: int, per: Calendar, zone: tzinfo) -> int:
    """The instant the calendar period after the one holding `instant` starts, in `zone`: the
    next local midnight, Monday's midnight or the 1st's midnight (read with `fold=0`)."""
    return _period(instant, per, zone)[1]


def _period(instant: int, per: Calendar, zone: tzinfo) -> tuple[int, int]:
    """The instants the calendar period holding `instant` starts and the next one starts."""
    local = datetime.fromtimestamp(instant, zone).date()
    if per is Calendar.DAY:
        first, following = local, local + timedelta(days=1)
    elif per is Calendar.WEEK:
        first = local - timedelta(days=local.weekday())
        following = first + timedelta(days=7)
    else:
        first = local.replace(day=1)
        following = (
            date(local.year + 1, 1, 1)
            if local.month == 12
            else (date(local.year, local.month + 1, 1))
        )
    return _midnight(first, zone), _midnight(following, zone)


def _midnight(day: date, zone: tzinfo) -> int:
    return (datetime(day.year, day.month, day.day, tzinfo=zone) - _EPOCH) // _ONE_SECOND


class Periods:
    """`next_period`, remembered per zone and kind of period: the last answer serves every
    instant of its period. A run asks about the dials of many records of one zone in nearby
    periods, and turning an instant into a local date is most of a capped dial's cost."""

    __slots__ = ("known",)

    def __init__(self) -> None:
        self.known: dict[tuple[tzinfo, Calendar], tuple[int, int]] = {}

    def following(self, instant: int, per: Calendar, zone: tzinfo) -> int:
        """`next_period(instant, per, zone)`."""
        key = (zone, per)
        known = self.known.get(key)
        if known is not None and known[0] <= instant < known[1]:
            return known[1]
        first, following = _period(instant, per, zone)
        # A period whose midnight falls in a gap starts later than fold=0 says: not kept.
        if first <= instant < following:
            self.known[key] = (first, following)
        return following


class Ledger:
    """The starts of the counted dials of each record in progress (caps of scope `record`) and
    of each phone (caps of scope `phone`, the phone across every record that holds it, as
    `phone` names it): only the latest `max` of the largest cap of each count, as an older one
    can hold no dial back. Kept as small tuples, since every record of a merged run may be in
    progress at once; a phone of one record only is forgotten with its record."""

    __slots__ = ("by_phone", "by_record", "phone", "phone_caps", "record_caps")

    def __init__(self, caps: Sequence[Cap], phone: Phone | None = None) -> None:
        self.record_caps = tuple(cap for cap in caps if cap.scope is Scope.RECORD)
        self.phone_caps = tuple(cap for cap in caps if cap.scope is Scope.PHONE)
        self.phone: Phone = _own_phone if phone is None else phone
        self.by_record = _Starts(self.record_caps)
        self.by_phone = _Starts(self.phone_caps)

    def started(self, position: int, number: int, start: int, kind: Kind, last: bool) -> None:
        """The record at `position` started a dial of `kind` on its `number` at `start`;
        `last`: its record has ended with it, and its starts are forgotten."""
        if self.record_caps:
            if last:
                self.by_record.forget(position)
            else:
                self.by_record.add(position, start, kind)
        if self.phone_caps:
            self.by_phone.add(self.phone(position, number), start, kind)

    def ended(self, position: int, numbers: int) -> None:
        """The record at `position`, of `numbers` phone columns, has ended: its starts, and
        those of the phones no other record holds, are forgotten."""
        self.by_record.forget(position)
        if self.phone_caps:
            for number in range(numbers):
                slot = (position, number)
                if self.phone(position, number) == slot:
                    self.by_phone.forget(slot)

    def earliest(
        self,
        position: int,
        number: int,
        kind: Kind,
        moment: int,
        epoch: int,
        zones: tuple[tzinfo, ...],
    ) -> int:
        """The earliest moment ≥ `moment` at which a dial of `kind` on the record's `number`,
        counted, exceeds no cap; a cap's own earliest moment is the oldest of its latest `max`
        counted starts plus the period, or the start of the calendar period after it (in the
        record's zone, `zones[-1]`, or for a phone cap the number's, `zones[number]`)."""
        earliest = moment
        if self.record_caps:
            earliest = self.by_record.earliest(position, kind, earliest, epoch, zones[-1])
        if self.phone_caps:
            phone = self.phone(position, number)
            earliest = self.by_phone.earliest(phone, kind, earliest, epoch, zones[number])
        return earliest


Phone = Callable[[int, int], Hashable]
"""The identity of a record's number's phone (`Phonebook.phone`)."""


def _own_phone(position: int, number: int) -> Hashable:
    """Every number a phone of its own."""
    return (position, number)


class _Starts:
    """The latest counted starts of each holder (a record, or a phone) under `caps`."""

    __slots__ = ("caps", "keep", "periods", "starts")

    def __init__(self, caps: Sequence[Cap]) -> None:
        self.caps = tuple(caps)
        self.periods = Periods()
        self.keep = {
            count: max((cap.max for cap in caps if cap.count is count), default=0)
            for count in Count
        }
        self.starts: dict[Count, dict[Hashable, tuple[int, ...]]] = {count: {} for count in Count}

    def add(self, holder: Hashable, start: int, kind: Kind) -> None:
        for count, keep in self.keep.items():
            if keep and (count is Count.DIALS or kind is not Kind.REPEAT):
                starts = self.starts[count]
                kept = starts.get(holder, ())
                starts[holder] = (*kept[len(kept) - keep + 1 :], start)

    def forget(self, holder: Hashable) -> None:
        for starts in self.starts.values():
            starts.pop(holder, None)

    def earliest(self, holder: Hashable, kind: Kind, moment: int, epoch: int, zone: tzinfo) -> int:
        earliest = moment
        for cap in self.caps:
            if cap.count is Count.ATTEMPTS and kind is Kind.REPEAT:
                continue
            starts = self.starts[cap.count].get(holder, ())
            if len(starts) < cap.max:
                continue
            oldest = starts[-cap.max]
            per = cap.per
            if isinstance(per, Calendar):
                frees = self.periods.following(epoch + oldest, per, zone) - epoch
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
        ledger, epoch = self.ledger, self.epoch
        if ledger is None:
            return moment
        if epoch + moment > _LATEST:
            return None
        earliest = ledger.earliest(position, number, kind, moment, epoch, self.zones[position])
        return None if epoch + earliest > _LATEST else earliest

    def started(self, position: int, number: int, start: int, kind: Kind, last: bool) -> None:
        """Count a dial of `kind` the record at `position` started on its `number` at `start`
        (`last`: its record ended with it) towards its caps."""
        if self.ledger is not None:
            self.ledger.started(position, number, start, kind, last)

    def ended(self, position: int) -> None:
        """The record at `position` has ended: its caps forget it."""
        if self.ledger is not None:
            self.ledger.ended(position, len(self.zones[position]) - 1)

    def ready(
        self, position: int, number: int, due: int, kind: Kind
    ) -> tuple[int | None, tuple[HeldBy, ...]]:
        """The earliest moment ≥ `due` at which caps and the number's window let the dial of
        `kind` start (None: the window never opens again), and what held it, sorted."""
        if self.ledger is None:
            # No caps: the window alone holds the dial, once at most.
            hours = self.hours
            if hours is None:
                return due, ()
            epoch = self.epoch
            opens = hours.next_open(epoch + due, self.zones[position][number])
            if opens is None:
                return None, ()
            return opens - epoch, () if opens == epoch + due else HELD[False, True, False]
        capped_at = self.earliest_under_caps(position, number, due, kind)
        if capped_at is None:
            return None, HELD[True, False, False]
        moment, capped = capped_at, capped_at > due
        hours = self.hours
        if hours is None:
            return moment, HELD[capped, False, False]
        zone, epoch = self.zones[position][number], self.epoch
        held = False
        while True:
            opens = hours.next_open(epoch + moment, zone)
            if opens is None:
                return None, HELD[capped, held, False]
            if opens == epoch + moment:
                return moment, HELD[capped, held, False]
            held = True
            moment = opens - epoch
            later = self.earliest_under_caps(position, number, moment, kind)
            if later is None:
                return None, HELD[True, held, False]
            if later == moment:
                return moment, HELD[capped, held, False]
            capped = True
            moment = later

    def window(self, position: int, number: int, due: int) -> tuple[int | None, bool, int | None]:
        """For a gate without caps (`ready`'s answer, and `closes` of it, in one call): the
        earliest moment ≥ `due` at which the number's window lets its dial start (None: never
        again), whether the window held it, and when that window closes (None: never)."""
        hours = self.hours
        if hours is None:
            return due, False, None
        epoch = self.epoch
        window = hours.window(epoch + due, self.zones[position][number])
        if window is None:
            return None, False, None
        opens, closes = window
        return opens - epoch, opens != epoch + due, None if closes is None else closes - epoch

    def closes(self, position: int, number: int, moment: int) -> int | None:
        """When the number's window, open at `moment`, closes; None when it never does."""
        hours = self.hours
        if hours is None:
            return None
        epoch = self.epoch
        closes = hours.closes_at(epoch + moment, self.zones[position][number])
        return None if closes is None else closes - epoch
