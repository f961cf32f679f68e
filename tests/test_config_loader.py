"""The campaign config loader: names, values, and every problem at its exact position."""

from __future__ import annotations

from pathlib import Path

import pytest

from recall_cli.engine import Action, Status
from recall_cli.loaders.config import check_config, load_config
from recall_cli.messages import Lang
from recall_cli.problems import RecallError, Severity

LIMITS = "limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}\n"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "campaign.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def findings(tmp_path: Path, text: str) -> list[tuple[int, int, str, str, str]]:
    report = check_config(write(tmp_path, text))
    return [
        (p.location.line, p.location.column, p.code.id, p.severity.value, p.message.render(Lang.EN))
        for p in report.problems
    ]


def test_statuses_by_id_or_label_any_case_and_spacing(tmp_path: Path) -> None:
    campaign = load_config(
        write(
            tmp_path,
            LIMITS + "rules:\n"
            "  BUSY: {action: stop_number}\n"
            "  'нет   ОТВЕТА': {action: callback, after_hours: 1.5}\n"
            "  Автоформатор или IVR: {action: callback, after_hours: 24}\n"
            "  answering_machine: {action: stop_record, scenario: send_sms}\n",
        )
    )
    rules = campaign.policy.rules
    assert set(rules) == {Status.BUSY, Status.NO_ANSWER, Status.IVR, Status.ANSWERING_MACHINE}
    assert rules[Status.NO_ANSWER].after_hours == (1.5,)
    assert rules[Status.NO_ANSWER].wait_seconds() == 5400
    assert rules[Status.ANSWERING_MACHINE].action is Action.STOP_RECORD
    assert rules[Status.ANSWERING_MACHINE].scenario == "send_sms"


def test_defaults_name_zone_region_and_switch(tmp_path: Path) -> None:
    campaign = load_config(write(tmp_path, LIMITS))
    assert campaign.policy.name == "campaign"
    assert campaign.policy.timezone == "Europe/Moscow"
    assert campaign.region == "RU"
    assert campaign.policy.limits.dial_all_numbers is False
    assert campaign.columns.phone_columns is None


def test_both_ivr_spellings_are_the_same_status(tmp_path: Path) -> None:
    text = (
        LIMITS + "rules:\n"
        "  Автоинформатор или IVR: {action: stop_number}\n"
        "  Автоформатор или IVR: {action: stop_number}\n"
    )
    assert findings(tmp_path, text) == [
        (
            4,
            3,
            "RC101",
            "error",
            "status 'Автоформатор или IVR' (ivr) already has a rule on line 3; which one applies "
            "would be ambiguous",
        )
    ]


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (
            "{action: callback}",
            (3, 9, "RC109", "error", "a callback needs after_hours (at least 1)"),
        ),
        (
            "{action: callback, after_hours: 0.5}",
            (
                3,
                41,
                "RC105",
                "error",
                "after_hours must be at least 1 (a callback is a long wait; use repeats for "
                "short ones), got 0.5 (number)",
            ),
        ),
        (
            "{repeats: 2, action: stop_number}",
            (
                3,
                19,
                "RC106",
                "error",
                "2 repeats but no interval_minutes; say how far apart (1 to 10)",
            ),
        ),
        (
            "{action: stop_number, after_hours: 3}",
            (
                3,
                44,
                "RC107",
                "warning",
                "after_hours is ignored: the action is stop_number, not callback",
            ),
        ),
        (
            "{interval_minutes: 5, action: stop_number}",
            (3, 28, "RC107", "warning", "interval_minutes is ignored: the rule has no repeats"),
        ),
        (
            "{repeats: -1, action: stop_number}",
            (3, 19, "RC013", "error", "'repeats' must be ≥ 0, got -1 (whole number)"),
        ),
        (
            "{action: stop_number, scenario: yes}",
            (
                3,
                41,
                "RC009",
                "error",
                "'yes' is read as a boolean or a number by YAML 1.1 tools; put it in quotes",
            ),
        ),
    ],
)
def test_rule_problems_are_positioned(
    tmp_path: Path, rule: str, expected: tuple[int, int, str, str, str]
) -> None:
    assert findings(tmp_path, LIMITS + f"rules:\n  busy: {rule}\n") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "{action: callback, after_hours: .inf}",
            "'after_hours' must be ≤ 8760, got .inf (number)",
        ),
        (
            "{action: callback, after_hours: .nan}",
            "'after_hours' must be ≤ 8760, got .nan (number)",
        ),
        (
            "{action: callback, after_hours: 8761}",
            "'after_hours' must be ≤ 8760, got 8761 (whole number)",
        ),
        (
            "{repeats: 101, interval_minutes: 1, action: stop_number}",
            "'repeats' must be ≤ 100, got 101 (whole number)",
        ),
    ],
)
def test_absurd_values_are_out_of_range(tmp_path: Path, text: str, expected: str) -> None:
    found = findings(tmp_path, LIMITS + f"rules:\n  busy: {text}\n")
    assert [(rule, message) for _, _, rule, _, message in found] == [("RC013", expected)]


