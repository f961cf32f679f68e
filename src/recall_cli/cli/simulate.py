"""`recall simulate`: wire options to the loaders, the simulator and a renderer.

The json, jsonl and csv paths import no Rich table code: what only the table needs is imported
where the table is drawn, so that a large run to JSON starts fast.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO
from zoneinfo import ZoneInfo

import typer

from recall_cli.cli.common import (
    EncodingOption,
    LangOption,
    ListArgument,
    OutputOption,
    ProfileOption,
    RecordOption,
    UntilOption,
    fail,
    reported,
    resolve_lang,
)
from recall_cli.cli.output import check_output, open_output
from recall_cli.engine import Contact, Status
from recall_cli.loaders import codes
from recall_cli.loaders.contacts import ContactList, load_list
from recall_cli.loaders.default_profile import NAME as BUILTIN_PROFILE
from recall_cli.loaders.default_profile import default_profile
from recall_cli.loaders.gc_pause import paused_gc
from recall_cli.loaders.phone_cells import ListProblems, list_problems
from recall_cli.messages import Lang, Message, text
from recall_cli.problems import ExitCode, Location, Problem, RecallError
from recall_cli.render import data
from recall_cli.render.console import error_console, table_console
from recall_cli.render.run import RunInfo
from recall_cli.simulate import montecarlo
from recall_cli.simulate.clock import FIRST_YEAR, LAST_YEAR, Clock, in_calendar
from recall_cli.simulate.fast import Progressed
from recall_cli.simulate.outcomes import OutcomesExhaustedError, OutcomeSource, ScriptSource
from recall_cli.simulate.random_outcomes import ProfileSource
from recall_cli.simulate.runner import Runner

if TYPE_CHECKING:  # the YAML loaders import pydantic: imported when a config is read, not at start
    from recall_cli.engine import Profile
    from recall_cli.loaders.config import Campaign

# Beyond this, intervals are already far narrower than any policy difference worth acting on.
MAX_RUNS = 10_000
TABLE_WIDTH = 160
PROGRESS_FROM = 20_000
"""Records × passes from which a run shows a progress bar (on a terminal)."""
LONG_TABLE = 2_000
"""Records beyond which a table of timelines is more than anyone reads: the run says so."""
ROWS_SHOWN = 10
"""The rows a note on skipped phone cells lists before it says how many more there are."""


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


def register(app: typer.Typer) -> None:
    app.command("simulate")(simulate_command)


def simulate_command(
    config: Annotated[Path, typer.Argument(metavar="CONFIG", help="Campaign config (YAML).")],
    contact_list: ListArgument,
    script: Annotated[
        Path | None, typer.Option("--script", help="Outcome script (YAML): exact results.")
    ] = None,
    profile: ProfileOption = None,
    seed: Annotated[int, typer.Option(help="Seed of random outcomes.")] = 0,
    runs: Annotated[
        int, typer.Option(help="Simulate N times (seeds seed…seed+N−1): figures with intervals.")
    ] = 1,
    start: Annotated[
        str | None,
        typer.Option(
            help="Campaign start, ISO 8601 (campaign zone if no offset); default: next full hour."
        ),
    ] = None,
    until: UntilOption = None,
    record: RecordOption = None,
    output_format: Annotated[
        Format, typer.Option("--format", help="Output format.")
    ] = Format.TABLE,
    output: OutputOption = None,
    no_events: Annotated[
        bool,
        typer.Option(
            "--no-events",
            help="Leave events out: json/jsonl records without events, a table with the summary "
            "only.",
        ),
    ] = False,
    encoding: EncodingOption = None,
    lang: LangOption = None,
) -> None:
    """Play dial outcomes through the retry engine and show each record's timeline."""
    language = resolve_lang(lang)
    if script is not None and profile is not None:
        raise typer.BadParameter(
            text(language, "option.script_and_profile"), param_hint="--profile"
        )
    check_runs(runs, output_format in (Format.TABLE, Format.JSON), output_format, language)
    if runs > 1 and script is not None:
        raise typer.BadParameter(text(language, "option.runs_with_script"), param_hint="--runs")
    with reported(language), paused_gc():
        check_output(output, (config, contact_list, script, profile))
        from recall_cli.loaders.config import load_config  # noqa: PLC0415 (see TYPE_CHECKING)

        campaign = load_config(config)
        random = None if script is not None else profile_outcomes(profile)
        zone = ZoneInfo(campaign.policy.timezone)
        start_at, until_at = campaign_times(start, until, zone, language)
        clock = Clock(start_at, zone)
        horizon = clock.seconds_until(until_at) if until_at is not None else None
        if random is not None:
            outcomes = random.source(seed)
            check_rules(campaign, outcomes.source.statuses(), outcomes, language)
        table = output_format is Format.TABLE
        contacts = load_list(contact_list, campaign.columns, encoding, fields=table)
        if random is None:
            assert script is not None
            outcomes = _scripted(script, contacts)
            check_rules(campaign, outcomes.source.statuses(), outcomes, language)
        if record:
            check_records(record, contacts, language)
        run = RunInfo(
            campaign.policy,
            contacts.records,
            clock,
            outcomes.seed,
            until_at,
            outcomes.timed,
            outcomes.profile,
        )
        runner = Runner(campaign.policy, contacts.records, outcomes.source, horizon, record)
        size = len(record) if record else len(contacts.records)
        problems = list_problems(_played(contacts, record))
        if runs > 1:
            assert isinstance(outcomes.source, ProfileSource)
            _emit_runs(run, runner, outcomes.source, runs, size, output_format, output, language)
            note_skipped(contacts.file, problems, language)
            return
        try:
            _emit(run, runner, size, output_format, output, no_events, language, problems)
            note_skipped(contacts.file, problems, language)
        except OutcomesExhaustedError as error:
            fail(
                [
                    Problem(
                        Location(str(script)),
                        codes.OUTCOMES_EXHAUSTED,
                        Message(
                            "script.exhausted",
                            {"record": error.record, "number": error.number, "phone": error.phone},
                        ),
                    )
                ],
                language,
                ExitCode.INVALID,
            )


