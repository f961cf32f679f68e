"""When a due dial may start as far as its own record and number decide: frequency caps first,
then its number's calling hours, in virtual seconds (lines are the dialer loop's business).

A dial is checked against the caps before the window; a window that opens later may meet a cap
again, so the two are checked in turn until both hold. Caps are not played yet:
`earliest_under_caps` is where they come in, and lets every dial through as it is due.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo

from recall_cli.simulate.hours import OpenHours


@dataclass(frozen=True, slots=True)
class Gate:
    """Caps and calling hours of a run. `hours` None: any time. `epoch`: the run's start as
    seconds since the Unix epoch (`Clock.epoch`), which turns virtual seconds into the instants
    the hours are judged in. `zones[position][number]`: each number's zone."""

    hours: OpenHours | None
    epoch: int
    zones: Sequence[tuple[tzinfo, ...]]

    def earliest_under_caps(self, position: int, number: int, moment: int) -> int:
        """The earliest moment ≥ `moment` at which the run's caps let the record at `position`
        dial its `number`: `moment` itself, as no run has caps yet."""
        del position, number
        return moment

    def ready(self, position: int, number: int, due: int) -> tuple[int | None, bool]:
        """The earliest moment ≥ `due` at which caps and the number's window let the dial
        start (None: the window never opens again), and whether the window held it."""
        moment = self.earliest_under_caps(position, number, due)
        hours = self.hours
        if hours is None:
            return moment, False
        zone, epoch = self.zones[position][number], self.epoch
        held = False
        while True:
            opens = hours.next_open(epoch + moment, zone)
            if opens is None:
                return None, held
            if opens == epoch + moment:
                return moment, held
            held = True
            moment = opens - epoch
            capped = self.earliest_under_caps(position, number, moment)
            if capped == moment:
                return moment, held
            moment = capped

    def closes(self, position: int, number: int, moment: int) -> int | None:
        """When the number's window, open at `moment`, closes; None when it never does."""
        hours = self.hours
        if hours is None:
            return None
        epoch = self.epoch
        closes = hours.closes_at(epoch + moment, self.zones[position][number])
        return None if closes is None else closes - epoch
