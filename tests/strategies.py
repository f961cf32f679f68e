"""Hypothesis strategies shared by the property tests: policies, lists and scripts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from hypothesis import strategies as st

from recall_cli.engine import (
    NOT_REACHED,
    Action,
    Contact,
    Limits,
    NumberOrder,
    Policy,
    Profile,
    Rule,
    Status,
)
from recall_cli.engine.hours import Day, Hours, LocalTime, Window
from recall_cli.simulate.outcomes import OutcomeSource, ScriptSource
from recall_cli.simulate.random_outcomes import ProfileSource

STATUSES = (Status.ANSWERED, *NOT_REACHED)


WAITS = st.sampled_from([1.0, 1.5, 3.0, 24.0, 27.0])


@st.composite
def schedules(draw: st.DrawFn) -> tuple[float, ...]:
    """Mostly one wait (Part I); now and then a callback schedule of 2–4 waits."""
    if draw(st.integers(0, 9)):
        return (draw(WAITS),)
    return tuple(draw(st.lists(WAITS, min_size=2, max_size=4)))


@st.composite
def rules(draw: st.DrawFn, status: Status) -> Rule:
    action = draw(st.sampled_from(Action))
    repeats = draw(st.integers(0, 3))
    return Rule(
        status=status,
        action=action,
        repeats=repeats,
        interval_minutes=draw(st.integers(1, 10)) if repeats else 0,
        after_hours=draw(schedules()) if action is Action.CALLBACK else (),
        scenario=draw(st.none() | st.just("send_sms")),
    )


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    every = draw(st.booleans())
    # Mostly Part I's order; another order only where it may be used.
    order = NumberOrder.FIRST
    if every and not draw(st.integers(0, 4)):
        order = draw(st.sampled_from([NumberOrder.NEXT, NumberOrder.LEAST_ATTEMPTED]))
    limits = Limits(draw(st.integers(1, 6)), draw(st.integers(1, 4)), every, order)
    table = {status: draw(rules(status)) for status in NOT_REACHED}
    return Policy(limits, table, name="property")


@st.composite
def contacts(draw: st.DrawFn) -> tuple[Contact, ...]:
    """1–5 records over 1–3 phone columns, any cell possibly empty (so some have no phone)."""
    columns = draw(st.integers(1, 3))
    return tuple(
        Contact(
            str(i + 1),
            tuple(draw(st.sampled_from(["", f"9{i:02d}{n}000000"])) for n in range(columns)),
        )
        for i in range(draw(st.integers(1, 5)))
    )


@dataclass(frozen=True)
class Scenario:
    policy: Policy
    contacts: tuple[Contact, ...]
    source: ScriptSource


@st.composite
def scenarios(draw: st.DrawFn, default: bool = True) -> Scenario:
    pol = draw(policies())
    people = draw(contacts())
    outcome = st.sampled_from(STATUSES[1:]) | st.sampled_from(STATUSES)
    records = {
        contact.id: {
            n: tuple(draw(st.lists(outcome, max_size=8)))
            for n in range(len(contact.phones))
            if contact.phones[n]
        }
        for contact in people
    }
    fallback = draw(st.sampled_from(STATUSES)) if default else None
    return Scenario(pol, people, ScriptSource(records, fallback))


# Random outcomes (issue 3): profiles with `after` rows and durations, and scenarios to play them.


@st.composite
def distributions(draw: st.DrawFn) -> dict[Status, float]:
    """A few statuses with weights that sum to 1."""
    chosen = draw(st.lists(st.sampled_from(STATUSES), min_size=1, max_size=5, unique=True))
    weights = [draw(st.integers(1, 10)) for _ in chosen]
    total = sum(weights)
    return {status: weight / total for status, weight in zip(chosen, weights, strict=True)}


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    """A profile; with luck some `after` rows (an invalid number staying invalid, say) and some
    durations, fixed or ranged."""
    first = draw(distributions())
    after = {
        status: draw(distributions())
        for status in draw(st.lists(st.sampled_from(NOT_REACHED), max_size=3, unique=True))
    }
    durations: dict[Status, tuple[int, int]] = {}
    for status in draw(st.lists(st.sampled_from(STATUSES), max_size=4, unique=True)):
        low = draw(st.integers(0, 120))
        durations[status] = (low, low + draw(st.sampled_from([0, 0, 1, 59, 600])))
    return Profile("<strategy>", first, after, durations)


@dataclass(frozen=True)
class RandomScenario:
    policy: Policy
    contacts: tuple[Contact, ...]
    profile: Profile
    seed: int
    until: int | None


@st.composite
def random_scenarios(draw: st.DrawFn) -> RandomScenario:
    return RandomScenario(
        draw(policies()),
        draw(contacts()),
        draw(profiles()),
        draw(st.integers(-(2**70), 2**70)),
        draw(st.none() | st.integers(0, 4 * 24 * 3600)),
    )


# The dialer (calling hours, lines): outcomes with durations, calling hours, zones.


@dataclass(frozen=True, slots=True)
class _TimedStream:
    lists: Mapping[int, Sequence[tuple[Status, int]]]
    default: tuple[Status, int]
    used: dict[int, int]

    def next(self, number: int) -> tuple[Status, int]:
        index = self.used.get(number, 0)
        self.used[number] = index + 1
        outcomes = self.lists.get(number, ())
        return outcomes[index] if index < len(outcomes) else self.default


@dataclass(frozen=True, slots=True)
class TimedScript:
    """Exact outcomes with durations per record and number (0-based), then `default`."""

    records: Mapping[str, Mapping[int, Sequence[tuple[Status, int]]]]
    default: tuple[Status, int] = (Status.ANSWERED, 0)

    def stream(self, contact: Contact) -> _TimedStream:
        return _TimedStream(self.records.get(contact.id, {}), self.default, {})

    def statuses(self) -> frozenset[Status]:
        found = {s for numbers in self.records.values() for seq in numbers.values() for s, _ in seq}
        return frozenset({*found, self.default[0]})


ZONES = ("Europe/Moscow", "Asia/Yekaterinburg", "Europe/Berlin", "America/New_York", "UTC")


@st.composite
def days(draw: st.DrawFn) -> Day:
    """A day's windows: closed, or one to three windows on the quarter hour that do not overlap."""
    bounds = sorted(draw(st.lists(st.integers(0, 96), min_size=0, max_size=6, unique=True)))
    pairs = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds) - 1, 2)]
    return tuple(Window(start * 15, end * 15) for start, end in pairs)


