"""The dialer's output: each event's `due` and `held_by`, the summary's `end`, `lines`,
`held_by_hours` and `zone_fallback`, in JSON, JSON Lines, CSV and tables; hand-built events and
summaries, so that the renderers are judged apart from the dialer loop."""

from __future__ import annotations

import io
import json

from recall_cli.engine import Action, Contact, RecordState, Status, Then
from recall_cli.messages import Lang
from recall_cli.render.data import event_data, event_json, summary_data, write_csv
from recall_cli.render.figures import summary_table
from recall_cli.render.run import DialerOutput, RunInfo
from recall_cli.render.timeline import timeline_table
from recall_cli.simulate.dialing import DialerFigures, HeldBy, LineFigures
from recall_cli.simulate.simulator import Event, RecordResult
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


def drawn(renderable: object, width: int = 160) -> str:
    from rich.console import Console  # noqa: PLC0415

    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(renderable)
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines())


def timeline(events: list[Event], lang: Lang) -> str:
    result = RecordResult(0, CONTACT, RecordState.OPEN, 2, len(events), None, Status.NO_ANSWER)
    return drawn(timeline_table(info(DialerOutput(hours=True)), result, events, lang))


# A callback set at 20:00 for 22:00 (due 00:00 in the record's zone is closed): the dialer
# holds it to 09:00 next morning; then a dial that waited 12 minutes for a line.
CALLBACK = event(10 * HOUR, None, next_time=12 * HOUR)
MORNING = event(23 * HOUR, 12 * HOUR, HeldBy.HOURS, next_time=23 * HOUR + 720 + 1200)
QUEUED = event(
    23 * HOUR + 720 + 1200 + 720, 23 * HOUR + 720 + 1200, HeldBy.LINE, next_time=26 * HOUR
)


def test_a_held_dial_says_when_it_was_due_and_why_in_english() -> None:
    lines = timeline([CALLBACK, MORNING, QUEUED], Lang.EN).splitlines()
    cells = [(line.split("│")[1].strip(), line.split("│")[-2].strip()) for line in lines[4:-2]]
    assert cells == [
        ("01.12 20:00", "call back in 2 h → 22:00, held to 02.12 09:00"),
        ("02.12 09:00", "due 01.12 22:00 → 02.12 09:00 (calling hours)"),
        ("", "call back in 2 h → 09:32, held to 02.12 09:44"),
        ("02.12 09:44", "waited 12 min for a line"),
        ("", "call back in 2 h → 12:00"),
    ]
    assert lines[-1] == "still in progress at the horizon; next dial 02.12 12:00"


def test_a_held_dial_says_when_it_was_due_and_why_in_russian() -> None:
    lines = timeline([CALLBACK, MORNING, QUEUED], Lang.RU).splitlines()
    cells = [line.split("│")[-2].strip() for line in lines[4:-2]]
    assert cells == [
        "перезвон через 2 часа → 22:00, отложен до 02.12 09:00",
        "набор на 01.12 22:00 → 02.12 09:00 (часы звонков)",
        "перезвон через 2 часа → 09:32, отложен до 02.12 09:44",
        "ждал свободную линию 12 мин",
        "перезвон через 2 часа → 12:00",
    ]


def test_a_part_i_timeline_shows_no_dialer_words() -> None:
    result = RecordResult(0, CONTACT, RecordState.OPEN, 2, 2, None, Status.NO_ANSWER)
    drawn_run = drawn(timeline_table(info(None), result, [CALLBACK, MORNING], Lang.EN))
    assert "held to" not in drawn_run
    assert "due" not in drawn_run
    assert "│ 01.12 20:00 │" in drawn_run  # a timeline over two days dates every row


def test_the_summary_table_shows_the_dialer_figures() -> None:
    run = info(DialerOutput(lines=True, hours=True, zones=True))
    english = drawn(summary_table(run, summary(FIGURES), Lang.EN))
    russian = drawn(summary_table(run, summary(FIGURES), Lang.RU))
    for label, value in (
        ("line utilisation", "25.0%"),
        ("dials that waited for a line", "3"),
        ("line wait: median", "1 min 30 s"),
        ("line wait: 90th percentile", "5 min"),
        ("line wait: longest", "12 min"),
        ("dials held by calling hours", "2"),
        ("numbers judged in the campaign's time zone (no zone found)", "4"),
        ("campaign's end (last dial ends)", "2026-12-01T21:06:00+03:00"),
    ):
        assert any(label in line and line.endswith(f"{value} │") for line in english.splitlines())
    for label, value in (
        ("загрузка линий", "25,0 %"),
        ("наборов ждали линию", "3"),
        ("ожидание линии: медиана", "1 мин 30 с"),
        ("наборов отложено часами звонков", "2"),
        ("номеров в часовом поясе кампании (пояс не найден)", "4"),
    ):
        assert any(label in line and line.endswith(f"{value} │") for line in russian.splitlines())
    assert "line utilisation" not in drawn(summary_table(info(None), summary(FIGURES), Lang.EN))
