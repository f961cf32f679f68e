"""The policy models in words: frequency caps, numbers stopped across the whole campaign, and
do-not-call lists."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from recall_cli.engine import Action, Policy, Status
from recall_cli.engine.caps import SECONDS_PER_DAY, SECONDS_PER_HOUR, Calendar, Cap, Scope
from recall_cli.engine.hours import Hours, LocalTime
from recall_cli.engine.policy import StopScope
from recall_cli.explain.model import Block, Bullets, Line, Paragraph, Section, Tone
from recall_cli.explain.words import Words


def period_words(per: Calendar | int, words: Words) -> str:
    """A cap's period: "per calendar day (from midnight)", "in any 24 hours", "in any 7 days"."""
    if isinstance(per, Calendar):
        return words.say(f"explain.caps.per.{per.value}")
    # "Any 24 hours" reads as people write it; two days and more read as days.
    if per % SECONDS_PER_DAY == 0 and per > SECONDS_PER_DAY:
        return words.say("explain.caps.per.days", n=per // SECONDS_PER_DAY)
    return words.say("explain.caps.per.hours", n=per // SECONDS_PER_HOUR)


def _local(cap: Cap, hours: Hours | None, zone: str, words: Words) -> str:
    """Whose calendar a calendar cap follows; nothing for a rolling one, which is elapsed time."""
    if not isinstance(cap.per, Calendar):
        return ""
    if hours is None or hours.local_time is LocalTime.CAMPAIGN:
        return words.say("explain.caps.local_campaign", zone=zone)
    return words.say(f"explain.caps.local_{cap.scope.value}")


def cap_line(cap: Cap, hours: Hours | None, zone: str, words: Words) -> Line:
    """One cap in a sentence: its max and what it counts, its period, whose calls together, and
    in whose local time a calendar period is read."""
    say = words.say
    return Line(
        say(
            "explain.caps.item",
            amount=say(f"explain.caps.count.{cap.count.value}", n=cap.max),
            period=period_words(cap.per, words),
            scope=say(f"explain.caps.scope.{cap.scope.value}"),
            local=_local(cap, hours, zone, words),
        ),
        Tone.KEY,
    )


def caps_section(caps: Sequence[Cap], hours: Hours | None, zone: str, words: Words) -> Section:
    """How often a record (or a phone) may be called, and what becomes of a call a cap holds."""
    say = words.say
    held = "explain.caps.held_hours" if hours is not None else "explain.caps.held"
    blocks: list[Block] = [
        Paragraph(Line(say("explain.caps.only"))),
        Bullets(tuple(cap_line(cap, hours, zone, words) for cap in caps)),
        Paragraph(Line(say(held))),
    ]
    if any(cap.scope is Scope.PHONE for cap in caps):
        blocks.append(Paragraph(Line(say("explain.caps.phone_shared"), Tone.MUTED)))
    return Section(say("explain.caps.title"), tuple(blocks))


def campaign_stoppers(policy: Policy) -> tuple[Status, ...]:
    """The statuses whose `stop_number` stops the phone in every record that holds it."""
    return tuple(
        status
        for status in Status
        if (rule := policy.rules.get(status)) is not None
        and rule.action is Action.STOP_NUMBER
        and rule.scope is StopScope.CAMPAIGN
    )


def stops_lines(policy: Policy, words: Words) -> tuple[Line, ...]:
    """What a campaign-wide stop does, when a rule has one."""
    stoppers = campaign_stoppers(policy)
    if not stoppers:
        return ()
    statuses = words.either([words.quoted(status) for status in stoppers])
    say = words.say
    return (
        Line(say("explain.stops.campaign", statuses=statuses), Tone.KEY),
        Line(say("explain.stops.cancelled")),
    )


def do_not_call_section(files: Sequence[str], zone: str, words: Words) -> Section:
    """The config's do-not-call files and what a listed number is spared."""
    say = words.say
    names = ", ".join(PurePath(file).name for file in files)
    return Section(
        say("explain.dnc.title"),
        (
            Paragraph(Line(say("explain.dnc.files", n=len(files), files=names), Tone.KEY)),
            Bullets(
                (
                    Line(say("explain.dnc.never")),
                    Line(say("explain.dnc.pending")),
                    Line(say("explain.dnc.closes")),
                    Line(say("explain.dnc.until", zone=zone)),
                )
            ),
        ),
    )
