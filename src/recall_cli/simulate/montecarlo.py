"""Many runs of a campaign (`--runs N`) and two policies side by side (`recall compare`).

Run i uses seed + i. Each figure is the mean over the runs with a 95 % Student-t interval. In
a comparison both policies meet the same outcome streams in every run (common random numbers:
a record's stream depends on the seed and its id only), so the differences are paired run by
run, and a policy compared with itself differs by exactly zero.

A campaign with a dialer (calling hours, lines) plays every run through it and adds the
dialer's figures: the campaign's end as time from the start (a duration, whose mean over runs
means something, where a mean instant would not), and each other figure with its feature.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from recall_cli.engine import Contact, Policy, RecordState
from recall_cli.simulate import dialer, fast, loop
from recall_cli.simulate.dialing import DialerFigures, LineFigures, Setup
from recall_cli.simulate.random_outcomes import ProfileSource
from recall_cli.simulate.summary import ClosedBy, Summary
from recall_cli.simulate.walk import Walker


class Kind(StrEnum):
    """How a figure reads: a share of records, a plain number, or seconds."""

    SHARE = "share"
    NUMBER = "number"
    SECONDS = "seconds"


@dataclass(frozen=True, slots=True)
class Figure:
    """A scalar figure of a run: its key in JSON, how it reads, how it is measured, and the
    decimals it is shown with when it is a plain number."""

    key: str
    kind: Kind
    measure: Callable[[Summary], float | None]
    digits: int = 2


def _state_share(state: RecordState) -> Callable[[Summary], float | None]:
    return lambda s: s.share(s.states[state])


def _closed_share(cause: ClosedBy) -> Callable[[Summary], float | None]:
    return lambda s: s.share(s.closed_by[cause])


def _spread(part: str) -> Callable[[Summary], float | None]:
    def measure(summary: Summary) -> float | None:
        spread = summary.time_to_reach
        return None if spread is None else float(getattr(spread, part))

    return measure


def _dialer(measure: Callable[[DialerFigures], float | None]) -> Callable[[Summary], float | None]:
    def measured(summary: Summary) -> float | None:
        figures = summary.dialer
        return None if figures is None else measure(figures)

    return measured


def _lines(measure: Callable[[LineFigures], float | None]) -> Callable[[Summary], float | None]:
    def measured(figures: DialerFigures) -> float | None:
        lines = figures.lines
        return None if lines is None else measure(lines)

    return _dialer(measured)


FIGURES: tuple[Figure, ...] = (
    Figure("reach_rate", Kind.SHARE, lambda s: s.reach_rate),
    Figure("reached", Kind.NUMBER, lambda s: s.reached, 1),
    Figure("dials", Kind.NUMBER, lambda s: s.dials, 1),
    Figure("attempts", Kind.NUMBER, lambda s: s.attempts, 1),
    Figure("dials_per_record", Kind.NUMBER, lambda s: s.dials_per_record),
    Figure("attempts_per_record", Kind.NUMBER, lambda s: s.attempts_per_record),
    Figure("dials_per_reached", Kind.NUMBER, lambda s: s.dials_per_reached),
    Figure("attempts_per_reached", Kind.NUMBER, lambda s: s.attempts_per_reached),
    Figure("time_to_reach.median", Kind.SECONDS, _spread("median")),
    Figure("time_to_reach.p90", Kind.SECONDS, _spread("p90")),
    Figure("time_to_reach.max", Kind.SECONDS, _spread("max")),
    *(Figure(f"states.{state.value}", Kind.SHARE, _state_share(state)) for state in RecordState),
    *(Figure(f"closed_by.{cause.value}", Kind.SHARE, _closed_share(cause)) for cause in ClosedBy),
)
"""The figures a Monte Carlo reports, in the order they are shown."""

END = Figure("end", Kind.SECONDS, _dialer(lambda d: d.end))
"""The last dial's end, as time since the start; with any dialer."""
LINE_FIGURES: tuple[Figure, ...] = (
    Figure("lines.utilisation", Kind.SHARE, _lines(lambda found: found.utilisation)),
    Figure("lines.waited_for_line", Kind.NUMBER, _lines(lambda found: found.waited_for_line), 1),
    Figure("lines.median", Kind.SECONDS, _lines(lambda found: found.median)),
    Figure("lines.p90", Kind.SECONDS, _lines(lambda found: found.p90)),
    Figure("lines.max", Kind.SECONDS, _lines(lambda found: found.max)),
)
"""With lines: how busy they were, and the line waits as a run's summary gives them (0 in a
run where no dial waited)."""
HELD_BY_HOURS = Figure("held_by_hours", Kind.NUMBER, _dialer(lambda d: d.held_by_hours), 1)
"""With calling hours: the dials they held."""
BY_KEY: dict[str, Figure] = {
    figure.key: figure for figure in (*FIGURES, END, *LINE_FIGURES, HELD_BY_HOURS)
}


