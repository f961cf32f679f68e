"""`recall explain` on the command line: languages, exit codes, positioned errors, handouts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from recall_cli.cli import app
from tests.thoroughness import examples

ROOT = Path(__file__).resolve().parent.parent
WORKED = str(ROOT / "sample_configs" / "worked_example.yaml")
SPEC_TRACE = "busy,busy,busy,busy,no_answer,no_answer,no_answer,answered"
ENV: dict[str, str | None] = {
    "COLUMNS": "150",
    "LC_ALL": None,
    "LC_MESSAGES": None,
    "LANG": None,
    "FORCE_COLOR": None,
    "NO_COLOR": "1",
}


def run(*args: str, env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env={**ENV, **(env or {})})


def _config(tmp_path: Path, body: str, name: str = "campaign.yaml") -> str:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("env", "title"),
    [
        ({}, "How the callbacks of"),
        ({"LANG": "ru_RU.UTF-8"}, "Как работают перезвоны"),
        ({"LANG": "ru_RU.UTF-8", "LC_ALL": "en_US.UTF-8"}, "How the callbacks of"),
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "ru_RU"}, "Как работают перезвоны"),
        ({"LANG": "C"}, "How the callbacks of"),
    ],
)
def test_language_defaults_from_the_locale(env: dict[str, str | None], title: str) -> None:
    result = run("explain", WORKED, env=env)
    assert result.exit_code == 0
    assert result.stdout.startswith(title)


def test_lang_option_beats_the_locale() -> None:
    result = run("explain", WORKED, "--lang", "EN", env={"LANG": "ru_RU.UTF-8"})
    assert result.exit_code == 0
    assert result.stdout.startswith("How the callbacks of")


def test_unknown_language_is_a_usage_error() -> None:
    result = run("explain", WORKED, "--lang", "de")
    assert result.exit_code == 2
    assert "'de' is not a language recall speaks; use one of: en, ru" in result.stderr
    assert result.stdout == ""


BROKEN = {
    "syntax": "limits: {max_attempts_per_record: 5\n",
    "wrong_type": "limits:\n  max_attempts_per_record: five\n  max_attempts_per_number: 3\n",
    "missing_limits": "rules:\n  busy: {action: stop_number}\n",
    "unknown_status": (
        "limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}\n"
        "rules:\n  bussy: {action: stop_number}\n  Нет ответ: {action: callback, after_hours: 2}\n"
    ),
    "duplicate_status": (
        "limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}\n"
        "rules:\n  busy: {action: stop_number}\n  Занято: {action: stop_record}\n"
    ),
    "ranges": (
        "limits: {max_attempts_per_record: 0, max_attempts_per_number: 3}\n"
        "rules:\n  busy: {repeats: 2, interval_minutes: 30, action: callback, after_hours: 0.5}\n"
    ),
    "timezone": (
        "timezone: Mars/Olympus\nlimits: {max_attempts_per_record: 5, max_attempts_per_number: 3}\n"
    ),
    "region": "region: XX\nlimits: {max_attempts_per_record: 5, max_attempts_per_number: 3}\n",
    "empty": "",
    "not_mapping": "- busy\n- no_answer\n",
    "alias": "limits: &l {max_attempts_per_record: 5, max_attempts_per_number: 3}\nx: *l\n",
}


def _errors(stream: str) -> list[str]:
    return [line for line in stream.splitlines() if re.match(r".+:\d+:\d+: error RC\d{3} ", line)]


@pytest.mark.parametrize("name", sorted(BROKEN))
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_broken_configs_give_validates_positioned_errors(
    name: str, lang: str, tmp_path: Path
) -> None:
    path = _config(tmp_path, BROKEN[name], f"{name}.yaml")
    explained = run("explain", path, "--lang", lang)
    validated = run("validate", path, "--lang", lang)
    assert explained.exit_code == 1
    assert validated.exit_code == 1
    assert explained.stdout == ""
    assert _errors(explained.stderr)
    assert _errors(explained.stderr) == _errors(validated.stdout + validated.stderr)
    assert "Traceback" not in explained.output


def test_broken_config_errors_are_exact(tmp_path: Path) -> None:
    path = _config(tmp_path, BROKEN["unknown_status"])
    result = run("explain", path, "--lang", "ru")
    assert result.stderr.splitlines() == [
        f"{path}:3:3: error RC102 неизвестный статус 'bussy'; может быть, 'busy'?",
        f"{path}:4:3: error RC102 неизвестный статус 'Нет ответ'; может быть, 'Нет ответа'?",
    ]


def test_missing_config_is_exit_2() -> None:
    result = run("explain", "no/such/campaign.yaml")
    assert result.exit_code == 2
    assert result.stderr == "no/such/campaign.yaml: error RC001 no such file\n"


@pytest.mark.parametrize(
    ("trace", "message"),
    [
        ("busy,bussy", "--trace: error RC102 unknown status 'bussy'; did you mean 'busy'?"),
        (
            "Занято,Нет отвта",
            "--trace: error RC102 unknown status 'Нет отвта'; did you mean 'Нет ответа'?",
        ),
        ("busy,,answered", "--trace: error RC102 outcome 2 is empty (two commas in a row?)"),
        (
            "",
            "--trace: error RC102 give at least one outcome, e.g. --trace busy,no_answer,answered",
        ),
        ("quux", "--trace: error RC102 unknown status 'quux'"),
    ],
)
def test_bad_trace_is_exit_1(trace: str, message: str) -> None:
    result = run("explain", WORKED, "--trace", trace, "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [message]
    assert result.stdout == ""


def test_trace_status_without_rule_is_exit_1_naming_it() -> None:
    result = run("explain", WORKED, "--trace", "busy,Молчание,answered", "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{WORKED}: error RC501 the trace has Silence (Молчание), but the config has no rule for "
        "it; add one under rules:"
    ]


def test_unknown_status_option_is_exit_1() -> None:
    result = run("explain", WORKED, "--status", "Занят", "--lang", "ru")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "--status: error RC102 неизвестный статус 'Занят'; может быть, 'Занято'?"
    ]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (
            "answered",
            "Answered (Дозвон) is the success status: the client answered, and the record",
        ),
        ("Молчание", "The config has no rule for Silence (Молчание). A simulation in which it can"),
    ],
)
def test_status_without_a_rule_is_explained(status: str, expected: str) -> None:
    result = run("explain", WORKED, "--status", status, "--lang", "en")
    assert result.exit_code == 0
    assert expected in result.stdout


def test_trace_output_holds_the_spec_rows() -> None:
    result = run("explain", WORKED, "--trace", SPEC_TRACE, "--lang", "en")
    assert result.exit_code == 0
    rows = [
        [cell.strip() for cell in line.strip("│").split("│")]
        for line in result.stdout.splitlines()
        if line.startswith("│")
    ]
    assert rows[5] == [
        "14:15",
        "1",
        "3/5",
        "3/3",
        "—",
        "No answer (Нет ответа)",
        "phone 1 spent 3/3 → phone 2, call back in 3 h → 17:15",
    ]
    assert [row[0] for row in rows] == [
        "10:00", "10:05", "10:10", "10:15", "11:15", "14:15", "17:15", "20:15"
    ]  # fmt: skip


def test_ids_are_shown_only_when_asked() -> None:
    plain = run("explain", WORKED, "--lang", "ru", "--status", "busy")
    with_ids = run("explain", WORKED, "--lang", "ru", "--status", "busy", "--ids")
    assert "Занято (busy)" not in plain.stdout
    assert "Занято (busy)" in with_ids.stdout


@pytest.mark.parametrize(
    ("options", "hint"),
    [
        (["--start", "25:00"], "--start"),
        (["--start", "yesterday"], "--start"),
        (["--phones", "0"], "--phones"),
        (["--phones", "11"], "--phones"),
        (["--export", "handout.pdf"], "--export"),
    ],
)
def test_bad_options_are_usage_errors(options: list[str], hint: str) -> None:
    result = run("explain", WORKED, "--trace", "busy", *options)
    assert result.exit_code == 2
    assert hint in result.stderr


def test_start_message_is_in_the_language() -> None:
    result = run("explain", WORKED, "--start", "25:00", "--lang", "ru")
    assert result.exit_code == 2
    assert "'25:00' — не время суток (10:00) и не дата со временем в ISO 8601" in result.stderr


def test_export_markdown(tmp_path: Path) -> None:
    target = tmp_path / "handout.md"
    result = run("explain", WORKED, "--trace", SPEC_TRACE, "--lang", "en", "--export", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    handout = target.read_text(encoding="utf-8")
    assert handout.startswith("# How the callbacks of “Worked example (slide 7)” work\n")
    assert "## Trace: 8 outcomes on a sample record with 2 numbers\n" in handout
    assert (
        "| 14:15 | 1 | 3/5 | 3/3 | — | No answer (Нет ответа) | "
        "phone 1 spent 3/3 → phone 2, call back in 3 h → 17:15 |"
    ) in handout
    assert (
        "6. **14:15 · phone 1 · No answer (Нет ответа)**: Attempt 3 of 5 for the record, 3 of 3 "
        "for phone 1."
    ) in handout
    assert list(tmp_path.iterdir()) == [target]


def test_export_markdown_escapes_markup(tmp_path: Path) -> None:
    path = _config(
        tmp_path,
        "campaign: '*Star* | [camp]'\n"
        "limits: {max_attempts_per_record: 3, max_attempts_per_number: 3}\n"
        "rules:\n  invalid_number: {action: callback, after_hours: 24}\n",
    )
    target = tmp_path / "h.md"
    assert run("explain", path, "--lang", "en", "--export", str(target)).exit_code == 0
    handout = target.read_text(encoding="utf-8")
    assert handout.startswith("# How the callbacks of “\\*Star\\* \\| \\[camp\\]” work\n")
    # validate's finding, reused as a tip, keeps its ids readable: max\_attempts\_per\_number.
    assert "max\\_attempts\\_per\\_number" in handout


@pytest.mark.parametrize(("suffix", "start"), [(".svg", "<svg"), (".html", "<!DOCTYPE html>")])
def test_export_svg_and_html(suffix: str, start: str, tmp_path: Path) -> None:
    target = tmp_path / f"handout{suffix}"
    result = run("explain", WORKED, "--lang", "ru", "--trace", SPEC_TRACE, "--export", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    handout = target.read_text(encoding="utf-8")
    assert handout.lstrip().startswith(start)
    # Rich writes each character cell apart in SVG; the words are all there in HTML.
    if suffix == ".html":
        assert "Итог: дозвон — 8 звонков за 5 попыток." in handout


def test_export_into_a_missing_folder_is_exit_2(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "handout.md"
    result = run("explain", WORKED, "--lang", "en", "--export", str(target))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{target}: error RC001 cannot write the output here: ")


def test_infinite_wait_is_refused_not_a_traceback(tmp_path: Path) -> None:
    path = _config(
        tmp_path,
        "limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}\n"
        "rules:\n  busy: {action: callback, after_hours: .inf}\n",
    )
    result = run("explain", path, "--trace", "busy,busy")
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)


_NAMES = ["busy", "no_answer", "Занято", "silence", "answered", "bussy", "invalid_number", "1"]
_VALUES: st.SearchStrategy[object] = st.one_of(
    st.integers(-2, 30),
    st.sampled_from([0.5, 1.5, 24.0, "x", "", True, None, [], {}, "callback", "stop_number"]),
)
_RULES = st.dictionaries(
    st.sampled_from(["action", "repeats", "interval_minutes", "after_hours", "scenario", "extra"]),
    _VALUES,
    max_size=4,
)
_CONFIGS = st.fixed_dictionaries(
    {
        "limits": st.one_of(
            st.fixed_dictionaries(
                {
                    "max_attempts_per_record": _VALUES,
                    "max_attempts_per_number": _VALUES,
                    "dial_all_numbers": st.sampled_from([True, False, "yes", 1]),
                }
            ),
            _VALUES,
        ),
        "rules": st.dictionaries(st.sampled_from(_NAMES), _RULES, max_size=4),
    }
)


@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(config=_CONFIGS, trace=st.lists(st.sampled_from(_NAMES), max_size=5))
def test_no_traceback_for_any_config(
    config: dict[str, object], trace: list[str], tmp_path: Path
) -> None:
    path = _config(tmp_path, yaml.safe_dump(config, allow_unicode=True))
    args = ["explain", path, "--lang", "ru"]
    if trace:
        args += ["--trace", ",".join(trace)]
    result = run(*args)
    assert result.exit_code in {0, 1}, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
