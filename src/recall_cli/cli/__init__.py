"""The command line: the only package that imports typer. Options → settings → run → exit code."""

from __future__ import annotations

import typer

from recall_cli.cli import compare, explain, simulate, validate

app = typer.Typer(
    name="recall",
    help="See what an outbound campaign's retry policy will do before you switch it on.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def _root() -> None:
    """recall: simulate, validate and explain outbound retry policies."""


simulate.register(app)
compare.register(app)
validate.register(app)
explain.register(app)


def main() -> None:
    app()
