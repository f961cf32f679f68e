"""`--runs N` and `recall compare` through the dialer: each run played with calling hours and
lines, the dialer's figures (end, lines, held_by_hours) with the same intervals as the others;
and the per-hour chart of a run with lines, which shows the busy lines of each hour.

Every dial ends `no_answer` after 600 s, so every run plays alike and the figures are exact:
three records, two attempts each, a callback an hour after each first dial ends. One line:
first dials 09:00, 09:10, 09:20 (two waited 600 s and 1200 s), callbacks 10:10, 10:20, 10:30,
end 10:40 = 6000 s, 3600 busy line-seconds of 6000. Three lines: all at 09:00 and 10:10, end
10:20 = 4800 s, 3600 of 3 × 4800.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from recall_cli.cli import app
from recall_cli.engine import RecordState
from recall_cli.messages import Lang
from recall_cli.render.figures import hours_chart
from recall_cli.render.run import DialerOutput, RunInfo
from recall_cli.simulate.dialing import DialerFigures, LineFigures
from recall_cli.simulate.montecarlo import FIGURES
from recall_cli.simulate.summary import Summary
from tests.support import CLOCK, policy

START = "2026-12-01T09:00"
CONFIG = """\
campaign: {name}
timezone: Europe/Moscow
limits:
  max_attempts_per_record: 2
  max_attempts_per_number: 2
rules:
  no_answer: {{action: callback, after_hours: 1}}
