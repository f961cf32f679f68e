"""The dialer's config keys: `hours`, `dialer`, `list.timezone_column`, and a script's
`durations:` — their values, every mistake at its exact position, and `recall schema`."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any, get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from recall_cli.cli import app
from recall_cli.engine import Status
from recall_cli.engine.dialer import Dialer, Order
from recall_cli.engine.hours import (
    PRESETS,
    RU_230FZ,
    SECONDS_PER_WEEK,
    US_TCPA,
    WINDOW_FORMAT,
    WINDOW_TIME,
    Hours,
    LocalTime,
    Window,
    closed_landing,
    make_week,
    parse_window,
)
from recall_cli.loaders.config import check_config, load_config
from recall_cli.loaders.hours import WINDOW_PATTERN, Preset
from recall_cli.loaders.schema import to_python
from recall_cli.loaders.script import check_script
from recall_cli.loaders.yaml_tree import parse_yaml, read_yaml
from recall_cli.messages import Lang
from recall_cli.validate.schema import config_schema
from tests.support import SAMPLE_CONFIGS, SAMPLE_LISTS

LIMITS = "limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}\n"
HOUR = 3600
runner = CliRunner()


def recall(*args: str) -> tuple[int, str, str]:
    done = runner.invoke(app, list(args))
    return done.exit_code, done.stdout, done.stderr


def write(tmp_path: Path, text: str, name: str = "campaign.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def findings(tmp_path: Path, text: str) -> list[tuple[int, int, str, str]]:
    report = check_config(write(tmp_path, LIMITS + text))
    return [
        (p.location.line, p.location.column, p.code.id, p.message.render(Lang.EN))
        for p in report.problems
    ]


def minutes(text: str) -> Window:
    window = parse_window(text)
    assert isinstance(window, Window)
    return window


# Values


def test_a_config_without_the_new_keys_has_none_of_them(tmp_path: Path) -> None:
    campaign = load_config(write(tmp_path, LIMITS))
    assert (campaign.hours, campaign.dialer, campaign.timezone_column) == (None, None, None)


@pytest.mark.parametrize(("name", "hours"), [("ru_230fz", RU_230FZ), ("us_tcpa", US_TCPA)])
def test_a_preset_is_its_engine_value(tmp_path: Path, name: str, hours: Hours) -> None:
    assert load_config(write(tmp_path, LIMITS + f"hours: {name}\n")).hours == hours


def test_the_schema_names_every_preset() -> None:
    assert set(get_args(Preset)) == set(PRESETS)


def test_a_narrower_key_wins_and_an_uncovered_day_is_closed(tmp_path: Path) -> None:
    text = (
        "hours:\n"
        "  sat: ['10:00-14:00', '15:00-18:00']\n"
        "  every_day: '08:00-20:00'\n"
        "  weekdays: 9:00 – 21:00\n"
        "  fri: closed\n"
        "  holidays: [RU, no, NO, Fr, 2026-12-31]\n"
        "  holiday_hours: '10:00-12:00'\n"
        "  local_time: record\n"
    )
    hours = load_config(write(tmp_path, LIMITS + text)).hours
    nine_to_nine = (minutes("09:00-21:00"),)
    assert hours == Hours(
        week=(
            nine_to_nine,
            nine_to_nine,
            nine_to_nine,
            nine_to_nine,
            (),
            (minutes("10:00-14:00"), minutes("15:00-18:00")),
            (minutes("08:00-20:00"),),
        ),
        countries=frozenset({"RU", "NO", "FR"}),
        dates=frozenset({date(2026, 12, 31)}),
        holiday_hours=(minutes("10:00-12:00"),),
        local_time=LocalTime.RECORD,
    )


def test_hours_default_to_the_campaign_s_clock_and_closed_holidays(tmp_path: Path) -> None:
    hours = load_config(write(tmp_path, LIMITS + "hours: {weekend: '10:00-24:00'}\n")).hours
    assert hours == Hours(week=((), (), (), (), (), (Window(600, 1440),), (Window(600, 1440),)))


def test_an_empty_hours_value_is_no_hours(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, LIMITS + "hours:\ndialer:\n")).hours is None


def test_dialer_and_timezone_column(tmp_path: Path) -> None:
    text = "dialer: {lines: 30}\nlist: {timezone_column: Часовой пояс}\n"
    campaign = load_config(write(tmp_path, LIMITS + text))
    assert campaign.dialer == Dialer(30, Order.RETRIES_FIRST)
    assert campaign.timezone_column == "Часовой пояс"
    text = "dialer: {lines: 100000, order: due_time}\n"
    assert load_config(write(tmp_path, LIMITS + text)).dialer == Dialer(100_000, Order.DUE_TIME)


# Mistakes, each at its place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "hours: ru230\n",
            (
                2,
                8,
                "RC012",
                "hours must be a preset (ru_230fz, us_tcpa) or a mapping of days to windows, "
                "got ru230 (text)",
            ),
        ),
        (
            "hours: {preset: ru_230fz, sun: closed}\n",
            (
                2,
                9,
                "RC010",
                "unknown key 'preset' (expected one of: every_day, fri, holiday_hours, holidays, "
                "local_time, mon, sat, sun, thu, tue, wed, weekdays, weekend)",
            ),
        ),
        ("hours:\n  mo: '09:00-21:00'\n", (3, 3, "RC010", "unknown key 'mo'; did you mean 'mon'?")),
        (
            "hours:\n  mon: 9-21\n",
            (3, 8, "RC110", "'9-21' is not a window; write HH:MM-HH:MM, e.g. 09:00-21:00"),
        ),
        (
            "hours:\n  mon: ['09:00-12:00', '12:00-24:01']\n",
            (
                3,
                24,
                "RC110",
                "'12:00-24:01': hours are 00–23, minutes 00–59; 24:00 may only end a window",
            ),
        ),
        (
            "hours:\n  mon: '21:00-09:00'\n",
            (
                3,
                8,
                "RC111",
                "'21:00-09:00': a window must start before it ends; write one across midnight "
                "as two",
            ),
        ),
        (
            "hours:\n  weekend: ['12:00-18:00', '09:00-12:01']\n",
            (
                3,
                13,
                "RC112",
                "'12:00-18:00' overlaps '09:00-12:01': windows of one day must not share a minute",
            ),
        ),
        ("hours:\n  mon: []\n", (3, 8, "RC113", "an empty list of windows; write closed")),
        (
            "hours: {sun: closed, holiday_hours: '09:00-20:00'}\n",
            (
                2,
                1,
                "RC114",
                "these calling hours leave every day of the week closed, so no dial could ever "
                "start; give at least one day a window",
            ),
        ),
        (
            "hours:\n  mon: '09:00-21:00'\n  holidays: [ru, EN]\n",
            (
                4,
                18,
                "RC115",
                "'EN' is not a country the holiday calendars know (give an ISO 3166 alpha-2 code "
                "such as RU)",
            ),
        ),
        (
            "hours:\n  mon: '09:00-21:00'\n  holidays: [2026-13-01]\n",
            (4, 14, "RC116", "'2026-13-01' is not a date; write YYYY-MM-DD, e.g. 2026-12-31"),
        ),
        (
            "hours:\n  mon: '09:00-21:00'\n  holidays: RU\n",
            (4, 13, "RC012", "expected a list, got RU (text)"),
        ),
        (
            "hours:\n  mon: '09:00-21:00'\n  holidays: [{RU: 1}]\n",
            (
                4,
                14,
                "RC012",
                "expected a country code such as RU or a date such as 2026-12-31, got {…} "
                "(mapping)",
            ),
        ),
        (
            "hours:\n  mon: 9\n",
            (
                3,
                8,
                "RC012",
                "expected a window such as 09:00-21:00, a list of them, or closed, got 9 "
                "(whole number)",
            ),
        ),
        (
            "hours:\n  mon: ['09:00-12:00', 13]\n",
            (3, 24, "RC012", "expected a window such as 09:00-21:00, got 13 (whole number)"),
        ),
        (
            "hours:\n  mon: '09:00-21:00'\n  local_time: callee\n",
            (
                4,
                15,
                "RC012",
                "expected one of 'campaign' or 'record', got callee (text)",
            ),
        ),
        (
            "dialer: {order: due_time}\n",
            (
                2,
                1,
                "RC117",
                "dialer needs lines: how many dials may be in progress at once (1 to 100000)",
            ),
        ),
        ("dialer: {lines: 0}\n", (2, 17, "RC013", "'lines' must be ≥ 1, got 0 (whole number)")),
        (
            "dialer: {lines: 100001}\n",
            (2, 17, "RC013", "'lines' must be ≤ 100000, got 100001 (whole number)"),
        ),
        (
            "dialer: {lines: 30, order: fifo}\n",
            (2, 28, "RC012", "expected one of 'retries_first' or 'due_time', got fifo (text)"),
        ),
        (
            "list: {timezone_column: 5}\n",
            (2, 25, "RC012", "expected text, got 5 (whole number)"),
        ),
    ],
)
def test_each_mistake_at_its_place(
    tmp_path: Path, text: str, expected: tuple[int, int, str, str]
) -> None:
    assert findings(tmp_path, text) == [expected]


def test_every_mistake_of_the_hours_is_reported_at_once(tmp_path: Path) -> None:
    text = (
        "hours:\n"
        "  mo: closed\n"
        "  tue: '9-21'\n"
        "  sat: []\n"
        "  holidays: [XX, 2026-02-30]\n"
        "rules:\n"
        "  busy: {action: callback}\n"
    )
    assert [(line, column, rule) for line, column, rule, _ in findings(tmp_path, text)] == [
        (3, 3, "RC010"),
        (4, 8, "RC110"),
        (5, 8, "RC113"),
        (6, 14, "RC115"),
        (6, 18, "RC116"),
        (8, 9, "RC109"),
    ]


def test_a_week_with_an_error_is_not_also_called_closed(tmp_path: Path) -> None:
    assert [rule for _, _, rule, _ in findings(tmp_path, "hours: {mon: '9-21'}\n")] == ["RC110"]


# Scripts' durations


def script_findings(tmp_path: Path, text: str) -> list[tuple[int, int, str, str]]:
    report = check_script(write(tmp_path, text, "script.yaml"))
    return [
        (p.location.line, p.location.column, p.code.id, p.message.render(Lang.EN))
        for p in report.problems
    ]


def test_a_script_carries_its_durations(tmp_path: Path) -> None:
    text = "durations: {busy: 5, Дозвон: 86400, no_answer: 0}\nrecords: {'1': {1: [answered]}}\n"
    report = check_script(write(tmp_path, text, "script.yaml"))
    assert report.script is not None
    assert report.script.durations == {Status.BUSY: 5, Status.ANSWERED: 86_400, Status.NO_ANSWER: 0}
    # A duration names no outcome: it is not a status the script can produce.
    assert set(report.script.first_use) == {Status.ANSWERED}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "durations: {busy: -1}\n",
            (1, 19, "RC404", "a duration cannot be below zero, got -1 (whole number)"),
        ),
        (
            "durations: {busy: 86401}\n",
            (
                1,
                19,
                "RC404",
                "a dial cannot take longer than a day (86400 s), got 86401 (whole number)",
            ),
        ),
        ("durations: {busy: 1.5}\n", (1, 19, "RC012", "expected a whole number, got 1.5 (number)")),
        ("durations: {busy: '5'}\n", (1, 19, "RC012", "expected a whole number, got '5' (text)")),
        (
            "durations: {busy: [1, 5]}\n",
            (1, 19, "RC012", "expected a whole number, got […] (list)"),
        ),
        (
            "durations: {bussy: 5}\n",
            (1, 13, "RC102", "unknown status 'bussy'; did you mean 'busy'?"),
        ),
        (
            "durations:\n  busy: 5\n  Занято: 6\n",
            (
                3,
                3,
                "RC403",
                "status 'Занято' (busy) is already given on line 2; which value applies would be "
                "ambiguous",
            ),
        ),
        (
            "durations: 5\n",
            (1, 12, "RC012", "expected a mapping (key: value), got 5 (whole number)"),
        ),
        (
            "duration: {busy: 5}\n",
            (
                1,
                1,
                "RC010",
                "unknown key 'duration' (expected one of: default, durations, records)",
            ),
        ),
    ],
)
def test_script_duration_mistakes(
    tmp_path: Path, text: str, expected: tuple[int, int, str, str]
) -> None:
    assert script_findings(tmp_path, text + "default: answered\n") == [expected]


# Where a callback's wait lands


def week(every_day: str) -> tuple[tuple[Window, ...], ...]:
    return make_week({"every_day": (minutes(every_day),)})


@pytest.mark.parametrize(
    ("windows", "wait", "expected"),
    [
        # From 09:00 the callback lands 21:00 (opens 09:00 next day); from just before 21:00 it
        # lands just before 09:00.
        ("09:00-21:00", 12 * HOUR, (12 * HOUR, 24 * HOUR)),
        ("09:00-21:00", 36 * HOUR, (36 * HOUR, 48 * HOUR)),
        ("09:00-21:00", 24 * HOUR, None),  # the same clock time: open again
        ("09:00-21:00", 13 * HOUR, None),  # 09:00 + 13 h = 22:00, but 20:00 + 13 h = 09:00
        ("09:00-21:00", 11 * HOUR, None),
        ("00:00-24:00", 12 * HOUR, None),  # never closed
    ],
)
def test_closed_landing_every_day(
    windows: str, wait: int, expected: tuple[int, int] | None
) -> None:
    assert closed_landing(make_week({"every_day": (minutes(windows),)}), wait) == expected


def test_closed_landing_across_the_week_s_end() -> None:
    # Sunday 10:00–12:00 alone: 3 h later is closed until next Sunday 10:00.
    sunday = make_week({"sun": (minutes("10:00-12:00"),)})
    assert closed_landing(sunday, 3 * HOUR) == (SECONDS_PER_WEEK - 2 * HOUR, SECONDS_PER_WEEK)
    assert closed_landing(sunday, 7 * 24 * HOUR) is None
    assert closed_landing(make_week({}), HOUR) is None


def test_the_230_fz_hours_hold_the_source_s_callbacks() -> None:
    assert [closed_landing(RU_230FZ.week, hours * HOUR) for hours in (1, 3, 24)] == [None] * 3


def test_a_callback_always_held_is_a_warning_with_its_real_wait(tmp_path: Path) -> None:
    config = write(
        tmp_path,
        LIMITS + "hours: {every_day: '10:00-18:00'}\nrules:\n"
        "  Нет ответа: {action: callback, after_hours: 12.25}\n",
    )
    code, out, _ = recall("validate", str(config), "--format", "json", "--lang", "ru")
    assert code == 0
    assert out.count('"rule": "RC615"') == 1
    assert (
        "Нет ответа перезванивает через 12,25 ч, а это из любого момента часов звонков приходится "
        "на закрытое время: каждый такой перезвон ждёт ближайшего открытия, больше 16 ч и до "
        "24 ч после набора"
    ) in out


# recall schema


def _type_ok(kind: str, value: object) -> bool:
    if kind == "integer":
        return type(value) is int
    if kind == "number":
        return type(value) in {int, float}
    python = {"string": str, "boolean": bool, "object": dict, "array": list}
    return value is None if kind == "null" else isinstance(value, python[kind])


_KNOWN = {"$schema", "$defs", "title", "description", "default", "format", "$ref", "anyOf"}
_KNOWN |= {"type", "enum", "const", "pattern", "minimum", "maximum", "minItems", "items"}
_KNOWN |= {"properties", "required", "additionalProperties"}


def schema_errors(schema: dict[str, Any], value: object, root: dict[str, Any]) -> list[str]:
    """A small JSON Schema checker for the keywords `recall schema` uses (it refuses others)."""
    assert set(schema) <= _KNOWN, set(schema) - _KNOWN
    if "$ref" in schema:
        return schema_errors(root["$defs"][schema["$ref"].rsplit("/", 1)[1]], value, root)
    if "anyOf" in schema and all(schema_errors(o, value, root) for o in schema["anyOf"]):
        return [f"{value!r}: no option of anyOf"]
    if "type" in schema and not _type_ok(schema["type"], value):
        return [f"{value!r}: not {schema['type']}"]
    if ("enum" in schema and value not in schema["enum"]) or schema.get("const", value) != value:
        return [f"{value!r}: not one of the choices"]
    if isinstance(value, str) and not re.search(schema.get("pattern", ""), value):
        return [f"{value!r}: does not match {schema['pattern']}"]
    if isinstance(value, int | float) and not (
        schema.get("minimum", value) <= value <= schema.get("maximum", value)
    ):
        return [f"{value!r}: out of range"]
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            return [f"{value!r}: too short"]
        return [e for item in value for e in schema_errors(schema.get("items", {}), item, root)]
    if isinstance(value, dict):
        found = [f"missing {key}" for key in schema.get("required", []) if key not in value]
        for key, item in value.items():
            extra = schema.get("additionalProperties", {})
            sub = schema.get("properties", {}).get(key, extra)
            found += [f"unknown key {key}"] if sub is False else schema_errors(sub, item, root)
        return found
    return []


SCHEMA = config_schema()
PART_TWO = """\
hours:
  weekdays: "09:00-21:00"
  sat: ["10:00-14:00", "15:00-18:00"]
  sun: closed
  holidays: [RU, 2026-12-31]
  holiday_hours: closed
  local_time: record
