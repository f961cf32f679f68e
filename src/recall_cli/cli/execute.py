"""Playing a planned run and writing it in the format it asks for.

The json, jsonl and csv paths import no Rich table code: what only the table needs is imported
where the table is drawn, so that a large run to JSON starts fast.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, TextIO

from recall_cli.cli.output import copy_spool, open_output, replaced, spool
from recall_cli.cli.plan import CompareFormat, ComparePlan, RunFormat, RunPlan, Streamed
from recall_cli.cli.setup import dialer_output
from recall_cli.engine import Contact
from recall_cli.loaders import codes
from recall_cli.loaders.contacts.phone_cells import ListProblems, combined, list_problems
from recall_cli.loaders.contacts.reading import ListReading
from recall_cli.messages import Lang, Message, text
from recall_cli.problems import Location, Problem, RecallError, errors_in
from recall_cli.render import data
from recall_cli.render.console import error_console, table_console
from recall_cli.render.run import RunInfo
from recall_cli.simulate import arrayed, loop, montecarlo, streaming
from recall_cli.simulate.dialing import Setup
from recall_cli.simulate.fast import Progressed
from recall_cli.simulate.outcomes import OutcomesExhaustedError
from recall_cli.simulate.random_outcomes import ProfileSource
from recall_cli.simulate.runner import Runner
from recall_cli.simulate.simulator import Event, RecordResult
from recall_cli.simulate.summary import Counts, Summary, combine, count
from recall_cli.simulate.walk import Walker

if TYPE_CHECKING:
    from recall_cli.loaders.config import Campaign

TABLE_WIDTH = 160
PROGRESS_FROM = 20_000
"""Records × passes from which a run shows a progress bar (on a terminal)."""
PROGRESS_BYTES = 1 << 20
"""The size of a list from which a streamed run, which does not count its records before it
plays them, shows a progress bar (on a terminal): some 10,000 records."""
LONG_TABLE = 2_000
"""Records beyond which a table of timelines is more than anyone reads: the run says so."""
ROWS_SHOWN = 10
"""The rows a note on skipped phone cells lists before it says how many more there are."""


def run(plan: RunPlan, lang: Lang) -> None:
    """Play `plan` once, or `plan.runs` times for figures, and write it; then tell on stderr
    what the list holds that could not be dialled."""
    if plan.streamed is not None:
        note_skipped(plan.contacts.file, _write_streamed(plan, plan.streamed, lang), lang)
        return
    problems = list_problems(played(plan))
    if plan.runs > 1:
        _write_runs(plan, lang)
    else:
        try:
            _write_run(plan, problems, lang)
        except OutcomesExhaustedError as error:
            assert plan.script is not None  # a profile never runs out
            values = {"record": error.record, "number": error.number, "phone": error.phone}
            raise RecallError(
                [
                    Problem(
                        Location(str(plan.script)),
                        codes.OUTCOMES_EXHAUSTED,
                        Message("script.exhausted", values),
                    )
                ]
            ) from None
    note_skipped(plan.contacts.file, problems, lang)


def compare(plan: ComparePlan, lang: Lang) -> None:
    """Play both campaigns `plan.runs` times, run by run on the same seeds, and write their
    figures side by side."""
    source = plan.outcomes.source
    assert isinstance(source, ProfileSource)
    records, until, only = plan.contacts.records, plan.horizon.seconds, plan.selection
    setups = _played_setups(plan.setups)
    epoch = plan.clock.epoch
    with progress(plan.size * plan.runs * 2, lang) as advance:
        summaries = [
            montecarlo.runs(
                campaign.policy, records, source, plan.runs, until, only, advance, setup, epoch
            )
            for campaign, setup in zip(plan.campaigns, setups, strict=True)
        ]
    shown = montecarlo.chosen(*plan.setups)
    comparison = montecarlo.compare(summaries[0], summaries[1], shown)
    first, second = plan.campaigns
    with open_output(plan.output) as out:
        if plan.output_format is CompareFormat.JSON:
            infos = (_info(plan, first, plan.setups[0]), _info(plan, second, plan.setups[1]))
            data.write_compare(out, infos, (first.file, second.file), plan.runs, comparison)
            return

        from recall_cli.render.montecarlo import compare_table  # noqa: PLC0415

        console = table_console(out if plan.output is not None else None, TABLE_WIDTH)
        names = (first.policy.name, second.policy.name)
        console.print(compare_table(names, plan.seed, plan.runs, comparison, lang))


def _played_setups(
    setups: tuple[Setup | None, Setup | None],
) -> tuple[Setup | None, Setup | None]:
    """The dialers the two campaigns play through: when one has a dialer, the other plays
    through one that holds nothing (the same dials at the same times), so that the dialer's
    figures, its campaign's end first, exist on both sides."""
    if setups == (None, None):
        return setups
    first, second = (Setup(None, None, ()) if setup is None else setup for setup in setups)
    return first, second


