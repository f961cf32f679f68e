"""`recall compare A.yaml B.yaml LIST`: two policies on the same list and the same outcomes,
planned (`cli/plan.py`) and played (`cli/execute.py`)."""

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
from recall_cli.cli.plan import COMPARE_RUNS, CompareFormat, CompareOptions, plan_compare
from recall_cli.loaders.gc_pause import paused_gc


def register(app: typer.Typer) -> None:
    app.command("compare")(compare_command)


def compare_command(
    ctx: typer.Context,
    config_a: Annotated[Path, typer.Argument(metavar="A", help="Campaign config A (YAML).")],
    config_b: Annotated[Path, typer.Argument(metavar="B", help="Campaign config B (YAML).")],
    contact_list: ListArgument,
    profile: ProfileOption = None,
    seed: Annotated[int, typer.Option(help="Seed of the first run.")] = 0,
    runs: Annotated[
        int, typer.Option(help="Runs per policy (seeds seed…seed+N−1), paired run by run.")
    ] = COMPARE_RUNS,
    start: Annotated[
        str | None,
        typer.Option(help="Campaign start, ISO 8601 (zone of A if no offset); default: next hour."),
    ] = None,
    until: UntilOption = None,
    record: RecordOption = None,
    output_format: Annotated[
        CompareFormat, typer.Option("--format", help="Output format.")
    ] = CompareFormat.TABLE,
    output: OutputOption = None,
    encoding: EncodingOption = None,
    dnc: DncOption = None,
    lang: LangOption = None,
) -> None:
    """Figures of two policies side by side, with their differences and 95 % intervals."""
    from recall_cli.cli import execute  # noqa: PLC0415 (played by this command only)

    language = resolve_lang(lang)
    options = CompareOptions(
        configs=(config_a, config_b),
        contact_list=contact_list,
        profile=profile,
        seed=seed,
        runs=runs,
        start=start,
        until=until,
        records=tuple(record or ()),
        output_format=output_format,
        output=output,
        encoding=encoding,
        dnc=tuple(dnc or ()),
    )
    with reported(language), paused_gc():
        plan = plan_compare(options)  # kept alive until `finished`: not freed one by one
        execute.compare(plan, language)
        finished(ctx)
