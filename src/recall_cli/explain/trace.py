"""A trace: given outcomes played on a sample record through the real simulator (under
calling hours or caps, through the dialer's per-record path); `explain/teller.py` tells it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from recall_cli.engine import Policy, Status, parse_status
from recall_cli.engine.caps import Calendar, Cap
from recall_cli.engine.hours import Hours
from recall_cli.explain.clock import TraceStart
from recall_cli.explain.listing import TraceListing, passed_over, skipped_at_start
from recall_cli.explain.outcomes import SequenceSource, TraceEndedError, sample_contact
from recall_cli.explain.words import status_message
from recall_cli.loaders import codes
from recall_cli.loaders.status_names import unknown_status
from recall_cli.messages import Message
from recall_cli.problems import Location, Problem
from recall_cli.simulate.clock import Clock
from recall_cli.simulate.dialer import gate, held_dials
from recall_cli.simulate.dialing import HeldBy, Setup
from recall_cli.simulate.gate import Gate
from recall_cli.simulate.simulator import Event, RecordResult, simulate
from recall_cli.simulate.steps import Plain
from recall_cli.simulate.walk import Walk, Walker


@dataclass(frozen=True, slots=True)
class TraceDialer:
    """What of a config's dialer a trace plays. `hours` are applied only on a dated trace
    (`epoch`: its start as Unix seconds), all in the campaign's `zone`: a sample record has no
    list to take a number's own zone from. `undated`: the config has hours but the trace has no
    date to judge them on. `lines`: the config has lines, which never hold a lone record.
    `caps`: the caps the trace counts its dials against — on an undated trace the rolling ones
    only; `undated_caps`: calendar caps left out for want of a date."""

    zone: ZoneInfo
    hours: Hours | None = None
    epoch: int = 0
    undated: bool = False
    lines: bool = False
    caps: tuple[Cap, ...] = ()
    undated_caps: bool = False

    @property
    def gated(self) -> bool:
        """Whether the trace's dials go through calling hours or caps."""
        return self.hours is not None or bool(self.caps)


def trace_dialer(
    hours: Hours | None,
    lines: bool,
    start: TraceStart,
    zone: ZoneInfo,
    caps: tuple[Cap, ...] = (),
) -> TraceDialer | None:
    """The dialer a trace starting at `start` plays; None when the config has none."""
    if hours is None and not lines and not caps:
        return None
    if start.moment is None:
        rolling = tuple(cap for cap in caps if not isinstance(cap.per, Calendar))
        return TraceDialer(
            zone,
            undated=hours is not None,
            lines=lines,
            caps=rolling,
            undated_caps=len(rolling) < len(caps),
        )
    return TraceDialer(zone, hours, Clock(start.moment, zone).epoch, lines=lines, caps=caps)


@dataclass(frozen=True, slots=True)
class Trace:
    """What the engine made of `outcomes` on a record with `phones` numbers.

    `result` is None when the outcomes (or the `limit` on dials) ran out before the record
    closed: it is still open after the last event.
    """

    outcomes: tuple[Status, ...]
    phones: int
    events: tuple[Event, ...]
    result: RecordResult | None
    dialer: TraceDialer | None = None
    next_start: int | None = None
    """When the record's waiting dial would start under calling hours or caps; None without
    them."""
    next_held: tuple[HeldBy, ...] = ()
    """What would hold the record's waiting dial past its due time."""
    listing: TraceListing | None = None
    """The do-not-call entries on the sample record's phones."""
    skipped_at_start: tuple[int, ...] = ()
    """The listed numbers the record's first dial passed over."""
    skipped: tuple[tuple[int, ...], ...] = ()
    """Per event, the listed numbers the decision after it passed over."""

    @property
    def unused(self) -> tuple[Status, ...]:
        """The outcomes left over when the record closed before they ran out."""
        return self.outcomes[len(self.events) :] if self.result is not None else ()


