"""The peer of the dialer benchmark: a campaign with calling hours and lines, written in SimPy.

It reads the same config, list and profile as benchmarks/simpy_model.py (whose reading and
retry rules it imports) and adds what a dialer does:

- `hours:` in the config — day keys `mon`…`sun`, groups `weekdays`, `weekend`, `every_day` (a
  day key over a group, a group over `every_day`), each one window "HH:MM-HH:MM", a list of
  them, or `closed`; `holidays:` (country codes, from the `holidays` library, and ISO dates)
  with `holiday_hours:` (default closed); `local_time: campaign | record`; or a preset,
  `hours: ru_230fz` (weekdays 08–22, weekends and Russian public holidays 09–20, the callee's
  local time) or `hours: us_tcpa` (every day 08–21, the callee's local time). A window is
  [start, end) in local wall time, turned into instants as `zoneinfo` does (fold=0).
- The zone a number is judged in, under `local_time: record`: the record's time zone cell
  (`list.timezone_column`, else a column headed timezone, tz or Часовой пояс: an IANA name,
  UTC+5, GMT-3:30, +05:00, МСК+4, MSK-1), else the one zone libphonenumber gives the number
  (a +7 number's Europe/Bucharest read as Europe/Kaliningrad), else the one zone the record's
  numbers so pinned agree on, else the campaign's zone.
- `dialer: {lines: N, order: retries_first | due_time}`: a `simpy.PriorityResource` of N lines;
  a dial holds a line for its duration. A ready dial asks for a line with the priority
  (class, due time, list position), the class being 0 for a repeat, 1 for the first dial of a
  later attempt, 2 for a record's very first dial (`retries_first`), or (due time, position)
  (`due_time`).

Each record is a process; each of its dials, once due, waits for its number's window to open,
then for a line; if the window closes while it waits, it leaves the queue and waits for the
next opening. A dial may run past the window's end.

SimPy's PriorityResource keeps its queue as a list it sorts again on every request, so a queue
of tens of thousands of waiting dials (100,000 records on 100 lines) costs a sort of the whole
queue per dial and a scan of it per window close: hours of run time. A SimPy user who meets
that gives the resource a heap as its put queue (`PutQueue`, the extension point SimPy
documents), as this model does; `--queue sorted` keeps SimPy's own queue, to see the
difference on a small list.

Output: what simpy_model.py writes, and in `summary`, as `recall simulate` has them: `lines`
(`utilisation` — busy line-seconds over lines × the span from the first dial's start to the
last dial's end, `waited_for_line` — dials that spent time ready without a line, and the
`median`, `p90` (nearest rank) and `max` of those dials' waits in seconds, summed over a dial's
episodes), `held_by_hours` (dials started later than due because their window was closed),
`zone_fallback` (numbers judged in the campaign's zone under `local_time: record`) and `end`
(the last dial's end). `--stats FILE` writes the SimPy events processed, the dials and the
simulation's own seconds (without reading and writing files) as JSON.

    .venv/bin/python benchmarks/simpy_dialer.py CONFIG LIST PROFILE --seed 42 --output FILE
"""

from __future__ import annotations

import argparse
import heapq
import json
import math
import random
import re
import statistics
import sys
import time
from bisect import bisect_right
from collections.abc import Generator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
import phonenumbers
import simpy
import yaml
from phonenumbers import timezone as phone_timezones

from simpy_model import (
    Model,
    Result,
    at,
    campaign_start,
    document,
    load_model,
    read_list_with,
    record,
)

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
GROUPS = {"every_day": DAYS, "weekdays": DAYS[:5], "weekend": DAYS[5:]}
PRESETS: Mapping[str, Mapping[str, Any]] = {
    "ru_230fz": {
        "weekdays": "08:00-22:00",
        "weekend": "09:00-20:00",
        "holidays": ["RU"],
        "holiday_hours": "09:00-20:00",
        "local_time": "record",
    },
    "us_tcpa": {"every_day": "08:00-21:00", "local_time": "record"},
}
ZONE_HEADERS = ("timezone", "tz", "часовой пояс")
WINDOW = re.compile(r"\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*")
OFFSET = re.compile(r"(UTC|GMT|MSK|МСК)?\s*(?:([-+−])\s*(\d{1,2})(?::?(\d{2}))?)?", re.IGNORECASE)
SEARCH_DAYS = 366 + 7  # a calendar with no opening in this many days has none at all
Windows = tuple[tuple[int, int], ...]  # minutes from local midnight, [start, end)


@dataclass(frozen=True)
class Hours:
    """The windows of each weekday (Monday first), holidays and their windows."""

    week: tuple[Windows, ...]
    countries: tuple[str, ...]
    dates: frozenset[date]
    holiday: Windows
    local_record: bool


