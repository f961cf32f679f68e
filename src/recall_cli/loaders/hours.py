"""A config's `hours`: a preset's name, or a week of windows with holidays, read to
`engine.Hours` with every problem at its file:line:column."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from recall_cli.engine.hours import (
    CLOSED,
    DAY_KEYS,
    GROUP_DAYS,
    PRESETS,
    WINDOW_ORDER,
    WINDOWS_EMPTY,
    Day,
    Hours,
    LocalTime,
    Window,
    holiday_country,
    make_day,
    make_week,
    parse_window,
)
from recall_cli.loaders import codes
from recall_cli.loaders.schema import Tree, got, key_location, validate
from recall_cli.loaders.yaml_tree import Mapping, Node, Scalar, Sequence
from recall_cli.messages import Message
from recall_cli.problems import Code, Location, Problem, errors_in

CLOSED_WORD = "closed"
# What `recall schema` publishes for a window; the loader reads it with `parse_window`, which
# also says what is wrong (an hour past 24, a window that ends before it starts).
_TIME = r"(([01]?[0-9]|2[0-3]):[0-5][0-9]|24:00)"
WINDOW_PATTERN = rf"^\s*{_TIME}\s*[-–]\s*{_TIME}\s*$"
_WINDOW_SCHEMA: dict[str, Any] = {"type": "string", "pattern": WINDOW_PATTERN}
_DAY_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"const": CLOSED_WORD},
        _WINDOW_SCHEMA,
        {"type": "array", "items": _WINDOW_SCHEMA, "minItems": 1},
    ],
    "description": 'A window "HH:MM-HH:MM" ([start, end), 24:00 may end it), a list of them, '
    "or closed.",
}
_HOLIDAY_SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": {
        "anyOf": [
            {"type": "string", "pattern": "^[A-Za-z]{2}$"},
            {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
        ]
    },
    "description": "ISO 3166 alpha-2 country codes (their public holidays) and ISO dates.",
}
_COUNTRY = re.compile(r"[A-Za-z]{2}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# A day's value is read by hand, so that each window is reported at its own position.
DayValue = Annotated[object, WithJsonSchema(_DAY_SCHEMA)]


class HoursModel(BaseModel):
    """Calling hours as windows per day: day keys win over `weekdays`/`weekend`, which win
    over `every_day`; a day no key covers is closed."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    mon: DayValue = None
    tue: DayValue = None
    wed: DayValue = None
    thu: DayValue = None
    fri: DayValue = None
    sat: DayValue = None
    sun: DayValue = None
    weekdays: DayValue = None
    weekend: DayValue = None
    every_day: DayValue = None
    holidays: Annotated[list[object], WithJsonSchema(_HOLIDAY_SCHEMA)] = Field(default_factory=list)
    holiday_hours: DayValue = CLOSED_WORD
    local_time: Literal["campaign", "record"] = "campaign"


Preset = Literal["ru_230fz", "us_tcpa"]
"""The names of `engine.hours.PRESETS`, for `recall schema` (a test keeps the two the same)."""


def read_hours(tree: Tree, file: str, problems: list[Problem]) -> Hours | None:
    """The config's calling hours; None when it has none, or when they hold an error."""
    node = tree.values.get(("hours",))
    if node is None or (isinstance(node, Scalar) and node.value() is None):
        return None
    if isinstance(node, Scalar) and isinstance(node.value(), str) and node.text in PRESETS:
        return PRESETS[node.text]
    if not isinstance(node, Mapping):
        presets = ", ".join(PRESETS)
        message = Message("config.hours_value", {"presets": presets, "got": got(node)})
        problems.append(Problem(node.location, codes.WRONG_TYPE, message))
        return None
    sub = _subtree(tree, "hours")
    model, schema_problems = validate(HoursModel, sub, file)
    problems.extend(schema_problems)
    week = _Week(sub, problems)
    if model is None:
        # The days are read even when a key is wrong, so that every problem is reported at
        # once; whether the week has an open minute is not judged on part of it.
        week.days()
        return None
    return week.hours(LocalTime(model.local_time), key_location(tree, ("hours",), file))


def _subtree(tree: Tree, key: str) -> Tree:
    """The part of `tree` under the top-level `key`, its paths starting there."""
    values = {path[1:]: node for path, node in tree.values.items() if path[:1] == (key,)}
    keys = {path[1:]: node for path, node in tree.keys.items() if path[:1] == (key,)}
    data = tree.data.get(key) if isinstance(tree.data, dict) else None
    return Tree(data, values, keys)