def _played(contacts: ContactList, record: list[str] | None) -> tuple[Contact, ...]:
    """The records a run plays: those `--record` names, or all."""
    if not record:
        return contacts.records
    wanted = set(record)
    return tuple(contact for contact in contacts.records if contact.id in wanted)


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


def check_runs(runs: int, format_ok: bool, output_format: str, lang: Lang) -> None:
    """`--runs` is at least 1, and more than 1 only with an output that holds figures."""
    if not 1 <= runs <= MAX_RUNS:
        raise typer.BadParameter(
            text(lang, "option.runs_range", runs=runs, most=MAX_RUNS), param_hint="--runs"
        )
    if runs > 1 and not format_ok:
        raise typer.BadParameter(
            text(lang, "option.runs_format", format=output_format), param_hint="--runs"
        )


def moment(value: str, zone: ZoneInfo, option: str, lang: Lang) -> datetime:
    """An ISO 8601 date and time, in `zone` when it has no offset of its own, in whole seconds."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            text(lang, "option.bad_moment", value=value), param_hint=option
        ) from None
    if not in_calendar(parsed):
        raise typer.BadParameter(
            text(lang, "option.moment_range", value=value, first=FIRST_YEAR, last=LAST_YEAR),
            param_hint=option,
        )
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    # Times are whole seconds in every output: a fraction of the start would ride on them all.
    return parsed.replace(microsecond=0).astimezone(zone)


def campaign_times(
    start: str | None, until: str | None, zone: ZoneInfo, lang: Lang
) -> tuple[datetime, datetime | None]:
    """The run's start (default: the next full hour) and its horizon, if any."""
    start_at = moment(start, zone, "--start", lang) if start else next_hour(zone)
    until_at = moment(until, zone, "--until", lang) if until else None
    if until_at is not None and until_at < start_at:
        raise typer.BadParameter(text(lang, "option.until_before_start"), param_hint="--until")
    return start_at, until_at


def next_hour(zone: ZoneInfo) -> datetime:
    now = datetime.now(zone)
    return (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)


@dataclass(frozen=True, slots=True)
class Outcomes:
    """Where a run's outcomes come from, and what its output says about them."""

    source: OutcomeSource
    seed: int | None
    # Where each status the source can produce is first named; empty for the built-in profile,
    # whose lines no user can open, so that a missing rule is blamed on the config.
    first_use: dict[Status, Location] = field(default_factory=dict)
    profile: str | None = None
    timed: bool = False

    @property
    def missing_rule_key(self) -> str:
        builtin = self.profile == BUILTIN_PROFILE
        return "outcomes.missing_rule_builtin" if builtin else "outcomes.missing_rule"