def windows(value: Any) -> Windows:
    """`closed`, one window "HH:MM-HH:MM" or a list of them, as minutes."""
    if value == "closed":
        return ()
    found = []
    for text in [value] if isinstance(value, str) else value:
        match = WINDOW.fullmatch(text)
        if match is None:
            raise SystemExit(f"not a window: {text!r}")
        h1, m1, h2, m2 = map(int, match.groups())
        found.append((h1 * 60 + m1, h2 * 60 + m2))
    return tuple(sorted(found))


def read_hours(value: Any) -> Hours:
    spec = PRESETS[value] if isinstance(value, str) else value
    week: list[Windows] = [() for _ in DAYS]
    # every_day, then the groups, then the days: a narrower key wins.
    for keys in (("every_day",), ("weekdays", "weekend"), DAYS):
        for key in keys:
            if key in spec:
                for day in GROUPS.get(key, (key,)):
                    week[DAYS.index(day)] = windows(spec[key])
    countries, dates = [], set()
    for item in spec.get("holidays", []):
        if isinstance(item, date):
            dates.add(item)
        else:
            countries.append(str(item).upper())
    return Hours(
        tuple(week),
        tuple(countries),
        frozenset(dates),
        windows(spec.get("holiday_hours", "closed")),
        spec.get("local_time", "campaign") == "record",
    )


class Calendar:
    """The open intervals of one zone, in seconds from the campaign's start, found a day at a
    time as the run needs them."""

    def __init__(self, hours: Hours, zone: tzinfo, start: datetime) -> None:
        self.hours = hours
        self.zone = zone
        self.origin = start.timestamp()
        self.day = start.astimezone(zone).date() - timedelta(days=1)
        self.opens: list[float] = []
        self.closes: list[float] = []
        self.calendars = [holidays.country_holidays(code) for code in hours.countries]

    def window(self, now: float) -> tuple[float, float]:
        """The interval open at `now`, else the next one: (opens, closes)."""
        searched = 0
        while not self.closes or self.closes[-1] <= now:
            self._add_day()
            searched += 1
            if searched > SEARCH_DAYS:
                raise SystemExit("the calling hours never open")
        i = bisect_right(self.closes, now)
        return self.opens[i], self.closes[i]

    def _add_day(self) -> None:
        day = self.day = self.day + timedelta(days=1)
        hours = self.hours
        holiday = day in hours.dates or any(day in calendar for calendar in self.calendars)
        for start, end in hours.holiday if holiday else hours.week[day.weekday()]:
            opens, closes = self._instant(day, start), self._instant(day, end)
            if opens >= closes:  # inside a spring-forward gap: never open
                continue
            if self.closes and opens <= self.closes[-1]:
                self.closes[-1] = max(self.closes[-1], closes)  # 24:00 then 00:00: one interval
            else:
                self.opens.append(opens)
                self.closes.append(closes)

    def _instant(self, day: date, minutes: int) -> float:
        # Wall-clock arithmetic in the zone, then fold=0: a gap's time lands after it.
        wall = datetime.combine(day, datetime.min.time()) + timedelta(minutes=minutes)
        local = wall.replace(tzinfo=self.zone, fold=0)
        return local.timestamp() - self.origin


def zone_of_cell(text: str) -> tzinfo:
    """The zone a time zone cell names: an IANA name or an offset from UTC or Moscow."""
    match = OFFSET.fullmatch(text.strip())
    if match is not None and (match.group(1) or match.group(2)):
        prefix, sign, hours, minutes = match.groups()
        base = 180 if prefix and prefix.upper() in {"MSK", "МСК"} else 0
        offset = int(hours or 0) * 60 + int(minutes or 0)
        return timezone(timedelta(minutes=base + (-offset if sign in {"-", "−"} else offset)))
    try:
        return ZoneInfo(text.strip())
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise SystemExit(f"not a time zone: {text!r}") from error


def zone_of_phone(phone: str, region: str, known: dict[str, tzinfo | None]) -> tzinfo | None:
    """The one zone libphonenumber gives `phone`, if it gives exactly one."""
    if phone in known:
        return known[phone]
    zone: tzinfo | None = None
    try:
        number = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is not None:
        names = phone_timezones.time_zones_for_number(number)
        if len(names) == 1 and names[0] != phone_timezones.UNKNOWN_TIMEZONE:
            name = names[0]
            if number.country_code == 7 and name == "Europe/Bucharest":
                name = "Europe/Kaliningrad"  # libphonenumber's zone keeps summer time; it does not
            zone = ZoneInfo(name)
    known[phone] = zone
    return zone


