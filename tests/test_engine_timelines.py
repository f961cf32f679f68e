"""Each branch of docs/semantics.md#decision, pinned by an exact timeline through the real
simulator."""

from __future__ import annotations

import pytest

from recall_cli.engine import Action, RecordState, Status
from recall_cli.simulate.outcomes import OutcomesExhaustedError
from tests.support import hhmm, play, policy, rows, rule

BUSY, NO_ANSWER, ANSWERED = Status.BUSY, Status.NO_ANSWER, Status.ANSWERED
CALLBACK, STOP_NUMBER, STOP_RECORD = Action.CALLBACK, Action.STOP_NUMBER, Action.STOP_RECORD

WORKED = policy(
    5,
    3,
    True,
    rule(BUSY, CALLBACK, repeats=3, interval=5, hours=1),
    rule(NO_ANSWER, CALLBACK, hours=3),
)
PHONES = ("4951239000", "9164561278")


def test_worked_example_plays_spec_section_5() -> None:
    events, result = play(
        WORKED, PHONES, {1: [BUSY] * 4 + [NO_ANSWER] * 2, 2: [NO_ANSWER, ANSWERED]}
    )
    assert rows(events) == [
        ("10:00", 1, 1, 1, 0, "busy", "repeat", "10:05", 1, None),
        ("10:05", 1, 1, 1, 1, "busy", "repeat", "10:10", 1, None),
        ("10:10", 1, 1, 1, 2, "busy", "repeat", "10:15", 1, None),
        ("10:15", 1, 1, 1, 3, "busy", "callback", "11:15", 1, None),
        ("11:15", 1, 2, 2, 0, "no_answer", "callback", "14:15", 1, None),
        ("14:15", 1, 3, 3, 0, "no_answer", "callback", "17:15", 2, None),
        ("17:15", 2, 4, 1, 0, "no_answer", "callback", "20:15", 2, None),
        ("20:15", 2, 5, 2, 0, "answered", "reached", None, None, "reached"),
    ]
    assert (result.state, result.attempts, result.dials) == (RecordState.REACHED, 5, 8)
    assert (result.closed_at, result.final_status) == (10 * 3600 + 15 * 60, ANSWERED)


def test_worked_example_ending_in_no_answer_closes_attempts_exhausted() -> None:
    events, result = play(WORKED, PHONES, {1: [BUSY] * 4 + [NO_ANSWER] * 2, 2: [NO_ANSWER] * 2})
    assert rows(events)[-1] == (
        "20:15",
        2,
        5,
        2,
        0,
        "no_answer",
        "callback",
        None,
        None,
        "attempts_exhausted",
    )
    assert result.state is RecordState.ATTEMPTS_EXHAUSTED
    assert result.closed_at == events[-1].time


def test_each_status_has_its_own_repeat_budget_within_an_attempt() -> None:
    pol = policy(
        5,
        3,
        False,
        rule(BUSY, CALLBACK, repeats=3, interval=5, hours=1),
        rule(Status.CONGESTION, CALLBACK, repeats=1, interval=10, hours=2),
    )
    outcomes = [BUSY, BUSY, Status.CONGESTION, BUSY, Status.CONGESTION, ANSWERED]
    events, _ = play(pol, PHONES[:1], {1: outcomes})
    assert rows(events) == [
        ("10:00", 1, 1, 1, 0, "busy", "repeat", "10:05", 1, None),
        ("10:05", 1, 1, 1, 1, "busy", "repeat", "10:10", 1, None),
        ("10:10", 1, 1, 1, 2, "congestion", "repeat", "10:20", 1, None),
        ("10:20", 1, 1, 1, 3, "busy", "repeat", "10:25", 1, None),
        # congestion's single repeat is spent: its action ends the attempt.
        ("10:25", 1, 1, 1, 4, "congestion", "callback", "12:25", 1, None),
        ("12:25", 1, 2, 2, 0, "answered", "reached", None, None, "reached"),
    ]
    assert [(e.repeat_of, e.repeat_count) for e in events[1:5]] == [
        (BUSY, 1),
        (BUSY, 2),
        (Status.CONGESTION, 1),
        (BUSY, 3),
    ]


def test_budgets_reset_with_each_new_attempt() -> None:
    pol = policy(3, 3, False, rule(BUSY, CALLBACK, repeats=1, interval=2, hours=1))
    events, result = play(pol, PHONES[:1], {1: [BUSY] * 6})
    assert [(e.attempt, e.repeat, e.then.value) for e in events] == [
        (1, 0, "repeat"),
        (1, 1, "callback"),
        (2, 0, "repeat"),
        (2, 1, "callback"),
        (3, 0, "repeat"),
        (3, 1, "callback"),
    ]
    assert result.state is RecordState.ATTEMPTS_EXHAUSTED


def test_stop_number_moves_to_the_next_number_at_once() -> None:
    pol = policy(
        5, 3, True, rule(Status.INVALID_NUMBER, STOP_NUMBER), rule(NO_ANSWER, CALLBACK, hours=2)
    )
    events, result = play(pol, PHONES, {1: [Status.INVALID_NUMBER], 2: [NO_ANSWER, ANSWERED]})
    assert rows(events) == [
        ("10:00", 1, 1, 1, 0, "invalid_number", "stop_number", "10:00", 2, None),
        ("10:00", 2, 2, 1, 0, "no_answer", "callback", "12:00", 2, None),
        ("12:00", 2, 3, 2, 0, "answered", "reached", None, None, "reached"),
    ]
    assert result.state is RecordState.REACHED


