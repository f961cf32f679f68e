"""Golden explanations: every sample config, the explainer's own cases, and the worked example's
trace, in each language.

The CLI's output at a fixed width with no colour is compared with `tests/golden/explain/`.
After a deliberate change, refresh the files and review the diff:

    RECALL_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_explain_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recall_cli.cli import app
from recall_cli.messages import Lang
from recall_cli.render.explanation import EXPORT_WIDTH

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "explain"
UPDATE = os.environ.get("RECALL_UPDATE_GOLDEN") == "1"
SPEC_TRACE = "busy,busy,busy,busy,no_answer,no_answer,no_answer,answered"
# Fixed width, no colour, whatever the terminal or CI says.
ENV: dict[str, str | None] = {
    "COLUMNS": str(EXPORT_WIDTH),
    "LINES": "50",
    "FORCE_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TTY_INTERACTIVE": None,
    "NO_COLOR": "1",
}


def _configs() -> list[str]:
    """The campaign configs among the samples (scripts and profiles are `name.kind.yaml`)."""
    return sorted(
        path.stem for path in (ROOT / "sample_configs").glob("*.yaml") if "." not in path.stem
    )


def _cases() -> list[str]:
    """The configs written for the explainer's own cases (`tests/cases/explain/`)."""
    return sorted(path.stem for path in (ROOT / "tests" / "cases" / "explain").glob("*.yaml"))


CASES: list[tuple[str, list[str]]] = [
    *((f"{name}.{lang}", [f"sample_configs/{name}.yaml"]) for name in _configs() for lang in Lang),
    *(
        (f"{name}.{lang}", [f"tests/cases/explain/{name}.yaml"])
        for name in _cases()
        for lang in Lang
    ),
    *(
        (
            f"worked_example.trace.{lang}",
            ["sample_configs/worked_example.yaml", "--trace", SPEC_TRACE],
        )
        for lang in Lang
    ),
    *(
        (
            f"worked_example.status-busy.{lang}",
            ["sample_configs/worked_example.yaml", "--status", "busy"],
        )
        for lang in Lang
    ),
    (
        "cloud_contact_default.trace-dated.ru",
        [
            "sample_configs/cloud_contact_default.yaml",
            "--trace",
            "Нет ответа,Нет ответа,Занято,Занято,Занято,Занято,Нет ответа,answered",
            "--start",
            "2026-12-04T19:30",
        ],
    ),
    (
        "collections_ru.trace-held.en",
        [
            "sample_configs/collections_ru.yaml",
            "--trace",
            "busy,busy,answered",
            "--start",
            "2026-12-04T21:50",
        ],
    ),
]


def _plain(text: str) -> str:
    # Rich pads table cells to their width; trailing spaces are invisible and editors strip them.
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


@pytest.mark.parametrize(("name", "args"), CASES, ids=[name for name, _ in CASES])
def test_golden(name: str, args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    lang = name.rsplit(".", 1)[1]
    result = CliRunner().invoke(app, ["explain", *args, "--lang", lang], env=ENV)
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout
    produced = _plain(result.stdout)
    path = GOLDEN / f"{name}.txt"
    if UPDATE:
        path.write_text(produced, encoding="utf-8")
    assert path.exists(), (
        f"no golden file {path.name}; run RECALL_UPDATE_GOLDEN=1 pytest {__file__}"
    )
    assert produced == path.read_text(encoding="utf-8")


def test_every_golden_file_has_a_case() -> None:
    names = {name for name, _ in CASES}
    stale = sorted(path.stem for path in GOLDEN.glob("*.txt") if path.stem not in names)
    assert stale == []
