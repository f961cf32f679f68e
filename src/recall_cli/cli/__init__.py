"""The command line: the only package that imports typer. Options → settings → run → exit code."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from recall_cli import __version__
from recall_cli.cli import compare, explain, simulate, validate
from recall_cli.cli.ending import OwnProcess, end_now
from recall_cli.cli.output import take_streams
from recall_cli.messages import detect_lang
from recall_cli.problems import RecallError
from recall_cli.render.console import print_problems

app = typer.Typer(
    name="recall",
    help="See what an outbound campaign's retry policy will do before you switch it on.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"recall {__version__}")
        raise typer.Exit


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """recall: simulate, validate and explain outbound retry policies."""
    del version


simulate.register(app)
compare.register(app)
validate.register(app)
explain.register(app)


def main() -> None:
    """The `recall` command: stdout and stderr in UTF-8, their failures told (see
    `take_streams`); a write that fails outside any command (the help text, say) still gets
    one line, exit 2.

    Pydantic's plugins are off unless `PYDANTIC_DISABLE_PLUGINS` is set: recall uses none, and
    looking for them scans every installed distribution's entry points when the first model is
    built. Set for this process only (recall starts no other); an empty value turns them back on.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    take_streams()
    try:
        try:
            app(obj=OwnProcess())
        finally:
            sys.stdout.flush()
    except RecallError as error:
        print_problems(error.problems, detect_lang())
        sys.exit(int(error.exit_code))
    except SystemExit as done:
        # A command that ends with its output written (0) or with findings told (1) ends the
        # process at once (see `cli/ending.py`); a usage error, a failed write or a closed pipe
        # take the usual way out.
        if done.code is None or done.code in (0, 1):
            end_now(int(done.code or 0))
        raise
