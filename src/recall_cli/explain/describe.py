"""Words for what followed a dial, generated from the engine's decision (never re-derived)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from recall_cli.engine import NumberOrder, Policy, RecordState, Then
from recall_cli.messages import Lang, number, text
from recall_cli.simulate.clock import Clock
from recall_cli.simulate.simulator import Event


def short_time(moment: datetime, reference: datetime) -> str:
    """HH:MM, with the day in front when it is not the reference's day."""
    if moment.date() == reference.date():
        return moment.strftime("%H:%M")
    return moment.strftime("%d.%m %H:%M")


TimeWords = Callable[[int, int], str]
"""How a time is shown: virtual seconds of the next dial, seconds of the dial it follows."""


def wall_clock(clock: Clock) -> TimeWords:
    """Times as a timeline shows them: HH:MM, with the day when it changes."""
    return lambda moment, reference: short_time(clock.at(moment), clock.at(reference))


def describe_held(event: Event, when: TimeWords, lang: Lang) -> str | None:
    """When a held dial was due, when it started and what held it: "due 21:40 → 02.12 09:00
    (calling hours)", due shown against the start of the run, the start against the due; None
    when the dial started when it was due."""
    if event.due is None or event.due == event.time or not event.held_by:
        return None
    reasons = ", ".join(text(lang, f"dialer.held.{reason.value}") for reason in event.held_by)
    return text(
        lang,
        "dialer.held",
        due=when(event.due, 0),
        start=when(event.time, event.due),
        reasons=reasons,
    )


def callback_hours(event: Event, schedule: tuple[float, ...]) -> float:
    """The wait, in hours, that the engine set after `event`'s callback: the rule's one wait, or
    for a schedule the k-th value, read back from when the next dial is due."""
    if len(schedule) == 1:
        return schedule[0]
    assert event.next_time is not None
    return (event.next_time - event.time - event.duration) / 3600


def describe_then(event: Event, policy: Policy, when: TimeWords, lang: Lang) -> str:
    """What happens after `event`, and why, with times shown by `when`.

    E.g. "phone 1 spent 3/3 → phone 2, call back in 3 h → 17:15".
    """
    rules = policy.rules
    limits = policy.limits
    phone = event.number + 1
    if event.then is Then.REACHED:
        return text(lang, "then.reached")
    if event.then is Then.REPEAT:
        rule = rules[event.status]
        return text(lang, "then.repeat", minutes=rule.interval_minutes)
    if event.then is Then.STOP_RECORD:
        words = text(lang, "then.stop_record")
    elif event.closed is RecordState.ATTEMPTS_EXHAUSTED:
        words = text(
            lang,
            "then.closed_attempts",
            used=limits.max_attempts_per_record,
            cap=limits.max_attempts_per_record,
        )
    elif event.closed is RecordState.NUMBERS_EXHAUSTED:
        key = "then.closed_stopped" if event.then is Then.STOP_NUMBER else "then.closed_spent"
        words = text(
            lang, key, phone=phone, used=event.number_attempt, cap=limits.max_attempts_per_number
        )
    else:
        words = _onward(event, policy, when, lang)
    scenario = event.scenario
    if scenario:
        words += text(lang, "then.scenario", name=scenario)
    return words


def _onward(event: Event, policy: Policy, when: TimeWords, lang: Lang) -> str:
    assert event.next_time is not None
    assert event.next_number is not None
    phone = event.number + 1
    switch = ""
    if event.next_number != event.number:
        key = "then.switch_stopped" if event.then is Then.STOP_NUMBER else "then.switch_spent"
        if (
            key == "then.switch_spent"
            and policy.limits.number_order is not NumberOrder.FIRST
            and event.number_attempt < policy.limits.max_attempts_per_number
        ):
            # Not spent: the number order moved the record on.
            key = "then.switch_order"
        switch = text(
            lang,
            key,
            phone=phone,
            used=event.number_attempt,
            cap=policy.limits.max_attempts_per_number,
            next=event.next_number + 1,
        )
    if event.then is Then.STOP_NUMBER:
        if switch:
            return switch + text(lang, "then.at_once")
        return text(lang, "then.stop_number", phone=phone)
    hours = callback_hours(event, policy.rules[event.status].after_hours)
    return switch + text(
        lang,
        "then.callback",
        hours=hours,
        shown=number(lang, hours),
        time=when(event.next_time, event.time),
    )
