"""A rule's repeats make one attempt need more dials than a `count: dials` cap allows in its
period.

An attempt of a status with `repeats: r` may take r + 1 dials, `interval_minutes` apart. A cap
that counts every dial (`count: dials`, the default) and allows fewer in its period holds the
repeat past its allowance: to the next day, week or month for a calendar period (unless the
attempt happens to cross the period's start), or, for a rolling period longer than the
repeats take, until that period has passed since the attempt's first dial. The repeat is still
a repeat, long after the short interval it was meant for. Reported at the rule's `repeats`,
naming the cap that holds the earliest repeat.

FAIL::

    rules:
      busy: {repeats: 3, interval_minutes: 5, action: callback, after_hours: 1}
    caps:
      - {max: 2, per: day}

PASS::

    rules:
      busy: {repeats: 3, interval_minutes: 5, action: callback, after_hours: 1}
    caps:
      - {max: 2, per: day, count: attempts}
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.engine import Status
from recall_cli.engine.caps import SECONDS_PER_DAY, SECONDS_PER_HOUR, Calendar, Cap, Count
from recall_cli.engine.policy import SECONDS_PER_MINUTE
from recall_cli.engine.policy import Rule as StatusRule
from recall_cli.loaders import codes
from recall_cli.messages import Message
from recall_cli.problems import Problem
from recall_cli.validate.context import Context, rule_location
from recall_cli.validate.rule import Rule, Scope
from recall_cli.validate.rules.rc620_caps_lengthen_campaign import cap_location, cap_words

RULE = Rule(codes.CAP_BELOW_REPEATS, Scope.CONFIG)


def holds_a_repeat(rule: StatusRule, cap: Cap) -> bool:
    """Whether `cap` holds a repeat of an attempt whose dials all end in `rule`'s status."""
    if cap.count is not Count.DIALS or rule.repeats + 1 <= cap.max:
        return False
    if isinstance(cap.per, Calendar):
        return True
    # The dial past the allowance comes `max` intervals after the first; a rolling period
    # still holds the first then.
    return cap.max * rule.interval_minutes * SECONDS_PER_MINUTE < cap.per


def held_until(cap: Cap) -> Message:
    """Until when the cap holds the repeat, in words."""
    if isinstance(cap.per, Calendar):
        return Message(f"validate.repeats_held.{cap.per.value}")
    if cap.per % SECONDS_PER_DAY == 0 and cap.per > SECONDS_PER_DAY:
        return Message("validate.repeats_held.days", {"n": cap.per // SECONDS_PER_DAY})
    return Message("validate.repeats_held.hours", {"n": cap.per // SECONDS_PER_HOUR})


def check(ctx: Context) -> Iterator[Problem]:
    campaign = ctx.campaign
    if ctx.config is None or campaign is None or not campaign.caps:
        return
    for status in Status:
        rule = campaign.policy.rules.get(status)
        if rule is None or not rule.repeats:
            continue
        holding = [(i, cap) for i, cap in enumerate(campaign.caps) if holds_a_repeat(rule, cap)]
        if not holding:
            continue
        # The cap with the smallest allowance holds the earliest repeat (the first of equals).
        index, cap = min(holding, key=lambda found: found[1].max)
        yield RULE.finding(
            rule_location(campaign, ctx.config, status, "repeats"),
            "validate.cap_below_repeats",
            status=campaign.status_name(status),
            n=rule.repeats,
            minutes=rule.interval_minutes,
            dials=rule.repeats + 1,
            cap=cap_words(cap),
            line=cap_location(ctx.config, index).line,
            max=cap.max,
            held=cap.max,
            until=held_until(cap),
        )