@dataclass
class Lines:
    """The figures of the lines and the hours, gathered as the dials go."""

    env: simpy.Environment
    resource: simpy.PriorityResource | None
    due_time_order: bool
    busy: float = 0.0
    first_start: float | None = None
    last_end: float | None = None
    waits: list[float] = field(default_factory=list)
    held_by_hours: int = 0


class HeapQueue:
    """A PriorityResource's put queue as a binary heap: a request costs O(log n) and leaving
    the queue O(1) (it is marked and dropped when it reaches the top), where SimPy's own
    SortedQueue sorts the whole queue on every request and scans it to remove one.

    The resource only ever looks at, and pops, the first request."""

    def __init__(self) -> None:
        self.heap: list[tuple[Any, int, Any]] = []
        self.gone: set[int] = set()
        self.count = 0

    def append(self, request: Any) -> None:
        heapq.heappush(self.heap, (request.key, self.count, request))
        self.count += 1

    def __len__(self) -> int:
        return len(self.heap) - len(self.gone)

    def _drop_gone(self) -> None:
        heap, gone = self.heap, self.gone
        while heap and id(heap[0][2]) in gone:
            gone.discard(id(heapq.heappop(heap)[2]))

    def __getitem__(self, index: int) -> Any:
        assert index == 0
        self._drop_gone()
        return self.heap[0][2]

    def pop(self, index: int = 0) -> Any:
        assert index == 0
        self._drop_gone()
        return heapq.heappop(self.heap)[2]

    def remove(self, request: Any) -> None:
        self.gone.add(id(request))


class HeapPriorityResource(simpy.PriorityResource):
    """A PriorityResource whose waiting requests sit in a HeapQueue."""

    PutQueue = HeapQueue  # type: ignore[assignment]  # SimPy types it as its own SortedQueue


class RecordDials:
    """One record's way to a dial: its numbers' calendars and its place in the queue."""

    __slots__ = ("calendars", "lines", "position")

    def __init__(self, lines: Lines, calendars: Sequence[Calendar | None], position: int) -> None:
        self.lines = lines
        self.calendars = calendars
        self.position = position

    def start(self, kind: int, number: int) -> Generator[Any, Any, Any]:
        lines = self.lines
        env = lines.env
        resource = lines.resource
        calendar = self.calendars[number]
        due = env.now
        priority = (due, self.position) if lines.due_time_order else (kind, due, self.position)
        held = False
        waited = 0.0
        request = None
        while True:
            closes = math.inf
            if calendar is not None:
                opens, closes = calendar.window(env.now)
                if opens > env.now:
                    held = True
                    yield env.timeout(opens - env.now)
            if resource is None:
                break
            # SimPy types a priority as int, but only ever compares it: a tuple sorts as well.
            request = resource.request(priority=priority)  # type: ignore[arg-type]
            if request.triggered:
                break
            asked = env.now
            if closes == math.inf:
                yield request
                waited += env.now - asked
                break
            yield request | env.timeout(closes - env.now)
            waited += env.now - asked
            if request.triggered:
                if env.now < closes:
                    break
                resource.release(request)  # granted as the window closed: not a start
            else:
                request.cancel()
            held = True
        if held:
            lines.held_by_hours += 1
        if waited > 0:
            lines.waits.append(waited)
        if lines.first_start is None:
            lines.first_start = env.now
        return request, env.now

    def end(self, token: Any) -> None:
        request, started = token
        lines = self.lines
        now = lines.env.now
        lines.busy += now - started
        if lines.last_end is None or now > lines.last_end:
            lines.last_end = now
        if request is not None:
            lines.resource.release(request)  # type: ignore[union-attr]


@dataclass(frozen=True)
class Dialer:
    """What the config says of hours and lines, and where the list keeps its zones."""

    hours: Hours | None
    lines: int | None
    due_time_order: bool
    zone: ZoneInfo
    region: str
    zone_column: str | None


def read_dialer(config_path: Path) -> Dialer:
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    dialer = config.get("dialer") or {}
    return Dialer(
        read_hours(config["hours"]) if "hours" in config else None,
        dialer.get("lines"),
        dialer.get("order", "retries_first") == "due_time",
        ZoneInfo(config.get("timezone", "Europe/Moscow")),
        str(config.get("region", "RU")).upper(),
        (config.get("list") or {}).get("timezone_column"),
    )


@dataclass
class Run:
    results: list[Result]
    lines: Lines
    zone_fallback: int
    events: int
    seconds: float