dialer:
  lines: 30
  order: retries_first
list: {timezone_column: tz}
"""


def as_json(text: str) -> object:
    document = parse_yaml("config.yaml", text)
    assert document.root is not None
    return to_python(document.root, []).data


@pytest.mark.parametrize(
    "path",
    sorted(path for path in SAMPLE_CONFIGS.glob("*.yaml") if "." not in path.stem),
    ids=lambda path: path.name,
)
def test_every_sample_config_validates_against_the_schema(path: Path) -> None:
    document = read_yaml(path)
    assert document.root is not None
    assert schema_errors(SCHEMA, to_python(document.root, []).data, SCHEMA) == []
    assert not [p for p in check_config(path).problems if p.severity.value != "info"]


@pytest.mark.parametrize(
    "text",
    [
        PART_TWO,
        "hours: us_tcpa\ndialer: {lines: 1, order: due_time}\n",
        "hours: {every_day: '0:00 – 24:00', holidays: [no, Fr]}\n",
    ],
)
def test_the_new_keys_validate_against_the_schema(text: str, tmp_path: Path) -> None:
    assert schema_errors(SCHEMA, as_json(LIMITS + text), SCHEMA) == []
    assert check_config(write(tmp_path, LIMITS + text)).problems == []


@pytest.mark.parametrize(
    "text",
    [
        "hours: ru230\n",
        "hours: {mon: '25:00-26:00'}\n",
        "hours: {mon: '09:00-24:30'}\n",
        "hours: {mon: []}\n",
        "hours: {mon: '09:00-21:00', holidays: [RUS]}\n",
        "hours: {mon: '09:00-21:00', local_time: callee}\n",
        "dialer: {order: due_time}\n",
        "dialer: {lines: 0}\n",
        "list: {timezone_column: [tz]}\n",
    ],
)
def test_the_schema_and_the_loader_both_refuse(text: str, tmp_path: Path) -> None:
    assert schema_errors(SCHEMA, as_json(LIMITS + text), SCHEMA) != []
    assert check_config(write(tmp_path, LIMITS + text)).problems != []


@given(
    st.from_regex(r"[0-9]{1,2}:[0-9]{2}-[0-9]{1,2}:[0-9]{2}", fullmatch=True)
    | st.sampled_from(["24:00-24:00", "00:00-24:00", "9:00 – 21:00", "23:59-24:00"])
)
def test_the_window_pattern_is_the_loader_s_reading(text: str) -> None:
    # The schema cannot see a window's order; everything else it judges as the loader does.
    parsed = parse_window(text)
    readable = parsed not in {WINDOW_FORMAT, WINDOW_TIME}
    assert bool(re.search(WINDOW_PATTERN, text)) is readable


# simulate


def test_simulate_runs_a_config_with_the_new_keys(tmp_path: Path) -> None:
    text = (SAMPLE_CONFIGS / "worked_example.yaml").read_text(encoding="utf-8")
    config = write(tmp_path, text + "hours: ru_230fz\ndialer: {lines: 2}\n", "worked.yaml")
    script = SAMPLE_CONFIGS / "worked_example.script.yaml"
    args = ["--script", str(script), "--start", "2026-12-01T10:00", "--format", "json"]
    lists = str(SAMPLE_LISTS / "source_record.csv")
    code, out, err = recall("simulate", str(config), lists, *args)
    assert (code, err) == (0, "")
    assert json.loads(out)["records"][0]["state"] == "reached"
