"""The command line: the only package that imports typer. Options → settings → run → exit code."""

from __future__ import annotations

import os
import sys
from importlib import import_module
from typing import Annotated

import typer

from recall_cli import __version__, hold_gc
from recall_cli.cli.ending import OwnProcess, end_now
from recall_cli.cli.output import take_streams
from recall_cli.messages import detect_lang
from recall_cli.problems import RecallError
from recall_cli.render.console import print_problems

COMMANDS = {
    "simulate": "simulate",
    "compare": "compare",
    "validate": "validate",
    "schema": "validate",
    "explain": "explain",
}
"""Each command, in the order help lists them, by the module that registers it."""


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"recall {__version__}")
        raise typer.Exit


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


def build_app(command: str | None = None) -> typer.Typer:
    """recall's command line: every command, or only `command` (one of `COMMANDS`).

    typer builds each command it holds, its options and their types, before it parses any:
    a process that is to run one command is given only that one. Its help, usage line and
    errors are the same as in the whole app.
    """
    app = typer.Typer(
        name="recall",
        help="See what an outbound campaign's retry policy will do before you switch it on.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    app.callback()(_root)
    modules = COMMANDS.values() if command is None else (COMMANDS[command],)
    for module in dict.fromkeys(modules):
        import_module(f"recall_cli.cli.{module}").register(app)
    return app


def _app_for(args: list[str]) -> typer.Typer:
    """The app that runs `args`: only the command they start with, when they start with one
    (the root's only option, `--version`, takes no value, so a first word that names a
    command is that command); otherwise the whole app, for its help, its version and its
    errors."""
    command = args[0] if args else None
    if command in COMMANDS:
        return build_app(command)
    return build_app()


def __getattr__(name: str) -> typer.Typer:
    # `app`, the whole command line, is built when first asked for (tests and embedders ask):
    # `main` builds only what its process runs.
    if name != "app":
        raise AttributeError(name)
    app = build_app()
    globals()["app"] = app
    return app


def main() -> None:
    """The `recall` command: stdout and stderr in UTF-8, their failures told (see
    `take_streams`); a write that fails outside any command (the help text, say) still gets
    one line, exit 2.

    Pydantic's plugins are off unless `PYDANTIC_DISABLE_PLUGINS` is set: recall uses none, and
    looking for them scans every installed distribution's entry points when the first model is
    built. Set for this process only (recall starts no other); an empty value turns them back on.
    The cyclic garbage collector is held off from the start for a command that holds it off
    anyway (`hold_gc`).
    """
    args = sys.argv[1:]
    hold_gc(args)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    take_streams()
    try:
        try:
            _app_for(args)(obj=OwnProcess())
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
