"""Helpers shared by the tests: build policies and play records through the real simulator."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

from typer.testing import CliRunner

from recall_cli.cli import app
from recall_cli.engine import Action, Contact, Limits, Policy, Rule, Status
from recall_cli.simulate.clock import Clock
from recall_cli.simulate.outcomes import ScriptSource
from recall_cli.simulate.simulator import Event, RecordResult, simulate

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CONFIGS = ROOT / "sample_configs"
SAMPLE_LISTS = ROOT / "sample_lists"
MOSCOW = ZoneInfo("Europe/Moscow")
START = datetime(2026, 12, 1, 10, 0, tzinfo=MOSCOW)
CLOCK = Clock(START, MOSCOW)


def rule(
    status: Status,
    action: Action,
    repeats: int = 0,
    interval: int = 0,
    hours: float = 0,
    scenario: str | None = None,
) -> Rule:
    return Rule(status, action, repeats, interval, (hours,) if hours else (), scenario)


def policy(a: int, b: int, dial_all: bool, *rules: Rule) -> Policy:
    return Policy(Limits(a, b, dial_all), {r.status: r for r in rules}, name="test")


def play(
    pol: Policy,
    phones: Sequence[str],
    outcomes: Mapping[int, Sequence[Status]],
    default: Status | None = None,
    until: int | None = None,
) -> tuple[list[Event], RecordResult]:
    """One record with `phones`, scripted per 1-based number."""
    contact = Contact("1", tuple(phones))
    source = ScriptSource({"1": {n - 1: tuple(s) for n, s in outcomes.items()}}, default)
    sim = simulate(pol, (contact,), source, until)
    events = list(sim.events())
    return events, sim.results[0]


def hhmm(seconds: int | None) -> str | None:
    return None if seconds is None else CLOCK.at(seconds).strftime("%H:%M")


Row = tuple[str | None, int, int, int, int, str, str, str | None, int | None, str | None]


def rows(events: Sequence[Event]) -> list[Row]:
    """Each event as (time, phone, attempt, number attempt, repeat, status, then, next at,
    next phone, closed), with 1-based phones."""
    return [
        (
            hhmm(e.time),
            e.number + 1,
            e.attempt,
            e.number_attempt,
            e.repeat,
            e.status.value,
            e.then.value,
            hhmm(e.next_time),
            None if e.next_number is None else e.next_number + 1,
            None if e.closed is None else e.closed.value,
        )
        for e in events
    ]


def benchmark_module(name: str) -> ModuleType:
    """`benchmarks/<name>.py` loaded as a module (the folder is not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # where dataclasses look a module's annotations up
    spec.loader.exec_module(module)
    return module


def explain_handout(tmp_path: Path, config: Path, *args: str, lang: str = "en") -> str:
    """The trace's section of `recall explain`'s Markdown handout (its title lines name the
    config's path)."""
    target = tmp_path / "trace.md"
    argv = ["explain", str(config), *args, "--lang", lang, "--export", str(target)]
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    return text[text.index("## ") :]
