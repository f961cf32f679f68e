"""`recall explain`: a config in plain words, one status in depth, or a trace of outcomes.

What only this command uses (Rich, the explainer's renderers, the validate rules) is imported
when it runs, not when the CLI starts: every other command starts without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated
from zoneinfo import ZoneInfo

import typer

from recall_cli.cli.common import LangOption, reported, resolve_lang
from recall_cli.cli.usage import UsageError
from recall_cli.engine import Status, parse_status
from recall_cli.explain import DEFAULT_PHONES
from recall_cli.messages import Message
from recall_cli.problems import (
    Location,
    RecallError,
    Severity,
    errors_in,
)
from recall_cli.render.console import table_console

if TYPE_CHECKING:
    from recall_cli.explain.clock import TraceStart
    from recall_cli.explain.explainer import Request
    from recall_cli.explain.listing import Listing
    from recall_cli.explain.words import Words
    from recall_cli.loaders.config import ConfigReport
    from recall_cli.render.explanation import ExportFormat

MAX_PHONES = 10


def register(app: typer.Typer) -> None:
    app.command("explain")(explain_command)


def explain_command(
    config: Annotated[Path, typer.Argument(metavar="CONFIG", help="Campaign config (YAML).")],
    lang: LangOption = None,
    status: Annotated[
        str | None,
        typer.Option("--status", help="Explain one status in depth (id or Russian label)."),
    ] = None,
    trace: Annotated[
        str | None,
        typer.Option(
            "--trace",
            metavar="STATUS,STATUS,...",
            help="Play these outcomes, in order, on a sample record and tell every call.",
        ),
    ] = None,
    phones: Annotated[
        int,
        typer.Option(
            min=1, max=MAX_PHONES, help="Numbers of the sample record (--trace, --status)."
        ),
    ] = DEFAULT_PHONES,
    start: Annotated[
        str | None,
        typer.Option(
            help="Start of the sample record: a time of day (default 10:00, times only) or an "
            "ISO 8601 date and time in the campaign zone (dates shown)."
        ),
    ] = None,
    listed: Annotated[
        list[str] | None,
        typer.Option(
            "--listed",
            metavar="PHONE[:UNTIL]",
            help="Put phone PHONE (1 to --phones) of the sample record on a do-not-call list "
            "(--trace), through the day UNTIL (YYYY-MM-DD, needs a dated --start) if given. "
            "Repeatable.",
        ),
    ] = None,
    ids: Annotated[
        bool, typer.Option("--ids", help="Show status ids next to their names.")
    ] = False,
    export_to: Annotated[
        Path | None,
        typer.Option("--export", metavar="FILE", help="Write a handout: .svg, .html or .md."),
    ] = None,
) -> None:
    """Explain in plain words what a retry policy does."""
    # Imported here, not at the top: see the module's docstring.
    from recall_cli.cli.output import check_output  # noqa: PLC0415
    from recall_cli.explain.words import Words  # noqa: PLC0415

    language = resolve_lang(lang)
    with reported(language):
        fmt = _format(export_to)
        check_output(export_to, (config,))
        report = _loaded(config)
        request = _request(report, status, trace, phones, start, listed or [])
        _show(report, request, Words(language, ids), export_to, fmt)


def _request(
    report: ConfigReport,
    status: str | None,
    trace: str | None,
    phones: int,
    start: str | None,
    listed: list[str],
) -> Request:
    """What to explain, each option read in the order the command lists them."""
    from recall_cli.explain.explainer import Request  # noqa: PLC0415

    assert report.campaign is not None
    asked = _status(status) if status is not None else None
    outcomes = _trace(trace, report) if trace is not None else ()
    begins = _start(start, ZoneInfo(report.campaign.policy.timezone))
    return Request(
        status=asked,
        trace=outcomes,
        phones=phones,
        start=begins,
        listed=_listed(listed, trace is not None, phones, begins),
    )


def _show(
    report: ConfigReport,
    request: Request,
    words: Words,
    export_to: Path | None,
    fmt: ExportFormat | None,
) -> None:
    """The explanation, with the config's tips, on the terminal or in the handout `export_to`."""
    from recall_cli.cli.output import open_output  # noqa: PLC0415
    from recall_cli.explain.explainer import explain  # noqa: PLC0415
    from recall_cli.render.explanation import (  # noqa: PLC0415
        EXPORT_WIDTH,
        export,
        render_explanation,
    )
    from recall_cli.validate import campaign_findings  # noqa: PLC0415

    tips = sorted(
        [p for p in report.problems if p.severity is not Severity.ERROR]
        + campaign_findings(report),
        key=lambda problem: (problem.location, problem.code.id),
    )
    explanation = explain(report, tips, request, words)
    if export_to is None or fmt is None:
        render_explanation(table_console(None, EXPORT_WIDTH), explanation)
        return
    with open_output(export_to) as out:
        out.write(export(explanation, fmt))


def _format(path: Path | None) -> ExportFormat | None:
    from recall_cli.render.explanation import ExportFormat, export_format  # noqa: PLC0415

    if path is None:
        return None
    fmt = export_format(path)
    if fmt is None:
        choices = ", ".join(f.value for f in ExportFormat)
        values = {"suffix": path.suffix or path.name, "choices": choices}
        raise UsageError("--export", Message("explain.usage.export", values))
    return fmt


def _loaded(path: Path) -> ConfigReport:
    """The config's report, refusing it with the errors `recall validate` would give."""
    from recall_cli.loaders.config import check_config  # noqa: PLC0415
    from recall_cli.validate import campaign_findings  # noqa: PLC0415

    report = check_config(path)
    errors = errors_in(report.problems)
    if errors or report.campaign is None:
        raise RecallError(errors)
    found = errors_in(campaign_findings(report))
    if found:
        raise RecallError(found)
    return report


def _status(name: str) -> Status:
    from recall_cli.loaders.status_names import unknown_status  # noqa: PLC0415

    status = parse_status(name)
    if status is None:
        raise RecallError([unknown_status(Location("--status"), name)])
    return status


def _trace(value: str, report: ConfigReport) -> tuple[Status, ...]:
    from recall_cli.explain.trace import missing_rules, parse_outcomes  # noqa: PLC0415

    assert report.campaign is not None
    outcomes, problems = parse_outcomes(value, "--trace")
    if problems:
        raise RecallError(problems)
    missing = missing_rules(report.campaign.policy, outcomes, report.campaign.file)
    if missing:
        raise RecallError(missing)
    return outcomes


def _listed(values: list[str], traced: bool, phones: int, start: TraceStart) -> tuple[Listing, ...]:
    """The phones `--listed` puts on a do-not-call list; a trace's sample record has them."""
    from recall_cli.explain.listing import parse_listing  # noqa: PLC0415

    if values and not traced:
        raise UsageError("--listed", Message("explain.usage.listed_trace"))
    found: list[Listing] = []
    for value in values:
        parsed = parse_listing(value, phones, start.moment is not None)
        if isinstance(parsed, Message):
            raise UsageError("--listed", parsed)
        found.append(parsed)
    return tuple(found)


def _start(value: str | None, zone: ZoneInfo) -> TraceStart:
    from recall_cli.explain.clock import TraceStart, parse_start  # noqa: PLC0415

    if value is None:
        return TraceStart()
    found = parse_start(value, zone)
    if found is None:
        raise UsageError("--start", Message("explain.usage.start", {"value": value}))
    return found
