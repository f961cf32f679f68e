"""The peer of the benchmark: the same campaign written as a competent SimPy user would.

It reads the same config, list and profile (with PyYAML and the csv module, not with recall's
loaders), runs one SimPy process per record with `env.timeout` for every wait, follows the
retry rules of docs/semantics.md#decision and the outcome model of docs/formats.md#profiles
(`outcomes`, `after`, `durations`), and
writes what `recall simulate --format json --no-events` writes: the summary and every record.
Its random numbers come from one `random.Random(seed)`, so its records differ from recall's one
by one, but its figures must agree with recall's within sampling error (the benchmark checks
the reach rate).

    .venv/bin/python benchmarks/simpy_model.py CONFIG LIST PROFILE --seed 42 --output FILE
"""

from __future__ import annotations

import argparse
import bisect
import csv
import json
import random
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

import simpy
import yaml

# The status ids and the Russian labels of the admin screen (docs/semantics.md#statuses), as a user
# would copy them.
LABELS = {
    "дозвон": "answered",
    "автоинформатор или ivr": "ivr",
    "автоформатор или ivr": "ivr",
    "автоответчик": "answering_machine",
    "другая проблема соединения": "connection_problem",
    "занято": "busy",
    "молчание": "silence",
    "направление перегружено": "congestion",
    "не тот человек": "wrong_person",
    "неверный номер": "invalid_number",
    "нет оператора": "no_agent",
    "нет ответа": "no_answer",
    "неудавшийся вызов": "failed",
}
STATES = ("reached", "stopped", "attempts_exhausted", "numbers_exhausted", "no_numbers", "open")
ID_COLUMNS = ("id", "ID", "№", "record_id")


def status_id(name: str) -> str:
    folded = " ".join(name.split()).casefold()
    return LABELS.get(folded, folded)


@dataclass(frozen=True)
class Rule:
    repeats: int
    interval: int
    action: str
    wait: int


@dataclass(frozen=True)
class Model:
    max_per_record: int
    max_per_number: int
    dial_all: bool
    rules: dict[str, Rule]
    statuses: list[str]
    first: list[float]
    after: dict[str, list[float]]
    durations: dict[str, tuple[int, int]]


def load_model(config_path: Path, profile_path: Path) -> Model:
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    profile = yaml.safe_load(profile_path.read_text(encoding="utf-8"))
    limits = config["limits"]
    rules = {}
    for name, rule in config.get("rules", {}).items():
        rules[status_id(name)] = Rule(
            rule.get("repeats", 0),
            rule.get("interval_minutes", 0) * 60,
            rule["action"],
            round(rule.get("after_hours", 0) * 3600),
        )
    statuses = sorted({status_id(s) for s in profile["outcomes"]})

    def cumulative(row: dict[str, float]) -> list[float]:
        weights = {status_id(s): p for s, p in row.items()}
        total, cum = 0.0, []
        for status in statuses:
            total += weights.get(status, 0.0)
            cum.append(total)
        return cum

    durations = {}
    for name, value in (profile.get("durations") or {}).items():
        low, high = (value, value) if isinstance(value, int) else value
        durations[status_id(name)] = (low, high)
    return Model(
        limits["max_attempts_per_record"],
        limits["max_attempts_per_number"],
        limits.get("dial_all_numbers", False),
        rules,
        statuses,
        cumulative(profile["outcomes"]),
        {status_id(s): cumulative(row) for s, row in (profile.get("after") or {}).items()},
        durations,
    )


def read_list(path: Path) -> list[tuple[str, list[str]]]:
    """Each record's id and phones, in list order."""
    return read_list_with(path, ())[0]


