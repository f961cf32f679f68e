"""A frequency cap makes a record that uses all its attempts last longer than its callback
waits do.

A record that makes all A attempts starts at least A counted dials (`count: attempts`), or,
counting every dial (`count: dials`, the default), at least A dials and one more for every
repeat an attempt must use before it can end (the fewest repeats of a rule that ends an
attempt). A cap of `max` per period spreads them over at least ⌈dials / max⌉ calendar periods,
or, for a rolling period, over at least ⌈dials / max⌉ − 1 periods from the first dial to the
last. The finding gives that figure when the least time the cap leaves between the first dial
and the last (for calendar periods, ⌈dials / max⌉ − 2 of the shortest such periods and a
second) is longer than A − 1 of the rules' shortest callback wait; with several caps, only the
one that binds longest is reported, at its place in `caps`.

FAIL::

    limits: {max_attempts_per_record: 10, max_attempts_per_number: 10}
    rules:
      no_answer: {action: callback, after_hours: 1}
    caps:
      - {max: 1, per: day}

PASS::

    limits: {max_attempts_per_record: 10, max_attempts_per_number: 10}
    rules:
      no_answer: {action: callback, after_hours: 24}
    caps:
      - {max: 1, per: day}
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from recall_cli.engine import Action, Policy
from recall_cli.engine.caps import SECONDS_PER_DAY, SECONDS_PER_HOUR, Calendar, Cap, Count
from recall_cli.loaders import codes
from recall_cli.loaders.config import ConfigReport
from recall_cli.loaders.yaml_tree import Sequence
from recall_cli.messages import Message
from recall_cli.problems import Location, Problem
from recall_cli.validate.context import Context, child
from recall_cli.validate.rule import Rule, Scope
from recall_cli.validate.rules.rc615_callback_in_closed_hours import hours_value

RULE = Rule(codes.CAPS_LENGTHEN_CAMPAIGN, Scope.CONFIG)

# The shortest length of each calendar period: two dials one period apart in the calendar may
# be this close in time, less a second (a month: February's 28 days).
_SHORTEST = {
    Calendar.DAY: SECONDS_PER_DAY,
    Calendar.WEEK: 7 * SECONDS_PER_DAY,
    Calendar.MONTH: 28 * SECONDS_PER_DAY,
}


def cap_location(report: ConfigReport, index: int) -> Location:
    """Where the cap `caps[index]` is written (the file's start if it cannot be found)."""
    found = child(report.document.root, "caps")
    if found is not None and isinstance(found[1], Sequence) and index < len(found[1].items):
        return found[1].items[index].location
    return Location(report.document.file, 1, 1)


def period_words(per: Calendar | int) -> Message:
    """A cap's period after "per": "day", "rolling 24 hours", "rolling 7 days"."""
    if isinstance(per, Calendar):
        return Message(f"validate.cap.per.{per.value}")
    # "Rolling 24 hours" reads as people write it; two days and more read as days.
    if per % SECONDS_PER_DAY == 0 and per > SECONDS_PER_DAY:
        return Message("validate.cap.per.days", {"n": per // SECONDS_PER_DAY})
    return Message("validate.cap.per.hours", {"n": per // SECONDS_PER_HOUR})


def cap_words(cap: Cap) -> Message:
    """A cap in words: "1 dial per day", "2 attempts per rolling 24 hours"."""
    return Message(
        f"validate.cap.{cap.count.value}", {"max": cap.max, "per": period_words(cap.per)}
    )


def fewest_dials(policy: Policy, count: Count) -> int | None:
    """The fewest dials a cap of `count` counts for a record that makes all its A attempts;
    None when no rule lets an attempt end without closing the record."""
    attempts = policy.limits.max_attempts_per_record
    if count is Count.ATTEMPTS:
        return attempts
    repeats = [r.repeats for r in policy.rules.values() if r.action is not Action.STOP_RECORD]
    if not repeats:
        return None
    # Every attempt but the last ends unreached, after its status used up its repeats.
    return (attempts - 1) * (1 + min(repeats)) + 1


@dataclass(frozen=True, slots=True)
class Stretch:
    """What one cap makes of a record that makes all its attempts: `periods` of the cap that
    its counted dials need at least, and the least time from its first dial to its last."""

    index: int
    cap: Cap
    dials: int
    periods: int
    least: int

    def span(self) -> Message:
        """The figure in words: "10 calendar days", "9 days from the first dial to the last"."""
        per = self.cap.per
        if isinstance(per, Calendar):
            return Message(f"validate.caps_span.{per.value}", {"n": self.periods})
        rolled = (self.periods - 1) * per
        if per % SECONDS_PER_DAY == 0:
            return Message("validate.caps_span.days", {"n": rolled // SECONDS_PER_DAY})
        return Message("validate.caps_span.hours", {"n": rolled // SECONDS_PER_HOUR})


def stretch(index: int, cap: Cap, policy: Policy) -> Stretch | None:
    """The stretch of `caps[index]`, or None when it never holds a dial of such a record."""
    dials = fewest_dials(policy, cap.count)
    if dials is None or dials <= cap.max:
        return None
    periods = -(-dials // cap.max)
    per = cap.per
    # Calendar periods: the first dial just before a period ends, the last just after one starts.
    least = (periods - 2) * _SHORTEST[per] + 1 if isinstance(per, Calendar) else (periods - 1) * per
    return Stretch(index, cap, dials, periods, least)


def shortest_wait(policy: Policy) -> int:
    """The shortest wait, in seconds, any callback rule sets (0 when none calls back)."""
    return min((w for rule in policy.rules.values() for w in rule.waits), default=0)


def check(ctx: Context) -> Iterator[Problem]:
    campaign = ctx.campaign
    if ctx.config is None or campaign is None or not campaign.caps:
        return
    policy = campaign.policy
    found = [s for i, cap in enumerate(campaign.caps) if (s := stretch(i, cap, policy))]
    if not found:
        return
    # The binding cap: the one that holds the record longest (the first of equals).
    binding = max(found, key=lambda s: s.least)
    attempts = policy.limits.max_attempts_per_record
    waits = (attempts - 1) * shortest_wait(policy)
    if binding.least <= waits:
        return
    key = (
        "validate.caps_lengthen.dials"
        if binding.cap.count is Count.DIALS
        else "validate.caps_lengthen.attempts"
    )
    yield RULE.finding(
        cap_location(ctx.config, binding.index),
        key,
        cap=cap_words(binding.cap),
        a=attempts,
        dials=binding.dials,
        span=binding.span(),
        waits=hours_value(waits),
    )
