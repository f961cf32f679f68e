"""Runs whose records act on each other — stops of scope campaign, caps of scope phone — and
do-not-call entries that end inside the run, on timelines worked by hand."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from rich.console import Console

from recall_cli.engine import (
    Action,
    Contact,
    Limits,
    NumberOrder,
    Phonebook,
    Policy,
    RecordState,
    Rule,
    Status,
    StopScope,
    Then,
)
from recall_cli.engine.caps import Calendar, Cap, Scope
from recall_cli.engine.dialer import Dialer
from recall_cli.messages import Lang
from recall_cli.render.data import record_data, record_json, summary_data
from recall_cli.render.run import DialerOutput, RunInfo
from recall_cli.render.timeline import render_run
from recall_cli.simulate.clock import Clock
from recall_cli.simulate.dialing import Cancellation, HeldBy, Setup
from recall_cli.simulate.dials import Event, RecordResult
from recall_cli.simulate.runner import Runner
from recall_cli.simulate.summary import Summary
from tests.strategies import TimedScript

MOSCOW = ZoneInfo("Europe/Moscow")
HOUR = 3600
MONDAY = datetime(2026, 11, 30, 10, tzinfo=MOSCOW)  # Monday 30 November 2026, 10:00 MSK
CLOCK = Clock(MONDAY, MOSCOW)
NA, BUSY, INVALID, ANSWERED = (
    Status.NO_ANSWER,
    Status.BUSY,
    Status.INVALID_NUMBER,
    Status.ANSWERED,
)
P, Q, R = "+74951110000", "+74952220000", "+74953330000"
CAP = HeldBy.CAP


def _policy(a: int = 5, b: int = 3, order: NumberOrder = NumberOrder.FIRST) -> Policy:
    return Policy(
        Limits(a, b, dial_all_numbers=True, number_order=order),
        {
            NA: Rule(NA, Action.CALLBACK, after_hours=(1,)),
            BUSY: Rule(BUSY, Action.CALLBACK, after_hours=(2,)),
            INVALID: Rule(INVALID, Action.STOP_NUMBER, scope=StopScope.CAMPAIGN),
        },
        name="coupled",
    )


def _book(contacts: Sequence[Contact], listed: Mapping[tuple[int, int], int | None]) -> Phonebook:
    """The phones more than one record holds, keyed by their text, and `listed`."""
    holders: dict[str, set[int]] = {}
    for position, contact in enumerate(contacts):
        for phone in contact.phones:
            holders.setdefault(phone, set()).add(position)
    shared = {
        (position, number): phone
        for position, contact in enumerate(contacts)
        for number, phone in enumerate(contact.phones)
        if phone and len(holders[phone]) > 1
    }
    return Phonebook(shared, listed)


def _run(
    contacts: Sequence[Contact],
    outcomes: Mapping[str, Mapping[int, Sequence[tuple[Status, int]]]],
    *,
    policy: Policy | None = None,
    caps: tuple[Cap, ...] = (),
    dialer: Dialer | None = None,
    listed: Mapping[tuple[int, int], int | None] | None = None,
    until: int | None = None,
) -> tuple[list[Event], list[RecordResult], Summary]:
    zones = [(MOSCOW,) * (len(contact.phones) + 1) for contact in contacts]
    book = _book(contacts, listed or {})
    setup = Setup(None, dialer, zones, caps=caps, phonebook=book)
    runner = Runner(
        policy or _policy(),
        contacts,
        TimedScript(outcomes),
        until=until,
        setup=setup,
        clock=CLOCK,
    )
    results, summary = runner.play()
    return list(runner.events()), list(results), summary


def _dials(
    events: list[Event],
) -> list[tuple[int, int, int, Status, int | None, tuple[HeldBy, ...]]]:
    return [(e.time, e.record, e.number, e.status, e.due, e.held_by) for e in events]


# Campaign-wide stops ------------------------------------------------------------------------

NEXT = _policy(order=NumberOrder.NEXT)

STOPPING = (Contact("17", (Q, P)), Contact("5", (P,)))
"""Record 17 dials Q, then P an hour later, which turns out invalid; record 5 waits two hours
for a callback on the same P."""
STOPPING_OUTCOMES = {"17": {0: [(NA, 0), (INVALID, 0)], 1: [(INVALID, 0)]}, "5": {0: [(BUSY, 0)]}}


def test_a_campaign_wide_stop_cancels_another_records_pending_callback() -> None:
    events, results, summary = _run(STOPPING, STOPPING_OUTCOMES, policy=NEXT)
    assert _dials(events) == [
        (0, 0, 0, NA, 0, ()),
        (0, 1, 0, BUSY, 0, ()),
        (HOUR, 0, 1, INVALID, HOUR, ()),
        (HOUR, 0, 0, INVALID, HOUR, ()),
    ]
    assert events[-1].then is Then.STOP_NUMBER
    assert events[-1].closed is RecordState.NUMBERS_EXHAUSTED
    # Record 5's callback was due at 12:00, after the stop at 11:00: cancelled then, its only
    # number stopped, it closes at 12:00 keeping its last dial's status.
    assert results[1] == RecordResult(
        1, STOPPING[1], RecordState.NUMBERS_EXHAUSTED, 1, 1, 2 * HOUR, BUSY, Then.STOP_NUMBER
    )
    assert summary.dialer is not None
    assert summary.dialer.cancelled == 1
    assert summary.dialer.do_not_call is None
    assert summary.dialer.closings == {1: Cancellation(2 * HOUR, 0, 0)}
    assert summary.closed_by["stop_number"] == 2  # type: ignore[index]


def _drawn(results: list[RecordResult], events: list[Event], summary: Summary, lang: Lang) -> str:
    run = RunInfo(NEXT, STOPPING, CLOCK, None, None, dialer=DialerOutput(cancelled=True))
    console = Console(file=io.StringIO(), width=160, color_system=None)
    render_run(console, run, events, results, summary, lang)
    out = console.file
    assert isinstance(out, io.StringIO)
    return out.getvalue()


def test_a_record_closed_by_a_cancellation_says_so_in_its_timeline() -> None:
    events, results, summary = _run(STOPPING, STOPPING_OUTCOMES, policy=NEXT)
    en = _drawn(results, events, summary, Lang.EN)
    ru = _drawn(results, events, summary, Lang.RU)
    assert "12:00 · number 1 stopped campaign-wide by record 17 → record closed" in en
    assert "12:00 · номер 1 остановлен в кампании записью 17 → запись закрыта" in ru
    assert en.count("by record 17") == 1
    assert "pending dials cancelled (number stopped campaign-wide or do-not-call)" in en


def test_a_cancellation_shows_in_json_only_when_the_feature_is_used() -> None:
    _, results, summary = _run(STOPPING, STOPPING_OUTCOMES, policy=NEXT)
    assert summary.dialer is not None
    closings = summary.dialer.closings
    used = RunInfo(NEXT, STOPPING, CLOCK, None, None, dialer=DialerOutput(cancelled=True))
    plain = RunInfo(NEXT, STOPPING, CLOCK, None, None, dialer=DialerOutput())
    assert record_data(results[1], used, closings)["cancelled"] == {
        "at": "2026-11-30T12:00:00+03:00",
        "number": 1,
        "reason": "campaign_stop",
        "by": "17",
    }
    assert record_data(results[0], used, closings)["cancelled"] is None
    for result in results:
        assert json.loads(record_json(result, used, closings)) == record_data(
            result, used, closings
        )
        assert "cancelled" not in json.loads(record_json(result, plain, closings))
    assert summary_data(summary, used)["cancelled"] == 1
    assert "cancelled" not in summary_data(summary, plain)


def test_a_cancelled_dial_moves_on_at_the_stop_when_it_waited_past_its_due_time() -> None:
    # One line: record 5's first dial waits behind record 17's ten-minute dial of P, which
    # stops P; the dial is cancelled at the stop and the record dials its next number at once.
    contacts = (Contact("17", (P,)), Contact("5", (P, R)))
    outcomes = {"17": {0: [(INVALID, 600)]}, "5": {1: [(ANSWERED, 0)]}}
    events, results, summary = _run(contacts, outcomes, dialer=Dialer(1))
    assert _dials(events) == [(0, 0, 0, INVALID, 0, ()), (600, 1, 1, ANSWERED, 600, ())]
    assert (events[1].attempt, events[1].number_attempt) == (1, 1)
    assert [r.state for r in results] == [RecordState.NUMBERS_EXHAUSTED, RecordState.REACHED]
    assert [r.closed_at for r in results] == [600, 600]
    assert summary.dialer is not None
    assert summary.dialer.cancelled == 1
    assert summary.dialer.closings == {}


def test_a_cancelled_repeat_of_a_record_at_its_limit_closes_it_attempts_exhausted() -> None:
    policy = Policy(
        Limits(1, 1, dial_all_numbers=True),
        {
            BUSY: Rule(BUSY, Action.CALLBACK, repeats=1, interval_minutes=10, after_hours=(1,)),
            INVALID: Rule(INVALID, Action.STOP_NUMBER, scope=StopScope.CAMPAIGN),
        },
    )
    contacts = (Contact("17", (P,)), Contact("5", (P, R)))
    outcomes = {"17": {0: [(INVALID, 300)]}, "5": {0: [(BUSY, 0)]}}
    events, results, summary = _run(contacts, outcomes, policy=policy)
    # 17's five-minute dial stops P at 10:05; 5's repeat of P, due at 10:10, is cancelled then:
    # its one attempt is made, so it closes attempts_exhausted at 10:10.
    assert _dials(events) == [(0, 0, 0, INVALID, 0, ()), (0, 1, 0, BUSY, 0, ())]
    assert events[1].then is Then.REPEAT
    assert results[1] == RecordResult(
        1, contacts[1], RecordState.ATTEMPTS_EXHAUSTED, 1, 1, 600, BUSY, Then.STOP_NUMBER
    )
    assert summary.dialer is not None
    assert summary.dialer.cancelled == 1
    assert summary.dialer.closings == {1: Cancellation(600, 0, 0)}


def test_with_a_shared_phone_a_second_record_never_dials_a_phone_stopped_before_its_turn() -> None:
    contacts = (Contact("1", (P,)), Contact("2", (Q, P)))
    outcomes = {"1": {0: [(INVALID, 0)]}, "2": {0: [(NA, 0)], 1: [(ANSWERED, 0)]}}
    events, results, _ = _run(contacts, outcomes, policy=_policy(b=1))
    # Record 2's callback moves to P in an hour; P was stopped at 0: not eligible, so the
    # decision at 0 already finds no number.
    assert _dials(events) == [(0, 0, 0, INVALID, 0, ()), (0, 1, 0, NA, 0, ())]
    assert events[1].closed is RecordState.NUMBERS_EXHAUSTED
    assert [r.closed_at for r in results] == [0, 0]


# Do not call ---------------------------------------------------------------------------------


def test_a_do_not_call_entry_that_ends_mid_run_makes_its_number_eligible_after_its_end() -> None:
    contacts = (Contact("1", (P, R)),)
    outcomes = {"1": {1: [(NA, 0), (NA, 0)], 0: [(ANSWERED, 0)]}}
    listed = {(0, 0): CLOCK.epoch + HOUR}  # P is listed until 11:00
    events, results, summary = _run(
        contacts, outcomes, policy=_policy(order=NumberOrder.NEXT), listed=listed
    )
    # At the start P is listed: R first. At 10:00 the next attempt would move to P, still
    # listed: R again. At 11:00 the entry has ended: P.
    assert _dials(events) == [
        (0, 0, 1, NA, 0, ()),
        (HOUR, 0, 1, NA, HOUR, ()),
        (2 * HOUR, 0, 0, ANSWERED, 2 * HOUR, ()),
    ]
    assert results[0].state is RecordState.REACHED
    assert summary.dialer is not None
    assert (summary.dialer.do_not_call, summary.dialer.cancelled) == (1, 0)


def test_a_do_not_call_entry_past_the_horizon_is_an_empty_cell() -> None:
    contacts = (Contact("1", (P, R)), Contact("2", (P,)))
    outcomes = {"1": {1: [(NA, 0), (NA, 0)], 0: [(ANSWERED, 0)]}}
    listed: dict[tuple[int, int], int | None] = {(0, 0): CLOCK.epoch + 10 * HOUR, (1, 0): None}
    events, results, summary = _run(
        contacts, outcomes, policy=_policy(order=NumberOrder.NEXT), listed=listed, until=5 * HOUR
    )
    assert _dials(events) == [
        (0, 0, 1, NA, 0, ()),
        (HOUR, 0, 1, NA, HOUR, ()),
        (2 * HOUR, 0, 1, ANSWERED, 2 * HOUR, ()),
    ]
    assert [r.state for r in results] == [RecordState.REACHED, RecordState.NO_NUMBERS]
    # The results carry the list's own phones, not the cells folded empty.
    assert [r.contact for r in results] == list(contacts)
    assert summary.dialer is not None
    assert (summary.dialer.do_not_call, summary.dialer.cancelled) == (2, 0)


def test_an_entry_that_ended_before_the_start_lists_nothing() -> None:
    contacts = (Contact("1", (P,)),)
    _, results, summary = _run(contacts, {}, listed={(0, 0): CLOCK.epoch})
    assert results[0].state is RecordState.REACHED
    assert summary.dialer is not None
    assert summary.dialer.do_not_call == 0


# Caps of scope phone ---------------------------------------------------------------------------

SHARING = (Contact("A", (P,)), Contact("B", (P,)))


def test_a_daily_phone_cap_counts_the_phone_across_records() -> None:
    outcomes = {"A": {0: [(NA, 0), (ANSWERED, 0)]}, "B": {0: [(ANSWERED, 0)]}}
    events, results, summary = _run(
        SHARING, outcomes, caps=(Cap(1, Calendar.DAY, scope=Scope.PHONE),)
    )
    tuesday, wednesday = 14 * HOUR, 38 * HOUR  # the next two midnights in Moscow
    # A dials at 10:00; B, due then too, waits for Tuesday; A's callback, due at 11:00, waits
    # for Tuesday as well, where B (due earlier) goes first, and A waits for Wednesday.
    assert _dials(events) == [
        (0, 0, 0, NA, 0, ()),
        (tuesday, 1, 0, ANSWERED, 0, (CAP,)),
        (wednesday, 0, 0, ANSWERED, HOUR, (CAP,)),
    ]
    assert [r.state for r in results] == [RecordState.REACHED] * 2
    assert summary.dialer is not None
    assert summary.dialer.held_by_caps == 2


def test_a_rolling_phone_cap() -> None:
    outcomes = {"A": {0: [(NA, 0), (ANSWERED, 0)]}, "B": {0: [(ANSWERED, 0)]}}
    events, _, _ = _run(SHARING, outcomes, caps=(Cap(1, 2 * HOUR, scope=Scope.PHONE),))
    assert _dials(events) == [
        (0, 0, 0, NA, 0, ()),
        (2 * HOUR, 1, 0, ANSWERED, 0, (CAP,)),
        (4 * HOUR, 0, 0, ANSWERED, HOUR, (CAP,)),
    ]


def test_a_phone_cap_leaves_phones_of_their_own_alone() -> None:
    contacts = (Contact("A", (P,)), Contact("B", (Q,)))
    events, _, _ = _run(contacts, {}, caps=(Cap(1, Calendar.DAY, scope=Scope.PHONE),))
    assert _dials(events) == [(0, 0, 0, ANSWERED, 0, ()), (0, 1, 0, ANSWERED, 0, ())]


def test_a_dial_in_progress_when_its_phone_is_stopped_ends_and_its_repeat_is_cancelled() -> None:
    policy = Policy(
        Limits(3, 3, dial_all_numbers=True),
        {
            BUSY: Rule(BUSY, Action.CALLBACK, repeats=1, interval_minutes=10, after_hours=(1,)),
            INVALID: Rule(INVALID, Action.STOP_NUMBER, scope=StopScope.CAMPAIGN),
        },
    )
    contacts = (Contact("1", (P,)), Contact("2", (P, R)))
    outcomes = {"1": {0: [(INVALID, 0)]}, "2": {0: [(BUSY, 600)]}}
    events, results, summary = _run(contacts, outcomes, policy=policy)
    # Both dial P at 10:00; 1's stops it at once, 2's ten-minute dial goes on and asks for a
    # repeat at 10:20, which is cancelled then: 2 moves to R at once.
    assert _dials(events) == [
        (0, 0, 0, INVALID, 0, ()),
        (0, 1, 0, BUSY, 0, ()),
        (1200, 1, 1, ANSWERED, 1200, ()),
    ]
    assert (events[1].then, events[1].next_time) == (Then.REPEAT, 1200)
    assert results[1].state is RecordState.REACHED
    assert summary.dialer is not None
    assert summary.dialer.cancelled == 1


def test_a_run_set_apart_by_lasting_entries_alone_plays_as_one_through_the_dialer() -> None:
    # Without hours, lines, caps or coupling the folded list plays through Part I's own loop;
    # a cap that never binds sends it through the dialer's: the dials and results agree.
    contacts = (Contact("1", (P, R)), Contact("2", (P,)), Contact("3", (Q, R)))
    outcomes = {"1": {1: [(NA, 600), (BUSY, 0)]}, "3": {0: [(BUSY, 0), (NA, 0)]}}
    listed: dict[tuple[int, int], int | None] = {(0, 0): None, (1, 0): None}
    fast = _run(contacts, outcomes, listed=listed)
    held = _run(contacts, outcomes, listed=listed, caps=(Cap(100, Calendar.DAY),))
    assert [e[:15] for e in fast[0]] == [e[:15] for e in held[0]]
    assert fast[1] == held[1]
    assert fast[2].dialer is not None
    assert held[2].dialer is not None
    assert (fast[2].dialer.end, fast[2].dialer.do_not_call) == (held[2].dialer.end, 2)
    assert fast[2].dialer.end == 600 + HOUR + 2 * HOUR  # record 1 answers last
