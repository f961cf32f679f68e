"""Runs as data: each record, event and summary as the JSON, JSON Lines and CSV formats of
docs/simulate.md#output show them (the JSON documents around them are `documents`'), the CSV
written as it streams, and the figures of several runs and of a comparison."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from json.encoder import encode_basestring as _quote
from typing import TYPE_CHECKING, TextIO

from recall_cli.engine import RecordState, Status, Then
from recall_cli.loaders.contacts.phone_cells import ListProblems
from recall_cli.render.run import RunInfo
from recall_cli.simulate.dialing import Cancellation, DialerFigures, HeldBy
from recall_cli.simulate.simulator import Event, RecordResult
from recall_cli.simulate.summary import SECONDS_PER_HOUR, ClosedBy, Summary

if TYPE_CHECKING:
    # Only several runs' figures name them: a single run does not import Monte Carlo.
    from recall_cli.simulate.montecarlo import Comparison, Interval

Closings = Mapping[int, Cancellation]
"""The records a cancelled dial closed, by list position (`DialerFigures.closings`)."""
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


def summary_data(
    summary: Summary, run: RunInfo, problems: ListProblems | None = None
) -> dict[str, object]:
    """The summary of docs/simulate.md#output, then the figures of issue 3 (ratios rounded to 6
    decimals, times in
    seconds since the start; `dials_by_hour` lists the hours that have dials), then, only
    when the list has any `problems`, `list_problems`: the counts of phone cells and records
    the run could not dial as they stand."""
    spread = summary.time_to_reach
    data: dict[str, object] = {
        "records": summary.records,
        "reached": summary.reached,
        "dials": summary.dials,
        "attempts": summary.attempts,
        "states": {state.value: summary.states[state] for state in RecordState},
        "reach_rate": _ratio(summary.reach_rate),
        "closed_by": {cause.value: summary.closed_by[cause] for cause in ClosedBy},
        "dials_per_record": _ratio(summary.dials_per_record),
        "attempts_per_record": _ratio(summary.attempts_per_record),
        "dials_per_reached": _ratio(summary.dials_per_reached),
        "attempts_per_reached": _ratio(summary.attempts_per_reached),
        "time_to_reach": None
        if spread is None
        else {"median": spread.median, "p90": spread.p90, "max": spread.max},
        "dials_by_status": {
            status.value: summary.dials_by_status.get(status, 0) for status in Status
        },
        "dials_by_hour": [
            {"hour": run.clock.at(hour * SECONDS_PER_HOUR).isoformat(), "dials": dials}
            for hour, dials in summary.dials_by_hour.items()
        ],
    }
    if run.dialer is not None:
        data.update(dialer_data(summary.dialer, run))
    if problems:
        data["list_problems"] = problems.counts()
    return data


def dialer_data(figures: DialerFigures | None, run: RunInfo) -> dict[str, object]:
    """The dialer's summary keys: `end` always, the rest only with their feature (a figure the
    run did not give is null)."""
    assert run.dialer is not None
    end = None if figures is None else figures.end
    data: dict[str, object] = {"end": None if end is None else run.clock.at(end).isoformat()}
    if run.dialer.lines:
        found = None if figures is None else figures.lines
        data["lines"] = (
            None
            if found is None
            else {
                "utilisation": _ratio(found.utilisation),
                "waited_for_line": found.waited_for_line,
                "median": _whole(found.median),
                "p90": found.p90,
                "max": found.max,
            }
        )
    if run.dialer.hours:
        data["held_by_hours"] = None if figures is None else figures.held_by_hours
    if run.dialer.zones:
        data["zone_fallback"] = None if figures is None else figures.zone_fallback
    if run.dialer.caps:
        data["held_by_caps"] = None if figures is None else figures.held_by_caps
    if run.dialer.do_not_call:
        data["do_not_call"] = None if figures is None else figures.do_not_call
    if run.dialer.cancelled:
        data["cancelled"] = None if figures is None else figures.cancelled
    return data


def _whole(value: float) -> float | int:
    """`value` as a whole number when it is one (a median of two middle waits may not be)."""
    return int(value) if float(value).is_integer() else value


def _ratio(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def record_data(
    result: RecordResult, run: RunInfo, closings: Closings | None = None
) -> dict[str, object]:
    """A record's object; with cancellations in the run (`run.dialer.cancelled`), its
    `cancelled`: null, or what closed it when a cancelled dial did (`closings`)."""
    closed = result.closed_at
    data: dict[str, object] = {
        "id": result.contact.id,
        "state": result.state.value,
        "attempts": result.attempts,
        "dials": result.dials,
        "closed_at": None if closed is None else run.clock.at(closed).isoformat(),
        "final_status": None if result.final_status is None else result.final_status.value,
    }
    if run.dialer is not None and run.dialer.cancelled:
        found = None if closings is None else closings.get(result.position)
        data["cancelled"] = None if found is None else cancellation_data(found, run)
    return data


def cancellation_data(found: Cancellation, run: RunInfo) -> dict[str, object]:
    """A record's `cancelled`: when its dial was cancelled, which number (1-based), why
    (`campaign_stop` or `do_not_call`) and, for a stop, the id of the record that stopped it."""
    by = None if found.by is None else run.contacts[found.by].id
    return {
        "at": run.clock.at(found.at).isoformat(),
        "number": found.number + 1,
        "reason": "do_not_call" if found.by is None else "campaign_stop",
        "by": by,
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
    if run.dialer is not None:
        data["due"] = clock.at(event.time if event.due is None else event.due).isoformat()
        data["held_by"] = [reason.value for reason in event.held_by]
    return data


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# Records and events are written a line each, a million of them in a large run: they are
# formatted by hand, exactly as `_dump` of `record_data` / `event_data` (a test compares).
_STATE_JSON = {state: f'"{state.value}"' for state in RecordState}
_STATUS_JSON = {status: f'"{status.value}"' for status in Status}
_THEN_JSON = {then: f'"{then.value}"' for then in Then}
_HELD_JSON = {reason: f'"{reason.value}"' for reason in HeldBy}


def record_json(result: RecordResult, run: RunInfo, closings: Closings | None = None) -> str:
    """`record_data` as compact JSON."""
    closed = result.closed_at
    final = result.final_status
    # The clock's text needs no escaping: digits, "-", ":", "T" and "+".
    closed_at = "null" if closed is None else '"' + run.clock.iso(closed) + '"'
    text = (
        f'{{"id":{_quote(result.contact.id)},"state":{_STATE_JSON[result.state]},'
        f'"attempts":{result.attempts},"dials":{result.dials},"closed_at":{closed_at},'
        f'"final_status":{"null" if final is None else _STATUS_JSON[final]}'
    )
    if run.dialer is None or not run.dialer.cancelled:
        return text + "}"
    found = None if closings is None else closings.get(result.position)
    cancelled = "null" if found is None else _dump(cancellation_data(found, run))
    return f'{text},"cancelled":{cancelled}}}'


# A record's `final_status`, null when no dial ended it.
_FINAL_JSON: dict[Status | None, str] = {status: f'"{status.value}"' for status in Status}
_FINAL_JSON[None] = "null"


def records_json(
    results: Iterable[RecordResult],
    run: RunInfo,
    closings: Closings | None = None,
    lead: str = "{",
) -> list[str]:
    """Each of `results` as `record_json` writes it, its opening brace replaced by `lead` (JSON
    Lines put their `type` there): a chunk in one expression, with no function of ours called
    a record but the clock's (the records of a large run)."""
    if run.dialer is not None and run.dialer.cancelled:
        return [lead + record_json(result, run, closings)[1:] for result in results]
    quote, states, finals, iso = _quote, _STATE_JSON, _FINAL_JSON, run.clock.iso
    # A record unpacked whole: its fields by position cost less than by name (a field added to
    # RecordResult fails here and in the test that compares). The clock's text needs no escaping.
    return [
        f'{lead}"id":{quote(contact.id)},"state":{states[state]},"attempts":{attempts},'
        f'"dials":{dials},"closed_at":null,"final_status":{finals[final]}}}'
        if closed is None
        else f'{lead}"id":{quote(contact.id)},"state":{states[state]},"attempts":{attempts},'
        f'"dials":{dials},"closed_at":"{iso(closed)}","final_status":{finals[final]}}}'
        for _, contact, state, attempts, dials, closed, final, _ in results
    ]