class _Week:
    """Reads the days and holidays of an `hours` mapping that passed its schema."""

    def __init__(self, tree: Tree, problems: list[Problem]) -> None:
        self.tree = tree
        self.problems = problems

    def days(self) -> tuple[dict[str, Day], Day | None, set[str], set[date]]:
        """The windows of each day and group key, the holidays' windows, the holiday countries
        and dates; a value with an error is left out (None for the holidays' windows)."""
        days: dict[str, Day] = {}
        for key in (*DAY_KEYS, *GROUP_DAYS):
            node = self.tree.values.get((key,))
            day = None if node is None else self._day(node)
            if day is not None:
                days[key] = day
        holiday_node = self.tree.values.get(("holiday_hours",))
        holiday_hours = CLOSED if holiday_node is None else self._day(holiday_node)
        countries, dates = self._holidays()
        return days, holiday_hours, countries, dates

    def hours(self, local_time: LocalTime, where: Location) -> Hours | None:
        start = len(errors_in(self.problems))
        days, holiday_hours, countries, dates = self.days()
        if len(errors_in(self.problems)) > start or holiday_hours is None:
            return None
        hours = Hours(
            make_week(days), frozenset(countries), frozenset(dates), holiday_hours, local_time
        )
        if hours.week_closed:
            self.problems.append(
                Problem(where, codes.HOURS_CLOSED_WEEK, Message("config.hours_closed_week"))
            )
            return None
        return hours

    def _day(self, node: Node) -> Day | None:
        """One day's windows: a window, a list of them, or `closed`."""
        if _text(node) == CLOSED_WORD:
            return CLOSED
        if isinstance(node, Sequence):
            return self._windows(node)
        if _text(node) is None:
            self._wrong(node, "config.day_value")
            return None
        window = self._window(node)
        return None if window is None else (window,)

    def _windows(self, node: Sequence) -> Day | None:
        if not node.items:
            self._add(node, codes.HOURS_EMPTY_LIST, Message(WINDOWS_EMPTY))
            return None
        read = [(item, self._window(item)) for item in node.items]
        found = [(item, window) for item, window in read if window is not None]
        if len(found) < len(read):
            return None
        day = make_day(window for _, window in found)
        if isinstance(day, str):
            self._overlap(found)
            return None
        return day

    def _window(self, node: Node) -> Window | None:
        text = _text(node)
        if text is None:
            self._wrong(node, "config.window_value")
            return None
        window = parse_window(text)
        if isinstance(window, str):
            code = codes.HOURS_WINDOW_ORDER if window == WINDOW_ORDER else codes.HOURS_WINDOW
            self._add(node, code, Message(window, {"value": text}))
            return None
        return window

    def _overlap(self, found: list[tuple[Node, Window]]) -> None:
        """Reports the first window that starts before an earlier-starting one ends."""
        ordered = sorted(found, key=lambda pair: pair[1].start)
        for (before, first), (after, second) in pairwise(ordered):
            if second.start < first.end:
                params = {"value": _text(after), "other": _text(before)}
                self._add(after, codes.HOURS_OVERLAP, Message("hours.windows_overlap", params))
                return

    def _holidays(self) -> tuple[set[str], set[date]]:
        countries: set[str] = set()
        dates: set[date] = set()
        node = self.tree.values.get(("holidays",))
        for item in node.items if isinstance(node, Sequence) else ():
            # The text as written: an unquoted NO is Norway, whatever YAML 1.1 reads it as.
            text = item.text.strip() if isinstance(item, Scalar) else None
            if text is None:
                self._wrong(item, "config.holiday_value")
            elif _COUNTRY.fullmatch(text) and holiday_country(text.upper()):
                countries.add(text.upper())
            elif _DATE.fullmatch(text) and (day := _date(text)) is not None:
                dates.add(day)
            elif any(character.isdigit() for character in text):
                self._add(item, codes.HOLIDAY_DATE, Message("config.holiday_date", {"value": text}))
            else:
                message = Message("config.holiday_country", {"value": text})
                self._add(item, codes.HOLIDAY_COUNTRY, message)
        return countries, dates

    def _wrong(self, node: Node, key: str) -> None:
        self._add(node, codes.WRONG_TYPE, Message(key, {"got": got(node)}))

    def _add(self, node: Node, code: Code, message: Message) -> None:
        self.problems.append(Problem(node.location, code, message))


def _text(node: Node) -> str | None:
    """A scalar's text when YAML reads it as text (a window, `closed`), else None."""
    if isinstance(node, Scalar) and isinstance(node.value(), str):
        return node.text
    return None


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
