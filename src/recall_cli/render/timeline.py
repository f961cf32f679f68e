"""Per-record timelines and the campaign summary as Rich tables (docs/semantics.md#worked-example
layout)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from recall_cli.engine import RecordState, Status, Then, label
from recall_cli.explain.describe import describe_held, describe_then, short_time, wall_clock
from recall_cli.messages import Lang, text
from recall_cli.messages.visible import visible
from recall_cli.render.figures import summary_table
from recall_cli.render.numbers import duration
from recall_cli.render.run import RunInfo
from recall_cli.simulate.dialing import Cancellation, HeldBy
from recall_cli.simulate.simulator import Event, RecordResult
from recall_cli.simulate.summary import Summary

__all__ = ["render_run", "status_text", "summary_table", "timeline_table"]

_STATUS_STYLE = {
    Status.ANSWERED: "bold green",
    Status.BUSY: "yellow",
    Status.CONGESTION: "yellow",
    Status.NO_ANSWER: "yellow",
    Status.SILENCE: "yellow",
    Status.INVALID_NUMBER: "red",
    Status.FAILED: "red",
    Status.CONNECTION_PROBLEM: "red",
}


def status_text(status: Status) -> Text:
    return Text(f"{label(status)} ({status.value})", style=_STATUS_STYLE.get(status, "magenta"))


def timeline_table(
    run: RunInfo,
    result: RecordResult,
    events: Sequence[Event],
    lang: Lang,
    closing: Cancellation | None = None,
) -> RenderableType:
    """One record's dials as the slide lays them out; `closing`: the cancelled dial that
    closed it, if one did."""
    limits = run.policy.limits
    contact = result.contact
    # The list's cells are shown through `visible`, as messages show their values.
    phones = visible(", ".join(phone for phone in contact.phones if phone)) or "—"
    names = visible(" ".join(value for _, value in contact.fields[:2] if value))
    title = text(lang, "timeline.title", record=contact.id)
    if names:
        title += f" · {names}"
    # A title given as text is read as Rich markup: `[/]` in a name would stop the run.
    table = Table(title=escape(f"{title} · {phones}"), title_justify="left", expand=False)
    # Only the time stays whole: on a narrow terminal the other cells wrap rather than vanish
    # behind an ellipsis.
    table.add_column(text(lang, "timeline.time"), no_wrap=True)
    for key in (
        "timeline.phone",
        "timeline.attempt",
        "timeline.number_attempt",
        "timeline.repeat",
        "timeline.status",
    ):
        table.add_column(text(lang, key), overflow="fold")
    if run.with_durations:
        table.add_column(text(lang, "timeline.duration"), justify="right", overflow="fold")
    table.add_column(text(lang, "timeline.then"), overflow="fold")
    reference = run.clock.at(0)
    # A timeline that leaves the start's day shows the date on every row, so that rows read
    # apart at a glance; one within the day shows times alone.
    dated = any(run.clock.at(event.time).date() != reference.date() for event in events)
    for index, event in enumerate(events):
        following = events[index + 1] if index + 1 < len(events) else None
        row: list[RenderableType] = [
            clock_time(run.clock.at(event.time), reference, dated),
            escape(f"{event.number + 1} · {visible(contact.phones[event.number])}"),
            f"{event.attempt}/{limits.max_attempts_per_record}",
            f"{event.number_attempt}/{limits.max_attempts_per_number}",
            _repeat(run, event),
            status_text(event.status),
        ]
        if run.with_durations:
            row.append(f"{event.duration} s")
        then = _then(run, event, lang)
        if run.dialer is not None:
            then = _dialer_then(run, event, following, then, dated, lang)
        row.append(then)
        table.add_row(*row)
    footer = _footer(run, result, events, dated, lang, closing)
    return Group(table, footer) if footer is not None else table


def clock_time(moment: datetime, reference: datetime, dated: bool = False) -> str:
    """HH:MM as `short_time` shows it (with the date always when `dated`); in the hour a
    fall-back to winter time shows twice, with the UTC offset, so that the two 01:30 rows of a
    night read apart: "01:30 (-04:00)"."""
    shown = moment.strftime("%d.%m %H:%M") if dated else short_time(moment, reference)
    offset = moment.utcoffset()
    if offset is None or moment.replace(fold=1 - moment.fold).utcoffset() == offset:
        return shown
    return f"{shown} ({_offset(offset)})"


def _offset(offset: timedelta) -> str:
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(offset) // timedelta(minutes=1)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _repeat(run: RunInfo, event: Event) -> str:
    if event.repeat == 0 or event.repeat_of is None:
        return "—"
    budget = run.policy.rules[event.repeat_of].repeats
    return f"{event.repeat_count}/{budget}"


def _then(run: RunInfo, event: Event, lang: Lang) -> Text:
    words = describe_then(event, run.policy, wall_clock(run.clock), lang)
    if event.then is Then.REACHED:
        return Text(words, style="bold green")
    if event.closed is not None:
        return Text(words, style="bold red")
    return Text(words)


def _dialer_then(
    run: RunInfo,
    event: Event,
    following: Event | None,
    then: Text,
    dated: bool,
    lang: Lang,
) -> Text:
    """`then` with what held the dial in front ("due 21:40 → 02.12 09:00 (calling hours)",
    "waited 12 min for a line"), and, when the record's next dial was held past the time
    its wait set, where it really starts (", held to 02.12 09:00")."""
    reference = run.clock.at(0)
    if (
        following is not None
        and event.next_time is not None
        and following.time != event.next_time
        and event.closed is None
    ):
        start = clock_time(run.clock.at(following.time), reference, dated)
        then = then + Text(text(lang, "dialer.lands", time=start))
    held = held_words(run, event, dated, lang)
    if held is None:
        return then
    return Text(held + "\n", style="dim") + then


def held_words(run: RunInfo, event: Event, dated: bool, lang: Lang) -> str | None:
    """What held a dial, in words; None when it started when it was due."""
    if event.due is None or event.due == event.time or not event.held_by:
        return None
    if event.held_by == (HeldBy.LINE,):
        return text(lang, "dialer.waited_line", wait=duration(lang, event.time - event.due))
    clock = run.clock
    return describe_held(
        event,
        lambda moment, reference: clock_time(clock.at(moment), clock.at(reference), dated),
        lang,
    )


def _footer(
    run: RunInfo,
    result: RecordResult,
    events: Sequence[Event],
    dated: bool,
    lang: Lang,
    closing: Cancellation | None = None,
) -> Text | None:
    if closing is not None:
        time = clock_time(run.clock.at(closing.at), run.clock.at(0), dated)
        number = closing.number + 1
        if closing.by is None:
            words = text(lang, "timeline.cancelled.dnc", time=time, number=number)
        else:
            record = visible(run.contacts[closing.by].id)
            words = text(lang, "timeline.cancelled.stop", time=time, number=number, record=record)
        return Text(words, style="bold red")
    if result.state is RecordState.NO_NUMBERS:
        return Text(text(lang, "timeline.no_dials"), style="red")
    if result.state is RecordState.OPEN and events and events[-1].next_time is not None:
        moment = run.clock.at(events[-1].next_time)
        return Text(
            text(lang, "timeline.open", time=clock_time(moment, run.clock.at(0), dated)),
            style="cyan",
        )
    return None


def render_run(
    console: Console,
    run: RunInfo,
    events: Iterable[Event],
    results: Sequence[RecordResult],
    summary: Summary,
    lang: Lang,
) -> None:
    """Every record's timeline in list order, then the summary."""
    by_record: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        by_record[event.record].append(event)
    closings = {} if summary.dialer is None else summary.dialer.closings or {}
    for result in results:
        events_of = by_record.get(result.position, [])
        closing = closings.get(result.position)
        console.print(timeline_table(run, result, events_of, lang, closing))
        console.print()
    console.print(summary_table(run, summary, lang))
