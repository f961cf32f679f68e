"""`recall compare A B LIST`: two policies on the same list and the same outcome streams."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from recall_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "sample_configs" / "cloud_contact_default.yaml"
LIST = ROOT / "sample_lists" / "campaign_300.csv"
START = "2026-12-01T09:00"
runner = CliRunner()


def recall(*args: str | Path) -> tuple[int, str, str]:
    done = runner.invoke(app, [str(a) for a in args])
    return done.exit_code, done.stdout, done.stderr


def more_attempts(tmp_path: Path) -> Path:
    """The default policy with 7 attempts per record instead of 5."""
    text = DEFAULT.read_text(encoding="utf-8")
    changed = text.replace("max_attempts_per_record: 5", "max_attempts_per_record: 7")
    assert changed != text
    path = tmp_path / "seven.yaml"
    path.write_text(changed.replace("campaign: Новая кампания", "campaign: Семь"), "utf-8")
    return path


def test_a_policy_compared_with_itself_differs_by_exactly_zero() -> None:
    code, out, _ = recall("compare", DEFAULT, DEFAULT, LIST, "--start", START, "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert (doc["runs"], doc["seed"]) == (10, 0)
    assert doc["a"] == doc["b"] == {"campaign": "Новая кампания", "config": str(DEFAULT)}
    for name, figure in doc["figures"].items():
        assert figure["a"] == figure["b"], name
        difference = figure["difference"]
        if difference is not None:
            assert difference == {"mean": 0.0, "low": 0.0, "high": 0.0}, name


def test_itself_says_so_in_words() -> None:
    code, out, _ = recall("compare", DEFAULT, DEFAULT, LIST, "--runs", "2", "--lang", "en")
    assert code == 0
    assert out.splitlines()[0] == (
        "A and B give the same figures in every run: every difference is zero."
    )


def test_more_attempts_reach_more_records_for_more_dials(tmp_path: Path) -> None:
    seven = more_attempts(tmp_path)
    code, out, _ = recall(
        "compare", DEFAULT, seven, LIST, "--start", START, "--format", "json", "--seed", "5"
    )
    assert code == 0
    figures = json.loads(out)["figures"]
    reach = figures["reach_rate"]["difference"]
    assert 0 < reach["low"] < reach["mean"] < reach["high"]
    dials = figures["dials"]["relative"]
    assert dials["low"] > 0
    # Exhausting A is what more attempts cure.
    assert figures["closed_by.max_attempts_per_record"]["difference"]["high"] < 0


def test_the_headline_gives_both_changes_with_their_intervals(tmp_path: Path) -> None:
    seven = more_attempts(tmp_path)
    args = ("compare", DEFAULT, seven, LIST, "--start", START, "--seed", "5")
    figures = json.loads(recall(*args, "--format", "json")[1])["figures"]
    reach, dials = figures["reach_rate"]["difference"], figures["dials"]["relative"]

    def shown(found: dict[str, float]) -> tuple[str, str]:
        mean, half = 100 * found["mean"], 100 * (found["high"] - found["mean"])
        return f"{mean:.1f}", f"{half:.1f}"

    def first_line(lang: str) -> str:
        target = tmp_path / f"{lang}.txt"
        assert recall(*args, "--lang", lang, "--output", target)[0] == 0
        return target.read_text(encoding="utf-8").splitlines()[0].rstrip()

    (r, rh), (d, dh) = shown(reach), shown(dials)
    english = first_line("en")
    assert english == f"B reaches {r} pp ± {rh} pp more of the list, for {d}% ± {dh}% more dials."
    russian = first_line("ru")
    comma = {x: x.replace(".", ",") for x in (r, rh, d, dh)}
    assert russian == (
        f"У B доля дозвона выше на {comma[r]} п. п. ± {comma[rh]} п. п., "
        f"а наборов больше на {comma[d]} % ± {comma[dh]} %."
    )


def test_a_bad_second_config_is_positioned(tmp_path: Path) -> None:
    bad = tmp_path / "b.yaml"
    bad.write_text("limits: {max_attempts_per_record: 5}\n", encoding="utf-8")
    code, out, err = recall("compare", DEFAULT, bad, LIST, "--lang", "en")
    assert (code, out) == (1, "")
    assert err == f"{bad}:1:9: error RC011 missing key 'max_attempts_per_number'\n"


def test_a_profile_status_without_a_rule_in_either_config_is_refused(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("outcomes: {answered: 0.5, busy: 0.5}\n", encoding="utf-8")
    worked = ROOT / "sample_configs" / "worked_example.yaml"
    code, _, err = recall("compare", worked, DEFAULT, LIST, "--profile", profile)
    assert code == 0, err
    profile.write_text("outcomes: {answered: 0.5, silence: 0.5}\n", encoding="utf-8")
    code, _, err = recall("compare", DEFAULT, worked, LIST, "--profile", profile, "--lang", "en")
    assert code == 1
    assert err.startswith(f"{profile}:1:27: error RC501 status 'silence' can occur")
