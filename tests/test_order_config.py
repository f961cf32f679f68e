"""Number order and callback schedules in the config, `recall schema` and `recall explain`."""

from __future__ import annotations

import json
from pathlib import Path

from recall_cli.engine import NumberOrder, Status
from recall_cli.loaders.config import load_config
from tests.test_config_loader import findings, write
from tests.test_explain_cli import run

ALL = "limits: {max_attempts_per_record: 6, max_attempts_per_number: 3, dial_all_numbers: true"
ORDERED = ALL + ", number_order: next}\nrules:\n"
SCHEDULE = "  no_answer: {action: callback, after_hours: [1, 3, 24]}\n"


def test_order_and_schedule_load(tmp_path: Path) -> None:
    campaign = load_config(
        write(tmp_path, ORDERED + SCHEDULE + "  busy: {action: callback, after_hours: 2.5}\n")
    )
    policy = campaign.policy
    assert policy.limits.number_order is NumberOrder.NEXT
    assert policy.rules[Status.NO_ANSWER].after_hours == (1.0, 3.0, 24.0)
    assert [policy.rules[Status.NO_ANSWER].wait_seconds(k) for k in range(5)] == [
        3600,
        10800,
        86400,
        86400,
        86400,
    ]
    assert policy.rules[Status.BUSY].after_hours == (2.5,)


def test_default_order_is_first(tmp_path: Path) -> None:
    campaign = load_config(write(tmp_path, ALL + "}\n"))
    assert campaign.policy.limits.number_order is NumberOrder.FIRST


def test_order_without_all_numbers_is_an_error_at_its_value(tmp_path: Path) -> None:
    text = "limits:\n  max_attempts_per_record: 6\n  max_attempts_per_number: 3\n"
    assert findings(tmp_path, text + "  number_order: least_attempted\n") == [
        (
            4,
            17,
            "RC118",
            "error",
            "number_order: least_attempted needs dial_all_numbers: true; without it a record "
            "only dials its first number",
        )
    ]
    assert findings(tmp_path, text + "  number_order: first\n") == []


def test_unknown_order_is_a_wrong_choice(tmp_path: Path) -> None:
    found = findings(tmp_path, ALL + ", number_order: random}\n")
    assert [(line, column, code) for line, column, code, _, _ in found] == [(1, 104, "RC012")]


def test_schedule_problems_each_at_its_value(tmp_path: Path) -> None:
    body = (
        "  no_answer: {action: callback, after_hours: []}\n"
        "  busy: {action: callback, after_hours: [0.5, 9000, 2]}\n"
        "  silence: {action: stop_number, after_hours: [1, 2]}\n"
    )
    assert findings(tmp_path, ORDERED + body) == [
        (
            3,
            46,
            "RC109",
            "error",
            "after_hours is an empty list: give at least one wait (at least 1)",
        ),
        (
            4,
            42,
            "RC105",
            "error",
            "after_hours must be at least 1 (a callback is a long wait; use repeats for short "
            "ones), got 0.5 (number)",
        ),
        (4, 47, "RC013", "error", "'after_hours' must be ≤ 8760, got 9000 (whole number)"),
        (
            5,
            47,
            "RC107",
            "warning",
            "after_hours is ignored: the action is stop_number, not callback",
        ),
    ]


def test_schema_publishes_the_order_and_the_schedule() -> None:
    result = run("schema")
    assert result.exit_code == 0
    defs = json.loads(result.stdout)["$defs"]
    order = defs["LimitsModel"]["properties"]["number_order"]
    assert (order["enum"], order["default"]) == (["first", "next", "least_attempted"], "first")
    (_, _, listed, _) = defs["RuleModel"]["properties"]["after_hours"]["anyOf"]
    assert listed["type"] == "array"
    assert listed["minItems"] == 1
    assert [(o["minimum"], o["maximum"]) for o in listed["items"]["anyOf"]] == [(1, 8760)] * 2


def test_explain_narrates_order_and_schedule_in_both_languages(tmp_path: Path) -> None:
    path = write(tmp_path, ORDERED + SCHEDULE)
    english = " ".join(run("explain", str(path)).stdout.split())
    assert "• Each new attempt moves to the next number, in column order, round." in english
    assert (
        "No answer (Нет ответа): no repeats; call back on a schedule: callback 1 after 1 h, "
        "callback 2 after 3 h, then 24 hours each." in english
    )
    russian = " ".join(run("explain", "--lang", "ru", str(path)).stdout.split())
    assert "• Каждая новая попытка переходит к следующему номеру по кругу." in russian
    assert (
        "перезвон по расписанию: 1-й перезвон через 1 ч, 2-й перезвон через 3 ч, дальше каждые "
        "24 часа" in russian
    )


def test_trace_shows_the_kth_wait_and_the_order(tmp_path: Path) -> None:
    path = write(tmp_path, ORDERED + SCHEDULE)
    result = run(
        "explain", str(path), "--trace", "no_answer,no_answer,no_answer,answered", "--phones", "2"
    )
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert "its action: call back in 1 hour." in out
    assert "its action: call back in 3 hours." in out
    assert "its action: call back in 24 hours." in out
    assert (
        "By the number order, the next call goes to phone 2 after the 1-hour wait, at 11:00." in out
    )
    assert "number order → phone 1, call back in 3 h → 14:00" in out
