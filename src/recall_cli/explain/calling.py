"""Calling hours and lines in words: when a call may start, in whose local time, what becomes
of a call due while calls may not start, and how many calls run at once.

The examples of a callback that lands in closed hours are worked on the weekly windows alone,
on an elapsed-time clock (holidays and daylight saving aside), as `recall validate` judges them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from recall_cli.engine import Policy
from recall_cli.engine.dialer import Dialer, Order
from recall_cli.engine.hours import (
    DAYS_PER_WEEK,
    PRESETS,
    SECONDS_PER_DAY,
    SECONDS_PER_WEEK,
    Day,
    Hours,
    LocalTime,
    Week,
)
from recall_cli.explain.model import Block, Bullets, Line, Paragraph, Section, Tone
from recall_cli.explain.words import Words

WEEKDAYS = range(5)
WEEKEND = range(5, 7)
MINUTE = 60
# Seconds in a hundredth of an hour: real waits are shown to two decimals, as validate does.
HUNDREDTH_HOUR = 36


@dataclass(frozen=True, slots=True)
class Days:
    """Days of the week that share their windows: `first` to `last` (indices, Monday 0);
    `group` names them when they are a whole group ("every_day", "weekdays", "weekend")."""

    first: int
    last: int
    group: str | None = None


def fold_week(week: Week) -> tuple[tuple[Days, Day], ...]:
    """The week as the config's group keys would write it: every day alike, else the weekdays
    (alike, or in runs of neighbouring days alike) and the weekend (alike, or day by day)."""
    if all(day == week[0] for day in week):
        return ((Days(0, 6, "every_day"), week[0]),)
    return (*_fold(week, WEEKDAYS, "weekdays"), *_fold(week, WEEKEND, "weekend"))


def _fold(week: Week, days: range, group: str) -> list[tuple[Days, Day]]:
    if all(week[index] == week[days.start] for index in days):
        return [(Days(days.start, days[-1], group), week[days.start])]
    runs: list[tuple[Days, Day]] = []
    for index in days:
        if runs and runs[-1][1] == week[index]:
            runs[-1] = (Days(runs[-1][0].first, index), week[index])
        else:
            runs.append((Days(index, index), week[index]))
    return runs


@dataclass(frozen=True, slots=True)
class Landing:
    """A callback `wait` seconds after a call at `call` falls due at `due`, when calls may not
    start, and rings at `rings`: all in seconds from a Monday 00:00 of local time."""

    wait: int
    call: int
    due: int
    rings: int


def _openings(week: Week) -> list[tuple[int, int]]:
    """Three laps of the week's windows as [start, end) seconds from the first Monday 00:00."""
    return [
        (
            lap + index * SECONDS_PER_DAY + window.start * MINUTE,
            lap + index * SECONDS_PER_DAY + window.end * MINUTE,
        )
        for lap in (0, SECONDS_PER_WEEK, 2 * SECONDS_PER_WEEK)
        for index, day in enumerate(week)
        for window in day
    ]


