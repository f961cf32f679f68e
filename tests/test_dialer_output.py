"""The dialer's output: each event's `due` and `held_by`, the summary's `end`, `lines`,
`held_by_hours` and `zone_fallback`, in JSON, JSON Lines, CSV and tables; hand-built events and
summaries, so that the renderers are judged apart from the dialer loop."""

from __future__ import annotations

import io
import json

from recall_cli.engine import Action, Contact, RecordState, Status, Then
from recall_cli.render.data import event_data, event_json, summary_data, write_csv
from recall_cli.render.run import DialerOutput, RunInfo
from recall_cli.simulate.dialing import DialerFigures, HeldBy, LineFigures
from recall_cli.simulate.simulator import Event
from recall_cli.simulate.summary import Summary
from tests.support import CLOCK, policy, rule

CONTACT = Contact("7", ("4951239000", "89161234567"))
POLICY = policy(5, 3, True, rule(Status.NO_ANSWER, Action.CALLBACK, hours=2))
HOUR = 3600


def info(dialer: DialerOutput | None) -> RunInfo:
    return RunInfo(POLICY, (CONTACT,), CLOCK, 0, None, dialer=dialer)


def event(time: int, due: int | None, *held: HeldBy, next_time: int | None = None) -> Event:
    return Event(
        time, 0, 0, 1, 1, 0, Status.NO_ANSWER, Then.CALLBACK, next_time, 0, None, None, 0,
        None, 0, due, held,
    )  # fmt: skip


def summary(figures: DialerFigures | None) -> Summary:
    states = dict.fromkeys(RecordState, 0)
    states[RecordState.OPEN] = 1
    return Summary(1, 0, 1, 1, states, dialer=figures)


HELD = event(11 * HOUR + 5 * 60, 10 * HOUR, HeldBy.HOURS, HeldBy.LINE, next_time=14 * HOUR)
FIGURES = DialerFigures(
    end=11 * HOUR + 6 * 60,
    lines=LineFigures(0.25, 3, 90.0, 300, 720),
    held_by_hours=2,
    zone_fallback=4,
)


def test_a_part_i_run_writes_no_dialer_key() -> None:
    data = event_data(HELD, info(None))
    assert "due" not in data
    assert "held_by" not in data
    assert list(summary_data(summary(FIGURES), info(None)))[-1] == "dials_by_hour"


def test_an_event_tells_when_it_was_due_and_what_held_it() -> None:
    run = info(DialerOutput())
    data = event_data(HELD, run)
    assert list(data)[-2:] == ["due", "held_by"]
    assert data["time"] == "2026-12-01T21:05:00+03:00"
    assert data["due"] == "2026-12-01T20:00:00+03:00"
    assert data["held_by"] == ["hours", "line"]
    assert data["next_at"] == "2026-12-02T00:00:00+03:00"
    assert event_json(HELD, run) == json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def test_a_dial_nothing_held_is_due_when_it_starts() -> None:
    run = info(DialerOutput())
    for due in (None, 600):
        data = event_data(event(600, due), run)
        assert (data["due"], data["held_by"]) == ("2026-12-01T10:10:00+03:00", [])
        assert event_json(event(600, due), run).endswith(
            ',"due":"2026-12-01T10:10:00+03:00","held_by":[]}'
        )


def test_the_summary_adds_end_always_and_each_figure_with_its_feature() -> None:
    every = summary_data(summary(FIGURES), info(DialerOutput(lines=True, hours=True, zones=True)))
    assert {key: every[key] for key in list(every)[-4:]} == {
        "end": "2026-12-01T21:06:00+03:00",
        "lines": {"utilisation": 0.25, "waited_for_line": 3, "median": 90, "p90": 300, "max": 720},
        "held_by_hours": 2,
        "zone_fallback": 4,
    }
    durations_only = summary_data(summary(DialerFigures(end=None)), info(DialerOutput()))
    assert list(durations_only)[-2:] == ["dials_by_hour", "end"]
    assert durations_only["end"] is None
    hours_only = summary_data(summary(FIGURES), info(DialerOutput(hours=True)))
    assert list(hours_only)[-2:] == ["end", "held_by_hours"]


def test_a_fractional_median_wait_stays_fractional() -> None:
    figures = DialerFigures(end=0, lines=LineFigures(None, 2, 7.5, 10, 10))
    data = summary_data(summary(figures), info(DialerOutput(lines=True)))
    assert data["lines"] == {
        "utilisation": None,
        "waited_for_line": 2,
        "median": 7.5,
        "p90": 10,
        "max": 10,
    }


def test_csv_appends_due_and_held_by_joined_by_plus() -> None:
    out = io.StringIO()
    write_csv(out, info(DialerOutput()), iter([HELD, event(0, None)]))
    assert out.getvalue().splitlines() == [
        "time,record,number,phone,attempt,number_attempt,repeat,status,then,next_at,"
        "next_number,closed,scenario,due,held_by",
        "2026-12-01T21:05:00+03:00,7,1,4951239000,1,1,0,no_answer,callback,"
        "2026-12-02T00:00:00+03:00,1,,,2026-12-01T20:00:00+03:00,hours+line",
        "2026-12-01T10:00:00+03:00,7,1,4951239000,1,1,0,no_answer,callback,,1,,,"
        "2026-12-01T10:00:00+03:00,",
    ]
