"""A streamed run: a Part I run of a list read a chunk at a time, checked and played in one pass,
to JSON or JSON Lines, its records spooled until the list has been read to its end.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TextIO

from recall_cli.cli.output import copy_spool, open_output, replaced, spool
from recall_cli.cli.plan import RunFormat, RunPlan, Streamed
from recall_cli.engine import Contact
from recall_cli.loaders.contacts.phone_cells import ListProblems, combined, list_problems
from recall_cli.loaders.contacts.reading import ListReading
from recall_cli.messages import Lang, text
from recall_cli.problems import Problem, RecallError, errors_in
from recall_cli.render import documents
from recall_cli.render.run import RunInfo
from recall_cli.simulate import arrayed, loop, streaming
from recall_cli.simulate.fast import Progressed
from recall_cli.simulate.simulator import RecordResult
from recall_cli.simulate.summary import Counts, Summary, combine, count
from recall_cli.simulate.walk import Walker

PROGRESS_BYTES = 1 << 20
"""The size of a list from which a streamed run, which does not count its records before it
plays them, shows a progress bar (on a terminal): some 10,000 records."""


def write_streamed(
    plan: RunPlan, streamed: Streamed, info: RunInfo, walker: Walker, lang: Lang
) -> ListProblems:
    """A Part I run of a list read a chunk at a time, to JSON or JSON Lines, and what the list
    holds that could not be dialled.

    One pass reads the list, checks it and plays it: each chunk's records go to a spool as
    they end and its figures are counted, and JSON Lines' events, which come before the
    records, are merged in the same pass. Nothing reaches the output before the list is read
    to its end, so an error found anywhere in it leaves no output at all. JSON's events come
    after its records and the summary: they are merged from the list read again. Only a
    chunk of the list and the records in progress are ever held."""
    until = plan.horizon.seconds
    roster = streaming.Roster()
    shown = replace(info, contacts=roster)
    json = plan.output_format is RunFormat.JSON
    with (
        open_output(plan.output) as out,
        spool(plan.output) as spooled,
        contextlib.ExitStack() as stack,
        _streamed_progress(streamed, lang) as advance,
    ):
        # A run that writes its events spends its time merging them, not playing: numpy's
        # import would cost it memory (about 20 MiB) for little time.
        arrays = (
            plan.no_events
            and walker.machine is not None
            and arrayed.arrayed_file(walker.machine, streamed.file_size)
        )
        playing = _Playing(
            streamed.reading, walker, until, _records_writer(spooled, info, json), arrays
        )
        early = out
        if json or plan.no_events:
            for _ in playing.chunks(advance):
                pass
        else:
            # The events lead: straight to a file that appears only when the run ends,
            # otherwise to a spool of their own.
            early = out if replaced(plan.output) else stack.enter_context(spool(plan.output))
            merged = streaming.streamed(walker, playing.chunks(advance), roster, until)
            documents.write_jsonl_opening(early, shown, merged)
        # Once the merge has let go of its records: comparing the ids holds them all.
        summary, problems = playing.end()
        if json:
            out.write(documents.json_opening(info, summary, problems))
            copy_spool(spooled, out)
            events = None
            if not plan.no_events:
                events = streaming.streamed(walker, streamed.reading.chunks(), roster, until)
            documents.write_json_closing(out, shown, events)
            return problems
        if plan.no_events:
            documents.write_jsonl_opening(out, shown, None)
        if early is not out:
            copy_spool(early, out)
        copy_spool(spooled, out)
        out.write(documents.jsonl_closing(info, summary, problems))
    return problems


def _records_writer(
    spooled: TextIO, info: RunInfo, json: bool
) -> Callable[[list[RecordResult]], None]:
    """What writes a chunk's results to the spool, as records of the JSON document or lines."""
    if not json:

        def lines(results: list[RecordResult]) -> None:
            for chunk in documents.jsonl_records(results, info):
                spooled.write(chunk)

        return lines
    written = False

    def items(results: list[RecordResult]) -> None:
        nonlocal written
        items = documents.json_records(results, info)
        written = documents.write_json_items(spooled, items, first=not written) or written

    return items


class _Playing:
    """The one pass of a streamed run over its list: each chunk is checked as it is read and
    played, its results handed to `write`, its figures and undialable phone cells counted.
    From the first chunk with an error on, nothing more is played: the list is read on only
    to check it, and `end` raises its errors (`RecallError`)."""

    def __init__(
        self,
        reading: ListReading,
        walker: Walker,
        until: int | None,
        write: Callable[[list[RecordResult]], None],
        arrays: bool = False,
    ) -> None:
        self.walker, self.until, self.write, self.arrays = walker, until, write, arrays
        self.parts: list[Counts] = []
        self.cells: list[ListProblems] = []
        self.problems: list[Problem] = []
        self.checking = reading.checking(self.problems)

    def chunks(self, advance: Progressed | None) -> Iterator[list[Contact]]:
        """Each chunk once played, for the events' merge to take up in the same pass."""
        problems = self.problems
        seen, failed = 0, False
        for chunk in self.checking.chunks():
            if len(problems) > seen:
                failed = failed or bool(errors_in(problems[seen:]))
                seen = len(problems)
            if failed:
                continue
            played = loop.play(self.walker, chunk, self.until, None, advance, self.arrays)
            self.parts.append(count(played.results, played.tally))
            self.cells.append(list_problems(chunk))
            self.write(played.results)
            yield chunk

    def end(self) -> tuple[Summary, ListProblems]:
        """The run's figures and the list's undialable cells, once the chunks are spent; then
        the list checked as a whole: a `RecallError` with every error it has, in list order.
        The figures are summed first, so that their parts are let go of before the ids are
        compared: the two never peak together."""
        summary, cells = combine(self.parts), combined(self.cells)
        self.parts.clear()
        self.checking.end()
        errors = errors_in(self.problems)
        if errors:
            raise RecallError(sorted(errors, key=lambda problem: problem.location))
        return summary, cells


@contextlib.contextmanager
def _streamed_progress(streamed: Streamed, lang: Lang) -> Iterator[Progressed | None]:
    """A progress bar of the records played, with no total (the list is not counted before
    it plays), for a list of at least `PROGRESS_BYTES` on a terminal; otherwise nothing."""
    if streamed.file_size is None or streamed.file_size < PROGRESS_BYTES or not sys.stderr.isatty():
        yield None
        return
    from recall_cli.render.progress import progress_bar  # noqa: PLC0415 (Rich, terminal only)

    with progress_bar(None, text(lang, "progress.records")) as advance:
        yield advance
