"""`--runs N`: N simulations with seeds seed…seed+N−1, each figure a mean with a 95 % interval."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recall_cli.cli import app
from recall_cli.simulate.montecarlo import Interval, interval, t95

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "sample_configs" / "cloud_contact_default.yaml"
LIST = ROOT / "sample_lists" / "campaign_300.csv"
START = "2026-12-01T09:00"
runner = CliRunner()


def recall(*args: str | Path) -> tuple[int, str, str]:
    done = runner.invoke(app, [str(a) for a in args])
    return done.exit_code, done.stdout, done.stderr


def figures(*extra: str) -> dict[str, dict[str, float | None] | None]:
    code, out, err = recall("simulate", CONFIG, LIST, "--start", START, "--format", "json", *extra)
    assert (code, err) == (0, "")
    document = json.loads(out)
    found: dict[str, dict[str, float | None] | None] = document["figures"]
    return found


@pytest.mark.parametrize(
    ("df", "expected"), [(1, 12.706), (2, 4.303), (10, 2.228), (30, 2.042), (120, 1.980)]
)
def test_t_quantiles_of_the_table(df: int, expected: float) -> None:
    assert t95(df) == expected


def test_t_quantiles_between_and_beyond_the_table() -> None:
    # Exact values: 2.0301 (df 35), 1.9840 (df 100), 1.9623 (df 1000).
    assert abs(t95(35) - 2.0301) < 0.001
    assert abs(t95(100) - 1.9840) < 0.001
    assert abs(t95(1000) - 1.9623) < 0.001
    with pytest.raises(ValueError, match="0"):
        t95(0)


def test_interval_is_mean_plus_minus_t_times_standard_error() -> None:
    found = interval([1.0, 2.0, 3.0, None])
    assert found is not None
    half = 4.303 / math.sqrt(3)
    assert (found.mean, found.runs) == (2.0, 3)
    assert found.low == pytest.approx(2 - half, abs=1e-12)
    assert found.high == pytest.approx(2 + half, abs=1e-12)
    assert interval([5.0]) == Interval(5.0, None, None, 1)
    assert interval([None, None]) is None
    assert interval([0.25] * 4) == Interval(0.25, 0.25, 0.25, 4)


def test_runs_report_every_figure_with_its_interval() -> None:
    found = figures("--seed", "42", "--runs", "3")
    assert list(found)[:4] == ["reach_rate", "reached", "dials", "attempts"]
    reach = found["reach_rate"]
    assert reach is not None
    low, mean, high = reach["low"], reach["mean"], reach["high"]
    assert low is not None
    assert high is not None
    assert mean is not None
    assert low < mean < high


def test_the_mean_of_n_runs_is_the_mean_of_the_single_runs_with_those_seeds() -> None:
    found = figures("--seed", "42", "--runs", "3")
    rates = []
    for seed in ("42", "43", "44"):
        code, out, _ = recall(
            "simulate",
            CONFIG,
            LIST,
            "--start",
            START,
            "--format",
            "json",
            "--no-events",
            "--seed",
            seed,
        )
        assert code == 0
        rates.append(json.loads(out)["summary"]["reach_rate"])
    reach = found["reach_rate"]
    assert reach is not None
    assert reach["mean"] == pytest.approx(sum(rates) / 3, abs=1e-6)


def test_intervals_shrink_as_runs_grow() -> None:
    widths = []
    for runs in ("4", "16", "64"):
        reach = figures("--seed", "1", "--runs", runs)["reach_rate"]
        assert reach is not None
        low, high = reach["low"], reach["high"]
        assert low is not None
        assert high is not None
        widths.append(high - low)
    assert widths[0] > widths[1] > widths[2]


def test_runs_table_names_the_seeds() -> None:
    code, out, _ = recall(
        "simulate", CONFIG, LIST, "--start", START, "--runs", "3", "--seed", "42", "--lang", "en"
    )
    assert code == 0
    assert out.splitlines()[0].startswith("Campaign: Новая кампания · 3 runs, seeds 42–44")
    assert "95% interval" in out


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (("--runs", "0"), "--runs must be from 1 to 10000, got 0"),
        (("--runs", "10001"), "--runs must be from 1 to 10000, got 10001"),
        (("--runs", "3", "--format", "csv"), "--runs writes a table or json, not csv"),
        (
            (
                "--runs",
                "3",
                "--script",
                str(ROOT / "sample_configs" / "worked_example.script.yaml"),
            ),
            "--runs needs random outcomes",
        ),
    ],
)
def test_runs_usage_errors_exit_2(extra: tuple[str, ...], words: str) -> None:
    code, out, err = recall("simulate", CONFIG, LIST, "--lang", "en", *extra)
    assert (code, out) == (2, "")
    assert words in " ".join(err.replace("│", " ").split())
