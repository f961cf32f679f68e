"""The explanation of a whole config: the key idea, the limits, each status, when records close."""

from __future__ import annotations

from recall_cli.engine import Action, Limits, NumberOrder, Policy, Rule, Status
from recall_cli.engine.policy import StopScope
from recall_cli.explain.capacity import capacity
from recall_cli.explain.model import Bullets, Line, Paragraph, Section, Tone
from recall_cli.explain.words import Words

# The record sizes the limits are illustrated on: most lists hold one to three phones.
ILLUSTRATED_NUMBERS = (1, 2, 3)


def idea_section(words: Words) -> Section:
    """ATTEMPT = REPEATS + ACTION, in the language."""
    say = words.say
    return Section(
        say("explain.idea.title"),
        (
            Paragraph(
                Line(
                    say(
                        "explain.idea.status",
                        answered=words.name(Status.ANSWERED),
                        busy=words.name(Status.BUSY),
                        no_answer=words.name(Status.NO_ANSWER),
                    )
                )
            ),
            Paragraph(Line(say("explain.idea.attempt"))),
            Bullets((Line(say("explain.idea.repeats")), Line(say("explain.idea.action")))),
            Paragraph(Line(say("explain.idea.wait"), Tone.MUTED)),
        ),
    )


def limits_section(limits: Limits, words: Words) -> Section:
    """A, B and the switch, with what they give records of one, two and three numbers."""
    say = words.say
    a, b = limits.max_attempts_per_record, limits.max_attempts_per_number
    switch = "explain.limits.all_on" if limits.dial_all_numbers else "explain.limits.all_off"
    examples: list[Line] = []
    for numbers in ILLUSTRATED_NUMBERS:
        found = capacity(limits, numbers)
        if not found.complete:
            examples.append(Line(say("explain.limits.beyond", n=numbers, total=found.total)))
            continue
        split = ", ".join(
            say("explain.limits.split_item", phone=index, count=count)
            for index, count in enumerate(found.per_number, start=1)
        )
        examples.append(
            Line(say("explain.limits.numbers", n=numbers, total=found.total, split=split))
        )
    return Section(
        say("explain.limits.title"),
        (
            Bullets(
                (
                    Line(say("explain.limits.a", a=a), Tone.KEY),
                    Line(say("explain.limits.b", b=b), Tone.KEY),
                    Line(say(switch, b=b), Tone.KEY),
                    *order_lines(limits, words),
                    Line(say("explain.limits.repeats_free")),
                )
            ),
            Paragraph(Line(say("explain.limits.example"))),
            Bullets(tuple(examples)),
        ),
    )


def order_lines(limits: Limits, words: Words) -> tuple[Line, ...]:
    """The number order in a sentence, when it is not the default."""
    if limits.number_order is NumberOrder.FIRST:
        return ()
    return (Line(words.say(f"explain.order.{limits.number_order.value}"), Tone.KEY),)


def action_words(rule: Rule, limits: Limits, words: Words) -> str:
    """What the action of `rule` does, in a clause: "call back no sooner than 1 hour later"."""
    say = words.say
    match rule.action:
        case Action.CALLBACK:
            action = words.callback(rule.after_hours)
        case Action.STOP_NUMBER:
            key = (
                "explain.action.stop_campaign"
                if rule.scope is StopScope.CAMPAIGN
                else "explain.action.stop_number"
            )
            action = say(key if limits.dial_all_numbers else f"{key}_off")
        case Action.STOP_RECORD:
            action = say("explain.action.stop_record")
    if rule.scenario:
        action = say("explain.action.scenario", action=action, name=rule.scenario)
    return action


def rule_line(rule: Rule, limits: Limits, words: Words) -> str:
    """One status's rule in a sentence."""
    say = words.say
    action = action_words(rule, limits, words)
    status = words.name(rule.status)
    if rule.repeats:
        repeats = say("explain.rules.repeats", n=rule.repeats, minutes=rule.interval_minutes)
        return say("explain.rules.with_repeats", status=status, repeats=repeats, action=action)
    return say("explain.rules.no_repeats", status=status, action=action)


def rules_section(policy: Policy, words: Words) -> Section:
    """Each status in the admin screen's order: its repeats and action; then those without."""
    say = words.say
    lines = [Line(say("explain.rules.answered", status=words.name(Status.ANSWERED)), Tone.GOOD)]
    missing: list[str] = []
    for status in Status:
        if status is Status.ANSWERED:
            continue
        rule = policy.rules.get(status)
        if rule is None:
            missing.append(words.quoted(status))
        else:
            lines.append(Line(rule_line(rule, policy.limits, words)))
    blocks: list[Bullets | Paragraph] = [Bullets(tuple(lines))]
    if missing:
        note = say("explain.rules.missing", statuses=", ".join(missing))
        blocks.append(Paragraph(Line(note, Tone.WARN)))
    return Section(say("explain.rules.title"), tuple(blocks))


def closing_section(policy: Policy, words: Words) -> Section:
    """The ways a record closes under this config."""
    say = words.say
    limits = policy.limits
    numbers = "explain.close.numbers_on" if limits.dial_all_numbers else "explain.close.numbers_off"
    lines = [
        Line(say("explain.close.reached"), Tone.GOOD),
        Line(say("explain.close.attempts", a=limits.max_attempts_per_record)),
        Line(say(numbers, b=limits.max_attempts_per_number)),
    ]
    stoppers = [
        words.quoted(status)
        for status in Status
        if (rule := policy.rules.get(status)) is not None and rule.action is Action.STOP_RECORD
    ]
    if stoppers:
        lines.append(Line(say("explain.close.stopped", statuses=words.either(stoppers))))
    lines.append(Line(say("explain.close.no_numbers")))
    return Section(say("explain.close.title"), (Bullets(tuple(lines)),))
