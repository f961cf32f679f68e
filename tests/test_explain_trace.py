"""`--trace`: outcomes played through the real engine and told call by call
(docs/semantics.md#worked-example)."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.engine import Action, Limits, Policy, RecordState, Rule, Status
from recall_cli.explain.capacity import MAX_ATTEMPTS, Capacity, capacity
from recall_cli.explain.clock import TraceClock, TraceStart, parse_start
from recall_cli.explain.depth import status_section
from recall_cli.explain.model import Line, Paragraph, Steps, Table, Tone
from recall_cli.explain.teller import Teller
from recall_cli.explain.trace import Trace, missing_rules, parse_outcomes, run_trace
from recall_cli.explain.words import Words
from recall_cli.loaders.config import load_config
from recall_cli.messages import Lang
from tests.thoroughness import examples

ROOT = Path(__file__).resolve().parent.parent
WORKED = ROOT / "sample_configs" / "worked_example.yaml"
SPEC_OUTCOMES = "busy,busy,busy,busy,no_answer,no_answer,no_answer,answered"
MOSCOW = ZoneInfo("Europe/Moscow")

# docs/semantics.md#worked-example, row for row: time, phone, attempt (record), attempt (number),
# repeat, status, then.
SPEC_TIMELINE = [
    ("10:00", "1", "1/5", "1/3", "—", "Busy (Занято)", "repeat in 5 min"),
    ("10:05", "1", "1/5", "1/3", "1/3", "Busy (Занято)", "repeat in 5 min"),
    ("10:10", "1", "1/5", "1/3", "2/3", "Busy (Занято)", "repeat in 5 min"),
    ("10:15", "1", "1/5", "1/3", "3/3", "Busy (Занято)", "call back in 1 h → 11:15"),
    ("11:15", "1", "2/5", "2/3", "—", "No answer (Нет ответа)", "call back in 3 h → 14:15"),
    (
        "14:15",
        "1",
        "3/5",
        "3/3",
        "—",
        "No answer (Нет ответа)",
        "phone 1 spent 3/3 → phone 2, call back in 3 h → 17:15",
    ),
    ("17:15", "2", "4/5", "1/3", "—", "No answer (Нет ответа)", "call back in 3 h → 20:15"),
    ("20:15", "2", "5/5", "2/3", "—", "Answered (Дозвон)", "record reached"),
]


def _policy(
    rules: dict[Status, Rule] | None = None, a: int = 5, b: int = 3, dial_all: bool = True
) -> Policy:
    return Policy(Limits(a, b, dial_all), rules or {})


def _outcomes(value: str) -> tuple[Status, ...]:
    statuses, problems = parse_outcomes(value, "--trace")
    assert problems == []
    return statuses


def _teller(policy: Policy, lang: Lang = Lang.EN, start: TraceStart | None = None) -> Teller:
    words = Words(lang)
    return Teller(policy, TraceClock(start or TraceStart(), MOSCOW, words), words)


def _rows(table: Table) -> list[tuple[str, ...]]:
    return [tuple(cell.text for cell in row) for row in table.rows]


def _told(teller: Teller, trace: Trace) -> list[list[str]]:
    return [
        [step.heading.text, *(line.text for line in step.sentences)] for step in teller.steps(trace)
    ]


def test_worked_example_trace_is_spec_timeline() -> None:
    policy = load_config(WORKED).policy
    trace = run_trace(policy, _outcomes(SPEC_OUTCOMES), 2)
    assert _rows(_teller(policy).timeline(trace)) == SPEC_TIMELINE
    assert trace.result is not None
    assert trace.result.state is RecordState.REACHED
    assert [words for words, _ in _teller(policy).ending(trace)] == [
        "Result: reached after 8 calls in 5 attempts."
    ]


def test_worked_example_trace_is_narrated_with_reasons() -> None:
    policy = load_config(WORKED).policy
    told = _told(_teller(policy), run_trace(policy, _outcomes(SPEC_OUTCOMES), 2))
    assert told[1] == [
        "10:05 · phone 1 · Busy (Занято)",
        "Repeat 1 of 3 for Busy (Занято), within attempt 1.",
        "Busy: repeat 2 of 3 in 5 minutes, at 10:10.",
    ]
    assert told[3] == [
        "10:15 · phone 1 · Busy (Занято)",
        "Repeat 3 of 3 for Busy (Занято), within attempt 1.",
        "Busy: no repeats left (3 of 3 used), so the attempt ends with its action: "
        "call back in 1 hour.",
        "The next attempt dials phone 1 again at 11:15.",
    ]
    assert told[5] == [
        "14:15 · phone 1 · No answer (Нет ответа)",
        "Attempt 3 of 5 for the record, 3 of 3 for phone 1.",
        "No answer: no repeats, so the attempt ends with its action: call back in 3 hours.",
        "Phone 1 has used 3 of its 3 attempts, so the next call goes to phone 2 after the "
        "3-hour wait, at 17:15.",
    ]
    assert told[7] == [
        "20:15 · phone 2 · Answered (Дозвон)",
        "Attempt 5 of 5 for the record, 2 of 3 for phone 2.",
        "The client answered: the record is reached and closed.",
    ]


def test_worked_example_trace_in_russian() -> None:
    policy = load_config(WORKED).policy
    teller = _teller(policy, Lang.RU)
    trace = run_trace(policy, _outcomes(SPEC_OUTCOMES), 2)
    told = _told(teller, trace)
    assert told[5] == [
        "14:15 · телефон 1 · Нет ответа",
        "Попытка 3 из 5 для записи, 3 из 3 для телефона 1.",
        "Нет ответа: повторов нет, поэтому попытка завершается действием: перезвон через 3 часа.",
        "Телефон 1 израсходовал 3 из 3 попыток, поэтому следующий звонок — на телефон 2 после "
        "ожидания в 3 часа, в 17:15.",
    ]
    assert _rows(teller.timeline(trace))[5] == (
        "14:15",
        "1",
        "3/5",
        "3/3",
        "—",
        "Нет ответа",
        "телефон 1 исчерпал 3/3 → телефон 2, перезвон через 3 часа → 17:15",
    )
    assert teller.ending(trace)[0][0] == "Итог: дозвон — 8 звонков за 5 попыток."


def test_no_answer_at_20_15_closes_attempts_exhausted() -> None:
    # docs/semantics.md#worked-example: "Had the 20:15 dial been 'no answer', the record would
    # close attempts_exhausted".
    policy = load_config(WORKED).policy
    outcomes = _outcomes(SPEC_OUTCOMES.replace("answered", "no_answer"))
    teller = _teller(policy)
    trace = run_trace(policy, outcomes, 2)
    assert trace.result is not None
    assert trace.result.state is RecordState.ATTEMPTS_EXHAUSTED
    assert _rows(teller.timeline(trace))[-1][-1] == "record closed: 5/5 attempts"
    assert _told(teller, trace)[-1][-1] == (
        "That was attempt 5 of 5: the record has no attempts left (A), so it is closed."
    )
    assert teller.ending(trace)[0][0] == (
        "Result: attempts exhausted (A) after 8 calls in 5 attempts."
    )


def test_trace_that_runs_out_leaves_the_record_open() -> None:
    policy = load_config(WORKED).policy
    teller = _teller(policy)
    trace = run_trace(policy, _outcomes("busy,busy,busy,busy,no_answer"), 2)
    assert trace.result is None
    assert len(trace.events) == 5
    assert teller.ending(trace)[0][0] == (
        "The trace ends here and the record is still open: the next call would go to phone 1 "
        "at 14:15."
    )


def test_outcomes_left_after_the_record_closed_are_named() -> None:
    policy = load_config(WORKED).policy
    trace = run_trace(policy, _outcomes("no_answer,answered,busy,Нет ответа"), 2)
    assert len(trace.events) == 2
    assert trace.unused == (Status.BUSY, Status.NO_ANSWER)
    assert _teller(policy).ending(trace)[1][0] == (
        "The record was closed before the outcomes ran out: 2 outcomes were not used "
        "(Busy, No answer)."
    )
    assert _teller(policy, Lang.RU).ending(trace)[1][0] == (
        "Запись закрылась раньше, чем закончились исходы: не понадобились 2 исхода "
        "(Занято, Нет ответа)."
    )


def test_stop_number_moves_to_the_next_phone_at_once() -> None:
    rules = {Status.INVALID_NUMBER: Rule(Status.INVALID_NUMBER, Action.STOP_NUMBER)}
    policy = _policy(rules)
    teller = _teller(policy)
    trace = run_trace(policy, (Status.INVALID_NUMBER, Status.INVALID_NUMBER), 2)
    assert _told(teller, trace) == [
        [
            "10:00 · phone 1 · Invalid number (Неверный номер)",
            "Attempt 1 of 5 for the record, 1 of 3 for phone 1.",
            "Invalid number: no repeats, so the attempt ends with its action: stop dialling "
            "phone 1.",
            "Phone 1 is no longer dialled, so the next call goes to phone 2 at once, at 10:00.",
        ],
        [
            "10:00 · phone 2 · Invalid number (Неверный номер)",
            "Attempt 2 of 5 for the record, 1 of 3 for phone 2.",
            "Invalid number: no repeats, so the attempt ends with its action: stop dialling "
            "phone 2.",
            "Phone 2 is no longer dialled and no other phone can be dialled, so the record is "
            "closed.",
        ],
    ]
    assert [row[-1] for row in _rows(teller.timeline(trace))] == [
        "phone 1 stopped → phone 2, dial at once",
        "phone 2 stopped, no phone left: record closed",
    ]


def test_switch_off_closes_after_the_first_number() -> None:
    rules = {Status.NO_ANSWER: Rule(Status.NO_ANSWER, Action.CALLBACK, after_hours=(1.5,))}
    policy = _policy(rules, a=5, b=2, dial_all=False)
    teller = _teller(policy, Lang.RU)
    trace = run_trace(policy, (Status.NO_ANSWER,) * 3, 2)
    assert len(trace.events) == 2
    assert trace.unused == (Status.NO_ANSWER,)
    told = _told(teller, trace)
    assert told[0][2:] == [
        "Нет ответа: повторов нет, поэтому попытка завершается действием: перезвон через 1,5 часа.",
        "Следующая попытка — снова телефон 1, в 11:30.",
    ]
    assert told[1][3:] == [
        "Телефон 1 израсходовал 2 из 2 попыток, а других номеров для набора нет, поэтому "
        "запись закрывается.",
        "(«Последовательно набирать все номера из записи» выключено, поэтому другие номера не "
        "набираются.)",
    ]


def test_each_status_has_its_own_repeat_budget() -> None:
    # docs/semantics.md#repeats: busy, busy, congestion, busy uses two busy repeats and one
    # congestion.
    rules = {
        Status.BUSY: Rule(Status.BUSY, Action.CALLBACK, 2, 5, (1.0,)),
        Status.CONGESTION: Rule(Status.CONGESTION, Action.CALLBACK, 3, 10, (2.0,)),
    }
    policy = _policy(rules)
    teller = _teller(policy)
    trace = run_trace(policy, _outcomes("busy,busy,congestion,busy"), 1)
    assert [row[4] for row in _rows(teller.timeline(trace))] == ["—", "1/2", "2/2", "1/3"]
    told = _told(teller, trace)
    assert told[2][1:] == [
        "Repeat 2 of 2 for Busy (Занято), within attempt 1.",
        "Route congested: repeat 1 of 3 in 10 minutes, at 10:20.",
    ]
    assert told[3][1:] == [
        "Repeat 1 of 3 for Route congested (Направление перегружено), within attempt 1.",
        "Busy: no repeats left (2 of 2 used), so the attempt ends with its action: "
        "call back in 1 hour.",
        "The next attempt dials phone 1 again at 11:20.",
    ]


def test_stop_record_and_scenario() -> None:
    rule = Rule(Status.WRONG_PERSON, Action.STOP_RECORD, scenario="send_sms")
    policy = _policy({Status.WRONG_PERSON: rule})
    teller = _teller(policy)
    trace = run_trace(policy, (Status.WRONG_PERSON,), 2)
    assert _told(teller, trace)[0][2:] == [
        "Wrong person: no repeats, so the attempt ends with its action: stop dialling the record.",
        "The record is closed.",
        "The scenario “send_sms” runs.",
    ]
    assert _rows(teller.timeline(trace))[0][-1] == (
        "stop the record: record closed; scenario send_sms"
    )


def test_dated_start_shows_russian_weekdays_across_midnight() -> None:
    policy = load_config(WORKED).policy
    start = parse_start("2026-12-01T22:00", MOSCOW)
    assert start is not None
    teller = _teller(policy, Lang.RU, start)
    trace = run_trace(policy, _outcomes(SPEC_OUTCOMES), 2)
    assert teller.clock.opening() == "Начало: вторник, 1 декабря 2026 г., 22:00 (Europe/Moscow)."
    rows = _rows(teller.timeline(trace))
    assert [row[0] for row in rows] == [
        "22:00",
        "22:05",
        "22:10",
        "22:15",
        "23:15",
        "ср, 2 дек. 02:15",
        "ср, 2 дек. 05:15",
        "ср, 2 дек. 08:15",
    ]
    # Within a day after the callback, the time alone; across midnight, the day as well.
    assert rows[4][-1] == "перезвон через 3 часа → ср, 2 дек. 02:15"
    assert rows[5][-1] == "телефон 1 исчерпал 3/3 → телефон 2, перезвон через 3 часа → 05:15"


def test_undated_start_counts_days() -> None:
    rules = {Status.NO_AGENT: Rule(Status.NO_AGENT, Action.CALLBACK, after_hours=(24,))}
    policy = _policy(rules)
    start = parse_start("9:30", MOSCOW)
    assert start == TraceStart(9 * 3600 + 30 * 60)
    teller = _teller(policy, Lang.EN, start)
    trace = run_trace(policy, (Status.NO_AGENT, Status.NO_AGENT), 1)
    assert [row[0] for row in _rows(teller.timeline(trace))] == ["09:30", "day 2, 09:30"]
    assert _told(teller, trace)[0][-1] == "The next attempt dials phone 1 again at day 2, 09:30."
    assert _teller(policy, Lang.RU, start).clock.at(86_400) == "день 2, 09:30"


def test_dst_shift_is_shown_on_the_wall_clock() -> None:
    # Waits are elapsed time: a 24 h wait across the spring change lands an hour later.
    rules = {Status.NO_AGENT: Rule(Status.NO_AGENT, Action.CALLBACK, after_hours=(24,))}
    berlin = ZoneInfo("Europe/Berlin")
    start = parse_start("2026-03-28T10:00", berlin)
    assert start is not None
    words = Words(Lang.EN)
    teller = Teller(_policy(rules), TraceClock(start, berlin, words), words)
    assert teller.clock.at(86_400) == "Sun 29 Mar, 11:00"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("10:00", TraceStart()), ("0:00", TraceStart(0)), ("23:59:30", TraceStart(86_370))],
)
def test_parse_start_time_of_day(value: str, expected: TraceStart) -> None:
    assert parse_start(value, MOSCOW) == expected


@pytest.mark.parametrize("value", ["24:00", "10:60", "tomorrow", "", "2026-13-01T10:00"])
def test_parse_start_refuses(value: str) -> None:
    assert parse_start(value, MOSCOW) is None


def test_parse_start_keeps_an_offset_and_shows_it_in_the_zone() -> None:
    start = parse_start("2026-12-01T07:00+00:00", MOSCOW)
    assert start is not None
    assert start.moment is not None
    assert start.moment.isoformat() == "2026-12-01T10:00:00+03:00"


def test_parse_outcomes_accepts_labels_and_reports_each_problem() -> None:
    statuses, problems = parse_outcomes(" Занято , NO_ANSWER,нет  ответа,", "--trace")
    assert statuses == (Status.BUSY, Status.NO_ANSWER, Status.NO_ANSWER)
    assert problems == []
    _, problems = parse_outcomes("bussy,,answered", "--trace")
    assert [(str(p.location), p.code.id, p.message.render(Lang.EN)) for p in problems] == [
        ("--trace", "RC102", "unknown status 'bussy'; did you mean 'busy'?"),
        ("--trace", "RC102", "outcome 2 is empty (two commas in a row?)"),
    ]


def test_missing_rules_name_the_status_in_the_language() -> None:
    problems = missing_rules(load_config(WORKED).policy, (Status.SILENCE, Status.BUSY), "w.yaml")
    assert [(str(p.location), p.code.id) for p in problems] == [("w.yaml", "RC501")]
    assert problems[0].message.render(Lang.EN) == (
        "the trace has Silence (Молчание), but the config has no rule for it; add one under rules:"
    )
    assert problems[0].message.render(Lang.RU) == (
        "в разборе есть статус «Молчание», но в конфигурации нет правила для него; добавьте его "
        "в rules:"
    )


_STATUSES = [s for s in Status if s is not Status.ANSWERED]


@st.composite
def _policies(draw: st.DrawFn) -> Policy:
    rules: dict[Status, Rule] = {}
    for status in draw(st.lists(st.sampled_from(_STATUSES), min_size=1, unique=True)):
        action = draw(st.sampled_from(list(Action)))
        repeats = draw(st.integers(0, 3))
        rules[status] = Rule(
            status,
            action,
            repeats,
            draw(st.integers(1, 10)) if repeats else 0,
            (draw(st.sampled_from([1.0, 1.5, 3.0, 24.0])),) if action is Action.CALLBACK else (),
            draw(st.sampled_from([None, "send_sms"])),
        )
    return _policy(rules, draw(st.integers(1, 6)), draw(st.integers(1, 4)), draw(st.booleans()))


@settings(max_examples=examples(60), deadline=None)
@given(data=st.data(), policy=_policies(), phones=st.integers(1, 3))
def test_every_dial_is_told_and_tabled(data: st.DataObject, policy: Policy, phones: int) -> None:
    choices = [*policy.rules, Status.ANSWERED]
    outcomes = tuple(data.draw(st.lists(st.sampled_from(choices), min_size=1, max_size=30)))
    trace = run_trace(policy, outcomes, phones)
    # The engine dials exactly as many times as it has outcomes, or stops when the record closes.
    assert len(trace.events) == len(outcomes) - len(trace.unused)
    if trace.result is None:
        assert len(trace.events) == len(outcomes)
    else:
        assert trace.events[-1].closed is trace.result.state
    for lang in Lang:
        teller = _teller(policy, lang)
        steps = teller.steps(trace)
        table = teller.timeline(trace)
        assert len(steps) == len(table.rows) == len(trace.events)
        assert all(isinstance(cell, Line) and cell.text for row in table.rows for cell in row)
        assert teller.ending(trace)
        assert isinstance(teller.section(trace, "t").blocks[1], Steps)


@pytest.mark.parametrize(
    ("limits", "numbers", "per_number"),
    [
        (Limits(5, 3, True), 1, (3,)),
        (Limits(5, 3, True), 2, (3, 2)),
        (Limits(5, 3, True), 3, (3, 2, 0)),
        (Limits(5, 3, False), 2, (3, 0)),
        (Limits(7, 2, True), 3, (2, 2, 2)),
        (Limits(2, 5, True), 2, (2, 0)),
    ],
)
def test_capacity_is_played_by_the_engine(
    limits: Limits, numbers: int, per_number: tuple[int, ...]
) -> None:
    found = capacity(limits, numbers)
    assert found == Capacity(per_number, complete=True)


def test_capacity_beyond_the_played_limit_is_incomplete() -> None:
    found = capacity(Limits(100_000, 100_000, True), 1)
    assert found.complete is False
    assert found.total == MAX_ATTEMPTS


def test_status_in_depth_stops_the_table_when_the_record_never_closes() -> None:
    rules = {Status.BUSY: Rule(Status.BUSY, Action.CALLBACK, 3, 1, (1.0,))}
    policy = _policy(rules, a=1000, b=1000)
    section = status_section(policy, Status.BUSY, [], 1, _teller(policy))
    tables = [block for block in section.blocks if isinstance(block, Table)]
    assert len(tables) == 1
    assert len(tables[0].rows) == 50
    assert tables[0].title == "If every call of a record with 1 number ends in Busy (Занято)"
    assert section.blocks[-1] == Paragraph(
        Line("The table stops after 50 calls; the record is still open.", Tone.WARN)
    )
