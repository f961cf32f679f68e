"""Playing a planned run and writing it in the format it asks for.

The json, jsonl and csv paths import no Rich table code: what only the table needs is imported
where the table is drawn, so that a large run to JSON starts fast.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

from recall_cli.cli.output import open_output
from recall_cli.cli.plan import CompareFormat, ComparePlan, RunFormat, RunPlan
from recall_cli.cli.setup import dialer_output
from recall_cli.cli.streamed import write_streamed
from recall_cli.engine import Contact
from recall_cli.loaders import codes
from recall_cli.loaders.contacts.phone_cells import ListProblems, list_problems
from recall_cli.messages import Lang, Message, text
from recall_cli.problems import Location, Problem, RecallError
from recall_cli.render import data, documents
from recall_cli.render.console import error_console, table_console
from recall_cli.render.run import RunInfo
from recall_cli.simulate.dialing import Setup
from recall_cli.simulate.fast import Progressed
from recall_cli.simulate.outcomes import OutcomesExhaustedError
from recall_cli.simulate.random_outcomes import ProfileSource
from recall_cli.simulate.runner import Runner
from recall_cli.simulate.simulator import Event, RecordResult

if TYPE_CHECKING:
    from recall_cli.loaders.config import Campaign

TABLE_WIDTH = 160
PROGRESS_FROM = 20_000
"""Records × passes from which a run shows a progress bar (on a terminal)."""
LONG_TABLE = 2_000
"""Records beyond which a table of timelines is more than anyone reads: the run says so."""
ROWS_SHOWN = 10
"""The rows a note on skipped phone cells lists before it says how many more there are."""


def run(plan: RunPlan, lang: Lang) -> None:
    """Play `plan` once, or `plan.runs` times for figures, and write it; then tell on stderr
    what the list holds that could not be dialled."""
    if plan.streamed is not None:
        info = _info(plan, plan.campaign, None)
        walker = _runner(plan).walker
        note_skipped(
            plan.contacts.file, write_streamed(plan, plan.streamed, info, walker, lang), lang
        )
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
    from recall_cli.simulate import montecarlo  # noqa: PLC0415 (several runs only)

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
                records = documents.json_records(results, info, closings)
                documents.write_json(out, info, summary, records, events, problems)
            else:
                records = documents.jsonl_records(results, info, closings)
                documents.write_jsonl(out, info, events, records, summary, problems)


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
    from recall_cli.simulate import montecarlo  # noqa: PLC0415 (several runs only)

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
