"""Hostile input: every file of tests/hostile/ gives its exit code and position, quickly and
without a traceback; so do huge files, stdin, and whatever hypothesis makes up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from recall_cli.cli import app
from recall_cli.loaders.yaml_tree import MAX_YAML_BYTES
from recall_cli.problems import Severity
from recall_cli.validate.linter import validate_paths
from tests.thoroughness import examples

HOSTILE = Path(__file__).parent / "hostile"

runner = CliRunner()


def _manifest() -> list[tuple[str, int, str]]:
    rows = []
    for line in (HOSTILE / "EXPECTED.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, code, *first = line.split()
            rows.append((name, int(code), " ".join(first)))
    return rows


def _params() -> list[object]:
    return [pytest.param(*row, id=row[0]) for row in _manifest()]


def test_the_corpus_is_big_enough_and_fully_listed() -> None:
    listed = {name for name, _, _ in _manifest()}
    assert len(listed) >= 30
    # Tests may live beside the corpus; they are not part of it.
    corpus = {p.name for p in HOSTILE.iterdir() if p.is_file() and p.suffix != ".py"}
    assert listed == corpus - {"EXPECTED.txt"}


@pytest.mark.parametrize(("name", "code", "first"), _params())
def test_hostile_file(name: str, code: int, first: str) -> None:
    report = validate_paths([str(HOSTILE / name)])
    errors = [p for p in report.findings if p.severity is Severity.ERROR]
    shown = (errors or list(report.findings))[:1]
    assert [f"{p.code.id} {p.location.line}:{p.location.column}" for p in shown] == [first]
    assert int(report.exit_code()) == code


def test_alias_bomb_is_refused_in_milliseconds() -> None:
    laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n"
        for i in range(20)
    )
    # Refused from the parser's events, before anything is expanded (timed in benchmarks/).
    result = runner.invoke(app, ["validate", "-"], input=laughs)
    assert result.exit_code == 1
    assert "<stdin>:1:4: error RC006 YAML anchors (&name) are not allowed" in result.stdout


def test_a_file_over_the_yaml_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"campaign: x\n" + b"#" * MAX_YAML_BYTES)
    report = validate_paths([str(huge)])
    assert [(p.code.id, p.location.line) for p in report.findings] == [("RC003", 0)]
    assert report.exit_code() == 1


def _run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "recall_cli", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("validate", str(HOSTILE / "alias_bomb.yaml")), 1),
        (("validate", str(HOSTILE / "deep_flow_5000.yaml"), str(HOSTILE / "random_bytes.bin")), 1),
        (("validate", str(HOSTILE / "huge_integer.yaml"), "--format", "sarif"), 1),
        (("validate", str(HOSTILE / "missing.yaml")), 2),
        (("validate", "--format", "yaml", str(HOSTILE / "empty.yaml")), 2),
    ],
)
def test_no_traceback_from_a_real_process(args: tuple[str, ...], code: int) -> None:
    done = _run(*args)
    assert done.returncode == code
    assert b"Traceback" not in done.stderr
    assert done.stdout or done.stderr


def test_no_traceback_for_random_bytes_on_stdin() -> None:
    done = _run("validate", "-", stdin=(HOSTILE / "random_bytes.bin").read_bytes())
    assert (done.returncode, b"Traceback" in done.stderr) == (1, False)
    assert b"<stdin>:3:1: error RC002" in done.stdout


def _invoke(args: list[str], data: bytes) -> int:
    result = runner.invoke(app, args, input=data)
    # CliRunner turns a crash into `exception`; a normal end is typer.Exit (SystemExit).
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code


FUZZ = settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
YAMLISH = st.text(
    alphabet=st.sampled_from(list("abc:-[]{}&*!?|>'\"#%@`,\n \t0123456789.ЗанятоDone")),
    max_size=200,
)


@FUZZ
@given(text=st.text(max_size=300) | YAMLISH)
def test_any_text_as_any_kind_exits_0_or_1(text: str) -> None:
    data = text.encode("utf-8")
    for kind in ("config", "script", "list", "profile"):
        assert _invoke(["validate", "--kind", kind, "-"], data) in {0, 1}


@FUZZ
@given(data=st.binary(max_size=300))
def test_any_bytes_exit_0_or_1(data: bytes) -> None:
    assert _invoke(["validate", "--format", "json", "-"], data) in {0, 1}
    assert _invoke(["validate", "--kind", "list", "-"], data) in {0, 1}
