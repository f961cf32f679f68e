"""`recall simulate`: wire options to the loaders, the simulator and a renderer."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

import typer
from rich.console import Console

from recall_cli.cli.common import LANG_HELP, fail, reported, resolve_lang
from recall_cli.engine import Contact, Status
from recall_cli.loaders import codes
from recall_cli.loaders.config import Campaign, load_config
from recall_cli.loaders.contacts import ContactList, load_list
from recall_cli.loaders.script import bind_script, load_script
from recall_cli.messages import Lang, Message
from recall_cli.output import open_output
from recall_cli.problems import ExitCode, Location, Problem, RecallError
from recall_cli.render import data
from recall_cli.render.run import RunInfo
from recall_cli.render.timeline import render_run
from recall_cli.simulate.clock import Clock
from recall_cli.simulate.outcomes import OutcomesExhaustedError, OutcomeSource, ScriptSource
from recall_cli.simulate.simulator import Simulation, simulate
from recall_cli.simulate.summary import summarize

TABLE_WIDTH = 160


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


def register(app: typer.Typer) -> None:
    app.command("simulate")(simulate_command)


def simulate_command(
    config: Annotated[Path, typer.Argument(help="Campaign config (YAML).")],
    contact_list: Annotated[Path, typer.Argument(metavar="LIST", help="Contact list (CSV).")],
    script: Annotated[
        Path | None, typer.Option("--script", help="Outcome script (YAML): exact results.")
    ] = None,
    seed: Annotated[int, typer.Option(help="Seed of random outcomes.")] = 0,
    start: Annotated[
        str | None,
        typer.Option(
            help="Campaign start, ISO 8601 (campaign zone if no offset); default: next full hour."
        ),
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Horizon, ISO 8601: later dials leave records open.")
    ] = None,
    record: Annotated[
        list[str] | None, typer.Option("--record", help="Show only this record id (repeatable).")
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", help="Output format.")
    ] = Format.TABLE,
    output: Annotated[
        Path | None, typer.Option(help="Write to this file (atomically) instead of stdout.")
    ] = None,
    no_events: Annotated[
        bool, typer.Option("--no-events", help="Leave events out of json/jsonl output.")
    ] = False,
    encoding: Annotated[
        str | None, typer.Option(help="Encoding of the list (default: detected).")
    ] = None,
    lang: Annotated[str | None, typer.Option(help=LANG_HELP)] = None,
) -> None:
    """Play dial outcomes through the retry engine and show each record's timeline."""
    language = resolve_lang(lang)
    with reported(language):
        campaign = load_config(config)
        contacts = load_list(contact_list, campaign.columns, encoding)
        zone = ZoneInfo(campaign.policy.timezone)
        start_at = _moment(start, zone, "--start") if start else _next_hour(zone)
        until_at = _moment(until, zone, "--until") if until else None
        if until_at is not None and until_at < start_at:
            raise typer.BadParameter("the horizon is before the start", param_hint="--until")
        source, seed_used, first_use = _source(script, seed, contacts)
        _check_rules(campaign, source, first_use, language)
        if record:
            _check_records(record, contacts, language)
        clock = Clock(start_at, zone)
        run = RunInfo(campaign.policy, contacts.records, clock, seed_used, until_at)
        horizon = clock.seconds_until(until_at) if until_at is not None else None
        try:
            _emit(run, source, horizon, record, output_format, output, no_events, language)
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


def _moment(value: str, zone: ZoneInfo, option: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not an ISO 8601 date and time (e.g. 2026-12-01T10:00)",
            param_hint=option,
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


def _next_hour(zone: ZoneInfo) -> datetime:
    now = datetime.now(zone)
    return (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)


def _source(
    script: Path | None, seed: int, contacts: ContactList
) -> tuple[OutcomeSource, int | None, dict[Status, Location]]:
    """The outcome source, the seed it used (None for a script), and where each status it can
    produce is first named."""
    del seed
    if script is None:
        raise typer.BadParameter("give --script FILE", param_hint="--script")
    parsed = load_script(script)
    outcomes, problems = bind_script(
        parsed, contacts.records, contacts.file, len(contacts.phone_columns)
    )
    if outcomes is None:
        raise RecallError(problems)
    return ScriptSource(outcomes, parsed.default), None, parsed.first_use


def _check_rules(
    campaign: Campaign, source: OutcomeSource, first_use: dict[Status, Location], lang: Lang
) -> None:
    missing = campaign.policy.missing_rules(set(source.statuses()))
    if missing:
        fail(
            [
                Problem(
                    first_use.get(status, Location(campaign.file)),
                    codes.MISSING_RULE,
                    Message(
                        "outcomes.missing_rule", {"status": status.value, "config": campaign.file}
                    ),
                )
                for status in missing
            ],
            lang,
            ExitCode.INVALID,
        )


def _check_records(wanted: list[str], contacts: ContactList, lang: Lang) -> None:
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


def _emit(
    run: RunInfo,
    source: OutcomeSource,
    horizon: int | None,
    only: list[str] | None,
    output_format: Format,
    output: Path | None,
    no_events: bool,
    lang: Lang,
) -> None:
    contacts: tuple[Contact, ...] = tuple(run.contacts)

    def fresh() -> Simulation:
        return simulate(run.policy, contacts, source, horizon, only)

    with open_output(output) as out:
        if output_format is Format.TABLE:
            sim = fresh()
            timeline = list(sim.events())
            console = (
                Console(file=out, width=TABLE_WIDTH, color_system=None)
                if output is not None
                else Console(highlight=False)
            )
            render_run(console, run, timeline, sim.results, summarize(sim.results), lang)
            return
        # The run is deterministic: play it once for the figures, which JSON puts first, then
        # again to stream its events in order, so memory never holds the events.
        first = fresh()
        first.play()
        summary = summarize(first.results)
        if output_format is Format.CSV:
            data.write_csv(out, run, fresh().events())
            return
        events = None if no_events else fresh().events()
        if output_format is Format.JSON:
            data.write_json(out, run, summary, first.results, events)
        else:
            data.write_jsonl(out, run, events, first.results, summary)