def event_json(event: Event, run: RunInfo) -> str:
    """`event_data` as compact JSON."""
    clock = run.clock
    contact = run.contacts[event.record]
    following = event.next_time
    after = event.next_number
    closed = event.closed
    scenario = event.scenario
    duration = f',"duration":{event.duration}' if run.with_durations else ""
    if run.dialer is not None:
        due = event.time if event.due is None else event.due
        held = ",".join(_HELD_JSON[reason] for reason in event.held_by)
        duration += f',"due":"{clock.iso(due)}","held_by":[{held}]'
    return (
        f'{{"time":"{clock.iso(event.time)}","record":{_quote(contact.id)},'
        f'"number":{event.number + 1},"phone":{_quote(contact.phones[event.number])},'
        f'"attempt":{event.attempt},"number_attempt":{event.number_attempt},'
        f'"repeat":{event.repeat},"status":{_STATUS_JSON[event.status]},'
        f'"then":{_THEN_JSON[event.then]},'
        f'"next_at":{"null" if following is None else _quote(clock.iso(following))},'
        f'"next_number":{"null" if after is None else after + 1},'
        f'"closed":{"null" if closed is None else _STATE_JSON[closed]},'
        f'"scenario":{"null" if scenario is None else _quote(scenario)}{duration}}}'
    )


