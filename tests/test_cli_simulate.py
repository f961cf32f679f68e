"""`recall simulate` end to end: exact JSON, golden timelines, and every bad input's message."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recall_cli.cli import app
from tests.golden import assert_golden

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "sample_configs" / "worked_example.yaml"
SCRIPT = ROOT / "sample_configs" / "worked_example.script.yaml"
LIST = ROOT / "sample_lists" / "source_record.csv"
START = "2026-12-01T10:00"

runner = CliRunner()


def recall(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def worked(*extra: str | Path) -> tuple[int, str, str]:
    return recall("simulate", CONFIG, LIST, "--script", SCRIPT, "--start", START, *extra)


def test_worked_example_json_is_spec_section_8() -> None:
    code, out, _ = worked("--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["campaign"] == "Worked example (slide 7)"
    assert (doc["start"], doc["seed"], doc["until"]) == ("2026-12-01T10:00:00+03:00", None, None)
    # The keys of docs/simulate.md#output keep their meaning; more figures may follow them.
    assert {
        k: doc["summary"][k] for k in ("records", "reached", "dials", "attempts", "states")
    } == {
        "records": 1,
        "reached": 1,
        "dials": 8,
        "attempts": 5,
        "states": {
            "reached": 1,
            "stopped": 0,
            "attempts_exhausted": 0,
            "numbers_exhausted": 0,
            "no_numbers": 0,
            "open": 0,
        },
    }
    assert doc["records"] == [
        {
            "id": "1",
            "state": "reached",
            "attempts": 5,
            "dials": 8,
            "closed_at": "2026-12-01T20:15:00+03:00",
            "final_status": "answered",
        }
    ]
    assert doc["events"][0] == {
        "time": "2026-12-01T10:00:00+03:00",
        "record": "1",
        "number": 1,
        "phone": "4951239000",
        "attempt": 1,
        "number_attempt": 1,
        "repeat": 0,
        "status": "busy",
        "then": "repeat",
        "next_at": "2026-12-01T10:05:00+03:00",
        "next_number": 1,
        "closed": None,
        "scenario": None,
    }
    assert [
        (
            e["time"][11:16],
            e["number"],
            e["attempt"],
            e["number_attempt"],
            e["repeat"],
            e["status"],
            e["then"],
            e["next_number"],
            e["closed"],
        )
        for e in doc["events"]
    ] == [
        ("10:00", 1, 1, 1, 0, "busy", "repeat", 1, None),
        ("10:05", 1, 1, 1, 1, "busy", "repeat", 1, None),
        ("10:10", 1, 1, 1, 2, "busy", "repeat", 1, None),
        ("10:15", 1, 1, 1, 3, "busy", "callback", 1, None),
        ("11:15", 1, 2, 2, 0, "no_answer", "callback", 1, None),
        ("14:15", 1, 3, 3, 0, "no_answer", "callback", 2, None),
        ("17:15", 2, 4, 1, 0, "no_answer", "callback", 2, None),
        ("20:15", 2, 5, 2, 0, "answered", "reached", None, "reached"),
    ]


def test_no_events_leaves_the_events_key_out() -> None:
    code, out, _ = worked("--format", "json", "--no-events")
    assert code == 0
    assert list(json.loads(out)) == ["campaign", "start", "seed", "until", "summary", "records"]


def test_variant_ending_in_no_answer_closes_attempts_exhausted(tmp_path: Path) -> None:
    script = tmp_path / "s.yaml"
    script.write_text(
        'records:\n  "1":\n    1: [busy, busy, busy, busy, no_answer, no_answer]\n'
        "    2: [no_answer, no_answer]\n",
        encoding="utf-8",
    )
    code, out, _ = recall(
        "simulate", CONFIG, LIST, "--script", script, "--start", START, "--format", "json"
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["records"][0]["state"] == "attempts_exhausted"
    assert doc["events"][-1]["then"] == "callback"
    assert (doc["events"][-1]["closed"], doc["events"][-1]["next_at"]) == (
        "attempts_exhausted",
        None,
    )


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_worked_example_table_matches_golden(tmp_path: Path, lang: str) -> None:
    target = tmp_path / "timeline.txt"
    code, out, err = worked("--lang", lang, "--output", target)
    assert (code, out, err) == (0, "", "")
    assert_golden(target.read_text(encoding="utf-8"), f"simulate/worked_example.{lang}.txt")


def test_variant_table_says_the_record_closed(tmp_path: Path) -> None:
    script = tmp_path / "s.yaml"
    script.write_text(
        'records:\n  "1":\n    1: [busy, busy, busy, busy, no_answer, no_answer]\n'
        "    2: [no_answer, no_answer]\n",
        encoding="utf-8",
    )
    target = tmp_path / "t.txt"
    code, _, _ = recall(
        "simulate",
        CONFIG,
        LIST,
        "--script",
        script,
        "--start",
        START,
        "--lang",
        "en",
        "--output",
        target,
    )
    assert code == 0
    assert "record closed: 5/5 attempts" in target.read_text(encoding="utf-8")


def test_jsonl_streams_header_events_records_summary() -> None:
    code, out, _ = worked("--format", "jsonl")
    assert code == 0
    kinds = [json.loads(line)["type"] for line in out.splitlines()]
    assert kinds == ["run"] + ["event"] * 8 + ["record", "summary"]


def test_csv_has_one_row_a_dial() -> None:
    code, out, _ = worked("--format", "csv")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "time,record,number,phone,attempt,number_attempt,repeat,status,then,"
        "next_at,next_number,closed,scenario"
    )
    assert lines[1] == (
        "2026-12-01T10:00:00+03:00,1,1,4951239000,1,1,0,busy,repeat,2026-12-01T10:05:00+03:00,1,,"
    )
    assert len(lines) == 9


def test_until_leaves_records_open_and_is_written_out() -> None:
    code, out, _ = worked("--format", "json", "--until", "2026-12-01T14:15")
    assert code == 0
    doc = json.loads(out)
    assert doc["until"] == "2026-12-01T14:15:00+03:00"
    assert doc["records"][0]["state"] == "open"
    assert doc["records"][0]["closed_at"] is None
    assert doc["events"][-1]["time"] == "2026-12-01T14:15:00+03:00"
    assert doc["summary"]["states"]["open"] == 1


def test_start_with_an_offset_is_shown_in_the_campaign_zone() -> None:
    code, out, _ = recall(
        "simulate",
        CONFIG,
        LIST,
        "--script",
        SCRIPT,
        "--start",
        "2026-12-01T07:00:00+00:00",
        "--format",
        "json",
    )
    assert code == 0
    assert json.loads(out)["start"] == "2026-12-01T10:00:00+03:00"


def test_same_inputs_give_byte_identical_output() -> None:
    assert worked("--format", "json")[1] == worked("--format", "json")[1]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_outcomes_running_out_exit_1_and_leave_no_file(tmp_path: Path) -> None:
    script = _write(tmp_path / "short.yaml", 'records:\n  "1":\n    1: [busy, busy]\n')
    target = tmp_path / "out.json"
    code, out, err = recall(
        "simulate",
        CONFIG,
        LIST,
        "--script",
        script,
        "--start",
        START,
        "--format",
        "json",
        "--output",
        target,
    )
    assert code == 1
    assert out == ""
    assert err == (
        f"{script}: error RC304 record '1', number 1 (4951239000): the script's "
        "outcomes ran out and it has no default\n"
    )
    assert list(tmp_path.iterdir()) == [script]


def test_a_failed_run_keeps_an_earlier_output_file_intact(tmp_path: Path) -> None:
    script = _write(tmp_path / "short.yaml", 'records:\n  "1":\n    1: [busy]\n')
    target = _write(tmp_path / "out.json", "earlier result\n")
    code, _, _ = recall(
        "simulate", CONFIG, LIST, "--script", script, "--format", "json", "--output", target
    )
    assert code == 1
    assert target.read_text(encoding="utf-8") == "earlier result\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json", "short.yaml"]


BAD_CONFIGS = [
    ("limits: {max_attempts_per_record: 5\n", "RC004", 2, 1, "YAML syntax error"),
    (
        "limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}\n"
        "rules:\n  busy: {action: stop_number}\n  busy: {action: stop_record}\n",
        "RC005",
        4,
        3,
        "duplicate key 'busy' (first given on line 3)",
    ),
    (
        "limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}\n"
        "rules:\n  busy: {action: stop_number}\n  Занято: {action: stop_record}\n",
        "RC101",
        4,
        3,
        "status 'Занято' (busy) already has a rule on line 3",
    ),
    (
        "limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}\n"
        "rules:\n  bussy: {action: stop_number}\n",
        "RC102",
        3,
        3,
        "unknown status 'bussy'; did you mean 'busy'?",
    ),
    (
        "limits: {max_attempts_per_record: five, max_attempts_per_number: 3}\n",
        "RC012",
        1,
        35,
        "expected a whole number, got five",
    ),
    (
        "limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}\nrules:\n"
        "  busy: {repeats: 3, interval_minutes: 15, action: stop_number}\n",
        "RC104",
        3,
        40,
        "interval_minutes must be from 1 to 10, got 15",
    ),
    ("rules: {}\n", "RC011", 1, 1, "missing key 'limits'"),
    (
        "limits: {max_attempts_per_record: 5, max_attempts_per_number: 3, dial_all: true}\n",
        "RC010",
        1,
        66,
        "unknown key 'dial_all'; did you mean 'dial_all_numbers'?",
    ),
    (
        "limits: {max_attempts_per_record: 5, max_attempts_per_number: 0}\n",
        "RC013",
        1,
        63,
        "'max_attempts_per_number' must be ≥ 1, got 0 (whole number)",
    ),
]


@pytest.mark.parametrize(("text", "rule", "line", "column", "words"), BAD_CONFIGS)
def test_bad_configs_name_file_line_column_and_exit_1(
    tmp_path: Path, text: str, rule: str, line: int, column: int, words: str
) -> None:
    config = _write(tmp_path / "c.yaml", text)
    code, out, err = recall("simulate", config, LIST, "--script", SCRIPT, "--lang", "en")
    assert (code, out) == (1, "")
    first = err.splitlines()[0]
    assert first.startswith(f"{config}:{line}:{column}: error {rule} "), err
    assert words in first


def test_missing_file_exits_2() -> None:
    code, _, err = recall("simulate", "nope.yaml", LIST, "--script", SCRIPT)
    assert code == 2
    assert err == "nope.yaml: error RC001 no such file\n"


def test_bad_option_value_exits_2() -> None:
    code, _, err = worked("--format", "xml")
    assert code == 2
    assert "xml" in err


def test_bad_start_exits_2() -> None:
    code, _, err = recall("simulate", CONFIG, LIST, "--script", SCRIPT, "--start", "tomorrow")
    assert code == 2
    assert "ISO 8601" in err


def test_script_record_not_in_the_list_is_positioned(tmp_path: Path) -> None:
    script = _write(tmp_path / "s.yaml", 'default: no_answer\nrecords:\n  "7":\n    1: [busy]\n')
    code, _, err = recall("simulate", CONFIG, LIST, "--script", script)
    assert code == 1
    assert err == f"{script}:3:3: error RC301 record '7' is not in the list\n"


def test_script_number_not_in_the_record_is_positioned(tmp_path: Path) -> None:
    script = _write(
        tmp_path / "s.yaml", 'records:\n  "1":\n    3: [busy]\n    "9164561278": [answered]\n'
    )
    code, _, err = recall("simulate", CONFIG, LIST, "--script", script)
    assert code == 1
    assert err.startswith(f"{script}:3:5: error RC302 record '1' has no number '3'")


def test_script_may_name_a_number_by_its_phone(tmp_path: Path) -> None:
    script = _write(tmp_path / "s.yaml", 'records:\n  "1":\n    "4951239000": [answered]\n')
    code, out, _ = recall("simulate", CONFIG, LIST, "--script", script, "--format", "json")
    assert code == 0
    assert json.loads(out)["events"][0]["status"] == "answered"


def test_status_without_a_rule_is_refused_before_the_run(tmp_path: Path) -> None:
    script = _write(tmp_path / "s.yaml", 'records:\n  "1":\n    1: [busy, silence]\n')
    code, _, err = recall("simulate", CONFIG, LIST, "--script", script)
    assert code == 1
    assert err.startswith(f"{script}:3:15: error RC501 status 'silence' can occur but the config")


def test_list_without_phone_columns_exits_1(tmp_path: Path) -> None:
    contacts = _write(tmp_path / "l.csv", "id,name\n1,Егоров\n")
    code, _, err = recall("simulate", CONFIG, contacts, "--script", SCRIPT)
    assert code == 1
    assert err.startswith(f"{contacts}:1:1: error RC202 ")


def test_undecodable_list_exits_1(tmp_path: Path) -> None:
    contacts = tmp_path / "l.csv"
    contacts.write_bytes(b"id,phone\n1,\x00\xff\n")
    code, _, err = recall("simulate", CONFIG, contacts, "--script", SCRIPT)
    assert code == 1
    assert err.startswith(f"{contacts}:2:3: error RC002 ")


def test_record_option_shows_only_that_record(tmp_path: Path) -> None:
    contacts = _write(tmp_path / "l.csv", "id,phone\n1,4951239000\n2,4951239001\n")
    script = _write(
        tmp_path / "s.yaml", 'default: answered\nrecords:\n  "1":\n    1: [no_answer]\n'
    )
    code, out, _ = recall(
        "simulate", CONFIG, contacts, "--script", script, "--format", "json", "--record", "2"
    )
    assert code == 0
    doc = json.loads(out)
    assert [r["id"] for r in doc["records"]] == ["2"]
    assert [e["record"] for e in doc["events"]] == ["2"]


def test_unknown_record_option_exits_1() -> None:
    code, _, err = worked("--record", "42")
    assert code == 1
    assert "record '42' is not in the list" in err


@pytest.mark.parametrize(
    "payload",
    [
        b"\x00\x01\x02garbage",
        b"limits: [\n",
        b"\xff\xfe\x00",
        b"a: *x\n",
        b"- !!python/object:os.system {}\n",
    ],
)
def test_no_traceback_for_garbage_configs(tmp_path: Path, payload: bytes) -> None:
    config = tmp_path / "c.yaml"
    config.write_bytes(payload)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "recall_cli",
            "simulate",
            str(config),
            str(LIST),
            "--script",
            str(SCRIPT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"{config}:")


def test_an_output_that_cannot_be_written_exits_2_without_a_traceback(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "dir" / "out.json"
    code, out, err = worked("--format", "json", "--output", target)
    assert (code, out) == (2, "")
    assert err == f"{target}: error RC001 cannot write the output here: No such file or directory\n"


def test_an_output_file_gets_an_ordinary_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    assert worked("--format", "json", "--output", target)[0] == 0
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("when", ["9999-12-31T20:00", "0001-01-01T00:00", "1899-12-31T23:59"])
def test_a_start_outside_the_calendar_is_a_usage_error(when: str) -> None:
    code, out, err = recall("simulate", CONFIG, LIST, "--script", SCRIPT, "--start", when)
    assert (code, out) == (2, "")
    assert f"'{when}' is outside the years 1900–2999 that a run may start in" in err


def test_version() -> None:
    assert recall("--version") == (0, "recall 0.1.0\n", "")
