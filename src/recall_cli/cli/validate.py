"""`recall validate` and `recall schema`: options → the linter → a reporter → exit code.

Only the two option types are imported at the top (typer reads them when the CLI starts); the
linter, its rules and Rich are imported when a command runs.
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from typing import Annotated

import typer

from recall_cli.cli.common import LangOption, reported, resolve_lang
from recall_cli.cli.usage import UsageError
from recall_cli.messages import Message, detect_lang
from recall_cli.render.formats import Format
from recall_cli.validate.kinds import FileKind


def register(app: typer.Typer) -> None:
    app.command("validate")(validate_command)
    app.command("schema")(schema_command)


def validate_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Configs, lists, scripts and profiles; a folder for its YAML and CSV files; "
            "- for stdin. May be left out when --dnc names a file.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        Format | None,
        typer.Option(
            "--format", help="Output format (default: github under GitHub Actions, else text)."
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            help="Leave out findings of a rule (RC102 or its slug) or a family (RC6 for RC6xx); "
            "errors left out are counted in the summary.",
        ),
    ] = None,
    kind: Annotated[
        FileKind | None,
        typer.Option("--kind", help="Read every path as this kind instead of detecting it."),
    ] = None,
    dnc: Annotated[
        list[str] | None,
        typer.Option(
            "--dnc",
            metavar="FILE",
            help="A do-not-call list to check (repeatable); those a config names are checked "
            "with it.",
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            help="The run's first day, ISO 8601: do-not-call entries that ended before it are "
            "reported (without it, they are not judged)."
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Check campaign configs, contact lists, outcome scripts and profiles, for people and CI.

    Exit 0 when nothing fails, 1 on errors (and warnings with --strict), 2 when a file cannot
    be read. An inline '# recall: ignore[...]' comment turns off warnings and infos only.
    """
    from recall_cli.render.console import stdout_console  # noqa: PLC0415
    from recall_cli.render.findings import write  # noqa: PLC0415
    from recall_cli.validate.linter import validate_paths  # noqa: PLC0415
    from recall_cli.validate.registry import RULES  # noqa: PLC0415
    from recall_cli.validate.suppress import names_a_rule  # noqa: PLC0415

    language = resolve_lang(lang)
    patterns = ignore or []
    codes = [module.RULE.code for module in RULES.values()]
    with reported(language):
        if not paths and not dnc:
            raise UsageError("PATH", Message("validate.no_paths"))
        for pattern in patterns:
            if not names_a_rule(pattern, codes):
                message = Message("validate.ignore_unknown", {"pattern": pattern})
                raise UsageError("--ignore", message)
        report = validate_paths(paths or [], kind, patterns, dnc or (), _first_day(start))
        fmt = output_format or (Format.GITHUB if os.environ.get("GITHUB_ACTIONS") else Format.TEXT)
        write(stdout_console(), report, fmt, language)
    raise typer.Exit(int(report.exit_code(strict)))


def _first_day(value: str | None) -> date | None:
    """The date `--start` is on, as written (an offset, if any, does not move it)."""
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        raise UsageError("--start", Message("option.bad_moment", {"value": value})) from None


def schema_command() -> None:
    """Print the JSON Schema of the campaign config format (for editors and CI)."""
    from recall_cli.validate.schema import config_schema  # noqa: PLC0415

    with reported(detect_lang()):
        typer.echo(json.dumps(config_schema(), ensure_ascii=False, indent=2))