def played(plan: RunPlan) -> tuple[Contact, ...]:
    """The records a run plays: those `--record` names, or all."""
    records = plan.contacts.records
    if plan.selection is None:
        return records
    wanted = set(plan.selection)
    return tuple(contact for contact in records if contact.id in wanted)


def note_skipped(file: str, problems: ListProblems, lang: Lang) -> None:
    """Tell on stderr, a line each, what the list holds that the run could not dial as it
    stands; nothing when it holds nothing of the kind."""
    for line in skipped_lines(problems, lang):
        sys.stderr.write(f"{file}: {line}\n")


def skipped_lines(problems: ListProblems, lang: Lang) -> list[str]:
    """A line for each kind of problem the list has: how many, and on which rows."""
    kinds = (
        ("simulate.skipped.no_number", problems.no_number),
        ("simulate.skipped.excel", problems.excel),
        ("simulate.skipped.letters", problems.letters),
        ("simulate.skipped.no_dialable", problems.no_dialable),
    )
    found: list[str] = []
    for key, lines in kinds:
        if not lines:
            continue
        rows = list(dict.fromkeys(lines))
        shown = ", ".join(map(str, rows[:ROWS_SHOWN]))
        if len(rows) > ROWS_SHOWN:
            shown = text(lang, "simulate.skipped.more", shown=shown, more=len(rows) - ROWS_SHOWN)
        found.append(text(lang, key, count=len(lines), lines=len(rows), rows=shown))
    return found