@st.composite
def calling_hours(draw: st.DrawFn) -> Hours:
    """Hours with at least one open weekday, maybe a holiday date and holiday hours."""
    week = draw(st.tuples(*[days() for _ in range(7)]))
    if not any(week):
        week = ((Window(9 * 60, 21 * 60),), *week[1:])
    holiday = draw(st.sets(st.dates(date(2026, 12, 1), date(2026, 12, 20)), max_size=2))
    return Hours(
        week,
        dates=frozenset(holiday),
        holiday_hours=draw(days()),
        local_time=draw(st.sampled_from(LocalTime)),
    )


@st.composite
def timed_scripts(draw: st.DrawFn, people: tuple[Contact, ...]) -> TimedScript:
    """Outcomes for `people` with durations of 0 to 2 h, zero often."""
    duration = st.sampled_from([0, 0, 30, 600, 3600, 7200]) | st.integers(0, 900)
    outcome = st.tuples(st.sampled_from(STATUSES[1:]) | st.sampled_from(STATUSES), duration)
    records = {
        contact.id: {
            n: tuple(draw(st.lists(outcome, max_size=6)))
            for n in range(len(contact.phones))
            if contact.phones[n]
        }
        for contact in people
    }
    return TimedScript(records, draw(st.tuples(st.sampled_from(STATUSES), duration)))


@st.composite
def outcome_sources(draw: st.DrawFn, people: tuple[Contact, ...]) -> OutcomeSource:
    """Timed scripted outcomes for `people`, or a profile with a seed: a run's source either way."""
    if draw(st.booleans()):
        return draw(timed_scripts(people))
    return ProfileSource(draw(profiles()), draw(st.integers(0, 2**32)))
