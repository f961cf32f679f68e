"""The dialer benchmark's SimPy peer: its windows, lines and zones, on cases worked by hand."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.support import ROOT, SAMPLE_CONFIGS, SAMPLE_LISTS

sys.path.insert(0, str(ROOT / "benchmarks"))
import simpy_dialer

MOSCOW = ZoneInfo("Europe/Moscow")
ONE_LINE = """\
limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}
hours: {weekdays: "09:00-11:00", weekend: closed}
dialer: {lines: 1}
rules:
  no_answer: {action: callback, after_hours: 1}
"""
HOUR_LONG_ANSWERS = "outcomes: {answered: 1.0}\ndurations: {answered: 3600}\n"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _play(
    tmp_path: Path, config: Path, contacts: Path, profile: Path, *extra: str
) -> dict[str, object]:
    out = tmp_path / "out.json"
    argv = [str(config), str(contacts), str(profile), "--output", str(out), *extra]
    assert simpy_dialer.main(argv) == 0
    document: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return document


def test_a_dial_waiting_for_the_line_when_the_window_closes_waits_for_the_next_opening(
    tmp_path: Path,
) -> None:
    config = _write(tmp_path / "c.yaml", ONE_LINE)
    profile = _write(tmp_path / "p.yaml", HOUR_LONG_ANSWERS)
    contacts = _write(tmp_path / "l.csv", "id,phone\n1,4951234567\n2,4951234568\n3,4951234569\n")
    played = _play(tmp_path, config, contacts, profile, "--start", "2026-12-01T09:00")
    summary = played["summary"]
    assert isinstance(summary, dict)
    # Record 2 waits 09:00–10:00; record 3 waits 09:00–11:00, when the line frees as the window
    # closes, and starts at the next opening (Wednesday 09:00) on a free line.
    assert summary["lines"] == {
        "utilisation": 3 * 3600 / (25 * 3600),
        "waited_for_line": 2,
        "median": 5400.0,
        "p90": 7200.0,
        "max": 7200.0,
    }
    assert summary["held_by_hours"] == 1
    assert summary["end"] == "2026-12-02T10:00:00+03:00"
    assert [r["closed_at"] for r in played["records"]] == [  # type: ignore[attr-defined]
        "2026-12-01T10:00:00+03:00",
        "2026-12-01T11:00:00+03:00",
        "2026-12-02T10:00:00+03:00",
    ]


def test_the_heap_queue_plays_exactly_as_simpys_sorted_queue(tmp_path: Path) -> None:
    job = (ROOT / "benchmarks" / "dialer_job" / "campaign.yaml").read_text(encoding="utf-8")
    config = _write(tmp_path / "c.yaml", job.replace("lines: 100", "lines: 3"))
    profile = SAMPLE_CONFIGS / "realistic.profile.yaml"
    contacts = SAMPLE_LISTS / "regions_400.csv"
    heap = _play(tmp_path, config, contacts, profile, "--seed", "5")
    stock = _play(tmp_path, config, contacts, profile, "--seed", "5", "--queue", "sorted")
    assert heap == stock
    lines = heap["summary"]["lines"]  # type: ignore[index]
    assert lines["waited_for_line"] > 100


@pytest.mark.parametrize(
    ("cell", "phones", "zones", "missed"),
    [
        ("MSK-1", ["9161234567"], [timezone(timedelta(hours=2))], 0),
        ("Asia/Omsk", ["", "3812123456"], [ZoneInfo("Asia/Omsk")] * 2, 0),
        ("", ["4012123456", "9161234567"], [ZoneInfo("Europe/Kaliningrad")] * 2, 0),
        ("", ["9161234567", "", "9031234567"], [MOSCOW] * 3, 2),
    ],
)
def test_each_number_is_judged_in_its_cell_its_own_zone_its_records_or_the_campaigns(
    cell: str, phones: list[str], zones: list[object], missed: int
) -> None:
    dialer = simpy_dialer.Dialer(None, None, False, MOSCOW, "RU", None)
    assert simpy_dialer.record_zones(cell, phones, dialer, {}) == (zones, missed)


def test_numbers_of_two_zones_keep_their_own_and_share_no_record_zone() -> None:
    dialer = simpy_dialer.Dialer(None, None, False, MOSCOW, "RU", None)
    found, missed = simpy_dialer.record_zones(
        "", ["4152123456", "9161234567", "3432123456"], dialer, {}
    )
    assert found == [ZoneInfo("Asia/Kamchatka"), MOSCOW, ZoneInfo("Asia/Yekaterinburg")]
    assert missed == 1


def test_ru_230fz_opens_at_nine_on_a_holiday_and_eight_on_a_weekday() -> None:
    start = datetime(2026, 12, 30, 0, 0, tzinfo=MOSCOW).astimezone(UTC)
    calendar = simpy_dialer.Calendar(simpy_dialer.read_hours("ru_230fz"), MOSCOW, start)
    hour = 3600
    assert calendar.window(0) == (8 * hour, 22 * hour)  # Wednesday 30 December
    assert calendar.window(23 * hour) == (33 * hour, 44 * hour)  # 31 December: a day off
    assert calendar.window(45 * hour) == (57 * hour, 68 * hour)  # 1 January