def chosen(*setups: Setup | None) -> tuple[Figure, ...]:
    """The figures of campaigns with these dialers: Part I's, then the dialer's that any of
    them uses."""
    used = [setup for setup in setups if setup is not None]
    if not used:
        return FIGURES
    lines = LINE_FIGURES if any(setup.dialer is not None for setup in used) else ()
    hours = (HELD_BY_HOURS,) if any(setup.hours is not None for setup in used) else ()
    return (*FIGURES, END, *lines, *hours)


# Two-sided 95 % quantiles of Student's t by degrees of freedom; between the rows, linear in
# 1/df (accurate to about 0.001), and 1.96 beyond the last.
_T95: tuple[tuple[int, float], ...] = (
    (1, 12.706),
    (2, 4.303),
    (3, 3.182),
    (4, 2.776),
    (5, 2.571),
    (6, 2.447),
    (7, 2.365),
    (8, 2.306),
    (9, 2.262),
    (10, 2.228),
    (11, 2.201),
    (12, 2.179),
    (13, 2.160),
    (14, 2.145),
    (15, 2.131),
    (16, 2.120),
    (17, 2.110),
    (18, 2.101),
    (19, 2.093),
    (20, 2.086),
    (21, 2.080),
    (22, 2.074),
    (23, 2.069),
    (24, 2.064),
    (25, 2.060),
    (26, 2.056),
    (27, 2.052),
    (28, 2.048),
    (29, 2.045),
    (30, 2.042),
    (40, 2.021),
    (60, 2.000),
    (120, 1.980),
)
_Z95 = 1.960


def t95(df: int) -> float:
    """The 97.5th percentile of Student's t with `df` degrees of freedom."""
    if df < 1:
        raise ValueError(df)
    previous = _T95[0]
    for row in _T95:
        if row[0] == df:
            return row[1]
        if row[0] > df:
            (d0, t0), (d1, t1) = previous, row
            share = (1 / df - 1 / d0) / (1 / d1 - 1 / d0)
            return t0 + (t1 - t0) * share
        previous = row
    d0, t0 = previous
    return t0 + (_Z95 - t0) * (1 - d0 / df)


@dataclass(frozen=True, slots=True)
class Interval:
    """A mean over runs and its 95 % interval (None with fewer than two runs)."""

    mean: float
    low: float | None
    high: float | None
    runs: int

    @property
    def half(self) -> float | None:
        return None if self.high is None else self.high - self.mean

    def within(self, lowest: float | None, highest: float | None) -> Interval:
        """The interval cut to what the figure can be: a share is never below 0 or above 1."""
        low, high = self.low, self.high
        if low is not None and lowest is not None:
            low = max(low, lowest)
        if high is not None and highest is not None:
            high = min(high, highest)
        return Interval(self.mean, low, high, self.runs)


