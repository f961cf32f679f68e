"""The benchmark harness (benchmarks/bench.py): which rounds it leaves out, the inputs it makes
and the table it prints."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import benchmark_module

bench = benchmark_module("bench")
make_list = benchmark_module("make_list")


def _runs(label: str, *runs: tuple[float, float]) -> object:
    """A command's runs from (wall, CPU) seconds."""
    command = bench.Command(label, ("true",))
    return bench.Runs(command, [bench.Measured(wall, cpu, 10.0) for wall, cpu in runs])


def test_a_round_is_disturbed_by_a_run_short_of_cpu_or_slow_for_its_command() -> None:
    steady = _runs("a", (1.0, 0.99), (1.0, 0.99), (1.0, 0.99), (1.0, 0.99))
    # Round 2: 85 % of a CPU; round 4: 1.3 × its median, though with a whole CPU.
    other = _runs("b", (2.0, 1.98), (2.0, 1.70), (2.0, 1.98), (2.6, 2.6))
    assert bench.disturbed([steady, other], 4) == [False, True, False, True]


def test_the_dnc_file_lists_the_first_phone_of_every_tenth_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench, "OUT", tmp_path)
    contacts = tmp_path / "list.csv"
    make_list.write_list(contacts, 100, 7, regions=True)
    rows = contacts.read_text(encoding="utf-8").splitlines()[1:]
    dnc = bench.make_dnc(contacts, 5).read_text(encoding="utf-8").splitlines()
    assert dnc[0] == "phone"
    assert len(dnc) == 6
    tenth = [rows[i] for i in range(0, 100, 10)]
    for phone in dnc[1:]:
        assert any(phone in row for row in tenth)


def test_the_capped_dialer_job_is_a_config_recall_accepts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench, "OUT", tmp_path)
    config = bench.capped_dialer_job()
    done = subprocess.run(
        [sys.executable, "-m", "recall_cli", "validate", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "caps:\n- max: 1\n  per: day\n" in config.read_text(encoding="utf-8")


def test_the_table_has_a_row_per_command_and_per_ratio() -> None:
    result = {
        "job": "million",
        "rounds": 2,
        "clean_rounds": [2],
        "commands": {
            "1,000,000 json": {
                "median_seconds": 4.0,
                "median_cpu_seconds": 3.9,
                "median_peak_rss_mib": 320.4,
            },
            "100,000 json": {
                "median_seconds": 0.5,
                "median_cpu_seconds": 0.49,
                "median_peak_rss_mib": 60.0,
            },
        },
        "ratios": [
            {
                "slow": "1,000,000 json",
                "fast": "100,000 json",
                "meaning": "1 M ÷ 100k",
                "ratio_of_medians": 8.0,
                "median_round_ratio": 8.1,
                "cpu_ratio_of_medians": 7.96,
                "at_most": 11.0,
                "kept": True,
            }
        ],
    }
    assert bench.markdown([result]).splitlines() == [
        "| job | command | wall (median) | CPU | peak RSS | clean rounds |",
        "|---|---|---:|---:|---:|---:|",
        "| million | 1,000,000 json | 4.00 s | 3.90 s | 320 MiB | 1 of 2 |",
        "| million | 100,000 json | 0.50 s | 0.49 s | 60 MiB | 1 of 2 |",
        "",
        "| job | ratio | of medians | median of rounds | of CPU medians | bound |",
        "|---|---|---:|---:|---:|---|",
        "| million | 1,000,000 json ÷ 100,000 json (1 M ÷ 100k) | 8.00× | 8.10× | 7.96× "
        "| ≤ 11: kept |",
        "",
        "1,000,000 json: peak RSS 320 MiB (≤ 300: EXCEEDED)",
    ]
