"""Seeded profile runs pinned byte for byte: a change of the draw order, of the engine or of a
renderer that moves any figure fails here.

Refresh after an intended change with `RECALL_UPDATE_GOLDEN=1 .venv/bin/python -m pytest
tests/test_golden_runs.py` and review the diff before committing.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from recall_cli.cli import app
from tests.golden import assert_golden
from tests.support import ROOT

runner = CliRunner()
# Relative to the checkout (the outputs name their inputs), so the files hold no machine's path.
CONFIG = "sample_configs/cloud_contact_default.yaml"
CONFIG_27H = "sample_configs/cloud_contact_27h.yaml"
LIST = "sample_lists/campaign_300.csv"


@pytest.fixture(autouse=True)
def _in_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


SEEDED = ("--seed", "42", "--start", "2026-12-01T09:00", "--lang", "en")


def recall(*args: object) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_seeded_profile_run(fmt: str) -> None:
    out = recall("simulate", CONFIG, LIST, *SEEDED, "--format", fmt)
    assert_golden(out, f"simulate/campaign_300.seed42.{fmt}")


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_seeded_runs(fmt: str) -> None:
    out = recall("simulate", CONFIG, LIST, *SEEDED, "--runs", "20", "--format", fmt)
    assert_golden(out, f"simulate/campaign_300.seed42.runs20.{fmt}")


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_seeded_compare(fmt: str) -> None:
    out = recall("compare", CONFIG, CONFIG_27H, LIST, *SEEDED, "--runs", "10", "--format", fmt)
    assert_golden(out, f"compare/default_vs_27h.seed42.{fmt}")


def test_one_record_is_its_timeline_in_the_full_run() -> None:
    out = recall("simulate", CONFIG, LIST, *SEEDED, "--format", "jsonl", "--record", "17")
    assert_golden(out, "simulate/campaign_300.seed42.record17.jsonl")


# A config with an error, one with warnings and infos, and a list with a warning: every
# severity, positions, both languages' words.
FINDINGS = (
    "tests/cases/validate/RC101/fail/id_and_label.yaml",
    "tests/cases/validate/RC601/fail/day.yaml",
    "tests/cases/validate/RC206/fail/extra.csv",
)


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_validate_reporter(fmt: str, lang: str) -> None:
    result = runner.invoke(app, ["validate", *FINDINGS, "--format", fmt, "--lang", lang])
    assert (result.exit_code, result.stderr) == (1, "")
    assert_golden(result.stdout, f"validate/findings.{lang}.{fmt}")
