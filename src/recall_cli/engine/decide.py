"""The decision on each dial result — the only place the retry semantics live
(docs/semantics.md#decision)."""

from __future__ import annotations

from dataclasses import dataclass

from recall_cli.engine.policy import Action, Limits, NumberOrder, Policy
from recall_cli.engine.progress import Barred, Progress
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
    # The status's callback count after this decision, when its schedule still has to track it.
    callbacks: int | None = None


_REACHED = Decision(Then.REACHED, closed=RecordState.REACHED)
_ACTION_THEN = {
    Action.CALLBACK: Then.CALLBACK,
    Action.STOP_NUMBER: Then.STOP_NUMBER,
    Action.STOP_RECORD: Then.STOP_RECORD,
}


def next_number(
    limits: Limits, progress: Progress, stopping: int | None, barred: Barred | None = None
) -> int | None:
    """The number the next attempt dials (step 5, in the limits' number order), with
    `stopping` treated as stopped and `barred` numbers not eligible."""
    current = progress.number
    cap = limits.max_attempts_per_number

    def eligible(index: int) -> bool:
        return (
            progress.dialable[index]
            and index != stopping
            and not progress.stopped[index]
            and progress.number_attempts[index] < cap
            and (barred is None or not barred(index))
        )

    if not limits.dial_all_numbers:
        return current if eligible(current) else None
    size = len(progress.dialable)
    match limits.number_order:
        case NumberOrder.FIRST:
            if eligible(current):
                return current
            return next((index for index in range(size) if eligible(index)), None)
        case NumberOrder.NEXT:
            # After the current one, wrapping round; the current one itself comes last.
            ring = ((current + step) % size for step in range(1, size + 1))
            return next((index for index in ring if eligible(index)), None)
        case NumberOrder.LEAST_ATTEMPTED:
            candidates = [index for index in range(size) if eligible(index)]
            if not candidates:
                return None
            return min(candidates, key=lambda index: (progress.number_attempts[index], index))


def decide(
    policy: Policy, progress: Progress, status: Status, barred: Barred | None = None
) -> Decision:
    """Steps 1–5 of docs/semantics.md#decision for a dial of the current number that ended in
    `status`; `barred` numbers are not eligible at this moment."""
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
    following = next_number(policy.limits, progress, stopping, barred)
    if following is None:
        return Decision(then, closed=RecordState.NUMBERS_EXHAUSTED, scenario=rule.scenario)
    if rule.action is not Action.CALLBACK:
        return Decision(then, 0, following, scenario=rule.scenario)
    fired = progress.callbacks.get(status, 0)
    # Past the schedule's last wait the count no longer matters: it stops there.
    counted = min(fired + 1, len(rule.after_hours) - 1) if len(rule.after_hours) > 1 else None
    return Decision(
        then, rule.wait_seconds(fired), following, scenario=rule.scenario, callbacks=counted
    )


def withdraw(policy: Policy, progress: Progress, barred: Barred | None = None) -> Decision:
    """The record's waiting dial is cancelled (its phone is stopped campaign-wide, or on a
    do-not-call list): the record goes on as if its last dial had ended in `stop_number` now —
    its number stopped, A reached closes it, else the next eligible number at once — and the
    decision is applied to `progress`."""
    then = Then.STOP_NUMBER
    if progress.attempts >= policy.limits.max_attempts_per_record:
        decision = Decision(then, closed=RecordState.ATTEMPTS_EXHAUSTED)
    else:
        following = next_number(policy.limits, progress, progress.number, barred)
        if following is None:
            decision = Decision(then, closed=RecordState.NUMBERS_EXHAUSTED)
        else:
            decision = Decision(then, 0, following)
    _end_attempt(progress, decision)
    return decision


def advance(progress: Progress, status: Status, decision: Decision) -> None:
    """Apply a decision to the record's counters."""
    if decision.then is Then.REPEAT:
        count = progress.repeats_used.get(status, 0) + 1
        progress.repeats_used[status] = count
        progress.repeat += 1
        progress.repeat_of = status
        progress.repeat_count = count
        return
    if decision.callbacks is not None:
        progress.callbacks[status] = decision.callbacks
    _end_attempt(progress, decision)


def _end_attempt(progress: Progress, decision: Decision) -> None:
    """Apply a decision that ends the attempt: a stopped number, the next number, no repeat."""
    if decision.then is Then.STOP_NUMBER:
        progress.stopped[progress.number] = True
    if decision.next_number is not None:
        progress.number = decision.next_number
    progress.repeat = 0
    progress.repeats_used = {}
    progress.repeat_of = None
    progress.repeat_count = 0
