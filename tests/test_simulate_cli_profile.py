"""`recall simulate` with random outcomes: profiles, seeds, the built-in profile, durations,
and bad profiles refused before anything runs."""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recall_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "sample_configs" / "cloud_contact_default.yaml"
WORKED = ROOT / "sample_configs" / "worked_example.yaml"
REALISTIC = ROOT / "sample_configs" / "realistic.profile.yaml"
LIST = ROOT / "sample_lists" / "campaign_300.csv"
START = "2026-12-01T09:00"

runner = CliRunner()


def recall(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def simulate(
    *extra: str | Path, config: Path = DEFAULT, contacts: Path = LIST
) -> dict[str, object]:
    code, out, err = recall("simulate", config, contacts, "--start", START, *extra)
    assert (code, err) == (0, ""), err
    document: dict[str, object] = json.loads(out)
    return document


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_seed_is_written_and_the_same_seed_gives_byte_identical_output() -> None:
    args = ("simulate", DEFAULT, LIST, "--start", START, "--seed", "42", "--format", "json")
    first, second = recall(*args), recall(*args)
    assert first == second
    assert first[0] == 0
    assert json.loads(first[1])["seed"] == 42
    other = recall(*args[:-3], "43", "--format", "json")[1]
    assert json.loads(other)["events"] != json.loads(first[1])["events"]


def test_record_option_replays_that_record_of_the_full_run() -> None:
    full = simulate("--seed", "7", "--format", "json")
    alone = simulate("--seed", "7", "--format", "json", "--record", "17")
    events = full["events"]
    records = full["records"]
    assert isinstance(events, list)
    assert isinstance(records, list)
    assert alone["events"] == [e for e in events if e["record"] == "17"]
    assert alone["records"] == [r for r in records if r["id"] == "17"]
    assert alone["events"]


def test_record_option_shows_the_same_timeline_as_the_full_run(tmp_path: Path) -> None:
    full = tmp_path / "full.txt"
    alone = tmp_path / "alone.txt"
    for target, extra in ((full, ()), (alone, ("--record", "17"))):
        code, _, _ = recall(
            "simulate",
            DEFAULT,
            LIST,
            "--start",
            START,
            "--seed",
            "7",
            "--lang",
            "en",
            "--output",
            target,
            *extra,
        )
        assert code == 0
    timeline = alone.read_text(encoding="utf-8").split("\n\n")[0]
    assert timeline.startswith("Record 17 ·")
    assert timeline in full.read_text(encoding="utf-8")


def test_without_script_or_profile_the_built_in_profile_is_used() -> None:
    built_in = simulate("--seed", "3", "--format", "json", "--no-events")
    explicit = simulate("--seed", "3", "--format", "json", "--no-events", "--profile", REALISTIC)
    assert built_in == explicit
    summary = built_in["summary"]
    assert isinstance(summary, dict)
    assert summary["records"] == 300


def test_durations_are_carried_and_intervals_count_from_the_end_of_a_dial() -> None:
    doc = simulate("--seed", "5", "--format", "json", "--profile", REALISTIC)
    events = doc["events"]
    assert isinstance(events, list)
    by_record: dict[str, list[dict[str, object]]] = {}
    for event in events:
        assert list(event)[-1] == "duration"
        by_record.setdefault(str(event["record"]), []).append(event)
    from datetime import datetime  # noqa: PLC0415

    checked = 0
    for dials in by_record.values():
        for event, following in itertools.pairwise(dials):
            assert event["next_at"] == following["time"]
            if event["then"] == "repeat":
                gap = datetime.fromisoformat(str(following["time"])) - datetime.fromisoformat(
                    str(event["time"])
                )
                duration = event["duration"]
                assert isinstance(duration, int)
                # Busy and congestion repeat 10 minutes after the dial ends; silence after 2.
                assert gap.total_seconds() - duration in (600, 120)
                checked += 1
    assert checked > 10


def test_profile_without_durations_writes_no_duration(tmp_path: Path) -> None:
    profile = write(tmp_path, "p.yaml", "outcomes: {answered: 0.5, busy: 0.5}\n")
    doc = simulate("--format", "json", "--profile", profile)
    events = doc["events"]
    assert isinstance(events, list)
    assert all("duration" not in event for event in events)


def test_script_and_profile_together_are_a_usage_error() -> None:
    code, out, err = recall(
        "simulate", WORKED, LIST, "--script", REALISTIC, "--profile", REALISTIC, "--lang", "en"
    )
    assert (code, out) == (2, "")
    assert "give either --script or --profile, not both" in err


BAD_PROFILES = [
    ("outcomes: {answered: 0.5, busy: 0.4}\n", "1:1", "RC401", "sum to 0.9, not 1"),
    ("outcomes: {answered: 1.5, busy: -0.5}\n", "1:33", "RC402", "cannot be negative, got -0.5"),
    (
        "outcomes: {answered: 0.5, busy: 0.5}\nafter:\n  busy: {busy: 0.7}\n",
        "3:3",
        "RC401",
        "after 'busy' sum to 0.7, not 1",
    ),
    (
        "outcomes: {answered: 1}\ndurations: {answered: [-1, 5]}\n",
        "2:24",
        "RC404",
        "cannot be below zero, got -1",
    ),
    (
        "outcomes: {answered: 0.5, silence: 0.5}\n",
        "1:27",
        "RC501",
        "status 'silence' can occur but the config has no rule for it; add one to ",
    ),
]


@pytest.mark.parametrize(("text", "where", "rule", "words"), BAD_PROFILES)
def test_bad_profiles_are_refused_before_anything_runs(
    tmp_path: Path, text: str, where: str, rule: str, words: str
) -> None:
    profile = write(tmp_path, "bad.profile.yaml", text)
    target = tmp_path / "out.json"
    code, out, err = recall(
        "simulate",
        WORKED,
        LIST,
        "--profile",
        profile,
        "--format",
        "json",
        "--output",
        target,
        "--lang",
        "en",
    )
    assert (code, out) == (1, "")
    assert err.startswith(f"{profile}:{where}: error {rule} "), err
    assert words in err
    assert not target.exists()


def test_a_config_missing_rules_for_the_built_in_profile_is_blamed() -> None:
    code, _, err = recall("simulate", WORKED, LIST, "--lang", "en")
    assert code == 1
    first = err.splitlines()[0]
    assert first == (
        f"{WORKED}: error RC501 status 'ivr' can occur in the built-in outcome profile but the "
        f"config has no rule for it; add one to {WORKED}, or give --profile FILE"
    )
    assert len(err.splitlines()) == 9  # the 12 statuses but answered, busy and no_answer


def test_missing_profile_exits_2(tmp_path: Path) -> None:
    code, _, err = recall("simulate", DEFAULT, LIST, "--profile", tmp_path / "nope.yaml")
    assert code == 2
    assert err == f"{tmp_path / 'nope.yaml'}: error RC001 no such file\n"


def test_no_progress_bar_when_stderr_is_not_a_terminal() -> None:
    code, _, err = recall(
        "simulate", DEFAULT, LIST, "--format", "json", "--no-events", "--runs", "80"
    )
    assert (code, err) == (0, "")


def test_jsonl_streams_the_same_events_and_records_as_json() -> None:
    code, out, _ = recall("simulate", DEFAULT, LIST, "--start", START, "--format", "jsonl")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    doc = simulate("--format", "json")
    events = [
        {k: v for k, v in line.items() if k != "type"} for line in lines if line["type"] == "event"
    ]
    records = [
        {k: v for k, v in line.items() if k != "type"} for line in lines if line["type"] == "record"
    ]
    assert events == doc["events"]
    assert records == doc["records"]
    assert {k: v for k, v in lines[-1].items() if k != "type"} == doc["summary"]


def test_csv_carries_durations(tmp_path: Path) -> None:
    code, out, _ = recall(
        "simulate", DEFAULT, LIST, "--start", START, "--format", "csv", "--record", "1"
    )
    assert code == 0
    header, *rows = out.splitlines()
    assert header.endswith(",scenario,duration")
    assert rows
    assert all(row.rsplit(",", 1)[1].isdigit() for row in rows)


def test_until_leaves_random_records_open_with_their_last_status() -> None:
    doc = simulate("--seed", "2", "--format", "json", "--until", "2026-12-01T09:30")
    records = doc["records"]
    assert isinstance(records, list)
    still = [r for r in records if r["state"] == "open"]
    assert still
    assert all(r["closed_at"] is None and r["final_status"] is not None for r in still)
    summary = doc["summary"]
    assert isinstance(summary, dict)
    assert summary["states"]["open"] == len(still)


def test_progress_shows_only_for_long_runs_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from recall_cli.cli import execute as command  # noqa: PLC0415
    from recall_cli.messages import Lang  # noqa: PLC0415

    with command.progress(10**6, Lang.EN) as advance:
        assert advance is None  # stderr is not a terminal under pytest
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with command.progress(100, Lang.EN) as advance:
        assert advance is None  # too short to be worth a bar
    with command.progress(10**6, Lang.EN) as advance:
        assert advance is not None
        advance(4096)