def read_list_with(
    path: Path, columns: Sequence[str]
) -> tuple[list[tuple[str, list[str]]], list[str]]:
    """Each record's id and phones, and each record's cell of the first of `columns` (matched
    case-insensitively) that the header has — no cells when it has none."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = [cell.strip() for cell in next(reader)]
        id_at = next((header.index(c) for c in ID_COLUMNS if c in header), None)
        phone_at = [i for i, c in enumerate(header) if c.lower().startswith(("phone", "телефон"))]
        folded = [c.casefold() for c in header]
        extra_at = next(
            (folded.index(c.casefold()) for c in columns if c.casefold() in folded), None
        )
        rows = []
        extras = []
        for number, row in enumerate(reader, start=1):
            if not row:
                continue
            record_id = row[id_at].strip() if id_at is not None else str(number)
            rows.append((record_id, [row[i].strip() if i < len(row) else "" for i in phone_at]))
            if extra_at is not None:
                extras.append(row[extra_at].strip() if extra_at < len(row) else "")
        return rows, extras


# What a dial is to a dialer that orders its queue: a repeat, the first dial of a later attempt,
# or a record's very first dial.
REPEAT, LATER_ATTEMPT, FIRST_DIAL = 0, 1, 2


class Dialer(Protocol):
    """What stands between a record's wish to dial and the dial: calling hours, lines.

    `start` waits (it is a SimPy generator) until the dial of the record's number `number`, of
    kind REPEAT, LATER_ATTEMPT or FIRST_DIAL, may start; `end` is told when that dial ends."""

    def start(self, kind: int, number: int) -> Generator[Any, Any, Any]: ...

    def end(self, token: Any) -> None: ...


@dataclass
class Result:
    state: str = "open"
    attempts: int = 0
    dials: int = 0
    closed_at: float | None = None
    final_status: str | None = None


def record(
    env: simpy.Environment,
    model: Model,
    phones: list[str],
    number: int,
    rng: random.Random,
    result: Result,
    dialer: Dialer | None = None,
) -> Generator[Any, Any, None]:
    """One record's dials from number `number` on: repeats, actions, the limits A and B, and
    the next number; each dial waits for `dialer` when there is one."""
    count = len(phones)
    attempts_of = [0] * count
    stopped = [False] * count
    previous: list[str | None] = [None] * count
    statuses = model.statuses
    kind = FIRST_DIAL
    while True:
        result.attempts += 1
        attempts_of[number] += 1
        used: dict[str, int] = {}
        while True:
            if dialer is not None:
                token = yield from dialer.start(kind, number)
            before = previous[number]
            table = model.first if before is None else model.after.get(before, model.first)
            status = statuses[bisect.bisect_right(table, rng.random() * table[-1])]
            previous[number] = status
            low, high = model.durations.get(status, (0, 0))
            if high:
                yield env.timeout(rng.randint(low, high))
            if dialer is not None:
                dialer.end(token)
            result.dials += 1
            result.final_status = status
            if status == "answered":
                result.state, result.closed_at = "reached", env.now
                return
            rule = model.rules[status]
            if used.get(status, 0) < rule.repeats:
                used[status] = used.get(status, 0) + 1
                kind = REPEAT
                yield env.timeout(rule.interval)
                continue
            break
        kind = LATER_ATTEMPT
        if rule.action == "stop_record":
            result.state, result.closed_at = "stopped", env.now
            return
        if result.attempts >= model.max_per_record:
            result.state, result.closed_at = "attempts_exhausted", env.now
            return
        if rule.action == "stop_number":
            stopped[number] = True
        if stopped[number] or attempts_of[number] >= model.max_per_number:
            following = None
            if model.dial_all:
                following = next(
                    (
                        i
                        for i in range(count)
                        if phones[i] and not stopped[i] and attempts_of[i] < model.max_per_number
                    ),
                    None,
                )
            if following is None:
                result.state, result.closed_at = "numbers_exhausted", env.now
                return
            number = following
        if rule.action == "callback":
            yield env.timeout(rule.wait)


def run(model: Model, rows: Sequence[tuple[str, list[str]]], seed: int) -> list[Result]:
    env = simpy.Environment()
    rng = random.Random(seed)
    results = []
    for _, phones in rows:
        result = Result()
        results.append(result)
        first = next((i for i, phone in enumerate(phones) if phone), None)
        if first is None:
            result.state, result.closed_at = "no_numbers", 0
            continue
        env.process(record(env, model, phones, first, rng, result))
    env.run()
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("config", type=Path)
    parser.add_argument("contacts", type=Path)
    parser.add_argument("profile", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start", default="2026-12-01T09:00")
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args(argv)
    start, zone = campaign_start(args.config, args.start)
    model = load_model(args.config, args.profile)
    rows = read_list(args.contacts)
    results = run(model, rows, args.seed)
    write(args.output, rows, results, start, zone)
    return 0


def write(
    output: Path,
    rows: Sequence[tuple[str, list[str]]],
    results: Sequence[Result],
    start: datetime,
    zone: ZoneInfo,
) -> None:
    """The summary and every record, as `recall simulate --format json --no-events` has them."""
    with output.open("w", encoding="utf-8") as out:
        json.dump(document(rows, results, start, zone), out, ensure_ascii=False)


def document(
    rows: Sequence[tuple[str, list[str]]],
    results: Sequence[Result],
    start: datetime,
    zone: ZoneInfo,
) -> dict[str, Any]:
    """`{"summary": …, "records": […]}`, times in `zone`; seconds count from `start`."""
    states = dict.fromkeys(STATES, 0)
    for result in results:
        states[result.state] += 1
    summary = {
        "records": len(results),
        "reached": states["reached"],
        "dials": sum(r.dials for r in results),
        "attempts": sum(r.attempts for r in results),
        "states": states,
    }
    records = [
        {
            "id": record_id,
            "state": r.state,
            "attempts": r.attempts,
            "dials": r.dials,
            "closed_at": None if r.closed_at is None else at(start, r.closed_at, zone),
            "final_status": r.final_status,
        }
        for (record_id, _), r in zip(rows, results, strict=True)
    ]
    return {"summary": summary, "records": records}


def at(start: datetime, seconds: float, zone: ZoneInfo) -> str:
    """The instant `seconds` after `start`, in ISO 8601 in `zone`."""
    return (start + timedelta(seconds=seconds)).astimezone(zone).isoformat()


def campaign_start(config_path: Path, start: str) -> tuple[datetime, ZoneInfo]:
    """The campaign's start as a UTC instant (`start` is read in its zone) and its zone."""
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    zone = ZoneInfo(config.get("timezone", "Europe/Moscow"))
    return datetime.fromisoformat(start).replace(tzinfo=zone).astimezone(UTC), zone


if __name__ == "__main__":
    raise SystemExit(main())
