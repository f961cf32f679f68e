"""What a rendered run needs besides its events and results."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from recall_cli.engine import Contact, Policy
from recall_cli.simulate.clock import Clock


@dataclass(frozen=True, slots=True)
class RunInfo:
    """The inputs that identify a run, written into its output so it can be repeated."""

    policy: Policy
    contacts: Sequence[Contact]
    clock: Clock
    seed: int | None
    until: datetime | None
    with_durations: bool = False
    # The outcome profile's name as given (`BUILTIN_PROFILE` for the built-in one); None for a
    # scripted run.
    profile: str | None = None

    @property
    def start(self) -> datetime:
        return self.clock.start