# A spreadsheet reads a cell starting with one of these as a formula (or, after a tab or a
# CR, may strip them and then read one).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# What may start that way and still be data: a plain number (-3, +2.5) or a phone
# (+7 916 123-45-67, +1 (202) 555-0100).
_PLAIN = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?|\+?[0-9(][0-9 ().\-]*")


def neutral(cell: str) -> str:
    """`cell` made safe to open in a spreadsheet: a cell that would start a formula is
    prefixed with a single quote, unless it is a plain number or a phone."""
    if cell.startswith(_FORMULA_START) and _PLAIN.fullmatch(cell) is None:
        return "'" + cell
    return cell


def write_csv(out: TextIO, run: RunInfo, events: Iterator[Event]) -> None:
    """The events as a table, one row a dial, empty cells for nulls; text from the inputs
    (ids, phones, scenarios) goes through `neutral`."""
    fields = (*EVENT_FIELDS, "duration") if run.with_durations else EVENT_FIELDS
    if run.dialer is not None:
        fields = (*fields, "due", "held_by")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for event in events:
        data = event_data(event, run)
        writer.writerow([_csv_cell(data[name]) for name in fields])


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, list):  # `held_by`: its reasons joined by "+"
        return "+".join(value)
    return neutral(value) if isinstance(value, str) else value


def interval_data(found: Interval | None) -> dict[str, float | None] | None:
    """{"mean", "low", "high"} rounded to 6 decimals; low and high are null with one run."""
    if found is None:
        return None
    return {"mean": _ratio(found.mean), "low": _ratio(found.low), "high": _ratio(found.high)}


def write_runs(out: TextIO, run: RunInfo, runs: int, found: dict[str, Interval | None]) -> None:
    """The figures of `runs` runs (seeds seed…seed+runs−1): each one's mean and 95 % interval."""
    document = {
        **header(run),
        "runs": runs,
        "figures": {key: interval_data(figure) for key, figure in found.items()},
    }
    out.write(_dump(document) + "\n")


def write_compare(
    out: TextIO,
    runs: tuple[RunInfo, RunInfo],
    files: tuple[str, str],
    count: int,
    comparison: Comparison,
) -> None:
    """Two policies' figures on the same outcomes, and B − A and (B − A) / A per figure."""
    first, second = runs
    document = {
        "a": {"campaign": first.policy.name, "config": files[0]},
        "b": {"campaign": second.policy.name, "config": files[1]},
        "start": first.start.isoformat(),
        "seed": first.seed,
        "until": first.until.isoformat() if first.until else None,
        "runs": count,
        "figures": {
            key: {
                "a": interval_data(comparison.a[key]),
                "b": interval_data(comparison.b[key]),
                "difference": interval_data(comparison.difference[key]),
                "relative": interval_data(comparison.relative[key]),
            }
            for key in comparison.a
        },
    }
    out.write(_dump(document) + "\n")
