"""Every rule's pass and fail examples under tests/cases/validate/<ID>/{pass,fail}/.

A case is a file, or a folder validated as one run (config + list + script together).
A fail case names what it expects: `# expect: ID line:col` comments in a YAML file,
`ID line:col` lines in `NAME.csv.expect` beside a list, `ID file line:col` lines in a
folder's `expect.txt`. The rule's findings must be exactly those; a pass case has none.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from recall_cli.loaders import codes
from recall_cli.problems import Code
from recall_cli.validate.linter import validate_paths
from recall_cli.validate.registry import RULES

CASES = Path(__file__).parent / "cases" / "validate"
# Rules no stored file can show: a missing file, a file over 10 MiB, a run-time event of
# `recall simulate`, a profile loader that may or may not be installed, and a rule judged
# only against `--start`. The CLI and hostile tests cover the first two; the profile test
# covers RC613; the DNC CLI tests cover RC703.
NO_CASES = frozenset({"RC001", "RC003", "RC304", "RC613", "RC703"})
_EXPECT = re.compile(r"^# expect: (RC\d{3}) (\d+):(\d+)$", re.M)

Expected = set[tuple[str, str, int, int]]


def _cases() -> list[tuple[str, str, Path]]:
    return [
        (rule.name, kind.name, case)
        for rule in sorted(CASES.iterdir())
        for kind in sorted(rule.iterdir())
        for case in sorted(kind.iterdir())
        if case.suffix != ".expect"
    ]


def _expected(case: Path) -> Expected:
    if case.is_dir():
        lines = (case / "expect.txt").read_text(encoding="utf-8").splitlines()
        found: Expected = set()
        for line in lines:
            rule, file, position = line.split()
            row, column = position.split(":")
            found.add((rule, file, int(row), int(column)))
        return found
    if case.suffix == ".yaml":
        text = case.read_bytes().decode("utf-8", "replace")
        return {(m[1], case.name, int(m[2]), int(m[3])) for m in _EXPECT.finditer(text)}
    lines = case.with_name(case.name + ".expect").read_text(encoding="utf-8").splitlines()
    return {
        (rule, case.name, int(row), int(column))
        for rule, position in (line.split() for line in lines)
        for row, column in [position.split(":")]
    }


@pytest.mark.parametrize(
    ("rule_id", "kind", "case"),
    _cases(),
    ids=[f"{r}-{k}-{c.name}" for r, k, c in _cases()],
)
def test_case(rule_id: str, kind: str, case: Path) -> None:
    rule = RULES[rule_id].RULE
    report = validate_paths([str(case)])
    found = {
        (p.code.id, Path(p.location.file).name, p.location.line, p.location.column)
        for p in report.findings
        if p.code.id == rule_id
    }
    assert all(p.severity is rule.severity for p in report.findings if p.code.id == rule_id)
    if kind == "pass":
        assert found == set()
    else:
        expected = _expected(case)
        assert expected, f"{case} names no expected finding"
        assert found == expected


def test_every_rule_has_pass_and_fail_cases() -> None:
    present = {
        rule.name
        for rule in CASES.iterdir()
        if any((rule / "pass").iterdir()) and any((rule / "fail").iterdir())
    }
    assert set(RULES) - NO_CASES == present


def test_case_folders_name_real_rules() -> None:
    assert {rule.name for rule in CASES.iterdir()} <= set(RULES)


def test_every_code_a_loader_can_report_is_a_documented_rule() -> None:
    declared = {code.id: code.slug for code in vars(codes).values() if isinstance(code, Code)}
    assert declared == {rule_id: module.RULE.slug for rule_id, module in RULES.items()}
