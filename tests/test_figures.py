"""Campaign figures (issue 3 §3): how they are counted, written to JSON and drawn."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from recall_cli.cli import app
from recall_cli.engine import Contact, RecordState, Status, Then
from recall_cli.messages import Lang
from recall_cli.render.figures import bar, bucket_hours, hours_chart
from recall_cli.render.numbers import duration, percent, points
from recall_cli.render.run import RunInfo
from recall_cli.simulate.simulator import RecordResult
from recall_cli.simulate.summary import ClosedBy, Spread, Summary, spread, summarize
from tests.support import CLOCK, policy

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
CONTACT = Contact("1", ("4951239000",))


def result(
    state: RecordState, dials: int, closed_at: int | None, then: Then | None
) -> RecordResult:
    final = Status.ANSWERED if state is RecordState.REACHED else Status.NO_ANSWER
    return RecordResult(0, CONTACT, state, dials, dials, closed_at, final, then)


def test_records_are_counted_by_state_and_by_what_closed_them() -> None:
    summary = summarize(
        [
            result(RecordState.REACHED, 2, 3600, Then.REACHED),
            result(RecordState.REACHED, 4, 7200, Then.REACHED),
            result(RecordState.ATTEMPTS_EXHAUSTED, 5, 9000, Then.CALLBACK),
            result(RecordState.NUMBERS_EXHAUSTED, 3, 100, Then.CALLBACK),
            result(RecordState.NUMBERS_EXHAUSTED, 1, 0, Then.STOP_NUMBER),
            result(RecordState.STOPPED, 1, 0, Then.STOP_RECORD),
            RecordResult(0, CONTACT, RecordState.NO_NUMBERS, 0, 0, 0, None),
            result(RecordState.OPEN, 2, None, None),
        ]
    )
    assert (summary.records, summary.reached, summary.dials, summary.attempts) == (8, 2, 18, 18)
    assert summary.closed_by == {
        ClosedBy.MAX_ATTEMPTS_PER_RECORD: 1,
        ClosedBy.MAX_ATTEMPTS_PER_NUMBER: 1,
        ClosedBy.STOP_NUMBER: 1,
        ClosedBy.STOP_RECORD: 1,
    }
    assert summary.time_to_reach == Spread(3600, 7200, 7200)
    assert (summary.reach_rate, summary.dials_per_record, summary.dials_per_reached) == (
        0.25,
        2.25,
        9.0,
    )


def test_nobody_reached_has_no_time_to_reach_and_no_cost_per_reach() -> None:
    summary = summarize([result(RecordState.ATTEMPTS_EXHAUSTED, 5, 9000, Then.CALLBACK)])
    assert (summary.time_to_reach, summary.dials_per_reached, summary.attempts_per_reached) == (
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([50], Spread(50, 50, 50)),
        ([30, 10, 20], Spread(20, 30, 30)),
        (list(range(10, 101, 10)), Spread(50, 90, 100)),
        (list(range(1, 12)), Spread(6, 10, 11)),
    ],
)
def test_percentiles_are_nearest_rank(values: list[int], expected: Spread) -> None:
    assert spread(values) == expected


def test_worked_example_json_summary_has_the_figures() -> None:
    done = runner.invoke(
        app,
        [
            "simulate",
            str(ROOT / "sample_configs" / "worked_example.yaml"),
            str(ROOT / "sample_lists" / "source_record.csv"),
            "--script",
            str(ROOT / "sample_configs" / "worked_example.script.yaml"),
            "--start",
            "2026-12-01T10:00",
            "--format",
            "json",
            "--no-events",
        ],
    )
    assert done.exit_code == 0
    summary = json.loads(done.stdout)["summary"]
    assert {k: v for k, v in summary.items() if k not in ("states", "dials_by_status")} == {
        "records": 1,
        "reached": 1,
        "dials": 8,
        "attempts": 5,
        "reach_rate": 1.0,
        "closed_by": {
            "max_attempts_per_record": 0,
            "max_attempts_per_number": 0,
            "stop_number": 0,
            "stop_record": 0,
        },
        "dials_per_record": 8.0,
        "attempts_per_record": 5.0,
        "dials_per_reached": 8.0,
        "attempts_per_reached": 5.0,
        "time_to_reach": {"median": 36900, "p90": 36900, "max": 36900},
        "dials_by_hour": [
            {"hour": "2026-12-01T10:00:00+03:00", "dials": 4},
            {"hour": "2026-12-01T11:00:00+03:00", "dials": 1},
            {"hour": "2026-12-01T14:00:00+03:00", "dials": 1},
            {"hour": "2026-12-01T17:00:00+03:00", "dials": 1},
            {"hour": "2026-12-01T20:00:00+03:00", "dials": 1},
        ],
    }
    assert summary["dials_by_status"] == {
        "answered": 1,
        "ivr": 0,
        "answering_machine": 0,
        "connection_problem": 0,
        "busy": 4,
        "silence": 0,
        "congestion": 0,
        "wrong_person": 0,
        "invalid_number": 0,
        "no_agent": 0,
        "no_answer": 3,
        "failed": 0,
    }


def draw(by_hour: dict[int, int], lang: Lang) -> str:
    run = RunInfo(policy(1, 1, False), (), CLOCK, None, None)
    summary = Summary(1, 1, 1, 1, dict.fromkeys(RecordState, 0), dials_by_hour=by_hour)
    chart = hours_chart(run, summary, lang)
    assert chart is not None
    out = io.StringIO()
    Console(file=out, width=80, color_system=None).print(chart)
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines())


def test_the_hour_chart_draws_bars_and_folds_empty_hours() -> None:
    assert draw({0: 80, 1: 20, 5: 1, 6: 40}, Lang.EN) == "\n".join(
        [
            "dials per hour of the campaign",
            " 01.12 10:00  ████████████████████████████████████████  80",
            " 01.12 11:00  ██████████                                20",
            "              … 3 hours without dials …",
            " 01.12 15:00  ▌                                          1",
            " 01.12 16:00  ████████████████████                      40",
        ]
    )


def test_the_hour_chart_groups_hours_of_a_long_campaign_in_russian() -> None:
    hours = dict.fromkeys(range(100), 10)
    assert bucket_hours(hours) == 6
    lines = draw(hours, Lang.RU).splitlines()
    assert lines[0] == "наборы кампании за каждые 6 часов"
    assert lines[1] == " 01.12 10:00  ████████████████████████████████████████  60"
    assert lines[-1] == " 05.12 10:00  ██████████████████████████▋               40"
    assert len(lines) == 18


def test_one_gap_word_per_plural_form() -> None:
    assert "… 1 час без наборов …" in draw({0: 1, 2: 1}, Lang.RU)
    assert "… 2 часа без наборов …" in draw({0: 1, 3: 1}, Lang.RU)
    assert "… 5 часов без наборов …" in draw({0: 1, 6: 1}, Lang.RU)
    assert "… 1 hour without dials …" in draw({0: 1, 2: 1}, Lang.EN)


@pytest.mark.parametrize(
    ("share", "expected"),
    [(1.0, "████"), (0.5, "██"), (0.53125, "██▏"), (0.001, "▏"), (0.0, "")],
)
def test_bars_are_drawn_to_an_eighth_of_a_cell(share: float, expected: str) -> None:
    assert bar(share, 4) == expected


def test_numbers_read_as_each_language_writes_them() -> None:
    assert (percent(Lang.EN, 0.615), percent(Lang.RU, 0.615)) == ("61.5%", "61,5 %")
    assert (points(Lang.EN, 0.021), points(Lang.RU, 0.021)) == ("2.1 pp", "2,1 п. п.")
    assert [duration(Lang.EN, s) for s in (0, 65, 3600, 3775, 93_881, 345_600)] == [
        "0 s",
        "1 min 5 s",
        "1 h",
        "1 h 2 min",
        "1 d 2 h",
        "4 d",
    ]
    assert duration(Lang.RU, 93_881) == "1 сут 2 ч"
