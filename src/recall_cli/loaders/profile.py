"""Outcome profiles (docs/formats.md#profiles): random dial results, every problem at its
file:line:column.

```yaml
outcomes: {answered: 0.3, no_answer: 0.4, busy: 0.2, invalid_number: 0.1}
after:                      # optional: the next status of a number given its previous one
  invalid_number: {invalid_number: 1}
durations:                  # optional: seconds per dial, fixed or [min, max]
  answered: [60, 300]
  no_answer: 30
```
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard

from pydantic import BaseModel, ConfigDict, Field

from recall_cli.engine import Status, parse_status
from recall_cli.engine.profile import Profile
from recall_cli.loaders import codes
from recall_cli.loaders.files import Source
from recall_cli.loaders.schema import Text, Tree, got, key_location, to_python, validate
from recall_cli.loaders.status_names import unknown_status
from recall_cli.loaders.yaml_tree import Document, parse_yaml, read_yaml
from recall_cli.loaders.yaml_tree import Mapping as MappingNode
from recall_cli.messages import Message
from recall_cli.problems import Location, Problem, RecallError, errors_in

SUM_TOLERANCE = 1e-6
"""How far from 1 the probabilities of a row may sum (docs/formats.md#profiles)."""
MAX_DURATION = 86_400
"""The longest a dial may take, in seconds: a day is far beyond any real call, and the bound
keeps every simulated time within the calendar."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


class ProfileModel(_Model):
    """An outcome profile file. A duration is whole seconds or a [min, max] pair; it is checked
    by hand, since a union type would report one error per alternative."""

    outcomes: dict[Text, float]
    after: dict[Text, dict[Text, float]] = Field(default_factory=dict)
    durations: dict[Text, object] = Field(default_factory=dict)


@dataclass(slots=True)
class ProfileReport:
    """Everything a profile file yields: the profile when usable, and all problems found."""

    profile: Profile | None
    problems: list[Problem]


def check_profile(path: str | Path | Source) -> ProfileReport:
    """Read a profile, collecting every problem (warnings included) instead of stopping."""
    return _report(read_yaml(path))


def parse_profile(name: str, text: str) -> ProfileReport:
    """A profile from YAML text; `name` stands for the file in problems."""
    return _report(parse_yaml(name, text))


def load_profile(path: str | Path) -> Profile:
    """The profile in `path`, or a `RecallError` with every error in it."""
    report = check_profile(path)
    errors = errors_in(report.problems)
    if errors or report.profile is None:
        raise RecallError(errors)
    return report.profile


def _report(document: Document) -> ProfileReport:
    problems = list(document.problems)
    profile = None
    if document.root is None and not problems:
        problems.append(
            Problem(Location(document.file, 1, 1), codes.MISSING_KEY, Message("profile.empty"))
        )
    elif document.root is not None and not errors_in(problems):
        profile = _Reader(document, problems).profile()
    return ProfileReport(profile, sorted(problems, key=lambda p: p.location))


class _Reader:
    """Turns a parsed profile document into a `Profile`, reporting what is wrong."""

    def __init__(self, document: Document, problems: list[Problem]) -> None:
        self.file = document.file
        self.root = document.root
        self.problems = problems
        self.tree = Tree(None)
        self.first_use: dict[Status, Location] = {}

    def profile(self) -> Profile | None:
        root = self.root
        assert root is not None
        if not isinstance(root, MappingNode):
            self.problems.append(
                Problem(
                    root.location,
                    codes.WRONG_TYPE,
                    Message("profile.not_mapping", {"got": got(root)}),
                )
            )
            return None
        self.tree = to_python(root, self.problems)
        model, schema_problems = validate(ProfileModel, self.tree, self.file)
        self.problems.extend(schema_problems)
        if model is None:
            return None
        before = len(errors_in(self.problems))
        outcomes = self._row(("outcomes",), model.outcomes)
        after: dict[Status, dict[Status, float]] = {}
        for name, row in model.after.items():
            status = self._status(("after", name), after)
            probabilities = self._row(("after", name), row)
            if status is Status.ANSWERED:
                self.problems.append(
                    Problem(
                        self._key(("after", name)),
                        codes.UNUSED_AFTER_ROW,
                        Message("profile.after_answered", {"name": name}),
                    )
                )
            elif status is not None:
                after[status] = probabilities
        durations = self._durations(model.durations)
        if len(errors_in(self.problems)) > before:
            return None
        return Profile(self.file, outcomes, after, durations, self.first_use)

    def _key(self, path: tuple[object, ...]) -> Location:
        return key_location(self.tree, path, self.file)

    def _value(self, path: tuple[object, ...]) -> Location:
        node = self.tree.values.get(path)
        return node.location if node is not None else self._key(path)

    def _got(self, path: tuple[object, ...]) -> Message:
        """The value at `path` as the file writes it, and its YAML kind."""
        return got(self.tree.values[path])

    def _status(self, path: tuple[object, ...], seen: Mapping[Status, object]) -> Status | None:
        """The status a key names; unknown names and second mentions are problems."""
        name = str(path[-1])
        location = self._key(path)
        status = parse_status(name)
        if status is None:
            self.problems.append(unknown_status(location, name))
            return None
        if status in seen:
            first = self._first_key(path[:-1], status)
            self.problems.append(
                Problem(
                    location,
                    codes.DUPLICATE_OUTCOME,
                    Message(
                        "profile.duplicate_status",
                        {"name": name, "status": status.value, "line": first.line},
                    ),
                )
            )
            return None
        return status

    def _first_key(self, parent: tuple[object, ...], status: Status) -> Location:
        for path, key in self.tree.keys.items():
            if path[:-1] == parent and parse_status(str(path[-1])) is status:
                return key.location
        return self._key(parent)

    def _row(self, path: tuple[object, ...], row: Mapping[str, float]) -> dict[Status, float]:
        """One distribution: each status once, every probability ≥ 0, the sum 1."""
        probabilities: dict[Status, float] = {}
        valid = True
        for name, value in row.items():
            status = self._status((*path, name), probabilities)
            if value < 0:
                valid = False
                self.problems.append(
                    Problem(
                        self._value((*path, name)),
                        codes.NEGATIVE_PROBABILITY,
                        Message("profile.negative", {"got": self._got((*path, name))}),
                    )
                )
            if status is None:
                valid = False
                continue
            probabilities[status] = float(value)
            if value > 0:
                where = self._key((*path, name))
                known = self.first_use.get(status)
                if known is None or where < known:
                    self.first_use[status] = where
        total = math.fsum(probabilities.values())
        if valid and abs(total - 1) > SUM_TOLERANCE:
            key = "profile.sum" if len(path) == 1 else "profile.after_sum"
            self.problems.append(
                Problem(
                    self._key(path),
                    codes.PROBABILITY_SUM,
                    Message(key, {"total": f"{total:.6g}", "status": str(path[-1])}),
                )
            )
        return probabilities

    def _durations(self, model: Mapping[str, object]) -> dict[Status, tuple[int, int]]:
        durations: dict[Status, tuple[int, int]] = {}
        for name, value in model.items():
            path = ("durations", name)
            status = self._status(path, durations)
            pair = self._seconds(path, value)
            if status is not None and pair is not None:
                durations[status] = pair
        return durations

    def _seconds(self, path: tuple[object, ...], value: object) -> tuple[int, int] | None:
        if _whole(value):
            low = high = value
        elif isinstance(value, list) and len(value) == 2 and all(_whole(v) for v in value):
            low, high = value
        else:
            self.problems.append(
                Problem(
                    self._value(path),
                    codes.WRONG_TYPE,
                    Message("profile.duration_pair", {"got": self._got(path)}),
                )
            )
            return None
        for index, seconds in enumerate((low, high)):
            key = None
            if seconds < 0:
                key = "profile.duration_negative"
            elif seconds > MAX_DURATION:
                key = "profile.duration_too_long"
            if key is not None:
                where = path if _whole(value) else (*path, index)
                self.problems.append(
                    Problem(
                        self._value(where),
                        codes.DURATION_RANGE,
                        Message(key, {"got": self._got(where), "limit": MAX_DURATION}),
                    )
                )
                return None
        if low > high:
            self.problems.append(
                Problem(
                    self._value(path),
                    codes.DURATION_RANGE,
                    Message("profile.duration_order", {"low": low, "high": high}),
                )
            )
            return None
        return low, high


def _whole(value: object) -> TypeGuard[int]:
    return type(value) is int
