"""`recall simulate`: its options, planned (`cli/plan.py`) and played (`cli/execute.py`)."""

# No `from __future__ import annotations`: typer reads the options' annotations, and as
# objects it takes them as they are, where as strings it would compile each one first.
from pathlib import Path
from typing import Annotated

import typer

from recall_cli.cli.common import (
    DncOption,
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
from recall_cli.cli.ending import finished
from recall_cli.cli.plan import RunFormat, RunOptions, plan_run
from recall_cli.loaders.gc_pause import paused_gc


def register(app: typer.Typer) -> None:
    app.command("simulate")(simulate_command)


def simulate_command(
    ctx: typer.Context,
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
        RunFormat, typer.Option("--format", help="Output format.")
    ] = RunFormat.TABLE,
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
    dnc: DncOption = None,
    lang: LangOption = None,
) -> None:
    """Play dial outcomes through the retry engine and show each record's timeline."""
    from recall_cli.cli import execute  # noqa: PLC0415 (played by this command only)

    language = resolve_lang(lang)
    options = RunOptions(
        config=config,
        contact_list=contact_list,
        script=script,
        profile=profile,
        seed=seed,
        runs=runs,
        start=start,
        until=until,
        records=tuple(record or ()),
        output_format=output_format,
        output=output,
        no_events=no_events,
        encoding=encoding,
        dnc=tuple(dnc or ()),
    )
    with reported(language), paused_gc():
        plan = plan_run(options)  # kept alive until `finished`: not freed one by one
        execute.run(plan, language)
        finished(ctx)