def test_limits_above_a_thousand_are_out_of_range(tmp_path: Path) -> None:
    text = "limits: {max_attempts_per_record: 1001, max_attempts_per_number: 3}\n"
    assert findings(tmp_path, text) == [
        (
            1,
            35,
            "RC013",
            "error",
            "'max_attempts_per_record' must be ≤ 1000, got 1001 (whole number)",
        )
    ]


def test_warnings_do_not_stop_loading(tmp_path: Path) -> None:
    path = write(tmp_path, LIMITS + "rules:\n  busy: {action: stop_number, after_hours: 3}\n")
    report = check_config(path)
    assert [p.severity for p in report.problems] == [Severity.WARNING]
    assert load_config(path).policy.rules[Status.BUSY].after_hours == ()


def test_answered_takes_no_rule(tmp_path: Path) -> None:
    assert findings(tmp_path, LIMITS + "rules:\n  Дозвон: {action: stop_record}\n") == [
        (3, 3, "RC103", "error", "'Дозвон' is the success status; it takes no rule")
    ]


def test_unknown_time_zone(tmp_path: Path) -> None:
    assert findings(tmp_path, "timezone: Mars/Olympus\n" + LIMITS) == [
        (
            1,
            11,
            "RC108",
            "error",
            "unknown time zone 'Mars/Olympus' (use an IANA name such as Europe/Moscow)",
        )
    ]


def test_every_duplicate_key_is_reported_at_its_own_position(tmp_path: Path) -> None:
    text = (
        LIMITS + "rules:\n  busy: {action: stop_number}\n  busy: {action: stop_number}\n" + LIMITS
    )
    assert [(line, col, rule) for line, col, rule, _, _ in findings(tmp_path, text)] == [
        (4, 3, "RC005"),
        (5, 1, "RC005"),
    ]


def test_anchor_and_alias_are_refused(tmp_path: Path) -> None:
    text = "limits: &l {max_attempts_per_record: 5, max_attempts_per_number: 3}\nother: *l\n"
    assert [(line, col, rule) for line, col, rule, _, _ in findings(tmp_path, text)] == [
        (1, 9, "RC006"),
        (2, 8, "RC006"),
    ]


def test_load_config_raises_with_every_error(tmp_path: Path) -> None:
    path = write(tmp_path, "limits: {max_attempts_per_record: 0, max_attempts_per_number: 0}\n")
    with pytest.raises(RecallError) as caught:
        load_config(path)
    assert [str(p.location) for p in caught.value.problems] == [
        f"{path}:1:35",
        f"{path}:1:63",
    ]


def test_a_duplicate_key_leaves_no_campaign_but_all_problems(tmp_path: Path) -> None:
    text = LIMITS + "rules:\n  busy: {action: stop_number}\n  busy: {action: stop_number}\n"
    text += "  silence: {action: callback}\n"
    report = check_config(write(tmp_path, text))
    assert report.campaign is None
    assert [p.code.id for p in report.problems] == ["RC005", "RC109"]


def test_a_long_value_is_cut_short_in_the_message(tmp_path: Path) -> None:
    digits = "9" * 5000
    found = findings(tmp_path, f"limits: {{max_attempts_per_record: {digits}}}\n")
    assert "expected a whole number, got " + "9" * 39 + "… (whole number)" in [m for *_, m in found]
    found = findings(tmp_path, f"campaign: [{digits}]\n" + LIMITS)
    assert found == [(1, 11, "RC012", "error", "expected text, got […] (list)")]
    found = findings(tmp_path, "limits: {max_attempts_per_record: '" + digits + "'}\n")
    assert found[-1][4] == "expected a whole number, got '" + "9" * 38 + "… (text)"


def test_a_number_as_a_status_key_is_an_unknown_status_at_the_key(tmp_path: Path) -> None:
    assert findings(tmp_path, LIMITS + "rules:\n  5: {action: stop_number}\n") == [
        (3, 3, "RC102", "error", "unknown status '5'")
    ]
