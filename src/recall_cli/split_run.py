"""A run to JSON or JSON Lines without events, split by records across processes.

Records do not interact, and a record's outcomes depend on the seed, the profile and its id
only: a part of a list played alone gives its records exactly the results they have in the
whole run. Each child reads its part of the list, plays it and renders its records; the
parent combines the parts' counts into the run's figures. A list that `read_part` finds
anything unusual in is left to the one-process run, which reports it as it always does.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from operator import attrgetter

from recall_cli.forked import Children, Progressed
from recall_cli.loaders.contacts import ListParts, read_part
from recall_cli.render import data
from recall_cli.render.run import RunInfo
from recall_cli.simulate import fast
from recall_cli.simulate.random_outcomes import ProfileSource
from recall_cli.simulate.summary import Counts, Summary, combine

_ID = attrgetter("id")


@dataclass(frozen=True, slots=True)
class PartRun:
    """What a child sends back: its records rendered, their counts, and their ids joined by
    newlines (which no id of a plain part holds), for repeats across parts to be found."""

    records: str
    counts: Counts
    ids: str


@dataclass(frozen=True, slots=True)
class SplitRun:
    """The parts' rendered records, in list order, and the run's figures."""

    records: list[str]
    summary: Summary


def start(
    listed: ListParts, run: RunInfo, source: ProfileSource, horizon: int | None, jsonl: bool
) -> Children[PartRun | None]:
    """A child for each part of `listed`, playing it at once."""
    machine = fast.Machine(run.policy, source.tables)
    work = partial(_play_part, listed, run, source, machine, horizon, jsonl)
    return Children(work, len(listed.parts))


def finish(children: Children[PartRun | None], progressed: Progressed | None) -> SplitRun | None:
    """The run, once every child has answered; None when some part, or the parts together,
    are not plain (the same id in two of them)."""
    parts = children.gather(progressed)
    if any(part is None for part in parts):
        return None
    done = [part for part in parts if part is not None]
    ids = "\n".join(part.ids for part in done).split("\n")
    if len(set(ids)) != len(ids):
        return None
    return SplitRun([part.records for part in done], combine([part.counts for part in done]))


def _play_part(
    listed: ListParts,
    run: RunInfo,
    source: ProfileSource,
    machine: fast.Machine,
    horizon: int | None,
    jsonl: bool,
    index: int,
    progressed: Progressed,
) -> PartRun | None:
    records = read_part(listed, index)
    if records is None:
        return None
    played = fast.play(machine, records, source, horizon, None, progressed)
    rendered = (data.jsonl_records if jsonl else data.json_records)(played.results, run)
    return PartRun(
        ("" if jsonl else ",\n").join(rendered),
        played.counts(),
        "\n".join(map(_ID, records)),
    )
