"""Do-not-call entries on a trace's sample record (`--listed`): which of its phones are listed,
until when, and what the engine passes over because of them.

A sample record has no real phone numbers, so its entries are given by position. They act
exactly as a list's entries do in a run: a listed phone is not eligible at a decision's moment
(the engine is told so), and an entry through a day ends at the next midnight in the campaign's
zone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from zoneinfo import ZoneInfo

from recall_cli.engine import Policy, Progress, Status, begin_dial, decide
from recall_cli.engine.progress import Barred, first_number
from recall_cli.explain.clock import TraceStart
from recall_cli.loaders.phonebook import entry_end
from recall_cli.messages import Message
from recall_cli.simulate.clock import Clock

_LISTED = re.compile(r"\s*(\d+)\s*(?::\s*(\S*)\s*)?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Listing:
    """Phone `phone` (0-based) of the sample record is listed through `until` (inclusive, in
    the campaign's zone); None: the entry has no end."""

    phone: int
    until: date | None = None


def parse_listing(value: str, phones: int, dated: bool) -> Listing | Message:
    """`2` or `2:2026-12-03` for a record of `phones` numbers, or why it cannot be used; an end
    date needs a dated trace (`dated`)."""
    match = _LISTED.fullmatch(value)
    if match is None:
        return Message("explain.usage.listed", {"value": value})
    position, until_text = int(match.group(1)), match.group(2)
    if not 1 <= position <= phones:
        return Message(
            "explain.usage.listed_phone", {"value": value, "phone": position, "phones": phones}
        )
    if until_text is None:
        return Listing(position - 1)
    until = _iso_date(until_text)
    if until is None:
        return Message("explain.usage.listed_date", {"value": value, "date": until_text})
    if not dated:
        return Message("explain.usage.listed_undated", {"value": value})
    return Listing(position - 1, until)


def _iso_date(text: str) -> date | None:
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class TraceListing:
    """The entries of a trace, one a phone in phone order, and when each ends in the trace's
    virtual seconds (exclusive; None: never; at most 0: before the trace starts)."""

    entries: tuple[Listing, ...]
    ends: tuple[int | None, ...]

    def listed_at(self, number: int, moment: int) -> bool:
        """Whether `number`'s entry applies at `moment`."""
        for entry, end in zip(self.entries, self.ends, strict=True):
            if entry.phone == number:
                return end is None or moment < end
        return False

    def barred(self, moment: int) -> Barred:
        """The numbers not eligible at `moment`, as the engine is told them."""
        return lambda number: self.listed_at(number, moment)


def trace_listing(
    listed: Sequence[Listing], start: TraceStart, zone: ZoneInfo
) -> TraceListing | None:
    """The entries of `listed` on a trace starting at `start` (None: none). A phone listed
    twice keeps the entry that ends later, as in a do-not-call file; ends need a dated start."""
    if not listed:
        return None
    epoch = 0 if start.moment is None else Clock(start.moment, zone).epoch
    kept: dict[int, tuple[Listing, int | None]] = {}
    for entry in listed:
        end = entry_end(entry.until, zone)
        if end is not None:
            end -= epoch
        earlier = kept.get(entry.phone)
        if earlier is not None and (earlier[1] is None or (end is not None and end <= earlier[1])):
            continue
        kept[entry.phone] = (entry, end)
    chosen = [kept[phone] for phone in sorted(kept)]
    return TraceListing(tuple(entry for entry, _ in chosen), tuple(end for _, end in chosen))


def skipped_at_start(dialable: tuple[bool, ...], policy: Policy, barred: Barred) -> tuple[int, ...]:
    """The listed numbers the engine passes over for a record's first dial, in the order it
    would have dialled them were they not listed."""
    skipped: list[int] = []
    while True:
        first = first_number(policy.limits, dialable, skipped.__contains__)
        if first is None or not barred(first):
            return tuple(skipped)
        skipped.append(first)


def passed_over(
    policy: Policy, progress: Progress, status: Status, barred: Barred
) -> tuple[int, ...]:
    """The listed numbers the engine passes over when the dial `progress` waits for ends in
    `status`: the ones it would have gone on to, in turn, were they not listed. The engine
    decides each on a copy; `progress` is left as it is."""
    skipped: list[int] = []
    while True:
        trial = replace(
            progress,
            number_attempts=list(progress.number_attempts),
            stopped=list(progress.stopped),
            repeats_used=dict(progress.repeats_used),
            callbacks=dict(progress.callbacks),
        )
        begin_dial(trial)
        following = decide(policy, trial, status, skipped.__contains__).next_number
        if following is None or not barred(following):
            return tuple(skipped)
        skipped.append(following)
