"""Caps through the CLI: each mistake at its position, and the JSON a capped run writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CONFIG = """limits: {max_attempts_per_record: 3, max_attempts_per_number: 3}
rules:
  no_answer: {action: callback, after_hours: 1}
caps:
"""


def _recall(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "recall_cli", *args], capture_output=True, text=True, check=False
    )


def test_each_mistake_in_a_cap_is_reported_at_its_place(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text(CONFIG + "  - {max: 0, per: 5x, scope: phone}\n  - {max: 1, per: 0h}\n")
    done = _recall("validate", "--lang", "en", str(config))
    assert done.returncode == 1
    lines = [line for line in done.stdout.splitlines() if " error " in line]
    assert lines == [
        f"{config}:5:11: error RC013 'max' must be ≥ 1, got 0 (whole number)",
        f"{config}:5:19: error RC012 a cap's 'per' must be day, week, month, or a rolling Nh "
        "(1 to 8760) or Nd (1 to 366), e.g. 24h or 7d; got 5x (text)",
        f"{config}:6:19: error RC012 a cap's 'per' must be day, week, month, or a rolling Nh "
        "(1 to 8760) or Nd (1 to 366), e.g. 24h or 7d; got 0h (text)",
    ]


def test_a_capped_run_shows_what_held_its_dials(tmp_path: Path) -> None:
    config, contacts, script = tmp_path / "c.yaml", tmp_path / "l.csv", tmp_path / "s.yaml"
    config.write_text(CONFIG + "  - {max: 1, per: day}\n")
    contacts.write_text("id,phone\na,+79161234567\n")
    script.write_text("records:\n  a: {1: [no_answer, answered]}\n")
    done = _recall(
        "simulate", str(config), str(contacts), "--script", str(script),
        "--start", "2026-11-30T10:00", "--format", "json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["summary"]["held_by_caps"] == 1
    assert data["summary"]["end"] == "2026-12-01T00:00:00+03:00"
    assert "held_by_hours" not in data["summary"]
    assert [(e["time"], e["due"], e["held_by"]) for e in data["events"]] == [
        ("2026-11-30T10:00:00+03:00", "2026-11-30T10:00:00+03:00", []),
        ("2026-12-01T00:00:00+03:00", "2026-11-30T11:00:00+03:00", ["cap"]),
    ]