def parse_outcomes(value: str, option: str) -> tuple[tuple[Status, ...], list[Problem]]:
    """The statuses of a comma-separated `--trace` (ids or Russian labels), or the problems."""
    where = Location(option)
    names = value.split(",")
    if not value.strip():
        return (), [Problem(where, codes.UNKNOWN_STATUS, Message("explain.trace.empty"))]
    statuses: list[Status] = []
    problems: list[Problem] = []
    for index, raw in enumerate(names, start=1):
        name = raw.strip()
        if not name:
            # A trailing comma is a slip, not an outcome.
            if index == len(names) and index > 1:
                continue
            message = Message("explain.trace.blank_item", {"n": index})
            problems.append(Problem(where, codes.UNKNOWN_STATUS, message))
            continue
        status = parse_status(name)
        if status is None:
            problems.append(unknown_status(where, name))
        else:
            statuses.append(status)
    return tuple(statuses), problems


def missing_rules(policy: Policy, outcomes: Iterable[Status], config: str) -> list[Problem]:
    """A problem for each status of the trace that needs a rule and has none."""
    return [
        Problem(
            Location(config),
            codes.MISSING_RULE,
            Message("explain.trace.missing_rule", {"status": status_message(status)}),
        )
        for status in policy.missing_rules(set(outcomes))
    ]


def run_trace(
    policy: Policy,
    outcomes: tuple[Status, ...],
    phones: int,
    *,
    cycle: bool = False,
    limit: int | None = None,
    dialer: TraceDialer | None = None,
    listing: TraceListing | None = None,
) -> Trace:
    """Play `outcomes` on a sample record through the simulator, or, with calling hours,
    through the dialer's windows, with the phones of `listing` on a do-not-call list; every
    status needs a rule."""
    source = SequenceSource(outcomes, cycle)
    checks = _gate(dialer, phones) if dialer is not None and dialer.gated else None
    skipped: list[tuple[int, ...]] = []
    at_start: tuple[int, ...] = ()
    if listing is not None:
        contact = sample_contact(phones)
        at_start = skipped_at_start(contact.dialable, policy, listing.barred(0))
        walk = Walker(policy, source).walk(0, contact, listing.barred(0))
        played: Iterator[Event] = _listed_dials(walk, checks, listing, skipped)
    elif checks is not None:
        walk = Walker(policy, source).walk(0, sample_contact(phones))
        played = held_dials(walk, checks)
    else:
        simulation = simulate(policy, [sample_contact(phones)], source)
        walk = simulation.runs[0]
        played = simulation.events()
    events: list[Event] = []
    try:
        for event in played:
            events.append(event)
            if limit is not None and len(events) >= limit:
                break
    except TraceEndedError:
        pass
    next_start: int | None = None
    next_held: tuple[HeldBy, ...] = ()
    waiting = walk.due() if checks is not None and walk.result is None else None
    if checks is not None and waiting is not None:
        # The same gate the played dials went through: it has counted them against the caps.
        next_start, next_held = checks.ready(0, waiting.number, waiting.time, waiting.kind)
    return Trace(
        outcomes,
        phones,
        tuple(events),
        walk.result,
        dialer,
        next_start,
        next_held,
        listing,
        at_start,
        tuple(skipped[: len(events)]),
    )


def _listed_dials(
    walk: Walk, checks: Gate | None, listing: TraceListing, skipped: list[tuple[int, ...]]
) -> Iterator[Event]:
    """The record's dials, each started when its caps and window allow (`checks`; None: when
    due) and decided by the engine when it ends, told which numbers are listed then, as a run
    whose entries end inside it decides them; `skipped` gets, per dial, the listed numbers its
    decision passed over."""
    policy = walk.policy
    while (waiting := walk.due()) is not None:
        cursor = walk.cursor
        assert isinstance(cursor, Plain)
        due, number, kind = waiting
        held: tuple[HeldBy, ...] | None = None
        start = due
        if checks is not None:
            ready, held = checks.ready(0, number, due, kind)
            if ready is None:
                walk.expire()
                return
            start = ready
        status, duration = cursor.outcomes.next(number)
        barred = listing.barred(start + duration)
        skipped.append(passed_over(policy, cursor.progress, status, barred))
        event = walk.settle(start, due, cursor.apply(policy, status, barred), duration, held)
        if checks is not None:
            checks.started(0, number, start, kind, walk.time is None)
        yield event


def _gate(played: TraceDialer, phones: int) -> Gate:
    """The windows of the sample record: every number in the campaign's zone, no lines."""
    zones = [(played.zone,) * (phones + 1)]
    return gate(Setup(played.hours, None, zones, caps=played.caps), played.epoch)
