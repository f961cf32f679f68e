"""Problems found in input files, with their positions, and the errors that carry them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from recall_cli.messages import Lang, Message


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class ExitCode(IntEnum):
    """Exit codes of every command (docs/index.md#exit-codes)."""

    OK = 0
    INVALID = 1
    USAGE = 2


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in a file; line and column are 1-based, 0 when unknown."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"


@dataclass(frozen=True, slots=True)
class Code:
    """A stable rule id with its slug and the severity of its findings, e.g. RC005 duplicate-key."""

    id: str
    slug: str
    severity: Severity


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding: where, which rule, how bad, and what to tell people."""

    location: Location
    code: Code
    message: Message

    @property
    def severity(self) -> Severity:
        return self.code.severity

    def render(self, lang: Lang = Lang.EN) -> str:
        return f"{self.location}: {self.message.render(lang)}"


def errors_in(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(p for p in problems if p.severity is Severity.ERROR)


class RecallError(Exception):
    """Input that cannot be used; the CLI prints its problems and exits with `exit_code`."""

    exit_code = ExitCode.INVALID

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(p.render() for p in self.problems))


class UnreadableError(RecallError):
    """A file that is missing or cannot be read at all (exit 2)."""

    exit_code = ExitCode.USAGE
