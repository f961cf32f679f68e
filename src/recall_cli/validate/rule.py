"""What a rule is: its code (a stable id, a slug, a severity) and the inputs it looks at."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from recall_cli.messages import Message
from recall_cli.problems import Code, Location, Problem, Severity

if TYPE_CHECKING:
    from recall_cli.validate.context import Context


class Scope(StrEnum):
    """The inputs a rule's check looks at; the linter calls it once per such input."""

    LOADER = "loader"  # reported by a loader while reading; the rule only documents it
    CONFIG = "config"  # one campaign config that loaded
    LIST = "list"  # one contact list that loaded
    DNC = "dnc"  # one do-not-call list that loaded
    CROSS = "cross"  # a config together with a list, a script or a profile


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity: its code, declared once in `loaders/codes.py`, and its scope."""

    code: Code
    scope: Scope = Scope.LOADER

    @property
    def id(self) -> str:
        return self.code.id

    @property
    def slug(self) -> str:
        return self.code.slug

    @property
    def severity(self) -> Severity:
        return self.code.severity

    def finding(self, location: Location, key: str, /, **params: object) -> Problem:
        """A finding of this rule at `location`, with the message `key`."""
        return Problem(location, self.code, Message(key, params))


def reported_by_loader(ctx: Context) -> Iterator[Problem]:
    """The check of a rule whose findings a loader reports while reading a file: none here."""
    del ctx
    yield from ()


class RuleModule(Protocol):
    """A module under `validate/rules/`: its docstring documents the rule."""

    RULE: Rule
    __doc__: str | None

    def check(self, ctx: Context) -> Iterator[Problem]: ...
