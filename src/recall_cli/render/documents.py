"""The JSON document and the JSON Lines of a run, written as they stream: records and events
(`data.records_json` a chunk at a time, `data.event_json`) joined into chunks, the header and
the summary around them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TextIO

from recall_cli.loaders.contacts.phone_cells import ListProblems
from recall_cli.render.data import Closings, _dump, event_json, header, records_json, summary_data
from recall_cli.render.run import RunInfo
from recall_cli.simulate.simulator import Event, RecordResult
from recall_cli.simulate.summary import Summary

WRITE_EVERY = 4096
"""Records or events joined into one write: a write a line costs more than the formatting."""


def json_records(
    results: Iterable[RecordResult], run: RunInfo, closings: Closings | None = None
) -> Iterator[str]:
    """The records' JSON objects, `WRITE_EVERY` a chunk, joined by ",\n" within a chunk."""
    for chunk in _chunks(results):
        yield ",\n".join(records_json(chunk, run, closings))


def jsonl_records(
    results: Iterable[RecordResult], run: RunInfo, closings: Closings | None = None
) -> Iterator[str]:
    """The records' JSON Lines, `WRITE_EVERY` a chunk."""
    for chunk in _chunks(results):
        yield "\n".join(records_json(chunk, run, closings, _RECORD_LINE)) + "\n"


_RECORD_LINE = '{"type":"record",'
"""How a record's line opens in JSON Lines."""


def _chunks(results: Iterable[RecordResult]) -> Iterator[list[RecordResult]]:
    """`results` `WRITE_EVERY` at a time; none when there are none."""
    items = iter(results)
    while chunk := list(islice(items, WRITE_EVERY)):
        yield chunk


def _joined(items: Iterator[str], separator: str) -> Iterator[str]:
    """`items` joined by `separator`, `WRITE_EVERY` a chunk: a write an item costs more than
    formatting it."""
    while chunk := list(islice(items, WRITE_EVERY)):
        yield separator.join(chunk)


def write_json(
    out: TextIO,
    run: RunInfo,
    summary: Summary,
    records: Iterable[str],
    events: Iterator[Event] | None,
    problems: ListProblems | None = None,
) -> None:
    """One JSON document, events last so that they stream from the simulation. `records` are
    chunks of `json_records`, in list order, however the records were split into them; the
    summary tells the list's `problems`, if any."""
    out.write(json_opening(run, summary, problems))
    _write_items(out, records)
    write_json_closing(out, run, events)


def json_opening(run: RunInfo, summary: Summary, problems: ListProblems | None = None) -> str:
    """The JSON document up to its records' first: the header and the summary."""
    head = _dump(header(run))[:-1]
    figures = _dump(summary_data(summary, run, problems))
    return f'{head},\n"summary":{figures},\n"records":['


def write_json_items(out: TextIO, records: Iterable[str], first: bool = True) -> bool:
    """The records of the JSON document (chunks of `json_records`), as `write_json` writes
    them between `json_opening` and `write_json_closing`; not `first` when records were
    written before them. Whether any record was written."""
    return _write_items(out, records, "\n" if first else ",\n")


def write_json_closing(out: TextIO, run: RunInfo, events: Iterator[Event] | None) -> None:
    """The JSON document after its records: the events, if any, and its end."""
    out.write("]")
    if events is not None:
        out.write(',\n"events":[')
        _write_items(out, _joined((event_json(event, run) for event in events), ",\n"))
        out.write("]")
    out.write("}\n")


def _write_items(out: TextIO, chunks: Iterable[str], separator: str = "\n") -> bool:
    """Chunks of items joined by ",\n", each item on its own line after a comma (the first
    after `separator`); empty chunks are skipped. Whether any item was written."""
    write = out.write
    written = False
    for chunk in chunks:
        if chunk:
            write(separator + chunk)
            separator = ",\n"
            written = True
    return written


def write_jsonl(
    out: TextIO,
    run: RunInfo,
    events: Iterator[Event] | None,
    records: Iterable[str],
    summary: Summary,
    problems: ListProblems | None = None,
) -> None:
    """One object a line, each with a `type`: the header, every event as it happens, every
    record (`records`: chunks of `jsonl_records`, in list order), then the summary (with the
    list's `problems`, if any)."""
    write_jsonl_opening(out, run, events)
    for chunk in records:
        out.write(chunk)
    out.write(jsonl_closing(run, summary, problems))


def write_jsonl_opening(out: TextIO, run: RunInfo, events: Iterator[Event] | None) -> None:
    """The JSON Lines up to the records': the header and every event."""
    out.write(_dump({"type": "run", **header(run)}) + "\n")
    write = out.write
    if events is not None:
        lines = ('{"type":"event",' + event_json(event, run)[1:] + "\n" for event in events)
        for chunk in _joined(lines, ""):
            write(chunk)


def jsonl_closing(run: RunInfo, summary: Summary, problems: ListProblems | None = None) -> str:
    """The JSON Lines' last: the summary."""
    return _dump({"type": "summary", **summary_data(summary, run, problems)}) + "\n"
