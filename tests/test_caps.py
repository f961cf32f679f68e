"""Frequency caps of scope `record` on timelines worked by hand, and their properties: no cap
is ever exceeded, and a cap that never binds changes nothing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.engine import Action, Contact, Limits, Policy, RecordState, Rule, Status
from recall_cli.engine.caps import Calendar, Cap, Count, parse_per
from recall_cli.engine.dialer import Dialer
from recall_cli.engine.hours import Hours, Window, make_week
from recall_cli.simulate.clock import Clock
from recall_cli.simulate.dialing import HeldBy, Setup
from recall_cli.simulate.dials import Event, RecordResult
from recall_cli.simulate.runner import Runner
from recall_cli.simulate.summary import Summary
from tests.strategies import TimedScript

MOSCOW = ZoneInfo("Europe/Moscow")
HOUR = 3600
DAY = 24 * HOUR
CAP, HOURS, LINE = HeldBy.CAP, HeldBy.HOURS, HeldBy.LINE
NA, BUSY, ANSWERED = Status.NO_ANSWER, Status.BUSY, Status.ANSWERED
MONDAY = datetime(2026, 11, 30, 10, tzinfo=MOSCOW)  # Monday 30 November 2026, 10:00 MSK


def _policy(callback_hours: float = 1) -> Policy:
    return Policy(
        Limits(5, 5, dial_all_numbers=True),
        {
            NA: Rule(NA, Action.CALLBACK, after_hours=(callback_hours,)),
            BUSY: Rule(BUSY, Action.CALLBACK, repeats=1, interval_minutes=10, after_hours=(1,)),
        },
    )


def _run(
    outcomes: Mapping[str, Mapping[int, Sequence[tuple[Status, int]]]],
    caps: tuple[Cap, ...],
    *,
    policy: Policy | None = None,
    hours: Hours | None = None,
    dialer: Dialer | None = None,
) -> tuple[list[Event], list[RecordResult], Summary]:
    contacts = [Contact(key, (f"4951230000{key}",)) for key in outcomes]
    setup = Setup(hours, dialer, [(MOSCOW, MOSCOW)] * len(contacts), caps=caps)
    runner = Runner(
        policy or _policy(),
        contacts,
        TimedScript(outcomes),
        setup=setup,
        clock=Clock(MONDAY, MOSCOW),
    )
    results, summary = runner.play()
    return list(runner.events()), list(results), summary


def _times(events: list[Event]) -> list[tuple[int, int | None, tuple[HeldBy, ...]]]:
    return [(event.time, event.due, event.held_by) for event in events]


def test_per_parses_calendar_and_rolling_periods() -> None:
    assert [parse_per(text) for text in ("day", "week", "month", "24h", "7d", "8760h", "366d")] == [
        Calendar.DAY,
        Calendar.WEEK,
        Calendar.MONTH,
        DAY,
        7 * DAY,
        8760 * HOUR,
        366 * DAY,
    ]
    for text in ("0h", "8761h", "367d", "07d", "1w", "Day", "", "24 h"):
        assert parse_per(text) is None, text


def test_one_a_day_holds_a_repeat_to_the_next_local_midnight() -> None:
    # 10:00 busy (60 s), repeat due 10:11 → held to 00:00 Tue (14 h); no answer, callback due
    # 01:01 → held to 00:00 Wed (38 h); answered.
    outcomes = {"1": {0: ((BUSY, 60), (NA, 60), (ANSWERED, 0))}}
    for dialer in (None, Dialer(1)):
        events, results, summary = _run(outcomes, (Cap(1, Calendar.DAY),), dialer=dialer)
        assert _times(events) == [
            (0, 0, ()),
            (14 * HOUR, 660, (CAP,)),
            (38 * HOUR, 14 * HOUR + 60 + HOUR, (CAP,)),
        ]
        assert [(e.attempt, e.repeat) for e in events] == [(1, 0), (1, 1), (2, 0)]
        assert results[0].state is RecordState.REACHED
        assert results[0].closed_at == 38 * HOUR
        assert summary.dialer is not None
        assert summary.dialer.held_by_caps == 2
        assert summary.dialer.held_by_hours is None


def test_a_rolling_cap_counts_dials_in_the_last_period_its_start_excluded() -> None:
    # Three a 24 h: dials at 0, 1 h, 2 h; the fourth, due 3 h, waits for the first to leave
    # the window (24 h); the fifth, due 25 h, is let through at once: (1 h, 25 h] holds two.
    outcomes = {"1": {0: ((NA, 0),) * 5}}
    events, results, summary = _run(outcomes, (Cap(3, 24 * HOUR),))
    assert _times(events) == [
        (0, 0, ()),
        (HOUR, HOUR, ()),
        (2 * HOUR, 2 * HOUR, ()),
        (24 * HOUR, 3 * HOUR, (CAP,)),
        (25 * HOUR, 25 * HOUR, ()),
    ]
    assert results[0].state is RecordState.ATTEMPTS_EXHAUSTED
    assert summary.dialer is not None
    assert summary.dialer.held_by_caps == 1


def test_a_calendar_week_runs_from_monday_across_a_month_boundary() -> None:
    # Two a week, callbacks a day apart: Mon 30 Nov and Tue 1 Dec are one week, so the third,
    # due Wed 2 Dec 10:00, waits for Mon 7 Dec 00:00 MSK (7 days − 10 h after the start).
    outcomes = {"1": {0: ((NA, 0), (NA, 0), (ANSWERED, 0))}}
    events, _, _ = _run(outcomes, (Cap(2, Calendar.WEEK),), policy=_policy(24))
    assert _times(events) == [(0, 0, ()), (DAY, DAY, ()), (7 * DAY - 10 * HOUR, 2 * DAY, (CAP,))]
    # A month cap of two does not hold it: 30 November is another month. A week cap of three
    # does not either.
    events, _, _ = _run(outcomes, (Cap(2, Calendar.MONTH),), policy=_policy(24))
    assert _times(events)[2] == (2 * DAY, 2 * DAY, ())
    events, _, _ = _run(outcomes, (Cap(3, Calendar.WEEK),), policy=_policy(24))
    assert _times(events)[2] == (2 * DAY, 2 * DAY, ())


def test_a_cap_on_attempts_lets_repeats_through() -> None:
    # One attempt a day: the repeat at 10:11 goes at once; the next attempt, due 11:12, waits
    # for midnight. A cap on dials would have held the repeat.
    outcomes = {"1": {0: ((BUSY, 60), (BUSY, 60), (ANSWERED, 0))}}
    events, _, summary = _run(outcomes, (Cap(1, Calendar.DAY, Count.ATTEMPTS),))
    assert _times(events) == [(0, 0, ()), (660, 660, ()), (14 * HOUR, 720 + HOUR, (CAP,))]
    assert summary.dialer is not None
    assert summary.dialer.held_by_caps == 1
    events, _, _ = _run(outcomes, (Cap(1, Calendar.DAY),))
    assert _times(events)[1] == (14 * HOUR, 660, (CAP,))


def test_a_cap_then_the_window_holds_a_dial() -> None:
    # Hours 08–21 every day: the callback due 11:00 waits for midnight (cap), then for 08:00
    # (hours): 22 h after the start, held by both.
    hours = Hours(make_week({"every_day": (Window(8 * 60, 21 * 60),)}))
    outcomes = {"1": {0: ((NA, 0), (ANSWERED, 0))}}
    for dialer in (None, Dialer(1)):
        events, _, summary = _run(outcomes, (Cap(1, Calendar.DAY),), hours=hours, dialer=dialer)
        assert _times(events) == [(0, 0, ()), (22 * HOUR, HOUR, (CAP, HOURS))]
        assert summary.dialer is not None
        assert (summary.dialer.held_by_caps, summary.dialer.held_by_hours) == (1, 1)


def test_a_line_wait_after_a_cap_names_both() -> None:
    # One line, two records, one a day: record 2 waits 60 s for the line at the start; both
    # callbacks are held to midnight, where record 2 waits for record 1's 60 s dial again.
    outcomes = {"1": {0: ((NA, 60), (ANSWERED, 60))}, "2": {0: ((NA, 60), (ANSWERED, 60))}}
    events, _, _ = _run(outcomes, (Cap(1, Calendar.DAY),), dialer=Dialer(1))
    assert [(e.record, *t) for e, t in zip(events, _times(events), strict=True)] == [
        (0, 0, 0, ()),
        (1, 60, 0, (LINE,)),
        (0, 14 * HOUR, 60 + HOUR, (CAP,)),
        (1, 14 * HOUR + 60, 120 + HOUR, (CAP, LINE)),
    ]


def test_a_dial_a_cap_would_hold_past_the_calendars_end_never_starts() -> None:
    # One a month from 30 November 9998: the callback waits for 1 December; the next would
    # wait for January 10000, which no calendar reaches, so the record stays open.
    start = datetime(9998, 11, 30, 10, tzinfo=MOSCOW)
    setup = Setup(None, None, [(MOSCOW, MOSCOW)], caps=(Cap(1, Calendar.MONTH),))
    contacts = [Contact("1", ("49512300001",))]
    runner = Runner(
        _policy(), contacts, TimedScript({}, (NA, 0)), setup=setup, clock=Clock(start, MOSCOW)
    )
    results, _ = runner.play()
    assert [event.time for event in runner.events()] == [0, 14 * HOUR]
    assert [result.state for result in results] == [RecordState.OPEN]


# Properties ------------------------------------------------------------------------------

_PERIODS = st.sampled_from([Calendar.DAY, Calendar.WEEK, Calendar.MONTH, HOUR, 5 * HOUR, 2 * DAY])
_CAPS = st.lists(
    st.builds(Cap, st.integers(1, 3), _PERIODS, st.sampled_from(list(Count))), max_size=3
)
_OUTCOMES = st.lists(
    st.tuples(st.sampled_from([NA, BUSY, ANSWERED]), st.integers(0, 2 * HOUR)), max_size=6
)


def _counted_in(cap: Cap, starts: list[int], at: int) -> int:
    """How many of `starts` (≤ `at`) fall in the cap's period that holds `at`."""
    if isinstance(cap.per, int):
        return sum(1 for start in starts if at - cap.per < start <= at)

    def key(moment: int) -> object:
        day = (MONDAY + timedelta(seconds=moment)).astimezone(MOSCOW).date()
        if cap.per is Calendar.DAY:
            return day
        if cap.per is Calendar.WEEK:
            return day - timedelta(days=day.weekday())
        return day.year, day.month

    return sum(1 for start in starts if start <= at and key(start) == key(at))


