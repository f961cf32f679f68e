"""`recall validate` and `recall schema` end to end: formats, exit codes, ignores, stdin."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recall_cli.cli import app
from recall_cli.loaders.config import check_config
from recall_cli.messages import en, ru
from recall_cli.messages.en import validate as en_validate
from recall_cli.messages.ru import validate as ru_validate
from recall_cli.render.findings import escape_data, escape_property
from recall_cli.validate import campaign_findings
from recall_cli.validate.registry import RULES

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_configs"
LISTS = ROOT / "sample_lists"
PROFILES_INSTALLED = importlib.util.find_spec("recall_cli.loaders.profile") is not None

LIMITS = "limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}\n"
# Line 2: rules for 2 statuses of 11 (RC605, info); line 3: an unused field (RC107, warning);
# line 4: a 24 h callback (RC601, info).
CONFIG = (
    LIMITS
    + "rules:\n"
    + "  silence: {action: stop_number, after_hours: 3}\n"
    + "  no_answer: {action: callback, after_hours: 24}\n"
)

runner = CliRunner()


def recall(*args: str | Path, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "campaign.yaml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# Samples


def _sample_findings(*paths: Path) -> list[tuple[str, str]]:
    code, out, _ = recall("validate", "--format", "json", "--strict", *paths)
    findings = json.loads(out)["findings"]
    failing = [(f["rule"], Path(f["file"]).name) for f in findings if f["severity"] != "info"]
    assert code == (1 if failing else 0)
    return failing


def test_every_sample_validates_clean_even_with_strict() -> None:
    profiles = sorted(p.name for p in SAMPLES.glob("*.profile.yaml"))
    expected = [] if PROFILES_INSTALLED else [("RC613", name) for name in profiles]
    # The debt-collection list holds phones shared across records on purpose (a campaign-wide
    # stop acts on them): their RC609 warnings are the sample's point.
    expected += [("RC609", "debt_collection.csv")] * 3
    assert _sample_findings(SAMPLES, LISTS) == expected


def test_samples_validate_clean_against_each_other() -> None:
    worked = (
        SAMPLES / "worked_example.yaml",
        LISTS / "source_record.csv",
        SAMPLES / "worked_example.script.yaml",
    )
    assert _sample_findings(*worked) == []
    assert (
        _sample_findings(SAMPLES / "cloud_contact_default.yaml", LISTS / "campaign_300.csv") == []
    )


# Formats


def test_text_lists_findings_by_file_then_the_figures(config: Path, tmp_path: Path) -> None:
    listed = _write(tmp_path / "list.csv", "id,phone\n1,12345\n")
    code, out, err = recall("validate", config, listed)
    assert (code, err) == (0, "")
    assert out == (
        f"{config}:2:1: info RC605 no rule for 9 built-in statuses: ivr, answering_machine, "
        "connection_problem, busy, congestion, wrong_person, invalid_number, no_agent, failed; "
        "a simulation in which one of them occurs is refused\n"
        f"{config}:3:47: warning RC107 after_hours is ignored: the action is stop_number, "
        "not callback\n"
        f"{config}:4:46: info RC601 no_answer calls back after 24 h, a whole number of days: "
        "every callback rings at the same time of day as the call the client missed; "
        "consider e.g. 27 h\n"
        "\n"
        f"{listed}:2:3: warning RC607 '12345' (record 1, phone 1) is not a valid number for "
        "the region\n"
        "\n"
        "2 files checked: 0 errors, 2 warnings, 2 infos\n"
    )


def test_text_in_russian_with_plural_forms(tmp_path: Path) -> None:
    zeros = "limits: {max_attempts_per_record: 0, max_attempts_per_number: 0}\n"
    first = _write(tmp_path / "a.yaml", zeros)
    second = _write(tmp_path / "b.yaml", zeros)
    code, out, _ = recall("validate", "--lang", "ru", first)
    assert code == 1
    assert out.splitlines()[-1] == "проверен 1 файл: 2 ошибки, 0 предупреждений, 0 замечаний"
    code, out, _ = recall(
        "validate", "--lang", "ru", SAMPLES / "worked_example.yaml", first, second
    )
    assert out.splitlines()[-1] == "проверено 3 файла: 4 ошибки, 0 предупреждений, 1 замечание"


def test_clean_run_says_so(tmp_path: Path) -> None:
    listed = _write(tmp_path / "list.csv", "id,phone\n1,89161234567\n")
    assert recall("validate", listed) == (0, "1 file checked: no problems\n", "")


def test_json_is_spec_section_8(config: Path) -> None:
    code, out, _ = recall("validate", "--format", "json", "--ignore", "RC605", config)
    assert code == 0
    assert json.loads(out) == {
        "findings": [
            {
                "file": str(config),
                "line": 3,
                "column": 47,
                "rule": "RC107",
                "severity": "warning",
                "message": "after_hours is ignored: the action is stop_number, not callback",
            },
            {
                "file": str(config),
                "line": 4,
                "column": 46,
                "rule": "RC601",
                "severity": "info",
                "message": "no_answer calls back after 24 h, a whole number of days: every "
                "callback rings at the same time of day as the call the client missed; "
                "consider e.g. 27 h",
            },
        ],
        "summary": {
            "files": 1,
            "errors": 0,
            "warnings": 1,
            "errors_ignored": {},
            "errors_not_ignored_inline": 0,
        },
    }


def test_json_gives_null_position_for_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    code, out, _ = recall("validate", "--format", "json", missing)
    assert code == 2
    assert json.loads(out)["findings"] == [
        {
            "file": str(missing),
            "line": None,
            "column": None,
            "rule": "RC001",
            "severity": "error",
            "message": "no such file",
        }
    ]


def test_github_annotations(config: Path) -> None:
    code, out, _ = recall("validate", "--format", "github", "--ignore", "RC6", config)
    assert code == 0
    assert out == (
        f"::warning file={config},line=3,col=47,title=RC107 unused-field::after_hours is "
        "ignored: the action is stop_number, not callback\n"
    )


def test_github_is_the_default_under_github_actions(
    config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = recall("validate", "--ignore", "RC6", config)
    assert out.startswith("::warning file=")
    _, out, _ = recall("validate", "--ignore", "RC6", "--format", "text", config)
    assert out.startswith(f"{config}:3:47: warning")


def test_github_escaping() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("C:\\lists\\a,b%.csv\n") == "C%3A\\lists\\a%2Cb%25.csv%0A"


def test_github_escapes_file_names(tmp_path: Path) -> None:
    odd = _write(
        tmp_path / "a,b:100%.yaml",
        "limits: {max_attempts_per_record: 0, max_attempts_per_number: 3}\n",
    )
    _, out, _ = recall("validate", "--format", "github", odd)
    name = str(odd).replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
    assert out == (
        f"::error file={name},line=1,col=35,title=RC013 out-of-range::'max_attempts_per_record' "
        "must be ≥ 1, got 0 (whole number)\n"
    )


def _check_sarif(log: dict[str, object]) -> None:
    """The shape SARIF 2.1.0 requires of what we write (sarif-schema-2.1.0.json)."""
    assert log["version"] == "2.1.0"
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    runs = log["runs"]
    assert isinstance(runs, list)
    assert len(runs) == 1
    run = runs[0]
    assert set(run) <= {"tool", "results", "columnKind"}
    assert run["columnKind"] in {"utf16CodeUnits", "unicodeCodePoints"}
    driver = run["tool"]["driver"]
    assert isinstance(driver["name"], str)
    assert isinstance(driver["version"], str)
    ids = [rule["id"] for rule in driver["rules"]]
    assert len(ids) == len(set(ids))
    for rule in driver["rules"]:
        assert set(rule) <= {
            "id",
            "name",
            "shortDescription",
            "fullDescription",
            "defaultConfiguration",
        }
        assert isinstance(rule["shortDescription"]["text"], str)
        assert rule["defaultConfiguration"]["level"] in {"none", "note", "warning", "error"}
    for result in run["results"]:
        assert set(result) <= {"ruleId", "ruleIndex", "level", "message", "locations"}
        assert isinstance(result["message"]["text"], str)
        assert result["level"] in {"none", "note", "warning", "error"}
        assert ids[result["ruleIndex"]] == result["ruleId"]
        for location in result["locations"]:
            physical = location["physicalLocation"]
            assert set(physical) <= {"artifactLocation", "region"}
            assert isinstance(physical["artifactLocation"]["uri"], str)
            if "region" in physical:
                region = physical["region"]
                assert set(region) == {"startLine", "startColumn"}
                assert region["startLine"] >= 1
                assert region["startColumn"] >= 1


def test_sarif_is_a_2_1_0_log(config: Path, tmp_path: Path) -> None:
    code, out, _ = recall("validate", "--format", "sarif", config, tmp_path / "gone.csv")
    assert code == 2
    log = json.loads(out)
    _check_sarif(log)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == list(RULES)
    assert [(r["ruleId"], r["level"]) for r in run["results"]] == [
        ("RC605", "note"),
        ("RC107", "warning"),
        ("RC601", "note"),
        ("RC001", "error"),
    ]
    assert run["results"][1]["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": str(config)},
                "region": {"startLine": 3, "startColumn": 47},
            }
        }
    ]
    assert "region" not in run["results"][3]["locations"][0]["physicalLocation"]


# Exit codes, strictness, ignores


def test_warnings_pass_unless_strict(config: Path) -> None:
    assert recall("validate", config)[0] == 0
    assert recall("validate", "--strict", config)[0] == 1
    assert recall("validate", "--strict", "--ignore", "unused-field", config)[0] == 0


def test_errors_fail_and_unreadable_files_are_usage_errors(tmp_path: Path) -> None:
    bad = _write(tmp_path / "bad.yaml", "limits: {max_attempts_per_record: 0}\n")
    assert recall("validate", bad)[0] == 1
    code, out, _ = recall("validate", bad, tmp_path / "none.yaml", tmp_path)
    assert code == 2
    assert f"{tmp_path / 'none.yaml'}: error RC001 no such file" in out
    assert f"{bad}:1:9: error RC011 missing key 'max_attempts_per_number'" in out
    assert out.endswith("2 files checked: 2 errors, 0 warnings, 0 infos\n")


def test_ignore_takes_prefixes_and_slugs_and_refuses_unknown_ones(config: Path) -> None:
    _, out, _ = recall("validate", "--ignore", "RC6", "--ignore", "unused-field", config)
    assert out == "1 file checked: no problems\n"
    code, _, err = recall("validate", "--ignore", "RC9", config)
    assert code == 2
    assert "'RC9' names no rule" in err


def test_inline_ignore_on_the_line_and_the_line_above(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "c.yaml",
        LIMITS
        + "rules:  # recall: ignore[RC605]\n"
        + "  # recall: ignore[RC601, RC107]\n"
        + "  no_answer: {action: callback, after_hours: 24}\n"
        + "  silence: {action: stop_number, after_hours: 3}\n"
        + "  no_agent: {action: callback, after_hours: 48}  # recall: ignore[callback-same-hour]\n",
    )
    code, out, _ = recall("validate", "--format", "json", path)
    assert code == 0
    found = [(f["rule"], f["line"]) for f in json.loads(out)["findings"]]
    assert found == [("RC107", 5)]


# Kinds and stdin


def test_stdin_is_read_once_and_named(tmp_path: Path) -> None:
    code, out, _ = recall("validate", "--format", "json", "-", stdin=CONFIG)
    assert code == 0
    assert {f["file"] for f in json.loads(out)["findings"]} == {"<stdin>"}
    code, out, _ = recall("validate", "-", stdin="id;phone\n1;12345\n")
    assert "<stdin>:2:3: warning RC607" in out


def test_list_findings_point_at_the_phone_cell_also_from_stdin() -> None:
    data = 'id\tАдрес\tТелефон\r\n1\t"Москва,\r\nкв. 7"\t 12345\r\n2\tx\t9.16E+09\r\n3\tx\t\r\n'
    result = runner.invoke(app, ["validate", "--format", "json", "-"], input=data.encode("cp1251"))
    assert result.exit_code == 1
    found = [(f["rule"], f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]]
    # The phone after a quoted address is on the address's second line, past a tab and a
    # space; a record without phones is shown at its start.
    assert found == [("RC611", 1, 1), ("RC607", 3, 9), ("RC608", 4, 5), ("RC610", 5, 1)]


def test_kind_is_detected_from_content_or_forced(tmp_path: Path) -> None:
    script = _write(tmp_path / "outcomes", 'records:\n  "1": {1: [busy]}\n')
    assert recall("validate", script) == (0, "1 file checked: no problems\n", "")
    code, out, _ = recall("validate", "--kind", "config", script)
    assert code == 1
    assert f"{script}:1:1: error RC010 unknown key 'records'" in out


def test_a_profile_is_detected(tmp_path: Path) -> None:
    profile = _write(tmp_path / "p.yaml", "outcomes: {answered: 0.5, busy: 0.5}\n")
    code, out, _ = recall("validate", "--format", "json", profile)
    rules = [f["rule"] for f in json.loads(out)["findings"]]
    if PROFILES_INSTALLED:
        assert "RC613" not in rules
    else:
        assert (code, rules) == (1, ["RC613"])


# Other files


def test_schema_is_the_config_json_schema() -> None:
    code, out, _ = recall("schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["limits"]
    assert set(schema["properties"]) == {
        "campaign",
        "timezone",
        "region",
        "limits",
        "rules",
        "list",
        "hours",
        "dialer",
        "caps",
        "do_not_call",
    }
    assert schema["additionalProperties"] is False
    assert schema["title"] == "recall campaign config"
    rule = schema["$defs"]["RuleModel"]["properties"]
    assert rule["interval_minutes"]["anyOf"][0] == {"type": "integer", "minimum": 1, "maximum": 10}
    assert rule["repeats"]["minimum"] == 0
    assert [o.get("minimum") for o in rule["after_hours"]["anyOf"]] == [1, 1, None, None]
    limits = schema["$defs"]["LimitsModel"]["properties"]
    assert limits["max_attempts_per_number"]["minimum"] == 1


def test_every_rule_module_documents_a_fail_and_a_pass_example() -> None:
    for rule_id, module in RULES.items():
        doc = module.__doc__ or ""
        assert "FAIL::" in doc, rule_id
        assert "PASS::" in doc, rule_id
        assert module.RULE.id == rule_id


def test_campaign_findings_are_lint_only(config: Path, tmp_path: Path) -> None:
    findings = campaign_findings(check_config(config))
    assert [(p.code.id, p.location.line, p.location.column) for p in findings] == [
        ("RC605", 2, 1),
        ("RC601", 4, 46),
    ]
    broken = _write(tmp_path / "broken.yaml", "limits: {max_attempts_per_record: 0}\n")
    assert campaign_findings(check_config(broken)) == []


def test_validate_messages_exist_in_both_languages() -> None:
    assert set(en_validate.MESSAGES) == set(ru_validate.MESSAGES)
    assert set(en.CATALOG) == set(ru.CATALOG)
