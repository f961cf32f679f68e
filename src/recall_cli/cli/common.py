"""What every command shares: options, language, and turning errors into exit codes."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from recall_cli.cli.output import PIPE_CLOSED
from recall_cli.cli.usage import UsageError
from recall_cli.messages import Lang, detect_lang, text
from recall_cli.problems import ExitCode, RecallError
from recall_cli.render.console import print_problems

LANG_HELP = "Language of the output: ru or en (default: from LC_ALL / LC_MESSAGES / LANG)."

# Arguments and options that several commands share, declared once.
ListArgument = Annotated[Path, typer.Argument(metavar="LIST", help="Contact list (CSV).")]
ProfileOption = Annotated[
    Path | None,
    typer.Option(
        "--profile",
        help="Outcome profile (YAML): random results. Default: the built-in realistic one.",
    ),
]
LangOption = Annotated[str | None, typer.Option(help=LANG_HELP)]
UntilOption = Annotated[
    str | None, typer.Option(help="Horizon, ISO 8601: later dials leave records open.")
]
RecordOption = Annotated[
    list[str] | None, typer.Option("--record", help="Only this record id (repeatable).")
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        help="Write here instead of stdout: a file is replaced whole (atomically); "
        "a device or pipe is written to as it is."
    ),
]
DncOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--dnc",
        metavar="FILE",
        help="A do-not-call list (repeatable), besides those the config names.",
    ),
]
EncodingOption = Annotated[
    str | None, typer.Option(help="Encoding of the list (default: detected).")
]


def resolve_lang(value: str | None) -> Lang:
    if value is None:
        return detect_lang()
    try:
        return Lang(value.lower())
    except ValueError:
        words = text(detect_lang(), "cli.bad_lang", value=value, langs=", ".join(Lang))
        raise typer.BadParameter(words, param_hint="--lang") from None


@contextlib.contextmanager
def reported(lang: Lang) -> Iterator[None]:
    """Turn what can go wrong in a command into one message and its exit code, never a
    traceback: a `UsageError` as typer tells a bad option (its usage line, exit 2), a
    `RecallError`'s problems (a failed write is one), or running out of memory.

    Stdout is flushed here, so that a write that fails does so while it can still be told.
    """
    out_of_memory = False
    try:
        try:
            yield
        finally:
            sys.stdout.flush()
    except UsageError as error:
        # Raised here, inside the command, so that click adds the command's usage line.
        words = error.message.render(lang)
        raise typer.BadParameter(words, param_hint=error.option) from None
    except RecallError as error:
        print_problems(error.problems, lang)
        raise typer.Exit(int(error.exit_code)) from None
    except BrokenPipeError:
        # Stderr's reader went away (`2>&1 | head`) where `take_streams` has not taken it.
        sys.stderr.close()
        raise typer.Exit(PIPE_CLOSED) from None
    except MemoryError:
        # Told outside the handler: the traceback, and the memory its frames hold, goes first.
        out_of_memory = True
    if out_of_memory:
        sys.stderr.write(text(lang, "cli.out_of_memory") + "\n")
        raise typer.Exit(int(ExitCode.USAGE))
