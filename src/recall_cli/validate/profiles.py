"""Outcome profiles, read through the profile loader when it is installed."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, cast

from recall_cli.engine import Status
from recall_cli.loaders import codes
from recall_cli.loaders.files import Source, as_source
from recall_cli.messages import Message
from recall_cli.problems import Location, Problem

LOADER = "recall_cli.loaders.profile"


class Profile(Protocol):
    """What validation needs of a loaded profile."""

    @property
    def file(self) -> str: ...

    @property
    def first_use(self) -> dict[Status, Location]: ...

    @property
    def durations(self) -> Mapping[Status, tuple[int, int]]:
        """Each status's dial duration range in whole seconds."""
        ...

    def statuses(self) -> frozenset[Status]:
        """The statuses drawn with a probability above zero."""
        ...


@dataclass(frozen=True, slots=True)
class ProfileCheck:
    profile: Profile | None
    problems: list[Problem]


class _Report(Protocol):
    @property
    def profile(self) -> Profile | None: ...

    @property
    def problems(self) -> list[Problem]: ...


class _Loader(Protocol):
    def check_profile(self, path: str | Path | Source) -> _Report: ...


def check_profile(path: str | Path | Source) -> ProfileCheck:
    """The profile loader's report, or a finding that profile support is missing."""
    try:
        # Imported here: the profile loader lands separately, and validation works without it.
        loader = cast(_Loader, importlib.import_module(LOADER))
    except ModuleNotFoundError:
        problem = Problem(
            Location(as_source(path).name, 1, 1),
            codes.PROFILE_UNSUPPORTED,
            Message("validate.profile_unsupported"),
        )
        return ProfileCheck(None, [problem])
    report = loader.check_profile(path)
    return ProfileCheck(report.profile, list(report.problems))
