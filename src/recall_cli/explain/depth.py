"""One status in depth (`--status`): its rule, what each part means, and what the engine does
to a record whose every call ends in it."""

from __future__ import annotations

from collections.abc import Sequence

from recall_cli.engine import Action, Policy, Rule, Status
from recall_cli.engine.policy import StopScope
from recall_cli.explain.model import Block, Bullets, Line, Paragraph, Section, Tone
from recall_cli.explain.overview import rule_line
from recall_cli.explain.teller import Teller
from recall_cli.explain.tips import tip_lines
from recall_cli.explain.trace import run_trace
from recall_cli.explain.words import Words
from recall_cli.problems import Problem

# Calls shown when every call ends in the status; the record closes sooner under sane limits.
MAX_DIALS = 50


def status_section(
    policy: Policy, status: Status, findings: Sequence[Problem], phones: int, teller: Teller
) -> Section:
    """`status` explained in depth; `findings` are the tips about its rule."""
    words = teller.words
    say = words.say
    title = words.name(status)
    if status is Status.ANSWERED:
        return Section(title, (Paragraph(Line(say("explain.depth.answered", status=title))),))
    rule = policy.rules.get(status)
    if rule is None:
        missing = say("explain.depth.missing", status=words.quoted(status))
        return Section(title, (Paragraph(Line(missing, Tone.WARN)),))
    blocks: list[Block] = [
        Paragraph(Line(rule_line(rule, policy.limits, words), Tone.KEY)),
        Bullets(_parts(rule, policy, words)),
    ]
    trace = run_trace(policy, (status,), phones, cycle=True, limit=MAX_DIALS)
    heading = say("explain.depth.always", phones=phones, status=words.quoted(status))
    blocks.append(Paragraph(Line(teller.clock.opening(), Tone.MUTED)))
    blocks.append(teller.timeline(trace, heading))
    if trace.result is None:
        blocks.append(Paragraph(Line(say("explain.depth.cut", n=len(trace.events)), Tone.WARN)))
    else:
        blocks.extend(Paragraph(Line(text, tone)) for text, tone in teller.ending(trace))
    if findings:
        blocks.append(Paragraph(Line(say("explain.tips.title"), Tone.KEY)))
        blocks.append(Bullets(tip_lines(findings, words)))
    return Section(title, tuple(blocks))


def _parts(rule: Rule, policy: Policy, words: Words) -> tuple[Line, ...]:
    say = words.say
    name = words.quoted(rule.status)
    parts: list[Line] = []
    if rule.repeats:
        parts.append(
            Line(say("explain.depth.repeats", n=rule.repeats, minutes=rule.interval_minutes))
        )
        parts.append(Line(say("explain.depth.budget", status=name), Tone.MUTED))
    else:
        parts.append(Line(say("explain.depth.no_repeats", status=name)))
    match rule.action:
        case Action.CALLBACK:
            if len(rule.after_hours) == 1:
                (hours,) = rule.after_hours
                action = say("explain.depth.callback", hours=hours, shown=words.hours(hours))
            else:
                action = words.callback(rule.after_hours)
        case Action.STOP_NUMBER:
            on = policy.limits.dial_all_numbers
            action = say("explain.depth.stop_number_on" if on else "explain.depth.stop_number_off")
        case Action.STOP_RECORD:
            action = say("explain.depth.stop_record")
    parts.append(Line(action))
    if rule.scope is StopScope.CAMPAIGN:
        parts.append(Line(say("explain.stops.campaign", statuses=name)))
        parts.append(Line(say("explain.stops.cancelled")))
    if rule.scenario:
        parts.append(Line(say("explain.depth.scenario", name=rule.scenario)))
    if rule.action is Action.CALLBACK:
        parts.append(Line(say("explain.idea.wait"), Tone.MUTED))
    return tuple(parts)
