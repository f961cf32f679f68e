"""The dialer on timelines worked by hand: calling hours, zones, daylight saving, holidays,
lines and their order. Every instant below is computed by hand from the start."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo

from recall_cli.engine import Action, Contact, Limits, Policy, RecordState, Rule, Status
from recall_cli.engine.dialer import Dialer, Order
from recall_cli.engine.hours import CLOSED, Hours, Window, make_week
from recall_cli.simulate.clock import Clock
from recall_cli.simulate.dialing import DialerFigures, HeldBy, LineFigures, Setup
from recall_cli.simulate.dials import Event, RecordResult
from recall_cli.simulate.runner import Runner
from recall_cli.simulate.summary import Summary
from tests.strategies import TimedScript

MOSCOW = ZoneInfo("Europe/Moscow")
BERLIN = ZoneInfo("Europe/Berlin")
HOUR = 3600
DAY = 24 * HOUR
NINE_TO_NINE = (Window(9 * 60, 21 * 60),)
WEEKDAYS = Hours(make_week({"weekdays": NINE_TO_NINE}))
HOURS, LINE = HeldBy.HOURS, HeldBy.LINE
NA, BUSY, ANSWERED = Status.NO_ANSWER, Status.BUSY, Status.ANSWERED
POLICY = Policy(
    Limits(5, 3, dial_all_numbers=True),
    {
        NA: Rule(NA, Action.CALLBACK, after_hours=(1,)),
        BUSY: Rule(BUSY, Action.CALLBACK, repeats=1, interval_minutes=10, after_hours=(1,)),
        Status.INVALID_NUMBER: Rule(Status.INVALID_NUMBER, Action.STOP_NUMBER),
    },
)


def _run(
    outcomes: Mapping[str, Mapping[int, Sequence[tuple[Status, int]]]],
    start: datetime,
    hours: Hours | None = None,
    dialer: Dialer | None = None,
    zone: tzinfo = MOSCOW,
    until: int | None = None,
    phones: int = 1,
) -> tuple[list[Event], list[RecordResult], Summary]:
    contacts = [Contact(key, tuple(f"49512300{key}{n}" for n in range(phones))) for key in outcomes]
    setup = Setup(hours, dialer, [(zone,) * (phones + 1)] * len(contacts))
    clock = Clock(start, ZoneInfo("UTC") if start.tzinfo is UTC else MOSCOW)
    source = TimedScript(outcomes)
    runner = Runner(POLICY, contacts, source, until, setup=setup, clock=clock)
    results, summary = runner.play()
    events = list(runner.events())
    return events, list(results), summary


def _times(events: list[Event]) -> list[tuple[int, int, int | None, tuple[HeldBy, ...]]]:
    return [(event.record, event.time, event.due, event.held_by) for event in events]


def test_a_callback_due_after_closing_is_held_overnight() -> None:
    # Tuesday 20:00: no answer, call back in 1 h → 21:00, closed → Wednesday 09:00 (13 h later).
    events, results, summary = _run(
        {"1": {0: ((NA, 0), (ANSWERED, 0))}}, datetime(2026, 12, 1, 20, tzinfo=MOSCOW), WEEKDAYS
    )
    assert _times(events) == [(0, 0, 0, ()), (0, 13 * HOUR, HOUR, (HOURS,))]
    assert events[0].next_time == HOUR  # the time the engine set, not the later start
    assert (events[1].attempt, events[1].repeat) == (2, 0)
    assert results[0].state is RecordState.REACHED
    assert results[0].closed_at == 13 * HOUR
    assert summary.dialer == DialerFigures(13 * HOUR, None, 1, None)


def test_a_repeat_held_past_closing_stays_the_same_repeat() -> None:
    # Tuesday 20:55 busy, repeat in 10 min → 21:05, closed → Wednesday 09:00: still repeat 1
    # of attempt 1, then its busy budget is spent and the callback waits 1 h from 09:00.
    start = datetime(2026, 12, 1, 20, 55, tzinfo=MOSCOW)
    events, _, summary = _run({"1": {0: ((BUSY, 0), (BUSY, 0), (ANSWERED, 0))}}, start, WEEKDAYS)
    wednesday_nine = 12 * HOUR + 5 * 60
    assert _times(events) == [
        (0, 0, 0, ()),
        (0, wednesday_nine, 600, (HOURS,)),
        (0, wednesday_nine + HOUR, wednesday_nine + HOUR, ()),
    ]
    assert [(e.attempt, e.number_attempt, e.repeat) for e in events] == [
        (1, 1, 0),
        (1, 1, 1),
        (2, 2, 0),
    ]
    assert summary.dialer is not None
    assert summary.dialer.held_by_hours == 1


def test_a_callback_due_on_friday_night_waits_for_monday() -> None:
    # Friday 2026-12-04 20:30 → due 21:30 → Monday 2026-12-07 09:00: 2 days 12.5 h later.
    events, _, _ = _run(
        {"1": {0: ((NA, 0), (ANSWERED, 0))}}, datetime(2026, 12, 4, 20, 30, tzinfo=MOSCOW), WEEKDAYS
    )
    assert _times(events)[1] == (0, 2 * DAY + 12 * HOUR + 30 * 60, HOUR, (HOURS,))


def test_the_countrys_public_holidays_are_closed() -> None:
    # Russia rests on 31 December 2026 (a day off moved there) and 1–8 January 2027; every
    # day 09–21 otherwise. Wednesday 2026-12-30 20:30 → due 21:30 → Saturday 2027-01-09 09:00:
    # 9 days 12.5 h later.
    hours = Hours(make_week({"every_day": NINE_TO_NINE}), countries=frozenset({"RU"}))
    events, _, _ = _run(
        {"1": {0: ((NA, 0), (ANSWERED, 0))}}, datetime(2026, 12, 30, 20, 30, tzinfo=MOSCOW), hours
    )
    assert _times(events)[1] == (0, 9 * DAY + 12 * HOUR + 30 * 60, HOUR, (HOURS,))


def test_a_holiday_date_uses_the_holiday_hours() -> None:
    # Wednesday 2026-12-02 is a holiday open 12:00–13:00: a dial due Tuesday 21:30 waits until
    # then (15.5 h after Tuesday 20:30).
    hours = Hours(
        make_week({"weekdays": NINE_TO_NINE}),
        dates=frozenset({date(2026, 12, 2)}),
        holiday_hours=(Window(12 * 60, 13 * 60),),
    )
    events, _, _ = _run(
        {"1": {0: ((NA, 0), (ANSWERED, 0))}}, datetime(2026, 12, 1, 20, 30, tzinfo=MOSCOW), hours
    )
    assert _times(events)[1] == (0, 15 * HOUR + 30 * 60, HOUR, (HOURS,))


def test_a_number_is_judged_in_its_own_zone() -> None:
    # 19:30 in Moscow is 21:30 in Yekaterinburg (UTC+5): closed; the first dial waits until
    # 09:00 there, 07:00 in Moscow — 11.5 h.
    events, _, _ = _run(
        {"1": {0: ((ANSWERED, 0),)}},
        datetime(2026, 12, 1, 19, 30, tzinfo=MOSCOW),
        WEEKDAYS,
        zone=ZoneInfo("Asia/Yekaterinburg"),
    )
    assert _times(events) == [(0, 11 * HOUR + 30 * 60, 0, (HOURS,))]


def test_a_window_in_the_spring_forward_gap_opens_an_hour_later() -> None:
    # Berlin, 2027-03-28: 02:00 CET jumps to 03:00 CEST. The window 02:30–04:00 is read with
    # fold=0: 02:30 lands at 03:30 CEST = 01:30 UTC; it closes at 04:00 CEST = 02:00 UTC.
    hours = Hours(make_week({"every_day": (Window(150, 240),)}))
    start = datetime(2027, 3, 28, 0, 0, tzinfo=UTC)
    events, _, _ = _run({"1": {0: ((NA, 0), (ANSWERED, 0))}}, start, hours, zone=BERLIN)
    # The first dial (00:00 UTC) waits for 01:30 UTC; its callback, due 02:30 UTC (04:30
    # CEST), waits for 02:30 CEST on the 29th = 00:30 UTC, 24.5 h after the start.
    assert _times(events) == [
        (0, 90 * 60, 0, (HOURS,)),
        (0, 24 * HOUR + 30 * 60, 150 * 60, (HOURS,)),
    ]


def test_a_window_across_the_fall_back_hour_runs_to_its_end_after_the_repeat() -> None:
    # Berlin, 2027-10-31: 03:00 CEST falls back to 02:00 CET. The window 02:30–03:00 runs from
    # the first 02:30 (00:30 UTC) to 03:00 CET (02:00 UTC): an hour and a half.
    hours = Hours(make_week({"every_day": (Window(150, 180),)}))
    start = datetime(2027, 10, 31, 0, 45, tzinfo=UTC)
    events, _, _ = _run({"1": {0: ((NA, 0), (NA, 0), (ANSWERED, 0))}}, start, hours, zone=BERLIN)
    # 00:45 open; 01:45 UTC (the second 02:45) open; 02:45 UTC closed → 2027-11-01 02:30 CET
    # = 01:30 UTC, 24 h 45 min after the start.
    assert _times(events) == [
        (0, 0, 0, ()),
        (0, HOUR, HOUR, ()),
        (0, 24 * HOUR + 45 * 60, 2 * HOUR, (HOURS,)),
    ]


def _competing(order: Order) -> list[tuple[int, int, int | None, tuple[HeldBy, ...]]]:
    # One line, three records due at 0. Record 0 busy for 60 s: its repeat is due 10 min
    # later, at 660. Record 1 starts at 60 for 700 s. At 760 record 2's first dial (due 0)
    # and record 0's repeat (due 660) are both ready.
    outcomes: dict[str, dict[int, tuple[tuple[Status, int], ...]]] = {
        "1": {0: ((BUSY, 60), (ANSWERED, 10))},
        "2": {0: ((ANSWERED, 700),)},
        "3": {0: ((ANSWERED, 10),)},
    }
    start = datetime(2026, 12, 1, 10, tzinfo=MOSCOW)
    events, _, _ = _run(outcomes, start, dialer=Dialer(1, order))
    return _times(events)


def test_retries_first_gives_the_line_to_the_repeat() -> None:
    assert _competing(Order.RETRIES_FIRST) == [
        (0, 0, 0, ()),
        (1, 60, 0, (LINE,)),
        (0, 760, 660, (LINE,)),
        (2, 770, 0, (LINE,)),
    ]


def test_due_time_gives_the_line_to_the_earliest_due() -> None:
    assert _competing(Order.DUE_TIME) == [
        (0, 0, 0, ()),
        (1, 60, 0, (LINE,)),
        (2, 760, 0, (LINE,)),
        (0, 770, 660, (LINE,)),
    ]


def test_zero_second_dials_share_one_line_at_one_instant() -> None:
    # Record 0's first number is invalid: its next attempt, on number 2, is due at once and,
    # as a retry, takes the line in the next round before record 1's first dial.
    outcomes = {
        "1": {0: ((Status.INVALID_NUMBER, 0),), 1: ((ANSWERED, 0),)},
        "2": {0: ((ANSWERED, 0),)},
    }
    events, results, summary = _run(
        outcomes, datetime(2026, 12, 1, 10, tzinfo=MOSCOW), dialer=Dialer(1), phones=2
    )
    assert [(e.record, e.number, e.time, e.held_by) for e in events] == [
        (0, 0, 0, ()),
        (0, 1, 0, ()),
        (1, 0, 0, ()),
    ]
    assert [r.state for r in results] == [RecordState.REACHED, RecordState.REACHED]
    assert summary.dialer == DialerFigures(0, LineFigures(None, 0, 0, 0, 0), None, None, {})


def test_a_dial_waiting_for_a_line_when_the_window_closes_waits_for_the_next_opening() -> None:
    # One line, 09:00–11:00 on weekdays, three hour-long answered dials from Tuesday 09:00.
    # Record 1 waits 09:00–10:00. Record 2 waits 09:00–11:00, when its window closes, and
    # starts at Wednesday 09:00 on a free line.
    hours = Hours(make_week({"weekdays": (Window(9 * 60, 11 * 60),), "weekend": CLOSED}))
    outcomes = {key: {0: ((ANSWERED, HOUR),)} for key in ("1", "2", "3")}
    start = datetime(2026, 12, 1, 9, tzinfo=MOSCOW)
    events, results, summary = _run(outcomes, start, hours, Dialer(1))
    assert _times(events) == [
        (0, 0, 0, ()),
        (1, HOUR, 0, (LINE,)),
        (2, DAY, 0, (HOURS, LINE)),
    ]
    assert [r.closed_at for r in results] == [HOUR, 2 * HOUR, DAY + HOUR]
    lines = LineFigures(3 * HOUR / (25 * HOUR), 2, 5400.0, 7200, 7200)
    busy = {0: HOUR, 1: HOUR, 24: HOUR}
    assert summary.dialer == DialerFigures(DAY + HOUR, lines, 1, None, busy)


def test_a_dial_held_past_until_is_not_made_and_its_record_stays_open() -> None:
    # Due 21:00 Tuesday, held to Wednesday 09:00, after --until (Wednesday 08:00).
    events, results, summary = _run(
        {"1": {0: ((NA, 0), (ANSWERED, 0))}},
        datetime(2026, 12, 1, 20, tzinfo=MOSCOW),
        WEEKDAYS,
        until=12 * HOUR,
    )
    assert _times(events) == [(0, 0, 0, ())]
    assert (results[0].state, results[0].attempts, results[0].dials) == (RecordState.OPEN, 1, 1)
    assert summary.dialer == DialerFigures(0, None, 0, None)


def test_the_zone_fallback_figure_shows_under_record_local_time_only() -> None:
    from recall_cli.engine.hours import LocalTime  # noqa: PLC0415

    contacts = [Contact("1", ("4951230000",))]
    source = TimedScript({"1": {0: ((ANSWERED, 0),)}})
    clock = Clock(datetime(2026, 12, 1, 10, tzinfo=MOSCOW), MOSCOW)
    for local_time, shown in ((LocalTime.RECORD, 7), (LocalTime.CAMPAIGN, None)):
        hours = Hours(make_week({"weekdays": NINE_TO_NINE}), local_time=local_time)
        setup = Setup(hours, None, [(MOSCOW, MOSCOW)], zone_fallback=7)
        _, summary = Runner(POLICY, contacts, source, setup=setup, clock=clock).play()
        assert summary.dialer == DialerFigures(0, None, 0, shown)
