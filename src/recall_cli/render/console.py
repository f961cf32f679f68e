"""The consoles every command draws on: tables to stdout or a file, problems to stderr.

Rich is imported only when a console is asked for: a run that prints no table and no problem
never loads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from recall_cli.messages import Lang
from recall_cli.problems import Problem

if TYPE_CHECKING:
    from rich.console import Console


def table_console(out: TextIO | None, width: int) -> Console:
    """Where tables go: a file `out` gets plain text `width` columns wide; stdout (None) gets
    colour on a terminal, and the same width when piped, since it is read later in a pager or
    a file rather than on an 80-column screen."""
    from rich.console import Console  # noqa: PLC0415 (only for tables)

    if out is not None:
        return Console(file=out, width=width, color_system=None)
    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = width
    return console


def stdout_console() -> Console:
    """Stdout as Rich sees it: colour on a terminal, plain text when piped."""
    from rich.console import Console  # noqa: PLC0415 (only when there is something to print)

    return Console(highlight=False)


def error_console() -> Console:
    from rich.console import Console  # noqa: PLC0415 (only when there is something to print)

    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_problems(problems: Sequence[Problem], lang: Lang) -> None:
    """Each problem on stderr as `file:line:col: severity ID message`."""
    console = error_console()
    for problem in problems:
        console.print(
            f"{problem.location}: {problem.severity.value} {problem.code.id} "
            f"{problem.message.render(lang)}",
            markup=False,
        )