def test_a_stopped_number_is_never_dialled_again() -> None:
    pol = policy(9, 3, True, rule(Status.SILENCE, STOP_NUMBER), rule(NO_ANSWER, CALLBACK, hours=1))
    events, result = play(pol, ("111", "222", "333"), {1: [Status.SILENCE]}, default=NO_ANSWER)
    assert [e.number + 1 for e in events] == [1, 2, 2, 2, 3, 3, 3]
    assert result.state is RecordState.NUMBERS_EXHAUSTED
    assert events[-1].then.value == "callback"


def test_switch_off_dials_only_the_first_number() -> None:
    pol = policy(5, 2, False, rule(NO_ANSWER, CALLBACK, hours=1))
    events, result = play(pol, PHONES, {1: [NO_ANSWER] * 2, 2: [ANSWERED]})
    assert rows(events) == [
        ("10:00", 1, 1, 1, 0, "no_answer", "callback", "11:00", 1, None),
        ("11:00", 1, 2, 2, 0, "no_answer", "callback", None, None, "numbers_exhausted"),
    ]
    assert result.state is RecordState.NUMBERS_EXHAUSTED


def test_switch_off_stop_number_closes_numbers_exhausted() -> None:
    pol = policy(5, 3, False, rule(Status.INVALID_NUMBER, STOP_NUMBER))
    events, result = play(pol, PHONES, {1: [Status.INVALID_NUMBER]})
    assert rows(events) == [
        ("10:00", 1, 1, 1, 0, "invalid_number", "stop_number", None, None, "numbers_exhausted")
    ]
    assert result.state is RecordState.NUMBERS_EXHAUSTED


def test_stop_record_closes_stopped_with_its_scenario() -> None:
    pol = policy(5, 3, True, rule(Status.WRONG_PERSON, STOP_RECORD, scenario="send_sms"))
    events, result = play(pol, PHONES, {1: [Status.WRONG_PERSON]})
    assert rows(events) == [
        ("10:00", 1, 1, 1, 0, "wrong_person", "stop_record", None, None, "stopped")
    ]
    assert events[0].scenario == "send_sms"
    assert result.state is RecordState.STOPPED


def test_a_below_b_closes_on_the_record_limit() -> None:
    pol = policy(2, 3, True, rule(NO_ANSWER, CALLBACK, hours=1))
    events, result = play(pol, PHONES, {1: [NO_ANSWER] * 3})
    assert rows(events) == [
        ("10:00", 1, 1, 1, 0, "no_answer", "callback", "11:00", 1, None),
        ("11:00", 1, 2, 2, 0, "no_answer", "callback", None, None, "attempts_exhausted"),
    ]
    assert result.state is RecordState.ATTEMPTS_EXHAUSTED


def test_limit_a_comes_before_running_out_of_numbers() -> None:
    pol = policy(2, 3, True, rule(Status.INVALID_NUMBER, STOP_NUMBER))
    events, result = play(pol, PHONES, {1: [Status.INVALID_NUMBER], 2: [Status.INVALID_NUMBER]})
    assert rows(events)[-1] == (
        "10:00",
        2,
        2,
        1,
        0,
        "invalid_number",
        "stop_number",
        None,
        None,
        "attempts_exhausted",
    )
    assert result.state is RecordState.ATTEMPTS_EXHAUSTED


def test_empty_first_phone_keeps_the_second_as_number_2() -> None:
    pol = policy(5, 3, False, rule(NO_ANSWER, CALLBACK, hours=1))
    events, result = play(pol, ("", PHONES[1]), {2: [ANSWERED]})
    assert rows(events) == [("10:00", 2, 1, 1, 0, "answered", "reached", None, None, "reached")]
    assert result.state is RecordState.REACHED


def test_empty_middle_phone_is_skipped_when_moving_on() -> None:
    pol = policy(5, 1, True, rule(NO_ANSWER, CALLBACK, hours=1))
    events, _ = play(pol, ("111", "", "333"), {1: [NO_ANSWER], 3: [ANSWERED]})
    assert [(hhmm(e.time), e.number + 1) for e in events] == [("10:00", 1), ("11:00", 3)]


def test_record_without_phones_closes_no_numbers_at_the_start() -> None:
    events, result = play(WORKED, ("", ""), {})
    assert events == []
    assert (result.state, result.attempts, result.dials) == (RecordState.NO_NUMBERS, 0, 0)
    assert (result.closed_at, result.final_status) == (0, None)


def test_horizon_leaves_the_record_open() -> None:
    seconds_to_14_15 = 4 * 3600 + 15 * 60
    events, result = play(
        WORKED,
        PHONES,
        {1: [BUSY] * 4 + [NO_ANSWER] * 2, 2: [NO_ANSWER, ANSWERED]},
        until=seconds_to_14_15,
    )
    assert [hhmm(e.time) for e in events] == ["10:00", "10:05", "10:10", "10:15", "11:15", "14:15"]
    assert (result.state, result.closed_at, result.attempts) == (RecordState.OPEN, None, 3)
    assert result.final_status is NO_ANSWER


def test_a_dial_due_exactly_at_the_horizon_happens() -> None:
    events, result = play(WORKED, PHONES, {1: [NO_ANSWER]}, default=NO_ANSWER, until=3 * 3600)
    assert [e.time for e in events] == [0, 3 * 3600]
    assert result.state is RecordState.OPEN


def test_outcomes_running_out_without_default_stop_the_run() -> None:
    with pytest.raises(OutcomesExhaustedError) as caught:
        play(WORKED, PHONES, {1: [BUSY, BUSY]})
    assert (caught.value.record, caught.value.number, caught.value.phone) == ("1", 1, PHONES[0])


def test_default_continues_after_a_number_s_outcomes_run_out() -> None:
    events, result = play(WORKED, PHONES, {1: [NO_ANSWER]}, default=ANSWERED)
    assert [e.status for e in events] == [NO_ANSWER, ANSWERED]
    assert result.state is RecordState.REACHED
