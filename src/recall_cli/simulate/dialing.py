"""The dialer's share of a run, as values: what it was given (`Setup`), what it adds to each
dial (`due`, `held_by` on the event) and the figures it adds to the summary.

Without calling hours, lines, caps or do-not-call lists a run has no `Setup` and its output is
Part I's, byte for byte: events leave `due` and `held_by` unset and the summary's `dialer` is
None.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from enum import StrEnum

from recall_cli.engine.caps import Cap, Scope
from recall_cli.engine.dialer import Dialer
from recall_cli.engine.hours import Hours
from recall_cli.engine.phonebook import Phonebook
from recall_cli.engine.policy import Action, Policy, StopScope
from recall_cli.engine.status import Status


class HeldBy(StrEnum):
    """What delayed a dial past its due time; an event lists them sorted."""

    CAP = "cap"
    HOURS = "hours"
    LINE = "line"


HELD: dict[tuple[bool, bool, bool], tuple[HeldBy, ...]] = {
    (cap, hours, line): tuple(
        reason
        for reason, held in ((HeldBy.CAP, cap), (HeldBy.HOURS, hours), (HeldBy.LINE, line))
        if held
    )
    for cap in (False, True)
    for hours in (False, True)
    for line in (False, True)
}
"""What held a dial, by (held by a cap, held by hours, waited for a line), sorted."""


@dataclass(frozen=True, slots=True)
class Setup:
    """The dialer of a run: calling hours (None: any time), lines (None: unlimited), and for
    each record in list order the zone each of its numbers is judged in, with the record's own
    zone last (`zones[position][number]`, `zones[position][-1]`)."""

    hours: Hours | None
    dialer: Dialer | None
    zones: Sequence[tuple[tzinfo, ...]]
    zone_fallback: int = 0
    """Non-empty numbers judged in the campaign's zone for want of another under
    `local_time: record` (the summary's `zone_fallback`)."""
    caps: tuple[Cap, ...] = ()
    """The frequency caps every record's dials are held by (none: no caps)."""
    phonebook: Phonebook | None = None
    """Phones shared across records and do-not-call entries, when a run needs them (phone caps,
    campaign-wide stops, do-not-call lists); None otherwise."""

    @property
    def phone_caps(self) -> bool:
        """Whether a cap counts a phone's dials across records."""
        return any(cap.scope is Scope.PHONE for cap in self.caps)

    @property
    def listing(self) -> bool:
        """Whether the run has do-not-call lists (which may list none of its phones)."""
        return self.phonebook is not None and (
            self.phonebook.listing or bool(self.phonebook.listed)
        )

    def plays_whole(self) -> bool:
        """Whether records wait for or act on each other — lines, or phones that several records
        share under phone caps or campaign-wide stops — so that a record's timeline is the one
        of the whole campaign's run."""
        return self.dialer is not None or (
            self.phonebook is not None and bool(self.phonebook.shared)
        )


def campaign_stops(policy: Policy) -> frozenset[Status]:
    """The statuses whose rule stops the number in every record that holds its phone."""
    return frozenset(
        status
        for status, rule in policy.rules.items()
        if rule.action is Action.STOP_NUMBER and rule.scope is StopScope.CAMPAIGN
    )


@dataclass(frozen=True, slots=True)
class Cancellation:
    """A record closed by a cancelled dial: when, the number (0-based) whose dial was
    cancelled, and the list position of the record that stopped that phone campaign-wide (None:
    the number was on a do-not-call list)."""

    at: int
    number: int
    by: int | None


@dataclass(frozen=True, slots=True)
class LineFigures:
    """The summary's `lines`: busy line-seconds / (lines × span from the first dial's start to
    the last dial's end), None for an empty span; how many dials waited for a line; and the
    waits (seconds) of those that waited: median (of the middle two), p90 (nearest rank), max;
    0 when none waited."""

    utilisation: float | None
    waited_for_line: int
    median: float
    p90: int
    max: int


@dataclass(frozen=True, slots=True)
class DialerFigures:
    """What a run with a `Setup` adds to the summary; each part only with its feature."""

    end: int | None
    """The last dial's end, in virtual seconds; None when no dial was made."""
    lines: LineFigures | None = None
    held_by_hours: int | None = None
    zone_fallback: int | None = None
    busy_by_hour: Mapping[int, int] | None = None
    """With lines: busy line-seconds per hour of the campaign (0 = the first), the hours that
    have any in order; a dial counts in every hour it spans, for its seconds in it."""
    held_by_caps: int | None = None
    """With caps: the dials a cap held past their due time."""
    do_not_call: int | None = None
    """With do-not-call lists: the (record, number) pairs listed at the run's start."""
    cancelled: int | None = None
    """With campaign-wide stops or do-not-call lists: pending dials cancelled."""
    closings: Mapping[int, Cancellation] | None = None
    """With campaign-wide stops or do-not-call lists: the records a cancelled dial closed, by
    list position."""
