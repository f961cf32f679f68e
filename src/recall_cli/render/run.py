"""What a rendered run needs besides its events and results."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from recall_cli.engine import Contact, Policy
from recall_cli.simulate.clock import Clock


@dataclass(frozen=True, slots=True)
class DialerOutput:
    """What a run that uses the dialer (calling hours, lines, a script's durations) writes
    besides Part I's output: each event's `due` and `held_by` and the summary's `end` always,
    each other figure only with its feature."""

    lines: bool = False
    """The summary's `lines`: the config sets `dialer.lines`."""
    hours: bool = False
    """The summary's `held_by_hours`: the config sets `hours`."""
    zones: bool = False
    """The summary's `zone_fallback`: hours are judged in the record's local time."""
    caps: bool = False
    """The summary's `held_by_caps`: the config sets `caps`."""
    do_not_call: bool = False
    """The summary's `do_not_call`: the run has do-not-call lists."""
    cancelled: bool = False
    """The summary's `cancelled` and each record's `cancelled`: the run has do-not-call lists
    or stops of scope campaign."""


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
    dialer: DialerOutput | None = None
    """What the dialer adds to the output; None for a Part I run, whose output is as it was."""
    shown: frozenset[int] | None = None
    """The list positions shown when the run played more records than `--record` chose (the
    dialer's lines make records wait for each other); None: every record played is shown."""

    @property
    def start(self) -> datetime:
        return self.clock.start