@settings(max_examples=60, deadline=None)
@given(
    caps=_CAPS,
    scripts=st.lists(_OUTCOMES, min_size=1, max_size=4),
    lines=st.sampled_from([None, 1, 2]),
    hours=st.booleans(),
)
def test_no_cap_is_ever_exceeded(
    caps: list[Cap], scripts: list[list[tuple[Status, int]]], lines: int | None, hours: bool
) -> None:
    outcomes = {str(i): {0: tuple(script)} for i, script in enumerate(scripts)}
    week = Hours(make_week({"weekdays": (Window(9 * 60, 21 * 60),)})) if hours else None
    dialer = None if lines is None else Dialer(lines)
    events, results, _ = _run(outcomes, tuple(caps), hours=week, dialer=dialer)
    assert [result.position for result in results] == list(range(len(scripts)))
    assert all(result.state in set(RecordState) for result in results)
    for record in range(len(scripts)):
        mine = [event for event in events if event.record == record]
        assert len(mine) == results[record].dials
        for cap in caps:
            counted = [e.time for e in mine if cap.count is Count.DIALS or e.repeat == 0]
            for at in counted:
                assert _counted_in(cap, counted, at) <= cap.max, (cap, counted)
        for event in mine:
            assert event.due is not None
            assert (event.time > event.due) == bool(event.held_by)


@settings(max_examples=40, deadline=None)
@given(scripts=st.lists(_OUTCOMES, min_size=1, max_size=4), lines=st.sampled_from([None, 1]))
def test_a_cap_that_never_binds_changes_nothing(
    scripts: list[list[tuple[Status, int]]], lines: int | None
) -> None:
    outcomes = {str(i): {0: tuple(script)} for i, script in enumerate(scripts)}
    dialer = None if lines is None else Dialer(lines)
    free = _run(outcomes, (), dialer=dialer)
    capped = _run(outcomes, (Cap(10, Calendar.DAY), Cap(10, HOUR)), dialer=dialer)
    assert capped[:2] == free[:2]
