"""A run's figures under its timelines: the summary, how records closed, dials by status, and
a chart of dials per hour that reads at a glance."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from recall_cli.engine import RecordState, Status, label
from recall_cli.loaders.default_profile import NAME as BUILTIN_PROFILE
from recall_cli.messages import Lang, text
from recall_cli.render.numbers import decimal, duration, percent
from recall_cli.render.run import RunInfo
from recall_cli.simulate.dialing import DialerFigures
from recall_cli.simulate.summary import SECONDS_PER_HOUR, ClosedBy, Summary

_STATE_STYLE = {
    RecordState.REACHED: "bold green",
    RecordState.OPEN: "cyan",
}
CHART_ROWS = 24
"""At most this many bars: beyond it, hours are grouped (2, 3, 4, 6, 8, 12, 24 h, days…)."""
BAR_WIDTH = 40
_BUCKETS = (1, 2, 3, 4, 6, 8, 12, 24)
_EIGHTHS = " ▏▎▍▌▋▊▉"


def summary_table(run: RunInfo, summary: Summary, lang: Lang) -> RenderableType:
    """Every figure of a run, table by table, with the chart last."""
    parts: list[RenderableType] = [
        _main(run, summary, lang),
        _states(summary, lang),
    ]
    if summary.records > summary.reached:
        parts.append(_closed_by(summary, lang))
    if any(summary.dials_by_status.values()):
        parts.append(_by_status(summary, lang))
    chart = hours_chart(run, summary, lang)
    if chart is not None:
        parts.append(chart)
    return Group(*parts)


def _main(run: RunInfo, summary: Summary, lang: Lang) -> Table:
    table = Table(
        title=escape(text(lang, "summary.title", campaign=run.policy.name)),
        title_justify="left",
        show_header=False,
    )
    table.add_column()
    table.add_column(justify="right")
    table.add_row(text(lang, "summary.start"), run.start.isoformat())
    if run.until is not None:
        table.add_row(text(lang, "summary.horizon"), run.until.isoformat())
    if run.profile is not None:
        name = (
            text(lang, "summary.builtin_profile") if run.profile == BUILTIN_PROFILE else run.profile
        )
        table.add_row(text(lang, "summary.outcomes"), escape(name))
        table.add_row(text(lang, "summary.seed"), str(run.seed))
    table.add_row(text(lang, "summary.records"), str(summary.records))
    table.add_row(text(lang, "summary.reached"), str(summary.reached))
    table.add_row(text(lang, "summary.reach_rate"), percent(lang, summary.reach_rate))
    table.add_row(text(lang, "summary.dials"), str(summary.dials))
    table.add_row(text(lang, "summary.attempts"), str(summary.attempts))
    table.add_row(text(lang, "figures.dials_per_record"), decimal(lang, summary.dials_per_record))
    table.add_row(
        text(lang, "figures.attempts_per_record"), decimal(lang, summary.attempts_per_record)
    )
    per_reached = summary.dials_per_reached
    attempts_per_reached = summary.attempts_per_reached
    if per_reached is not None and attempts_per_reached is not None:
        table.add_row(text(lang, "figures.dials_per_reached"), decimal(lang, per_reached))
        table.add_row(
            text(lang, "figures.attempts_per_reached"), decimal(lang, attempts_per_reached)
        )
    spread = summary.time_to_reach
    if spread is not None:
        for key, seconds in (("median", spread.median), ("p90", spread.p90), ("max", spread.max)):
            table.add_row(text(lang, f"figures.time_to_reach.{key}"), duration(lang, seconds))
    if run.dialer is not None and summary.dialer is not None:
        for label_text, value in dialer_rows(run, summary.dialer, lang):
            table.add_row(label_text, value)
    return table


def dialer_rows(run: RunInfo, figures: DialerFigures, lang: Lang) -> list[tuple[str, str]]:
    """The dialer's figures as (label, value) rows, each only with its feature."""
    assert run.dialer is not None
    rows: list[tuple[str, str]] = []
    lines = figures.lines
    if run.dialer.lines and lines is not None:
        used = "—" if lines.utilisation is None else percent(lang, lines.utilisation)
        rows.append((text(lang, "dialer.utilisation"), used))
        rows.append((text(lang, "dialer.waited_for_line"), str(lines.waited_for_line)))
        if lines.waited_for_line:
            for key, seconds in (("median", lines.median), ("p90", lines.p90), ("max", lines.max)):
                rows.append((text(lang, f"dialer.wait.{key}"), duration(lang, seconds)))
    if run.dialer.hours and figures.held_by_hours is not None:
        rows.append((text(lang, "dialer.held_by_hours"), str(figures.held_by_hours)))
    if run.dialer.zones and figures.zone_fallback is not None:
        rows.append((text(lang, "dialer.zone_fallback"), str(figures.zone_fallback)))
    if run.dialer.do_not_call and figures.do_not_call is not None:
        rows.append((text(lang, "dialer.do_not_call"), str(figures.do_not_call)))
    if run.dialer.cancelled and figures.cancelled is not None:
        rows.append((text(lang, "dialer.cancelled"), str(figures.cancelled)))
    if figures.end is not None:
        rows.append((text(lang, "dialer.end"), run.clock.at(figures.end).isoformat()))
    return rows


