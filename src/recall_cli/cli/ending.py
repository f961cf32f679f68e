"""Ending the `recall` process once everything is written, without freeing what the run built
one object at a time: the operating system takes a process's memory back whole, and freeing a
million records' objects first takes a quarter of a second for nothing.

Only the process `main` runs may end early: a command run inside a test's runner returns as
usual. Nothing is lost by ending early: every output is flushed and closed (a file renamed into
place) before, and a flush that fails is told as any failed write is.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import NoReturn

import typer


@dataclass(frozen=True, slots=True)
class OwnProcess:
    """click's `obj` when `main` runs the command line: the command's process is its own to
    end."""


def end_now(code: int) -> NoReturn:
    """Flush stdout and stderr, then end the process with `code` at once.

    A flush that fails raises as the write would have (`take_streams`): exit 2 for a failed
    write, `PIPE_CLOSED` for a reader that went away.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def finished(ctx: typer.Context) -> None:
    """The command has written everything: end the process now (exit 0) if it is its own,
    while what the command built is still alive; otherwise return."""
    if isinstance(ctx.obj, OwnProcess):
        end_now(0)
