"""Number order and callback schedules, pinned by exact timelines through the real simulator,
and the engine's guarantees about them as properties."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from recall_cli.engine import (
    NOT_REACHED,
    Action,
    Limits,
    NumberOrder,
    Policy,
    RecordState,
    Rule,
    Status,
    start,
)
from recall_cli.simulate.steps import engine_step
from tests.strategies import rules as rule_strategy
from tests.support import play, rows, rule

BUSY, NO_ANSWER, INVALID = Status.BUSY, Status.NO_ANSWER, Status.INVALID_NUMBER
CALLBACK, STOP_NUMBER = Action.CALLBACK, Action.STOP_NUMBER
HOUR = 3600


def ordered(a: int, b: int, order: NumberOrder, *rules: Rule) -> Policy:
    return Policy(Limits(a, b, True, order), {r.status: r for r in rules}, name="test")


def schedule(status: Status, *hours: float, repeats: int = 0, interval: int = 0) -> Rule:
    return Rule(status, CALLBACK, repeats, interval, tuple(hours))


def test_next_alternates_two_phones_and_repeats_stay_on_their_number() -> None:
    pol = ordered(
        4,
        3,
        NumberOrder.NEXT,
        rule(BUSY, CALLBACK, repeats=1, interval=5, hours=1),
        rule(NO_ANSWER, CALLBACK, hours=1),
    )
    events, result = play(pol, ("1", "2"), {1: [BUSY, NO_ANSWER, NO_ANSWER], 2: [NO_ANSWER] * 2})
    assert rows(events) == [
        ("10:00", 1, 1, 1, 0, "busy", "repeat", "10:05", 1, None),
        ("10:05", 1, 1, 1, 1, "no_answer", "callback", "11:05", 2, None),
        ("11:05", 2, 2, 1, 0, "no_answer", "callback", "12:05", 1, None),
        ("12:05", 1, 3, 2, 0, "no_answer", "callback", "13:05", 2, None),
        ("13:05", 2, 4, 2, 0, "no_answer", "callback", None, None, "attempts_exhausted"),
    ]
    assert result.state is RecordState.ATTEMPTS_EXHAUSTED


def test_next_over_three_phones_skips_a_stopped_number_and_wraps_round() -> None:
    pol = ordered(
        6,
        2,
        NumberOrder.NEXT,
        rule(NO_ANSWER, CALLBACK, hours=1),
        rule(INVALID, STOP_NUMBER),
    )
    events, result = play(
        pol, ("1", "2", "3"), {1: [NO_ANSWER] * 2, 2: [INVALID], 3: [NO_ANSWER] * 2}
    )
    assert rows(events) == [
        ("10:00", 1, 1, 1, 0, "no_answer", "callback", "11:00", 2, None),
        ("11:00", 2, 2, 1, 0, "invalid_number", "stop_number", "11:00", 3, None),
        ("11:00", 3, 3, 1, 0, "no_answer", "callback", "12:00", 1, None),
        ("12:00", 1, 4, 2, 0, "no_answer", "callback", "13:00", 3, None),
        ("13:00", 3, 5, 2, 0, "no_answer", "callback", None, None, "numbers_exhausted"),
    ]
    assert result.state is RecordState.NUMBERS_EXHAUSTED


def test_next_with_one_eligible_number_stays_on_it() -> None:
    pol = ordered(3, 3, NumberOrder.NEXT, rule(NO_ANSWER, CALLBACK, hours=2))
    events, _ = play(pol, ("1", ""), {1: [NO_ANSWER] * 3})
    assert [(e.number, e.next_number) for e in events] == [(0, 0), (0, 0), (0, None)]


def test_least_attempted_takes_the_fewest_attempts_ties_to_column_order() -> None:
    pol = ordered(
        6,
        3,
        NumberOrder.LEAST_ATTEMPTED,
        rule(NO_ANSWER, CALLBACK, hours=1),
        rule(INVALID, STOP_NUMBER),
    )
    events, result = play(
        pol, ("1", "2", "3"), {1: [NO_ANSWER] * 3, 2: [INVALID], 3: [NO_ANSWER] * 3}
    )
    assert rows(events) == [
        # 1 attempt on phone 1, none on 2 and 3: the tie goes to phone 2.
        ("10:00", 1, 1, 1, 0, "no_answer", "callback", "11:00", 2, None),
        ("11:00", 2, 2, 1, 0, "invalid_number", "stop_number", "11:00", 3, None),
        # Phones 1 and 3 have one attempt each: the tie goes to phone 1.
        ("11:00", 3, 3, 1, 0, "no_answer", "callback", "12:00", 1, None),
        ("12:00", 1, 4, 2, 0, "no_answer", "callback", "13:00", 3, None),
        ("13:00", 3, 5, 2, 0, "no_answer", "callback", "14:00", 1, None),
        ("14:00", 1, 6, 3, 0, "no_answer", "callback", None, None, "attempts_exhausted"),
    ]
    assert result.state is RecordState.ATTEMPTS_EXHAUSTED


def test_callback_schedule_waits_its_kth_value_then_the_last() -> None:
    pol = ordered(6, 6, NumberOrder.FIRST, schedule(NO_ANSWER, 1, 3, 24))
    events, result = play(pol, ("1",), {1: [NO_ANSWER] * 6})
    waits = [(e.next_time - e.time) // HOUR for e in events if e.next_time is not None]
    assert waits == [1, 3, 24, 24, 24]
    assert result.state is RecordState.ATTEMPTS_EXHAUSTED
    assert result.closed_at == (1 + 3 + 24 * 3) * HOUR


def test_each_rule_counts_its_own_callbacks_and_repeats_fire_none() -> None:
    pol = ordered(
        6,
        6,
        NumberOrder.FIRST,
        schedule(BUSY, 1, 2, repeats=1, interval=5),
        schedule(NO_ANSWER, 10, 20),
    )
    statuses = [BUSY, BUSY, NO_ANSWER, BUSY, BUSY, NO_ANSWER, BUSY, BUSY, NO_ANSWER]
    events, _ = play(pol, ("1",), {1: statuses})
    waits = [(e.then.value, (e.next_time - e.time) / 60) for e in events if e.next_time]
    assert waits == [
        ("repeat", 5),
        ("callback", 60),  # busy's 1st callback
        ("callback", 600),  # no_answer's 1st
        ("repeat", 5),
        ("callback", 120),  # busy's 2nd
        ("callback", 1200),  # no_answer's 2nd
        ("repeat", 5),
        ("callback", 120),  # busy's 3rd: the schedule is used up, its last value
    ]


def test_a_schedule_applies_its_wait_whichever_number_comes_next() -> None:
    pol = ordered(4, 3, NumberOrder.NEXT, schedule(NO_ANSWER, 1, 5))
    events, _ = play(pol, ("1", "2"), {1: [NO_ANSWER] * 2, 2: [NO_ANSWER] * 2})
    assert rows(events) == [
        ("10:00", 1, 1, 1, 0, "no_answer", "callback", "11:00", 2, None),
        ("11:00", 2, 2, 1, 0, "no_answer", "callback", "16:00", 1, None),
        ("16:00", 1, 3, 2, 0, "no_answer", "callback", "21:00", 2, None),
        ("21:00", 2, 4, 2, 0, "no_answer", "callback", None, None, "attempts_exhausted"),
    ]


@st.composite
def walks(draw: st.DrawFn) -> tuple[Policy, tuple[bool, ...], list[Status]]:
    order = draw(st.sampled_from(NumberOrder))
    limits = Limits(draw(st.integers(1, 8)), draw(st.integers(1, 4)), True, order)
    table = {status: draw(rule_strategy(status)) for status in NOT_REACHED}
    dialable = tuple(draw(st.lists(st.booleans(), min_size=1, max_size=4)))
    statuses = draw(st.lists(st.sampled_from(NOT_REACHED), min_size=1, max_size=40))
    return Policy(limits, table, name="property"), dialable, statuses


@given(walks())
def test_orders_keep_the_limits_and_least_attempted_takes_the_fewest(
    walk: tuple[Policy, tuple[bool, ...], list[Status]],
) -> None:
    pol, dialable, statuses = walk
    limits = pol.limits
    progress = start(limits, dialable)
    if progress is None:
        return
    for status in statuses:
        if progress.repeat == 0:
            eligible = [
                progress.number_attempts[i]
                for i, present in enumerate(dialable)
                if present
                and not progress.stopped[i]
                and progress.number_attempts[i] < limits.max_attempts_per_number
            ]
            assert progress.number_attempts[progress.number] in eligible
            if limits.number_order is NumberOrder.LEAST_ATTEMPTED:
                assert progress.number_attempts[progress.number] == min(eligible)
        info = engine_step(pol, progress, status)
        assert progress.attempts <= limits.max_attempts_per_record
        assert max(progress.number_attempts) <= limits.max_attempts_per_number
        assert all(count < len(pol.rules[s].after_hours) for s, count in progress.callbacks.items())
        if info.closed is not None:
            break
