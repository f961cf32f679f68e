"""`recall compare A.yaml B.yaml LIST`: two policies on the same list and the same outcomes."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated
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
    reported,
    resolve_lang,
)
from recall_cli.cli.output import check_output, open_output
from recall_cli.cli.simulate import (
    TABLE_WIDTH,
    RandomOutcomes,
    campaign_times,
    check_records,
    check_rules,
    check_runs,
    profile_outcomes,
    progress,
)
from recall_cli.loaders.contacts import load_list
from recall_cli.loaders.gc_pause import paused_gc
from recall_cli.render import data
from recall_cli.render.console import table_console
from recall_cli.render.run import RunInfo
from recall_cli.simulate import montecarlo
from recall_cli.simulate.clock import Clock
from recall_cli.simulate.random_outcomes import ProfileSource

DEFAULT_RUNS = 10


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"


def register(app: typer.Typer) -> None:
    app.command("compare")(compare_command)


def compare_command(
    config_a: Annotated[Path, typer.Argument(metavar="A", help="Campaign config A (YAML).")],
    config_b: Annotated[Path, typer.Argument(metavar="B", help="Campaign config B (YAML).")],
    contact_list: ListArgument,
    profile: ProfileOption = None,
    seed: Annotated[int, typer.Option(help="Seed of the first run.")] = 0,
    runs: Annotated[
        int, typer.Option(help="Runs per policy (seeds seed…seed+N−1), paired run by run.")
    ] = DEFAULT_RUNS,
    start: Annotated[
        str | None,
        typer.Option(help="Campaign start, ISO 8601 (zone of A if no offset); default: next hour."),
    ] = None,
    until: UntilOption = None,
    record: RecordOption = None,
    output_format: Annotated[
        Format, typer.Option("--format", help="Output format.")
    ] = Format.TABLE,
    output: OutputOption = None,
    encoding: EncodingOption = None,
    lang: LangOption = None,
) -> None:
    """Figures of two policies side by side, with their differences and 95 % intervals."""
    language = resolve_lang(lang)
    check_runs(runs, True, output_format, language)
    with reported(language), paused_gc():
        check_output(output, (config_a, config_b, contact_list, profile))
        # Not at the top: the CLI's start stays free of pydantic (see `recall_cli.cli.simulate`).
        from recall_cli.loaders.config import load_config  # noqa: PLC0415

        first = load_config(config_a)
        second = load_config(config_b)
        random: RandomOutcomes = profile_outcomes(profile)
        # Policy A's list columns decide how the list is read; both policies see the same list.
        contacts = load_list(contact_list, first.columns, encoding, fields=False)
        zone = ZoneInfo(first.policy.timezone)
        start_at, until_at = campaign_times(start, until, zone, language)
        outcomes = random.source(seed)
        for campaign in (first, second):
            check_rules(campaign, outcomes.source.statuses(), outcomes, language)
        if record:
            check_records(record, contacts, language)
        clock = Clock(start_at, zone)
        horizon = clock.seconds_until(until_at) if until_at is not None else None
        source = outcomes.source
        assert isinstance(source, ProfileSource)
        size = (len(record) if record else len(contacts.records)) * runs * 2
        with progress(size, language) as advance:
            summaries = [
                montecarlo.runs(
                    campaign.policy, contacts.records, source, runs, horizon, record, advance
                )
                for campaign in (first, second)
            ]
        comparison = montecarlo.compare(summaries[0], summaries[1])
        infos = tuple(
            RunInfo(
                campaign.policy,
                contacts.records,
                clock,
                seed,
                until_at,
                outcomes.timed,
                outcomes.profile,
            )
            for campaign in (first, second)
        )
        with open_output(output) as out:
            if output_format is Format.JSON:
                data.write_compare(
                    out, (infos[0], infos[1]), (first.file, second.file), runs, comparison
                )
                return

            from recall_cli.render.montecarlo import compare_table  # noqa: PLC0415

            console = table_console(out if output is not None else None, TABLE_WIDTH)
            names = (first.policy.name, second.policy.name)
            console.print(compare_table(names, seed, runs, comparison, language))
