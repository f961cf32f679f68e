"""What a rule is: a stable id, a slug, a default severity, and the inputs it looks at."""

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
    CROSS = "cross"  # a config together with a list, a script or a profile


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity: `id` and `slug` never change once released."""

    id: str
    slug: str
    severity: Severity
    scope: Scope = Scope.LOADER

    @classmethod
    def of(cls, code: Code, severity: Severity, scope: Scope = Scope.LOADER) -> Rule:
        return cls(code.id, code.slug, severity, scope)

    @property
    def code(self) -> Code:
        return Code(self.id, self.slug)

    def finding(self, location: Location, key: str, /, **params: object) -> Problem:
        """A finding of this rule at `location`, with the message `key`."""
        return Problem(location, self.code, Message(key, params), self.severity)


def reported_by_loader(ctx: Context) -> Iterator[Problem]:
    """The check of a rule whose findings a loader reports while reading a file: none here."""
    del ctx
    yield from ()


class RuleModule(Protocol):
    """A module under `validate/rules/`: its docstring documents the rule."""

    RULE: Rule
    __doc__: str | None

    def check(self, ctx: Context) -> Iterator[Problem]: ...
