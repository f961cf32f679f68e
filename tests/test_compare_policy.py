"""`recall compare` shows what the policy models do: number order `first` against `next`, and a
config without and with a cap of one dial a day, on a small list, a profile and a seed, with
exact figures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from recall_cli.cli import app

CASES = Path(__file__).resolve().parent / "cases" / "compare_policy"
FIRST, NEXT, CAPPED = CASES / "first.yaml", CASES / "next.yaml", CASES / "capped.yaml"
# 20 records of two phones; a phone that was not answered mostly stays unanswered.
LIST, PROFILE = CASES / "list.csv", CASES / "sticky.profile.yaml"
RUN = ("--profile", str(PROFILE), "--start", "2026-12-01T09:00", "--runs", "3", "--seed", "7")
DAY = ("--until", "2026-12-02T09:00")


def _compare(b: Path, *args: str) -> Any:
    argv = ["compare", str(FIRST), str(b), str(LIST), *RUN, *args]
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, result.output
    return result.stdout


def _figures(b: Path, *args: str) -> dict[str, Any]:
    figures: dict[str, Any] = json.loads(_compare(b, *args, "--format", "json"))["figures"]
    return figures


def _means(figure: dict[str, Any]) -> tuple[float, float, float]:
    return figure["a"]["mean"], figure["b"]["mean"], figure["difference"]["mean"]


def test_next_number_order_tries_the_fresh_phone_sooner() -> None:
    figures = _figures(NEXT, *DAY)
    # The same records are reached (within the noise) with fewer attempts, and sooner: the
    # second phone's first dial, the better bet, comes at the second attempt, not the third.
    assert _means(figures["reach_rate"]) == (0.516667, 0.533333, 0.016667)
    assert _means(figures["attempts"]) == (56.666667, 53.0, -3.666667)
    assert _means(figures["attempts_per_reached"]) == (5.575926, 5.271562, -0.304364)
    assert figures["time_to_reach.p90"]["difference"] == {
        "mean": -3600.0,
        "low": -3600.0,
        "high": -3600.0,
    }
    assert _means(figures["time_to_reach.median"]) == (2400.0, 1200.0, -1200.0)


def test_next_number_order_headline() -> None:
    first_line = _compare(NEXT, *DAY, "--lang", "en").splitlines()[0]
    assert first_line == "B reaches 1.7 pp ± 25.9 pp more of the list, for 6.6% ± 7.6% fewer dials."


def test_one_dial_a_day_stretches_the_campaign_past_its_first_day() -> None:
    figures = _figures(CAPPED, *DAY)
    # Each record dials at 09:00 and, held by the cap, at midnight; its third dial would be on
    # 3 December, past --until: 65 % of the list is still open after the first day.
    assert _means(figures["reach_rate"]) == (0.516667, 0.35, -0.166667)
    assert _means(figures["dials"]) == (56.666667, 34.0, -22.666667)
    assert _means(figures["states.open"]) == (0.0, 0.65, 0.65)
    assert _means(figures["states.attempts_exhausted"]) == (0.483333, 0.0, -0.483333)
    assert figures["end"]["difference"] == {"mean": 43200.0, "low": 43200.0, "high": 43200.0}


def test_without_a_horizon_the_cap_reaches_as_many_but_later() -> None:
    figures = _figures(CAPPED)
    # The same outcomes, only later: the cap moves dials, it never changes what they give.
    reach_a, reach_b, _ = _means(figures["reach_rate"])
    assert reach_a == reach_b
    assert figures["dials"]["difference"] == {"mean": 0.0, "low": 0.0, "high": 0.0}
    # The last record reached answers its third dial: at 11:00 on the first day without the
    # cap, at midnight of 3 December (39 h after the start) with it.
    assert _means(figures["time_to_reach.max"]) == (7200.0, 140400.0, 133200.0)