"""
PART_I_KEYS = [figure.key for figure in FIGURES]
POLICY = policy(2, 2, False)
LINE_KEYS = ["lines.utilisation", "lines.waited_for_line", "lines.median", "lines.p90", "lines.max"]
runner = CliRunner()


def recall(*args: str | Path) -> tuple[int, str, str]:
    done = runner.invoke(app, [str(a) for a in args])
    return done.exit_code, done.stdout, done.stderr


def write(tmp_path: Path, name: str, extra: str = "") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(CONFIG.format(name=name) + extra, encoding="utf-8")
    return path


def inputs(tmp_path: Path) -> tuple[Path, Path]:
    """A profile where every dial is a 600 s no_answer, and three records."""
    profile = tmp_path / "p.yaml"
    profile.write_text("outcomes: {no_answer: 1.0}\ndurations: {no_answer: 600}\n", "utf-8")
    contacts = tmp_path / "list.csv"
    contacts.write_text("id,phone\n1,+74951230001\n2,+74951230002\n3,+74951230003\n", "utf-8")
    return profile, contacts


def exact(mean: float) -> dict[str, float]:
    return {"mean": mean, "low": mean, "high": mean}


def lines(count: int) -> str:
    return f"dialer:\n  lines: {count}\n"


def test_compare_one_line_with_three_gives_the_dialer_figures(tmp_path: Path) -> None:
    profile, contacts = inputs(tmp_path)
    one, three = write(tmp_path, "one", lines(1)), write(tmp_path, "three", lines(3))
    code, out, err = recall(
        "compare", one, three, contacts, "--profile", profile, "--start", START, "--runs", "3",
        "--format", "json",
    )  # fmt: skip
    assert (code, err) == (0, "")
    found = json.loads(out)["figures"]
    assert list(found) == [*PART_I_KEYS, "end", *LINE_KEYS]
    expected = {
        "end": (6000.0, 4800.0, -1200.0, -0.2),
        "lines.utilisation": (0.6, 0.25, -0.35, -0.583333),
        "lines.waited_for_line": (2.0, 0.0, -2.0, -1.0),
        "lines.median": (900.0, 0.0, -900.0, -1.0),
        "lines.p90": (1200.0, 0.0, -1200.0, -1.0),
        "lines.max": (1200.0, 0.0, -1200.0, -1.0),
    }
    for key, (a, b, difference, relative) in expected.items():
        assert found[key] == {
            "a": exact(a),
            "b": exact(b),
            "difference": exact(difference),
            "relative": exact(relative),
        }, key
    assert found["dials"]["difference"] == exact(0.0)


def test_compare_shows_the_dialer_rows_in_the_table(tmp_path: Path) -> None:
    profile, contacts = inputs(tmp_path)
    one, three = write(tmp_path, "one", lines(1)), write(tmp_path, "three", lines(3))
    code, out, _ = recall(
        "compare", one, three, contacts, "--profile", profile, "--start", START, "--runs", "3",
        "--lang", "en",
    )  # fmt: skip
    assert code == 0
    rows = [" ".join(line.strip("│ ").split()) for line in out.splitlines()]
    end = "campaign's end (time from the start)"
    assert f"{end} │ 1 h 40 min │ 1 h 20 min │ −20 min ± 0 s │ -20.0% ± 0.0%" in rows
    assert "line utilisation │ 60.0% │ 25.0% │ -35.0 pp ± 0.0 pp │ -58.3% ± 0.0%" in rows
    assert "line wait: median │ 15 min │ 0 s │ −15 min ± 0 s │ -100.0% ± 0.0%" in rows


def test_compare_with_a_part_i_campaign_measures_its_end_too(tmp_path: Path) -> None:
    profile, contacts = inputs(tmp_path)
    plain, one = write(tmp_path, "plain"), write(tmp_path, "one", lines(1))
    code, out, err = recall(
        "compare", plain, one, contacts, "--profile", profile, "--start", START, "--runs", "2",
        "--format", "json",
    )  # fmt: skip
    assert (code, err) == (0, "")
    found = json.loads(out)["figures"]
    # Without lines the three first dials run at once: the end is 10:20.
    assert found["end"]["a"] == exact(4800.0)
    assert found["end"]["difference"] == exact(1200.0)
    assert found["lines.utilisation"] == {
        "a": None,
        "b": exact(0.6),
        "difference": None,
        "relative": None,
    }


def test_runs_with_a_setup_adds_the_dialer_keys_after_part_i(tmp_path: Path) -> None:
    profile, contacts = inputs(tmp_path)
    hours = 'hours:\n  weekdays: "09:00-10:00"\n  weekend: closed\n'
    config = write(tmp_path, "both", lines(1) + hours)
    code, out, err = recall(
        "simulate", config, contacts, "--profile", profile, "--start", START, "--runs", "3",
        "--format", "json",
    )  # fmt: skip
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert list(document) == ["campaign", "start", "seed", "until", "runs", "figures"]
    found = document["figures"]
    assert list(found) == [*PART_I_KEYS, "end", *LINE_KEYS, "held_by_hours"]
    # The callbacks, due 10:10 and later, wait for Wednesday 09:00, one at a time.
    assert found["end"] == exact(86400.0 + 1800.0)
    assert found["held_by_hours"] == exact(3.0)
    assert found["lines.waited_for_line"] == exact(4.0)


def test_runs_with_hours_alone_adds_end_and_held_by_hours(tmp_path: Path) -> None:
    profile, contacts = inputs(tmp_path)
    config = write(tmp_path, "hours", 'hours:\n  weekdays: "09:00-10:00"\n  weekend: closed\n')
    code, out, _ = recall(
        "simulate", config, contacts, "--profile", profile, "--start", START, "--runs", "2",
        "--format", "json",
    )  # fmt: skip
    assert code == 0
    found = json.loads(out)["figures"]
    assert list(found) == [*PART_I_KEYS, "end", "held_by_hours"]
    assert found["end"] == exact(86400.0 + 600.0)


def test_runs_without_a_setup_keeps_part_i_figures(tmp_path: Path) -> None:
    profile, contacts = inputs(tmp_path)
    config = write(tmp_path, "plain")
    code, out, _ = recall(
        "simulate", config, contacts, "--profile", profile, "--start", START, "--runs", "2",
        "--format", "json",
    )  # fmt: skip
    assert code == 0
    assert list(json.loads(out)["figures"]) == PART_I_KEYS


def chart(tmp_path: Path, lang: str) -> list[str]:
    profile, contacts = inputs(tmp_path)
    config = write(tmp_path, "one", lines(1))
    code, out, _ = recall(
        "simulate", config, contacts, "--profile", profile, "--start", START, "--no-events",
        "--lang", lang,
    )  # fmt: skip
    assert code == 0
    shown = [line.rstrip() for line in out.splitlines()]
    return shown[-3:]


FULL = "█" * 40


def test_the_chart_of_a_run_with_lines_shows_busy_lines_en(tmp_path: Path) -> None:
    assert chart(tmp_path, "en") == [
        "dials and busy lines (mean) per hour of the campaign",
        f" 01.12 09:00  {FULL}  3  0.5 lines busy",
        f" 01.12 10:00  {FULL}  3  0.5 lines busy",
    ]


def test_the_chart_of_a_run_with_lines_shows_busy_lines_ru(tmp_path: Path) -> None:
    assert chart(tmp_path, "ru") == [
        "наборы и занятые линии (в среднем) по часам кампании",
        f" 01.12 09:00  {FULL}  3  занято линий: 0,5",
        f" 01.12 10:00  {FULL}  3  занято линий: 0,5",
    ]


def test_the_chart_without_lines_is_as_before(tmp_path: Path) -> None:
    profile, contacts = inputs(tmp_path)
    config = write(tmp_path, "plain")
    code, out, _ = recall(
        "simulate", config, contacts, "--profile", profile, "--start", START, "--no-events",
        "--lang", "en",
    )  # fmt: skip
    assert code == 0
    assert [line.rstrip() for line in out.splitlines()][-3:] == [
        "dials per hour of the campaign",
        f" 01.12 09:00  {FULL}  3",
        f" 01.12 10:00  {FULL}  3",
    ]


def test_an_hour_with_busy_lines_but_no_dial_started_has_its_row() -> None:
    # Two dials start in hour 0; one runs on through hour 1 and ten minutes into hour 2.
    states = dict.fromkeys(RecordState, 0)
    states[RecordState.OPEN] = 2
    busy = {0: 1800 + 1200, 1: 3600, 2: 600}
    figures = DialerFigures(2 * 3600 + 600, LineFigures(0.5, 0, 0, 0, 0), busy_by_hour=busy)
    summary = Summary(2, 0, 2, 2, states, dials_by_hour={0: 2}, dialer=figures)
    run = RunInfo(POLICY, (), CLOCK, 0, None, dialer=DialerOutput(lines=True))
    chart = hours_chart(run, summary, Lang.EN)
    assert chart is not None
    shown = io.StringIO()
    Console(file=shown, width=100).print(chart)
    empty = " " * 40
    assert [line.rstrip() for line in shown.getvalue().splitlines()] == [
        "dials and busy lines (mean) per hour of the campaign",
        f" 01.12 10:00  {FULL}  2  0.8 lines busy",
        f" 01.12 11:00  {empty}  0  1.0 lines busy",
        f" 01.12 12:00  {empty}  0  0.2 lines busy",
    ]