def _counts(
    lang: Lang, title: str, unit: str, rows: Iterable[tuple[str | Text, int]], total: int
) -> Table:
    """A table of counts with their shares of `total`."""
    table = Table()
    table.add_column(title)
    table.add_column(text(lang, unit), justify="right")
    table.add_column(text(lang, "summary.share"), justify="right")
    for name, count in rows:
        table.add_row(name, str(count), percent(lang, count / total if total else 0.0))
    return table


def _states(summary: Summary, lang: Lang) -> Table:
    rows = (
        (
            Text(text(lang, f"state.{state.value}"), style=_STATE_STYLE.get(state, "")),
            summary.states[state],
        )
        for state in RecordState
    )
    return _counts(lang, text(lang, "summary.state"), "summary.count", rows, summary.records)


def _closed_by(summary: Summary, lang: Lang) -> Table:
    rows = (
        (text(lang, f"closed_by.{cause.value}"), summary.closed_by[cause]) for cause in ClosedBy
    )
    return _counts(lang, text(lang, "closed_by.title"), "summary.count", rows, summary.records)


def _by_status(summary: Summary, lang: Lang) -> Table:
    rows = (
        (f"{label(status)} ({status.value})", count)
        for status in Status
        if (count := summary.dials_by_status.get(status, 0))
    )
    return _counts(lang, text(lang, "by_status.title"), "by_status.dials", rows, summary.dials)


def bucket_hours(hours: dict[int, int]) -> int:
    """How many hours one bar covers: the smallest step that keeps the chart to CHART_ROWS
    lines, counting a line for each run of empty bars."""
    size = 0
    for size in (*_BUCKETS, *(24 * days for days in range(2, 366))):
        if _lines(hours, size) <= CHART_ROWS:
            return size
    return size


def _lines(hours: dict[int, int], size: int) -> int:
    used = sorted({hour // size for hour in hours})
    gaps = sum(1 for before, after in itertools.pairwise(used) if after > before + 1)
    return len(used) + gaps


def bar(share: float, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of `share` (0–1) of `width` cells, to an eighth of a cell; a value
    above zero always shows."""
    eighths = round(share * width * 8)
    if share > 0:
        eighths = max(eighths, 1)
    full, part = divmod(eighths, 8)
    return ("█" * full + _EIGHTHS[part]).rstrip()


def hours_chart(run: RunInfo, summary: Summary, lang: Lang) -> RenderableType | None:
    """Dials per hour of the campaign (or per few hours) as bars, empty stretches folded; with
    lines, also the mean number of lines busy over each hour (busy line-seconds / 3600)."""
    busy = _busy_by_hour(run, summary)
    hours = summary.dials_by_hour
    if not hours:
        return None
    if busy is not None:
        hours = {hour: hours.get(hour, 0) for hour in sorted({*hours, *busy})}
    size = bucket_hours(hours)
    buckets: dict[int, int] = {}
    for hour, dials in hours.items():
        buckets[hour // size] = buckets.get(hour // size, 0) + dials
    seconds: dict[int, int] = {}
    for hour, used in (busy or {}).items():
        seconds[hour // size] = seconds.get(hour // size, 0) + used
    peak = max(buckets.values())
    title = _chart_title(size, busy is not None, lang)
    table = Table(title=title, title_justify="left", show_header=False, box=None)
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True, style="cyan")
    table.add_column(justify="right", no_wrap=True)
    if busy is not None:
        table.add_column(justify="right", no_wrap=True)
    previous: int | None = None
    for index in sorted(buckets):
        if previous is not None and index > previous + 1:
            gap = (index - previous - 1) * size
            table.add_row("", Text(text(lang, "hours.gap", hours=gap), style="dim"), "")
        moment = run.clock.at(index * size * SECONDS_PER_HOUR)
        dials = buckets[index]
        row = [moment.strftime("%d.%m %H:%M"), bar(dials / peak), str(dials)]
        if busy is not None:
            lines = seconds.get(index, 0) / (size * SECONDS_PER_HOUR)
            row.append(text(lang, "hours.busy", lines=decimal(lang, lines, 1)))
        table.add_row(*row)
        previous = index
    return table


def _busy_by_hour(run: RunInfo, summary: Summary) -> Mapping[int, int] | None:
    """Busy line-seconds per hour when the run has lines; None otherwise."""
    figures = summary.dialer
    if run.dialer is None or not run.dialer.lines or figures is None:
        return None
    return figures.busy_by_hour


def _chart_title(size: int, lines: bool, lang: Lang) -> str:
    suffix = "_lines" if lines else ""
    if size == 1:
        return text(lang, f"hours.title{suffix}")
    return text(lang, f"hours.title_many{suffix}", hours=size)
