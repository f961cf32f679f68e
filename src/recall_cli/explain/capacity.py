"""How many attempts the limits give a record with some numbers, found by playing the engine.

A record that never gets through is played by the simulator under the config's limits with
one callback rule, so the breakdown comes from the engine's own choice of the next number.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from recall_cli.engine import Action, Limits, Policy, Rule, Status
from recall_cli.explain.trace import run_trace

# Play at most this many attempts: beyond it the exact figure teaches nothing.
MAX_ATTEMPTS = 1000
_NEVER = Status.NO_ANSWER


@dataclass(frozen=True, slots=True)
class Capacity:
    """The attempts on each of a record's numbers (in column order) before it closed;
    `complete` is False when it had more than `MAX_ATTEMPTS` and the play was cut."""

    per_number: tuple[int, ...]
    complete: bool

    @property
    def total(self) -> int:
        return sum(self.per_number)


def capacity(limits: Limits, numbers: int) -> Capacity:
    """The attempts a record with `numbers` numbers gets when no call is ever answered."""
    never = Rule(_NEVER, Action.CALLBACK, after_hours=(1.0,))
    policy = Policy(limits, {_NEVER: never})
    trace = run_trace(policy, (_NEVER,), numbers, cycle=True, limit=MAX_ATTEMPTS)
    counts = Counter(event.number for event in trace.events)
    return Capacity(tuple(counts[index] for index in range(numbers)), trace.result is not None)
