"""Do-not-call lists, stop scope and phone caps through the config and the CLI: the keys, RC119,
`--dnc` on simulate and validate with their exit codes and messages, RC703 with `--start`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from recall_cli.engine.caps import Scope
from recall_cli.engine.policy import StopScope
from recall_cli.engine.status import Status
from recall_cli.loaders.config import check_config, load_config
from tests.support import SAMPLE_CONFIGS, SAMPLE_LISTS

CONFIG = """limits: {max_attempts_per_record: 3, max_attempts_per_number: 3}
rules:
  no_answer: {action: callback, after_hours: 1}
"""


def _recall(*args: str) -> subprocess.CompletedProcess[str]:
    lang = () if args[0] == "schema" else ("--lang", "en")
    return subprocess.run(
        [sys.executable, "-m", "recall_cli", *args, *lang],
        capture_output=True,
        text=True,
        check=False,
    )


def _files(tmp_path: Path, config: str, dnc: str | None = "phone\n8 916 123 45 67\n") -> Path:
    (tmp_path / "c.yaml").write_text(CONFIG + config)
    (tmp_path / "l.csv").write_text("id,phone\na,+79161234567\nb,89167654321\n")
    (tmp_path / "s.yaml").write_text("records:\n  a: {1: [answered]}\n  b: {1: [answered]}\n")
    if dnc is not None:
        (tmp_path / "dnc.csv").write_text(dnc)
    return tmp_path


def test_the_config_reads_do_not_call_scope_and_phone_caps(tmp_path: Path) -> None:
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "c.yaml").write_text(
        CONFIG + "  invalid_number: {action: stop_number, scope: campaign}\n"
        "  wrong_person: {action: stop_number}\n"
        "caps: [{max: 2, per: week, scope: phone}]\ndo_not_call: [dnc.csv, /abs/x.csv]\n"
    )
    campaign = load_config(folder / "c.yaml")
    assert campaign.do_not_call == (str(folder / "dnc.csv"), "/abs/x.csv")
    assert [(where.line, where.column) for where in campaign.do_not_call_at] == [(7, 15), (7, 24)]
    rules = campaign.policy.rules
    assert rules[Status.INVALID_NUMBER].scope is StopScope.CAMPAIGN
    assert rules[Status.WRONG_PERSON].scope is StopScope.RECORD
    assert rules[Status.NO_ANSWER].scope is StopScope.RECORD
    assert [cap.scope for cap in campaign.caps] == [Scope.PHONE]


def test_scope_on_an_action_other_than_stop_number_is_rc119(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text(
        CONFIG.replace("after_hours: 1}", "after_hours: 1, scope: record}")
        + "  busy: {action: stop_record, scope: campaign}\n"
    )
    report = check_config(config)
    assert report.campaign is None
    found = [
        (p.code.id, p.location.line, p.location.column, p.message.render()) for p in report.problems
    ]
    assert found == [
        ("RC119", 3, 49, "scope says where a stop_number stops its phone; a rule with action "
         "callback stops no phone: remove scope, or make the action stop_number"),
        ("RC119", 4, 31, "scope says where a stop_number stops its phone; a rule with action "
         "stop_record stops no phone: remove scope, or make the action stop_number"),
    ]  # fmt: skip


def test_schema_publishes_the_new_keys() -> None:
    done = _recall("schema")
    assert done.returncode == 0
    schema = json.loads(done.stdout)
    assert schema["properties"]["do_not_call"]["anyOf"][0] == {
        "items": {"type": "string"},
        "type": "array",
    }
    assert schema["$defs"]["RuleModel"]["properties"]["scope"]["anyOf"][0] == {
        "enum": ["record", "campaign"],
        "type": "string",
    }
    assert schema["$defs"]["CapModel"]["properties"]["scope"]["enum"] == ["record", "phone"]


def test_simulate_reads_the_configs_and_the_given_lists(tmp_path: Path) -> None:
    folder = _files(tmp_path, "do_not_call: [dnc.csv]\n")
    (folder / "more.csv").write_text("89167654321\n")
    done = _recall(
        "simulate", str(folder / "c.yaml"), str(folder / "l.csv"), "--script",
        str(folder / "s.yaml"), "--dnc", str(folder / "more.csv"), "--start", "2026-12-01T10:00",
        "--format", "json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["records"] == 2


def test_an_unreadable_dnc_file_exits_2(tmp_path: Path) -> None:
    folder = _files(tmp_path, "")
    missing = folder / "none.csv"
    done = _recall(
        "simulate", str(folder / "c.yaml"), str(folder / "l.csv"), "--script",
        str(folder / "s.yaml"), "--dnc", str(missing),
    )  # fmt: skip
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"{missing}: error RC001 no such file\n"


def test_a_file_the_config_names_that_is_missing_is_blamed_on_the_config(tmp_path: Path) -> None:
    folder = _files(tmp_path, "do_not_call: [gone.csv]\n", dnc=None)
    done = _recall(
        "simulate",
        str(folder / "c.yaml"),
        str(folder / "l.csv"),
        "--script",
        str(folder / "s.yaml"),
    )
    assert done.returncode == 2
    assert done.stderr == (
        f"{folder / 'c.yaml'}:4:15: error RC001 do-not-call file {folder / 'gone.csv'}: "
        "no such file\n"
    )
    checked = _recall("validate", str(folder / "c.yaml"))
    assert checked.returncode == 2
    assert (
        f"{folder / 'c.yaml'}:4:15: error RC001 do-not-call file {folder / 'gone.csv'}: "
        "no such file" in checked.stdout
    )


def test_bad_entries_exit_1_at_their_line_and_column(tmp_path: Path) -> None:
    folder = _files(tmp_path, "do_not_call: [dnc.csv]\n", dnc="phone,until\nnobody,\n1,2026-1-1\n")
    done = _recall(
        "simulate",
        str(folder / "c.yaml"),
        str(folder / "l.csv"),
        "--script",
        str(folder / "s.yaml"),
    )
    assert done.returncode == 1
    dnc = folder / "dnc.csv"
    assert done.stderr.splitlines() == [
        f"{dnc}:2:1: error RC701 do-not-call entry 'nobody' holds no digit: it names no phone",
        f"{dnc}:3:3: error RC701 until '2026-1-1' is not a date written YYYY-MM-DD (for example "
        "2026-12-31)",
    ]


def test_an_output_onto_a_dnc_file_is_refused(tmp_path: Path) -> None:
    folder = _files(tmp_path, "do_not_call: [dnc.csv]\n")
    for extra in ((), ("--dnc", str(folder / "other.csv"))):
        target = folder / "dnc.csv" if not extra else folder / "other.csv"
        target.write_text("phone\n89160000000\n")
        done = _recall(
            "simulate", str(folder / "c.yaml"), str(folder / "l.csv"), "--script",
            str(folder / "s.yaml"), *extra, "--output", str(target),
        )  # fmt: skip
        assert done.returncode == 2
        assert "refusing to overwrite it" in done.stderr
        assert target.read_text() == "phone\n89160000000\n"


def test_validate_judges_until_dates_only_against_start(tmp_path: Path) -> None:
    dnc = tmp_path / "x.csv"
    dnc.write_text("phone,until\n89161234567,2026-11-30\n89167654321,2026-12-01\n")
    without = _recall("validate", str(dnc), "--dnc", str(dnc))
    assert (without.returncode, without.stdout) == (0, "1 file checked: no problems\n")
    judged = _recall("validate", str(dnc), "--dnc", str(dnc), "--start", "2026-12-01T09:00")
    assert judged.returncode == 0
    assert judged.stdout.splitlines()[0] == (
        f"{dnc}:2:1: warning RC703 the entry for '89161234567' ended on 2026-11-30, before the "
        "run starts on 2026-12-01: it stops no dial"
    )
    bad = _recall("validate", str(dnc), "--start", "soon")
    assert bad.returncode == 2
    assert "'soon' is not an ISO 8601 date and time" in bad.stderr


def test_the_samples_validate_and_the_debt_sample_loads(tmp_path: Path) -> None:
    done = _recall("validate", str(SAMPLE_CONFIGS), str(SAMPLE_LISTS))
    assert done.returncode == 0, done.stdout
    assert " 0 errors" in done.stdout.splitlines()[-1]
    debt = _recall(
        "validate", str(SAMPLE_CONFIGS / "debt_collection.yaml"),
        str(SAMPLE_LISTS / "debt_collection.csv"),
    )  # fmt: skip
    assert debt.returncode == 0
    found = [line.split()[2] for line in debt.stdout.splitlines() if " RC6" in line]
    found = [rule for rule in found if rule in {"RC609", "RC618", "RC619"}]
    assert found == ["RC619", "RC618", "RC609", "RC609", "RC609"]
    run = _recall(
        "simulate", str(SAMPLE_CONFIGS / "debt_collection.yaml"),
        str(SAMPLE_LISTS / "debt_collection.csv"), "--start", "2026-12-01T10:00",
        "--format", "json", "--no-events", "--output", str(tmp_path / "out.json"),
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert json.loads((tmp_path / "out.json").read_text())["summary"]["records"] == 30


def test_record_runs_play_the_whole_campaign_when_records_share_a_phone(tmp_path: Path) -> None:
    from recall_cli.cli.plan import RunOptions, plan_run  # noqa: PLC0415

    folder = _files(tmp_path, "  invalid_number: {action: stop_number, scope: campaign}\n")
    options = RunOptions(
        folder / "c.yaml", folder / "l.csv", script=folder / "s.yaml", records=("a",)
    )
    assert not plan_run(options).whole  # no phone is shared
    (folder / "l.csv").write_text("id,phone\na,+79161234567\nb,89161234567\n")
    plan = plan_run(options)
    assert plan.whole
    assert plan.setup is not None
    assert plan.setup.phonebook is not None
    assert dict(plan.setup.phonebook.shared) == {(0, 0): "+79161234567", (1, 0): "+79161234567"}
    assert dict(plan.setup.phonebook.listed) == {}


def test_validate_checks_a_dnc_file_given_alone(tmp_path: Path) -> None:
    dnc = tmp_path / "dnc.csv"
    dnc.write_text("phone,until\n+7 916 123-45-67,2026-13-01\n", encoding="utf-8")
    done = _recall("validate", "--dnc", str(dnc))
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == (
        f"{dnc}:2:18: error RC701 until '2026-13-01' is not a date written YYYY-MM-DD "
        "(for example 2026-12-31)"
    )


def test_validate_with_nothing_to_check_is_a_usage_error() -> None:
    done = _recall("validate")
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        "Error: Invalid value for PATH: give at least one file or folder to check, or a --dnc file"
    )