@contextlib.contextmanager
def progress(total: int, lang: Lang, key: str = "progress.records") -> Iterator[Progressed | None]:
    """A progress bar on stderr for `total` record-passes, when stderr is a terminal and the
    work is long enough to be worth one; otherwise nothing."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield None
        return
    from recall_cli.render.progress import progress_bar  # noqa: PLC0415 (Rich, terminal only)

    with progress_bar(total, text(lang, key)) as advance:
        yield advance


def _info(plan: RunPlan | ComparePlan, campaign: Campaign, setup: Setup | None) -> RunInfo:
    outcomes = plan.outcomes
    shown = None
    if isinstance(plan, RunPlan) and plan.whole and plan.selection is not None:
        wanted = set(plan.selection)
        records = plan.contacts.records
        shown = frozenset(i for i, contact in enumerate(records) if contact.id in wanted)
    return RunInfo(
        campaign.policy,
        plan.contacts.records,
        plan.clock,
        outcomes.seed,
        plan.horizon.at,
        outcomes.timed,
        outcomes.profile,
        dialer_output(setup, outcomes.scripted_durations, campaign.policy),
        shown,
    )


def _runner(plan: RunPlan) -> Runner:
    return Runner(
        plan.campaign.policy,
        plan.contacts.records,
        plan.outcomes.source,
        plan.horizon.seconds,
        None if plan.whole else plan.selection,
        setup=plan.setup,
        clock=plan.clock,
    )


def _shown_results(results: Iterable[RecordResult], run: RunInfo) -> Iterable[RecordResult]:
    """The results of the records shown: all, or those `--record` chose of a whole run."""
    shown = run.shown
    if shown is None:
        return results
    return (result for result in results if result.position in shown)


def _shown_events(events: Iterator[Event], run: RunInfo) -> Iterator[Event]:
    """The events of the records shown, as `_shown_results`."""
    shown = run.shown
    if shown is None:
        return events
    return (event for event in events if event.record in shown)


def _write_run(plan: RunPlan, problems: ListProblems, lang: Lang) -> None:
    info, runner = _info(plan, plan.campaign, plan.setup), _runner(plan)
    size = len(plan.contacts.records) if plan.whole else plan.size
    with open_output(plan.output) as out:
        if plan.output_format is RunFormat.TABLE:
            _table(out, info, runner, plan.output is not None, plan.no_events, lang)
            if not plan.no_events and size > LONG_TABLE:
                note = text(lang, "note.long_table", records=size)
                error_console().print(note, markup=False)
            return
        if plan.output_format is RunFormat.CSV:
            with progress(size, lang) as advance:
                data.write_csv(out, info, _shown_events(runner.events(advance), info))
            return
        # The run is deterministic: play it once for the figures, which JSON puts first, then
        # again to stream its events in order, so memory never holds the events.
        passes = 1 if plan.no_events else 2
        with progress(size * passes, lang) as advance:
            played, summary = runner.play(advance)
            results = _shown_results(played, info)
            events = None if plan.no_events else _shown_events(runner.events(advance), info)
            closings = None if summary.dialer is None else summary.dialer.closings
            if plan.output_format is RunFormat.JSON:
                records = data.json_records(results, info, closings)
                data.write_json(out, info, summary, records, events, problems)
            else:
                records = data.jsonl_records(results, info, closings)
                data.write_jsonl(out, info, events, records, summary, problems)


def _write_streamed(plan: RunPlan, streamed: Streamed, lang: Lang) -> ListProblems:
    """A Part I run of a list read a chunk at a time, to JSON or JSON Lines, and what the list
    holds that could not be dialled.

    One pass reads the list, checks it and plays it: each chunk's records go to a spool as
    they end and its figures are counted, and JSON Lines' events, which come before the
    records, are merged in the same pass. Nothing reaches the output before the list is read
    to its end, so an error found anywhere in it leaves no output at all. JSON's events come
    after its records and the summary: they are merged from the list read again. Only a
    chunk of the list and the records in progress are ever held."""
    info = _info(plan, plan.campaign, None)
    walker, until = _runner(plan).walker, plan.horizon.seconds
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
            data.write_jsonl_opening(early, shown, merged)
        # Once the merge has let go of its records: comparing the ids holds them all.
        summary, problems = playing.end()
        if json:
            out.write(data.json_opening(info, summary, problems))
            copy_spool(spooled, out)
            events = None
            if not plan.no_events:
                events = streaming.streamed(walker, streamed.reading.chunks(), roster, until)
            data.write_json_closing(out, shown, events)
            return problems
        if plan.no_events:
            data.write_jsonl_opening(out, shown, None)
        if early is not out:
            copy_spool(early, out)
        copy_spool(spooled, out)
        out.write(data.jsonl_closing(info, summary, problems))
    return problems


def _records_writer(
    spooled: TextIO, info: RunInfo, json: bool
) -> Callable[[list[RecordResult]], None]:
    """What writes a chunk's results to the spool, as records of the JSON document or lines."""
    if not json:

        def lines(results: list[RecordResult]) -> None:
            for chunk in data.jsonl_records(results, info):
                spooled.write(chunk)

        return lines
    written = False

    def items(results: list[RecordResult]) -> None:
        nonlocal written
        items = data.json_records(results, info)
        written = data.write_json_items(spooled, items, first=not written) or written

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


def _table(
    out: TextIO, run: RunInfo, runner: Runner, to_file: bool, no_events: bool, lang: Lang
) -> None:
    """Every record's timeline and the summary; with `no_events`, the summary alone."""
    from recall_cli.render.timeline import render_run, summary_table  # noqa: PLC0415

    results, summary = runner.play()
    console = table_console(out if to_file else None, TABLE_WIDTH)
    if no_events:
        console.print(summary_table(run, summary, lang))
        return
    timeline = list(_shown_events(runner.events(), run))
    render_run(console, run, timeline, list(_shown_results(results, run)), summary, lang)


def _write_runs(plan: RunPlan, lang: Lang) -> None:
    source = plan.outcomes.source
    assert isinstance(source, ProfileSource)
    policy = plan.campaign.policy
    # With lines records wait for each other: every run plays the whole list, as one run does.
    only = None if plan.whole else plan.selection
    size = len(plan.contacts.records) if plan.whole else plan.size
    with progress(size * plan.runs, lang) as advance:
        summaries = montecarlo.runs(
            policy,
            plan.contacts.records,
            source,
            plan.runs,
            plan.horizon.seconds,
            only,
            advance,
            plan.setup,
            plan.clock.epoch,
        )
    found = montecarlo.figures(summaries, montecarlo.chosen(plan.setup))
    with open_output(plan.output) as out:
        if plan.output_format is RunFormat.JSON:
            data.write_runs(out, _info(plan, plan.campaign, plan.setup), plan.runs, found)
            return

        from recall_cli.render.montecarlo import runs_table  # noqa: PLC0415

        console = table_console(out if plan.output is not None else None, TABLE_WIDTH)
        seed = plan.outcomes.seed if plan.outcomes.seed is not None else 0
        console.print(runs_table(policy.name, seed, plan.runs, found, lang))
