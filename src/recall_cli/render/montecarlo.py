"""Figures over many runs (`--runs N`) and two policies side by side (`recall compare`)."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from recall_cli.messages import Lang, text
from recall_cli.render.numbers import decimal, duration, percent, points
from recall_cli.simulate.montecarlo import (
    BY_KEY,
    ROUGH_BELOW,
    Comparison,
    Figure,
    Interval,
    Kind,
)


def figure_label(figure: Figure, lang: Lang) -> str:
    group, _, name = figure.key.partition(".")
    if group == "states":
        return text(lang, "figures.state", state=text(lang, f"state.{name}"))
    if group == "closed_by":
        return text(lang, "figures.closed", cause=text(lang, f"closed_by.{name}"))
    return text(lang, f"figures.{figure.key}")


def value(figure: Figure, amount: float, lang: Lang) -> str:
    """A figure's value as it reads: a percentage, a number or a duration."""
    if figure.kind is Kind.SHARE:
        return percent(lang, amount)
    if figure.kind is Kind.SECONDS:
        return duration(lang, amount)
    return decimal(lang, amount, figure.digits)


def change(figure: Figure, amount: float, lang: Lang) -> str:
    """A difference B − A, signed: percentage points for shares."""
    sign = "+" if amount > 0 else ""
    if figure.kind is Kind.SHARE:
        return sign + points(lang, amount)
    if figure.kind is Kind.SECONDS:
        return sign + duration(lang, amount)
    return sign + decimal(lang, amount, figure.digits)


def _spread(figure: Figure, found: Interval, lang: Lang, relative: bool = False) -> str:
    """mean ± half-width of a difference (just the mean with one run)."""
    shown = _signed_percent(found.mean, lang) if relative else change(figure, found.mean, lang)
    half = found.half
    if half is None:
        return shown
    width = percent(lang, half) if relative else change(figure, half, lang).lstrip("+")
    return f"{shown} ± {width}"


def _signed_percent(share: float, lang: Lang) -> str:
    return ("+" if share > 0 else "") + percent(lang, share)


def _range(figure: Figure, found: Interval | None, lang: Lang) -> str:
    if found is None or found.low is None or found.high is None:
        return "—"
    return f"{value(figure, found.low, lang)} – {value(figure, found.high, lang)}"


def runs_table(
    campaign: str, first_seed: int, runs: int, found: dict[str, Interval | None], lang: Lang
) -> RenderableType:
    """Each figure's mean over the runs and its 95 % interval."""
    table = Table(
        title=escape(
            text(
                lang,
                "runs.title",
                campaign=campaign,
                runs=runs,
                first=first_seed,
                last=first_seed + runs - 1,
            )
        ),
        title_justify="left",
    )
    table.add_column(text(lang, "runs.figure"))
    table.add_column(text(lang, "runs.mean"), justify="right")
    table.add_column(text(lang, "runs.interval"), justify="right")
    for key, interval in found.items():
        figure = BY_KEY[key]
        if interval is None:
            continue
        table.add_row(
            figure_label(figure, lang),
            value(figure, interval.mean, lang),
            _range(figure, interval, lang),
        )
    note = _note(runs, lang)
    return table if note is None else Group(table, note)


def _note(runs: int, lang: Lang) -> Text | None:
    """What a reader should know of the intervals: none with one run, rough with few."""
    if runs < 2:
        return Text(text(lang, "runs.single"), style="dim")
    if runs < ROUGH_BELOW:
        return Text(text(lang, "runs.rough", runs=runs, enough=ROUGH_BELOW), style="dim")
    return None


def compare_table(
    names: tuple[str, str], first_seed: int, runs: int, comparison: Comparison, lang: Lang
) -> RenderableType:
    """A, B, B − A and (B − A) / A for every figure, with a one-line verdict first."""
    table = Table(
        title=escape(
            text(
                lang,
                "compare.title",
                a=names[0],
                b=names[1],
                runs=runs,
                first=first_seed,
                last=first_seed + runs - 1,
            )
        ),
        title_justify="left",
    )
    table.add_column(text(lang, "runs.figure"))
    table.add_column("A", justify="right")
    table.add_column("B", justify="right")
    table.add_column(text(lang, "compare.difference"), justify="right")
    table.add_column(text(lang, "compare.relative"), justify="right")
    for figure in map(BY_KEY.__getitem__, comparison.a):
        a, b = comparison.a[figure.key], comparison.b[figure.key]
        if a is None and b is None:
            continue
        difference = comparison.difference[figure.key]
        relative = comparison.relative[figure.key]
        table.add_row(
            figure_label(figure, lang),
            "—" if a is None else value(figure, a.mean, lang),
            "—" if b is None else value(figure, b.mean, lang),
            "—" if difference is None else _spread(figure, difference, lang),
            "—" if relative is None else _spread(figure, relative, lang, relative=True),
        )
    note = _note(runs, lang)
    parts = (table,) if note is None else (table, note)
    return Group(Text(headline(comparison, lang), style="bold"), *parts)


def headline(comparison: Comparison, lang: Lang) -> str:
    """The verdict in one line, e.g. "B reaches 2.1 pp ± 0.4 pp more of the list, for 18% ±
    3% more dials.", or that the two policies do not differ at all."""
    reach = comparison.difference["reach_rate"]
    dials = comparison.relative["dials"]
    if _zero(reach) and _zero(dials) and all(_zero(d) for d in comparison.difference.values()):
        return text(lang, "compare.identical")
    reach_mean = reach.mean if reach is not None else 0.0
    dials_mean = dials.mean if dials is not None else 0.0
    return text(
        lang,
        "compare.headline",
        reach=_magnitude(reach, lang, points),
        reach_dir=text(lang, "compare.higher" if reach_mean >= 0 else "compare.lower"),
        dials=_magnitude(dials, lang),
        dials_dir=text(lang, "compare.more" if dials_mean >= 0 else "compare.fewer"),
    )


def _zero(found: Interval | None) -> bool:
    return found is None or (found.mean == 0 and not found.half)


def _magnitude(
    found: Interval | None, lang: Lang, unit: Callable[[Lang, float], str] = percent
) -> str:
    """The size of a change in shares, as a percentage or in percentage points."""
    if found is None:
        return "—"
    shown = unit(lang, abs(found.mean))
    half = found.half
    return shown if half is None else f"{shown} ± {unit(lang, half)}"