@dataclass(frozen=True, slots=True)
class RandomOutcomes:
    """A loaded profile, before it is given a seed."""

    profile: Profile
    name: str

    def source(self, seed: int) -> Outcomes:
        builtin = self.name == BUILTIN_PROFILE
        return Outcomes(
            ProfileSource(self.profile, seed),
            seed,
            {} if builtin else dict(self.profile.first_use),
            self.name,
            self.profile.timed,
        )


def profile_outcomes(path: Path | None) -> RandomOutcomes:
    """The profile in `path`, or the built-in one; refused with every problem before any run."""
    from recall_cli.loaders.profile import load_profile  # noqa: PLC0415 (see TYPE_CHECKING)

    if path is None:
        return RandomOutcomes(default_profile(), BUILTIN_PROFILE)
    return RandomOutcomes(load_profile(path), str(path))


def _scripted(script: Path, contacts: ContactList) -> Outcomes:
    from recall_cli.loaders.script import bind_script, load_script  # noqa: PLC0415 (scripts only)

    parsed = load_script(script)
    outcomes, problems = bind_script(
        parsed, contacts.records, contacts.file, len(contacts.phone_columns)
    )
    if outcomes is None:
        raise RecallError(problems)
    return Outcomes(ScriptSource(outcomes, parsed.default), None, parsed.first_use)


def check_rules(
    campaign: Campaign, statuses: frozenset[Status], outcomes: Outcomes, lang: Lang
) -> None:
    """Refuse a run whose outcomes can produce a status the config has no rule for."""
    missing = campaign.policy.missing_rules(set(statuses))
    if missing:
        fail(
            [
                Problem(
                    outcomes.first_use.get(status, Location(campaign.file)),
                    codes.MISSING_RULE,
                    Message(
                        outcomes.missing_rule_key,
                        {"status": status.value, "config": campaign.file},
                    ),
                )
                for status in missing
            ],
            lang,
            ExitCode.INVALID,
        )


def check_records(wanted: list[str], contacts: ContactList, lang: Lang) -> None:
    known = {contact.id for contact in contacts.records}
    unknown = [record for record in wanted if record not in known]
    if unknown:
        fail(
            [
                Problem(
                    Location(contacts.file),
                    codes.SCRIPT_UNKNOWN_RECORD,
                    Message("script.unknown_record", {"record": record}),
                )
                for record in unknown
            ],
            lang,
            ExitCode.INVALID,
        )


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


def _emit(
    run: RunInfo,
    runner: Runner,
    size: int,
    output_format: Format,
    output: Path | None,
    no_events: bool,
    lang: Lang,
    problems: ListProblems,
) -> None:
    with open_output(output) as out:
        if output_format is Format.TABLE:
            _table(out, run, runner, output is not None, no_events, lang)
            if not no_events and size > LONG_TABLE:
                note = text(lang, "note.long_table", records=size)
                error_console().print(note, markup=False)
            return
        if output_format is Format.CSV:
            with progress(size, lang) as advance:
                data.write_csv(out, run, runner.events(advance))
            return
        # The run is deterministic: play it once for the figures, which JSON puts first, then
        # again to stream its events in order, so memory never holds the events.
        passes = 1 if no_events else 2
        with progress(size * passes, lang) as advance:
            results, summary = runner.play(advance)
            events = None if no_events else runner.events(advance)
            if output_format is Format.JSON:
                data.write_json(
                    out, run, summary, data.json_records(results, run), events, problems
                )
            else:
                data.write_jsonl(
                    out, run, events, data.jsonl_records(results, run), summary, problems
                )


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
    timeline = list(runner.events())
    render_run(console, run, timeline, list(results), summary, lang)


def _emit_runs(
    run: RunInfo,
    runner: Runner,
    source: ProfileSource,
    count: int,
    size: int,
    output_format: Format,
    output: Path | None,
    lang: Lang,
) -> None:
    with progress(size * count, lang) as advance:
        summaries = montecarlo.runs(
            run.policy, runner.contacts, source, count, runner.until, runner.only, advance
        )
    found = montecarlo.figures(summaries)
    with open_output(output) as out:
        if output_format is Format.JSON:
            data.write_runs(out, run, count, found)
            return

        from recall_cli.render.montecarlo import runs_table  # noqa: PLC0415

        console = table_console(out if output is not None else None, TABLE_WIDTH)
        seed = run.seed if run.seed is not None else 0
        console.print(runs_table(run.policy.name, seed, count, found, lang))
