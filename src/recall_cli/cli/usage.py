"""A usage error: an option given a value recall cannot use (exit 2), found without typer."""

from __future__ import annotations

from recall_cli.messages import Message
from recall_cli.problems import ExitCode, RecallError


class UsageError(RecallError):
    """`option` cannot take the value it was given: `message` says why.

    It names an option, not a place in a file, so it carries no problems: `reported` (in
    `cli/common.py`) tells it the way typer tells a bad parameter, usage line and all.
    """

    exit_code = ExitCode.USAGE

    def __init__(self, option: str, message: Message) -> None:
        super().__init__(())
        self.option = option
        self.message = message

    def __str__(self) -> str:
        return f"{self.option}: {self.message.render()}"