def run(
    model: Model,
    dialer: Dialer,
    rows: Sequence[tuple[str, list[str]]],
    zone_cells: Sequence[str],
    start: datetime,
    seed: int,
    sorted_queue: bool = False,
) -> Run:
    began = time.perf_counter()
    env = simpy.Environment()
    rng = random.Random(seed)
    resource = None
    if dialer.lines is not None:
        kind = simpy.PriorityResource if sorted_queue else HeapPriorityResource
        resource = kind(env, capacity=dialer.lines)
    lines = Lines(env, resource, dialer.due_time_order)
    hours = dialer.hours
    calendars: dict[str, Calendar] = {}

    def calendar(zone: tzinfo) -> Calendar | None:
        if hours is None:
            return None
        key = str(zone)
        if key not in calendars:
            calendars[key] = Calendar(hours, zone, start)
        return calendars[key]

    campaign = calendar(dialer.zone)
    known: dict[str, tzinfo | None] = {}
    fallback = 0
    results = []
    for position, (_, phones) in enumerate(rows):
        result = Result()
        results.append(result)
        first = next((i for i, phone in enumerate(phones) if phone), None)
        if first is None:
            result.state, result.closed_at = "no_numbers", 0
            continue
        if hours is not None and hours.local_record:
            zones, missed = record_zones(
                zone_cells[position] if zone_cells else "", phones, dialer, known
            )
            fallback += missed
            numbers = [calendar(zone) for zone in zones]
        else:
            numbers = [campaign] * len(phones)
        dials = RecordDials(lines, numbers, position)
        env.process(record(env, model, phones, first, rng, result, dials))
    env.run()
    return Run(results, lines, fallback, next(env._eid), time.perf_counter() - began)


def record_zones(
    cell: str, phones: Sequence[str], dialer: Dialer, known: dict[str, tzinfo | None]
) -> tuple[list[tzinfo], int]:
    """Each number's zone, and how many non-empty numbers fell back to the campaign's."""
    if cell:
        zone = zone_of_cell(cell)
        return [zone] * len(phones), 0
    pinned = [zone_of_phone(phone, dialer.region, known) if phone else None for phone in phones]
    agreed = {str(zone): zone for zone in pinned if zone is not None}
    if len(agreed) == 1:
        own: tzinfo = next(iter(agreed.values()))
        missed = 0
    else:
        own = dialer.zone
        missed = sum(1 for phone, zone in zip(phones, pinned, strict=True) if phone and not zone)
    return [zone or own for zone in pinned], missed


def line_figures(lines: Lines, count: int | None) -> dict[str, Any]:
    waits = sorted(lines.waits)
    span = (
        0.0
        if lines.first_start is None or lines.last_end is None
        else lines.last_end - lines.first_start
    )
    return {
        "utilisation": lines.busy / (count * span) if count and span > 0 else None,
        "waited_for_line": len(waits),
        "median": statistics.median(waits) if waits else 0,
        "p90": waits[math.ceil(0.9 * len(waits)) - 1] if waits else 0,
        "max": waits[-1] if waits else 0,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("config", type=Path)
    parser.add_argument("contacts", type=Path)
    parser.add_argument("profile", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start", default="2026-12-01T09:00")
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument(
        "--queue",
        choices=("heap", "sorted"),
        default="heap",
        help="the lines' queue: a heap (default) or SimPy's own sorted list",
    )
    parser.add_argument("--stats", type=Path, help="write events, dials and seconds here")
    args = parser.parse_args(argv)
    start, zone = campaign_start(args.config, args.start)
    model = load_model(args.config, args.profile)
    dialer = read_dialer(args.config)
    zone_headers = (dialer.zone_column,) if dialer.zone_column else ZONE_HEADERS
    rows, zone_cells = read_list_with(args.contacts, zone_headers)
    played = run(model, dialer, rows, zone_cells, start, args.seed, args.queue == "sorted")
    output = document(rows, played.results, start, zone)
    summary = output["summary"]
    if dialer.lines is not None:
        summary["lines"] = line_figures(played.lines, dialer.lines)
    if dialer.hours is not None:
        summary["held_by_hours"] = played.lines.held_by_hours
        if dialer.hours.local_record:
            summary["zone_fallback"] = played.zone_fallback
    last = played.lines.last_end
    summary["end"] = None if last is None else at(start, last, zone)
    with args.output.open("w", encoding="utf-8") as out:
        json.dump(output, out, ensure_ascii=False)
    if args.stats is not None:
        dials = summary["dials"]
        stats = {
            "simpy_events": played.events,
            "dials": dials,
            "simulation_seconds": played.seconds,
            "events_per_second": played.events / played.seconds,
            "dials_per_second": dials / played.seconds,
        }
        args.stats.write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
