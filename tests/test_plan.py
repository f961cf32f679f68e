"""Planning a run from plain option values: each bad option's `UsageError`, the order in which
mistakes are told, and the plans good options give."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from recall_cli.cli import app
from recall_cli.cli.plan import (
    CompareFormat,
    CompareOptions,
    RunFormat,
    RunOptions,
    plan_compare,
    plan_run,
)
from recall_cli.cli.times import Horizon
from recall_cli.cli.usage import UsageError
from recall_cli.loaders import codes
from recall_cli.loaders.default_profile import NAME as BUILTIN_PROFILE
from recall_cli.messages import Lang, Message
from recall_cli.problems import ExitCode, Location, RecallError, UnreadableError

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "sample_configs" / "worked_example.yaml"
SCRIPT = ROOT / "sample_configs" / "worked_example.script.yaml"
PROFILE = ROOT / "sample_configs" / "realistic.profile.yaml"
DEFAULT = ROOT / "sample_configs" / "cloud_contact_default.yaml"
ONE = ROOT / "sample_lists" / "source_record.csv"
MANY = ROOT / "sample_lists" / "campaign_300.csv"
MOSCOW = ZoneInfo("Europe/Moscow")
START = "2026-12-01T10:00"
MISSING = ROOT / "no such config.yaml"


def _refused(options: RunOptions) -> tuple[str, Message]:
    with pytest.raises(UsageError) as raised:
        plan_run(options)
    assert raised.value.exit_code is ExitCode.USAGE
    assert raised.value.problems == ()
    return raised.value.option, raised.value.message


BASE = RunOptions(CONFIG, ONE, start=START)


def _run(**given: Any) -> RunOptions:
    return replace(BASE, **given)


@pytest.mark.parametrize(
    ("given", "option", "message"),
    [
        (
            {"script": SCRIPT, "profile": PROFILE},
            "--profile",
            Message("option.script_and_profile"),
        ),
        ({"runs": 0}, "--runs", Message("option.runs_range", {"runs": 0, "most": 10_000})),
        ({"runs": -3}, "--runs", Message("option.runs_range", {"runs": -3, "most": 10_000})),
        (
            {"runs": 10_001},
            "--runs",
            Message("option.runs_range", {"runs": 10_001, "most": 10_000}),
        ),
        (
            {"runs": 2, "output_format": RunFormat.CSV},
            "--runs",
            Message("option.runs_format", {"format": "csv"}),
        ),
        (
            {"runs": 2, "output_format": RunFormat.JSONL},
            "--runs",
            Message("option.runs_format", {"format": "jsonl"}),
        ),
        ({"runs": 2, "script": SCRIPT}, "--runs", Message("option.runs_with_script")),
    ],
)
def test_options_refused_among_themselves_before_any_file_is_read(
    given: dict[str, Any], option: str, message: Message
) -> None:
    # The config is not there: these are told before anything is read.
    assert _refused(_run(config=MISSING, **given)) == (option, message)


@pytest.mark.parametrize(
    ("given", "option", "message"),
    [
        ({"start": "tomorrow"}, "--start", Message("option.bad_moment", {"value": "tomorrow"})),
        (
            {"start": "0999-12-31T10:00"},
            "--start",
            Message(
                "option.moment_range", {"value": "0999-12-31T10:00", "first": 1900, "last": 2999}
            ),
        ),
        ({"until": "12:00"}, "--until", Message("option.bad_moment", {"value": "12:00"})),
        (
            {"until": "3000-01-01T00:00"},
            "--until",
            Message(
                "option.moment_range", {"value": "3000-01-01T00:00", "first": 1900, "last": 2999}
            ),
        ),
        (
            {"until": "2026-12-01T09:59:59"},
            "--until",
            Message("option.until_before_start"),
        ),
    ],
)
def test_times_are_refused_once_the_campaign_zone_is_known(
    given: dict[str, Any], option: str, message: Message
) -> None:
    assert _refused(_run(script=SCRIPT, **given)) == (option, message)


def test_usage_errors_render_in_the_language_asked() -> None:
    _, message = _refused(_run(runs=0))
    assert message.render(Lang.EN) == "--runs must be from 1 to 10000, got 0"
    _, message = _refused(_run(script=SCRIPT, until="2026-12-01T09:00"))
    assert message.render(Lang.EN) == "the horizon is before the start"


def test_script_and_profile_are_told_before_a_bad_runs() -> None:
    options = _run(script=SCRIPT, profile=PROFILE, runs=0)
    assert _refused(options) == ("--profile", Message("option.script_and_profile"))


def test_options_are_told_before_an_output_that_is_an_input() -> None:
    assert _refused(_run(runs=0, output=ONE))[0] == "--runs"


def test_an_output_that_is_an_input_is_refused_before_any_file_is_read() -> None:
    with pytest.raises(UnreadableError) as raised:
        plan_run(_run(config=MISSING, script=SCRIPT, output=SCRIPT))
    [problem] = raised.value.problems
    assert (problem.location, problem.code) == (Location(str(SCRIPT)), codes.UNREADABLE)
    assert problem.message == Message("output.is_input", {"input": str(SCRIPT)})


def test_an_unknown_record_is_invalid_input_not_a_usage_error() -> None:
    with pytest.raises(RecallError) as raised:
        plan_run(_run(script=SCRIPT, records=("1", "42", "43")))
    assert type(raised.value) is RecallError
    assert raised.value.exit_code is ExitCode.INVALID
    assert [(p.location, p.code, p.message) for p in raised.value.problems] == [
        (
            Location(str(ONE)),
            codes.SCRIPT_UNKNOWN_RECORD,
            Message("script.unknown_record", {"record": record}),
        )
        for record in ("42", "43")
    ]


def test_a_scripted_run_is_planned_with_its_inputs_times_and_records() -> None:
    plan = plan_run(
        _run(
            script=SCRIPT,
            until="2026-12-02T10:00:30.75",
            records=("1", "1"),
            output_format=RunFormat.JSON,
        )
    )
    assert plan.inputs == (CONFIG, ONE, SCRIPT)
    assert plan.campaign.policy.name == "Worked example (slide 7)"
    assert [c.id for c in plan.contacts.records] == ["1"]
    assert (plan.outcomes.seed, plan.outcomes.profile, plan.outcomes.timed) == (None, None, False)
    assert (plan.clock.start, plan.clock.zone) == (datetime(2026, 12, 1, 10, tzinfo=MOSCOW), MOSCOW)
    # Whole seconds: the fraction of the horizon is dropped.
    assert plan.horizon == Horizon(datetime(2026, 12, 2, 10, 0, 30, tzinfo=MOSCOW), 86_430)
    assert (plan.selection, plan.size) == (("1", "1"), 2)
    assert (plan.runs, plan.output_format, plan.output, plan.no_events) == (
        1,
        RunFormat.JSON,
        None,
        False,
    )
    assert plan.script == SCRIPT


def test_a_random_run_is_planned_with_the_built_in_profile_and_no_horizon() -> None:
    plan = plan_run(
        RunOptions(DEFAULT, MANY, seed=7, runs=30, start="2026-12-01T09:00+00:00", no_events=True)
    )
    assert plan.inputs == (DEFAULT, MANY)
    assert (plan.outcomes.seed, plan.outcomes.profile) == (7, BUILTIN_PROFILE)
    # An offset of its own is kept as the moment, shown in the campaign's zone.
    assert plan.clock.start == datetime(2026, 12, 1, 12, tzinfo=MOSCOW)
    assert plan.horizon == Horizon(None, None)
    assert (plan.selection, plan.size) == (None, 300)
    assert (plan.runs, plan.no_events, plan.script) == (30, True, None)


def test_a_comparison_is_planned_in_the_first_campaigns_zone() -> None:
    options = CompareOptions(
        (DEFAULT, DEFAULT),
        MANY,
        profile=PROFILE,
        seed=5,
        start="2026-12-01T09:00",
        until="2026-12-03T09:00",
        records=("17",),
        output_format=CompareFormat.JSON,
    )
    plan = plan_compare(options)
    assert plan.inputs == (DEFAULT, DEFAULT, MANY, PROFILE)
    assert [c.file for c in plan.campaigns] == [str(DEFAULT), str(DEFAULT)]
    assert (plan.outcomes.seed, plan.outcomes.profile) == (5, str(PROFILE))
    assert plan.clock.start == datetime(2026, 12, 1, 9, tzinfo=MOSCOW)
    assert plan.horizon == Horizon(datetime(2026, 12, 3, 9, tzinfo=MOSCOW), 2 * 86_400)
    assert (plan.selection, plan.size, plan.runs, plan.seed) == (("17",), 1, 10, 5)


@pytest.mark.parametrize(
    ("runs", "message"),
    [
        (0, Message("option.runs_range", {"runs": 0, "most": 10_000})),
        (10_001, Message("option.runs_range", {"runs": 10_001, "most": 10_000})),
    ],
)
def test_a_comparison_refuses_runs_out_of_range_before_reading(runs: int, message: Message) -> None:
    with pytest.raises(UsageError) as raised:
        plan_compare(CompareOptions((MISSING, MISSING), MANY, runs=runs))
    assert (raised.value.option, raised.value.message) == ("--runs", message)


def test_a_usage_error_is_told_as_typer_tells_a_bad_option() -> None:
    args = ["simulate", str(CONFIG), str(ONE), "--script", str(SCRIPT), "--start", START]
    result = CliRunner().invoke(app, [*args, "--until", "2026-11-30T10:00", "--lang", "ru"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "Usage: recall simulate [OPTIONS] {CONFIG} {LIST}\n"
        "Try 'recall simulate --help' for help.\n"
        "\n"
        "Error: Invalid value for --until: горизонт раньше начала\n"
    )
