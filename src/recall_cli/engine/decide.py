"""The decision on each dial result — the only place the retry semantics live
(docs/semantics.md#decision)."""

from __future__ import annotations

from dataclasses import dataclass

from recall_cli.engine.policy import Action, Limits, Policy
from recall_cli.engine.progress import Progress
from recall_cli.engine.states import RecordState, Then
from recall_cli.engine.status import Status


class MissingRuleError(LookupError):
    """A dial ended in a status the policy has no rule for."""

    def __init__(self, status: Status) -> None:
        super().__init__(status.value)
        self.status = status


@dataclass(frozen=True, slots=True)
class Decision:
    """What follows one dial: `delay` seconds after it ends, dial `next_number`, or close."""

    then: Then
    delay: int = 0
    next_number: int | None = None
    closed: RecordState | None = None
    scenario: str | None = None


_REACHED = Decision(Then.REACHED, closed=RecordState.REACHED)
_ACTION_THEN = {
    Action.CALLBACK: Then.CALLBACK,
    Action.STOP_NUMBER: Then.STOP_NUMBER,
    Action.STOP_RECORD: Then.STOP_RECORD,
}


def next_number(limits: Limits, progress: Progress, stopping: int | None) -> int | None:
    """The number the next attempt dials (step 5), with `stopping` treated as stopped."""
    current = progress.number
    cap = limits.max_attempts_per_number
    if (
        current != stopping
        and not progress.stopped[current]
        and progress.number_attempts[current] < cap
    ):
        return current
    if not limits.dial_all_numbers:
        return None
    for index, present in enumerate(progress.dialable):
        if (
            present
            and index != stopping
            and not progress.stopped[index]
            and progress.number_attempts[index] < cap
        ):
            return index
    return None


def decide(policy: Policy, progress: Progress, status: Status) -> Decision:
    """Steps 1–5 of docs/semantics.md#decision for a dial of the current number that ended in
    `status`."""
    if status is Status.ANSWERED:
        return _REACHED
    rule = policy.rules.get(status)
    if rule is None:
        raise MissingRuleError(status)
    if progress.repeats_used.get(status, 0) < rule.repeats:
        return Decision(Then.REPEAT, rule.interval_seconds, progress.number)
    then = _ACTION_THEN[rule.action]
    if rule.action is Action.STOP_RECORD:
        return Decision(then, closed=RecordState.STOPPED, scenario=rule.scenario)
    if progress.attempts >= policy.limits.max_attempts_per_record:
        return Decision(then, closed=RecordState.ATTEMPTS_EXHAUSTED, scenario=rule.scenario)
    stopping = progress.number if rule.action is Action.STOP_NUMBER else None
    following = next_number(policy.limits, progress, stopping)
    if following is None:
        return Decision(then, closed=RecordState.NUMBERS_EXHAUSTED, scenario=rule.scenario)
    return Decision(then, rule.wait_seconds, following, scenario=rule.scenario)


def advance(progress: Progress, status: Status, decision: Decision) -> None:
    """Apply a decision to the record's counters."""
    if decision.then is Then.REPEAT:
        count = progress.repeats_used.get(status, 0) + 1
        progress.repeats_used[status] = count
        progress.repeat += 1
        progress.repeat_of = status
        progress.repeat_count = count
        return
    if decision.then is Then.STOP_NUMBER:
        progress.stopped[progress.number] = True
    if decision.next_number is not None:
        progress.number = decision.next_number
    progress.repeat = 0
    progress.repeats_used = {}
    progress.repeat_of = None
    progress.repeat_count = 0
