"""An outcome profile as a value: what random dial results a run draws from.

The loader builds it from a file; the simulator compiles it into tables and draws from them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from recall_cli.engine.status import Status
from recall_cli.problems import Location


@dataclass(frozen=True, slots=True)
class Profile:
    """Random outcomes: the first dial's distribution, the next one's given a number's previous
    status, and each status's duration range in whole seconds (low == high when fixed)."""

    file: str
    outcomes: Mapping[Status, float]
    after: Mapping[Status, Mapping[Status, float]] = field(default_factory=dict)
    durations: Mapping[Status, tuple[int, int]] = field(default_factory=dict)
    # Where each status that can occur is first named, for the missing-rule check.
    first_use: dict[Status, Location] = field(default_factory=dict, compare=False)

    def statuses(self) -> frozenset[Status]:
        """The statuses drawn with a probability above zero, in `outcomes` or any `after` row."""
        rows = (self.outcomes, *self.after.values())
        return frozenset(status for row in rows for status, p in row.items() if p > 0)

    @property
    def timed(self) -> bool:
        """Whether any dial takes time (then events carry durations, docs/semantics.md#decision)."""
        return any(high > 0 for _, high in self.durations.values())