def _closed_parts(
    start: int, end: int, openings: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The parts of [start, end) that no opening covers."""
    parts: list[tuple[int, int]] = []
    at = start
    for low, high in openings:
        if high <= at or low >= end:
            continue
        if low > at:
            parts.append((at, low))
        at = max(at, high)
    if at < end:
        parts.append((at, end))
    return parts


def landing(week: Week, wait: int) -> Landing | None:
    """The example of a callback after `wait` seconds that lands when calls may not start, or
    None when every landing is open.

    The first window of the week (Monday first) from which some call's callback lands closed;
    of its calls whose callbacks land in one closed stretch, the one in the middle of the
    stretch that holds the callback longest.
    """
    openings = _openings(week)
    first_lap = [(low, high) for low, high in openings if low < SECONDS_PER_WEEK]
    # Waits of a week or more land like their remainder; the call's day is the same.
    laps, rest = divmod(wait, SECONDS_PER_WEEK)
    for low, high in first_lap:
        found: Landing | None = None
        for due_low, due_high in _closed_parts(low + rest, high + rest, openings):
            middle = (due_low + due_high) // 2 - rest
            # A whole minute reads better, if the stretch holds one.
            call = max(middle - middle % MINUTE, due_low - rest)
            due = call + rest
            rings = min(start for start, _ in openings if start >= due)
            held = rings - due
            if found is None or held > found.rings - found.due:
                extra = laps * SECONDS_PER_WEEK
                found = Landing(wait, call, due + extra, rings + extra)
        if found is not None:
            return found
    return None


def preset_name(hours: Hours) -> str | None:
    """The preset these hours are (`ru_230fz`, `us_tcpa`), or None."""
    return next((name for name, preset in PRESETS.items() if preset == hours), None)


def _clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    shown = f"{hours:02d}:{minutes:02d}"
    return f"{shown}:{seconds:02d}" if seconds else shown


def _hundredths(seconds: int) -> float:
    return round(seconds / HUNDREDTH_HOUR) / 100


@dataclass(frozen=True, slots=True)
class _Say:
    words: Words

    def joined(self, items: Sequence[str]) -> str:
        if len(items) == 1:
            return items[0]
        return self.words.say("explain.hours.and", items=", ".join(items[:-1]), last=items[-1])

    def day(self, day: Day) -> str:
        if not day:
            return self.words.say("explain.hours.closed")
        return self.joined([f"{_clock(w.start * MINUTE)}–{_clock(w.end * MINUTE)}" for w in day])

    def days(self, days: Days) -> str:
        say = self.words.say
        if days.group is not None:
            return say(f"explain.hours.group.{days.group}")
        if days.first == days.last:
            return say(f"explain.hours.day.{days.first}")
        first = say(f"explain.hours.day.{days.first}")
        return say("explain.hours.run", first=first, last=say(f"explain.weekday.{days.last}"))

    def moment(self, seconds: int, reference: int | None = None) -> str:
        """A moment of the week: "on Monday at 21:30", or "at 22:30" on `reference`'s day."""
        day, of_day = divmod(seconds, SECONDS_PER_DAY)
        if reference is not None and day == reference // SECONDS_PER_DAY:
            return self.words.say("explain.hours.at", time=_clock(of_day))
        on = self.words.say(f"explain.hours.on.{day % DAYS_PER_WEEK}")
        return self.words.say("explain.hours.on_at", on=on, time=_clock(of_day))


def _holiday_line(hours: Hours, say: _Say) -> Line:
    words = say.words
    if not hours.countries and not hours.dates:
        return Line(words.say("explain.hours.no_holidays"), Tone.MUTED)
    which: list[str] = []
    if hours.countries:
        codes = sorted(hours.countries)
        which.append(words.say("explain.hours.countries", codes=say.joined(codes), n=len(codes)))
    for day in sorted(hours.dates):
        month = words.say(f"explain.mon.{day.month}")
        which.append(words.say("explain.hours.date", day=day.day, month=month, year=day.year))
    return Line(
        words.say(
            "explain.hours.holidays", which=", ".join(which), hours=say.day(hours.holiday_hours)
        )
    )


def _local_time(hours: Hours, zone: str, column: str | None, words: Words) -> Line:
    if hours.local_time is LocalTime.CAMPAIGN:
        return Line(words.say("explain.hours.local_campaign", zone=zone))
    source = (
        words.say("explain.hours.column_named", column=column)
        if column is not None
        else words.say("explain.hours.column_any")
    )
    return Line(words.say("explain.hours.local_record", column=source, zone=zone))


def _waits(policy: Policy) -> list[int]:
    """The callback waits of the rules, shortest first, each once."""
    return sorted({wait for rule in policy.rules.values() for wait in rule.waits})


def landing_line(found: Landing, words: Words) -> Line:
    """One callback that lands in closed hours, in a sentence."""
    say = _Say(words)
    hours = found.wait / 3600
    total = _hundredths(found.rings - found.call)
    return Line(
        words.say(
            "explain.hours.landing",
            hours=hours,
            shown=words.hours(hours),
            call=say.moment(found.call),
            due=say.moment(found.due, found.call),
            rings=say.moment(found.rings),
            total=total,
            total_shown=words.hours(total),
        )
    )


def hours_section(hours: Hours, policy: Policy, column: str | None, words: Words) -> Section:
    """When calls may start: the preset, each day's windows, holidays, whose local time, what
    becomes of a call due when calls may not start, and callbacks that land then."""
    say = _Say(words)
    blocks: list[Block] = []
    preset = preset_name(hours)
    if preset is not None:
        blocks.append(Paragraph(Line(words.say(f"explain.hours.preset.{preset}"), Tone.KEY)))
    days = [
        Line(words.say("explain.hours.day_line", days=say.days(run), hours=say.day(day)))
        for run, day in fold_week(hours.week)
    ]
    blocks.append(Paragraph(Line(words.say("explain.hours.only"))))
    blocks.append(Bullets((*days, _holiday_line(hours, say))))
    blocks.append(Paragraph(_local_time(hours, policy.timezone, column, words)))
    blocks.append(Paragraph(Line(words.say("explain.hours.held"))))
    found = [found for wait in _waits(policy) if (found := landing(hours.week, wait)) is not None]
    if found:
        holidays = hours.countries or hours.dates
        note = "explain.hours.worth_holidays" if holidays else "explain.hours.worth"
        blocks.append(Paragraph(Line(words.say(note), Tone.MUTED)))
        blocks.append(Bullets(tuple(landing_line(item, words) for item in found)))
    return Section(words.say("explain.hours.title"), tuple(blocks))


def lines_section(dialer: Dialer, hours: Hours | None, words: Words) -> Section:
    """How many calls run at once and which waiting call gets a free line first."""
    say = words.say
    order = (
        "explain.lines.retries_first"
        if dialer.order is Order.RETRIES_FIRST
        else "explain.lines.due_time"
    )
    held: Iterable[Line] = (Line(say("explain.lines.closing")),) if hours is not None else ()
    return Section(
        say("explain.lines.title"),
        (
            Paragraph(Line(say("explain.lines.count", n=dialer.lines), Tone.KEY)),
            Bullets((Line(say(order)), Line(say("explain.lines.hold")), *held)),
        ),
    )
