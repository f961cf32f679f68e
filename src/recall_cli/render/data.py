"""Runs as data: the JSON, JSON Lines and CSV formats of SPEC §8, written as they stream."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from recall_cli.engine import RecordState
from recall_cli.render.run import RunInfo
from recall_cli.simulate.simulator import Event, RecordResult
from recall_cli.simulate.summary import Summary

EVENT_FIELDS = (
    "time",
    "record",
    "number",
    "phone",
    "attempt",
    "number_attempt",
    "repeat",
    "status",
    "then",
    "next_at",
    "next_number",
    "closed",
    "scenario",
)


def header(run: RunInfo) -> dict[str, object]:
    return {
        "campaign": run.policy.name,
        "start": run.start.isoformat(),
        "seed": run.seed,
        "until": run.until.isoformat() if run.until else None,
    }


def summary_data(summary: Summary) -> dict[str, object]:
    return {
        "records": summary.records,
        "reached": summary.reached,
        "dials": summary.dials,
        "attempts": summary.attempts,
        "states": {state.value: summary.states[state] for state in RecordState},
    }


def record_data(result: RecordResult, run: RunInfo) -> dict[str, object]:
    closed = result.closed_at
    return {
        "id": result.contact.id,
        "state": result.state.value,
        "attempts": result.attempts,
        "dials": result.dials,
        "closed_at": None if closed is None else run.clock.at(closed).isoformat(),
        "final_status": None if result.final_status is None else result.final_status.value,
    }


def event_data(event: Event, run: RunInfo) -> dict[str, object]:
    clock = run.clock
    contact = run.contacts[event.record]
    data: dict[str, object] = {
        "time": clock.at(event.time).isoformat(),
        "record": contact.id,
        "number": event.number + 1,
        "phone": contact.phones[event.number],
        "attempt": event.attempt,
        "number_attempt": event.number_attempt,
        "repeat": event.repeat,
        "status": event.status.value,
        "then": event.then.value,
        "next_at": None if event.next_time is None else clock.at(event.next_time).isoformat(),
        "next_number": None if event.next_number is None else event.next_number + 1,
        "closed": None if event.closed is None else event.closed.value,
        "scenario": event.scenario,
    }
    if run.with_durations:
        data["duration"] = event.duration
    return data


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_json(
    out: TextIO,
    run: RunInfo,
    summary: Summary,
    results: Iterable[RecordResult],
    events: Iterator[Event] | None,
) -> None:
    """One JSON document, events last so that they stream from the simulation."""
    head = _dump(header(run))[:-1]
    out.write(f'{head},\n"summary":{_dump(summary_data(summary))},\n"records":[')
    _write_items(out, (record_data(result, run) for result in results))
    out.write("]")
    if events is not None:
        out.write(',\n"events":[')
        _write_items(out, (event_data(event, run) for event in events))
        out.write("]")
    out.write("}\n")


def _write_items(out: TextIO, items: Iterable[dict[str, object]]) -> None:
    first = True
    for item in items:
        out.write("\n" if first else ",\n")
        out.write(_dump(item))
        first = False


def write_jsonl(
    out: TextIO,
    run: RunInfo,
    events: Iterator[Event] | None,
    results: Iterable[RecordResult],
    summary: Summary,
) -> None:
    """One object a line, each with a `type`: the header, every event as it happens, every
    record, then the summary."""
    out.write(_dump({"type": "run", **header(run)}) + "\n")
    if events is not None:
        for event in events:
            out.write(_dump({"type": "event", **event_data(event, run)}) + "\n")
    for result in results:
        out.write(_dump({"type": "record", **record_data(result, run)}) + "\n")
    out.write(_dump({"type": "summary", **summary_data(summary)}) + "\n")


def write_csv(out: TextIO, run: RunInfo, events: Iterator[Event]) -> None:
    """The events as a table, one row a dial, empty cells for nulls."""
    fields = (*EVENT_FIELDS, "duration") if run.with_durations else EVENT_FIELDS
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for event in events:
        data = event_data(event, run)
        writer.writerow(["" if data[name] is None else data[name] for name in fields])