def interval(values: Iterable[float | None]) -> Interval | None:
    """The mean of the values that exist, with a Student-t 95 % interval; None if none do."""
    present = [v for v in values if v is not None]
    n = len(present)
    if not n:
        return None
    mean = math.fsum(present) / n
    if n < 2:
        return Interval(mean, None, None, n)
    variance = math.fsum((v - mean) ** 2 for v in present) / (n - 1)
    half = t95(n - 1) * math.sqrt(variance / n)
    return Interval(mean, mean - half, mean + half, n)


def measures(summary: Summary, shown: Sequence[Figure] = FIGURES) -> dict[str, float | None]:
    return {figure.key: figure.measure(summary) for figure in shown}


Progressed = Callable[[int], None]


def runs(
    policy: Policy,
    contacts: Sequence[Contact],
    source: ProfileSource,
    count: int,
    until: int | None = None,
    only: Iterable[str] | None = None,
    progressed: Progressed | None = None,
    setup: Setup | None = None,
    epoch: int = 0,
) -> list[Summary]:
    """The summaries of `count` runs with seeds seed, seed + 1, …; with `setup`, each through
    its dialer, for a campaign that starts `epoch` seconds after the Unix epoch."""
    machine = fast.Machine(policy, source.tables)
    wanted = None if only is None else tuple(only)
    if setup is not None:
        return [
            dialer.play(
                Walker(policy, source.reseeded(source.seed + i), machine),
                contacts,
                setup,
                epoch,
                until,
                wanted,
                progressed,
            ).summary()
            for i in range(count)
        ]
    return [
        loop.play(
            Walker(policy, source.reseeded(source.seed + i), machine),
            contacts,
            until,
            wanted,
            progressed,
        ).summary()
        for i in range(count)
    ]


ROUGH_BELOW = 30
"""With fewer runs the intervals are rough: the normal approximation behind a Student-t
interval of a share or a count holds poorly, and the bounds move a lot from one seed to the
next."""


def _bounded(
    found: Interval | None, lowest: float | None, highest: float | None
) -> Interval | None:
    return None if found is None else found.within(lowest, highest)


def _bounds(figure: Figure) -> tuple[float, float | None]:
    """What a figure can be: every figure counts or measures, so it is never negative; a share
    is at most 1."""
    return 0.0, 1.0 if figure.kind is Kind.SHARE else None


def figures(
    summaries: Sequence[Summary], shown: Sequence[Figure] = FIGURES
) -> dict[str, Interval | None]:
    """Each figure of `shown` over the runs, in its order: mean and 95 % interval, within what
    the figure can be."""
    table = [measures(summary, shown) for summary in summaries]
    return {
        figure.key: _bounded(interval(row[figure.key] for row in table), *_bounds(figure))
        for figure in shown
    }


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two policies over the same runs: each one's figures, B − A, and (B − A) / A, each
    keyed by the figures' keys in the order they are shown."""

    a: Mapping[str, Interval | None]
    b: Mapping[str, Interval | None]
    difference: Mapping[str, Interval | None]
    relative: Mapping[str, Interval | None]


def compare(
    a: Sequence[Summary], b: Sequence[Summary], shown: Sequence[Figure] = FIGURES
) -> Comparison:
    """Paired figures of two policies run on the same seeds."""
    rows_a = [measures(summary, shown) for summary in a]
    rows_b = [measures(summary, shown) for summary in b]
    difference: dict[str, Interval | None] = {}
    relative: dict[str, Interval | None] = {}
    for figure in shown:
        pairs = [(x[figure.key], y[figure.key]) for x, y in zip(rows_a, rows_b, strict=True)]
        difference[figure.key] = interval(
            None if x is None or y is None else y - x for x, y in pairs
        )
        relative[figure.key] = interval(
            None if x is None or y is None or x == 0 else (y - x) / x for x, y in pairs
        )
    return Comparison(figures(a, shown), figures(b, shown), difference, relative)
