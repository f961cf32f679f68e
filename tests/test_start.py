"""How a `recall` process starts and ends: what a run to JSON leaves unimported, the one
command a process builds, the garbage collector held off from the start of a run, pydantic's
plugins left unsearched, and a finished run ending without the interpreter's shutdown while
keeping its exit code and every byte of its output."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recall_cli import hold_gc
from recall_cli.cli import COMMANDS, build_app
from recall_cli.cli.output import PIPE_CLOSED

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "sample_configs" / "cloud_contact_default.yaml"
ONE_RECORD = ROOT / "sample_lists" / "source_record.csv"
LIST_300 = ROOT / "sample_lists" / "campaign_300.csv"
START = "2026-12-01T09:00"
SIMULATE = ("simulate", str(CONFIG), str(ONE_RECORD), "--seed", "1", "--start", START)
JSON = ("--format", "json", "--no-events")
PIPED = ("--seed", "1", "--start", START, "--format", "jsonl")
# Run as `recall` runs, with a handler that says so if the interpreter shuts down as usual.
WITH_SHUTDOWN_NOTE = (
    "import atexit, sys\n"
    "atexit.register(lambda: sys.stderr.write('<shutdown>'))\n"
    "sys.argv = ['recall', *sys.argv[1:]]\n"
    "from recall_cli.cli import main\n"
    "main()\n"
)


def _environment(**changes: str | None) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    for name, value in changes.items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return environment


def _run(
    *args: str, env: dict[str, str] | None = None, noted: bool = True
) -> subprocess.CompletedProcess[str]:
    how = ["-c", WITH_SHUTDOWN_NOTE] if noted else ["-m", "recall_cli"]
    return subprocess.run(
        [sys.executable, *how, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env or _environment(),
        check=False,
    )


def _imported(stderr: str) -> set[str]:
    """The modules `-X importtime` reports in `stderr`."""
    return {
        line.rsplit("|", 1)[1].strip()
        for line in stderr.splitlines()
        if line.startswith("import time:") and not line.endswith("| imported package")
    }


def test_a_run_to_json_imports_neither_rich_nor_the_holiday_calendars() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "recall_cli", *SIMULATE, *JSON],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_environment(),
        check=False,
    )
    assert done.returncode == 0
    assert json.loads(done.stdout)["summary"]["records"] == 1
    imported = _imported(done.stderr)
    assert {"recall_cli.cli", "typer", "pydantic", "yaml"} <= imported
    assert {name for name in imported if name.split(".")[0] in {"rich", "holidays"}} == set()


# What a one-record run without a dialer never uses: the other commands, Monte Carlo, the
# dialer's loops, the linter, the explainer, and the message catalogs (it tells nobody anything).
NOT_FOR_ONE_RUN = frozenset(
    {
        "recall_cli.messages.en",
        "recall_cli.messages.ru",
        "recall_cli.cli.compare",
        "recall_cli.cli.explain",
        "recall_cli.cli.validate",
        "recall_cli.render.formats",
        "recall_cli.simulate.coupled",
        "recall_cli.simulate.dialer",
        "recall_cli.simulate.gate",
        "recall_cli.simulate.gauge",
        "recall_cli.simulate.hours",
        "recall_cli.simulate.lines",
        "recall_cli.simulate.montecarlo",
        "recall_cli.simulate.quiet",
    }
)
PROBE = (
    "import gc, os, sys\n"
    "sys.argv = ['recall', *sys.argv[1:]]\n"
    "end = os._exit\n"
    "def told(code):\n"
    "    sys.stderr.write(repr((gc.isenabled(), sorted(sys.modules))))\n"
    "    sys.stderr.flush()\n"
    "    end(code)\n"
    "os._exit = told\n"
    "from recall_cli.cli import main\n"
    "main()\n"
)


def _probed(*args: str) -> tuple[int, bool, set[str]]:
    """The exit code of `recall ARGS`, whether the garbage collector was on when it ended, and
    the modules it had imported."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_environment(),
        check=False,
    )
    enabled, modules = eval(done.stderr)  # noqa: S307 (our own probe's repr)
    return done.returncode, enabled, set(modules)


def test_a_one_record_run_imports_only_what_it_plays() -> None:
    code, enabled, modules = _probed(*SIMULATE, *JSON)
    assert (code, enabled) == (0, False)
    assert {"recall_cli.cli.simulate", "recall_cli.simulate.loop"} <= modules
    assert modules & NOT_FOR_ONE_RUN == set()
    assert {name for name in modules if name.split(".")[:2] == ["recall_cli", "validate"]} == set()
    assert {name for name in modules if name.split(".")[:2] == ["recall_cli", "explain"]} == set()


def test_a_run_with_a_dialer_imports_its_loops() -> None:
    config = ROOT / "benchmarks" / "dialer_job" / "campaign.yaml"
    code, _, modules = _probed("simulate", str(config), str(ONE_RECORD), *SIMULATE[3:], *JSON)
    assert code == 0
    assert {"recall_cli.simulate.dialer", "recall_cli.simulate.lines"} <= modules
    assert "recall_cli.simulate.montecarlo" not in modules


def test_help_builds_every_command_and_keeps_the_collector_on() -> None:
    code, enabled, modules = _probed("--help")
    assert (code, enabled) == (0, True)
    assert {f"recall_cli.cli.{module}" for module in COMMANDS.values()} <= modules


@pytest.mark.parametrize(
    ("args", "held"),
    [
        (["simulate", "a.yaml", "b.csv"], True),
        (["compare"], True),
        (["validate", "simulate"], False),
        (["explain", "a.yaml"], False),
        (["--help", "simulate"], False),
        ([], False),
    ],
)
def test_the_collector_is_held_off_from_the_start_of_a_run_only(
    args: list[str], held: bool
) -> None:
    was = gc.isenabled()
    gc.enable()
    try:
        hold_gc(args)
        assert gc.isenabled() is not held
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()


@pytest.mark.parametrize(
    "args",
    [
        ["simulate", "--help"],
        ["simulate"],
        ["simulate", str(CONFIG), str(ONE_RECORD), "--seed", "x"],
        ["simulate", str(CONFIG), str(ONE_RECORD), "--format", "yaml"],
        ["simulate", str(CONFIG), str(ONE_RECORD), "--version"],
        ["compare", "--help"],
        ["validate", "--help"],
        ["schema", "--help"],
        ["explain", "--help"],
        ["explain", str(CONFIG), "--status", "nope", "--lang", "en"],
    ],
)
def test_a_command_alone_says_what_it_says_in_the_whole_app(args: list[str]) -> None:
    command = args[0]
    alone = CliRunner().invoke(build_app(command), args, prog_name="recall")
    whole = CliRunner().invoke(build_app(), args, prog_name="recall")
    assert (alone.exit_code, alone.output) == (whole.exit_code, whole.output)
    assert alone.output


def _fake_plugin(site: Path, marker: Path) -> None:
    """A distribution in `site` whose pydantic plugin writes `marker` when it is loaded."""
    info = site / "fake_plugin-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fake-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[pydantic]\nfake = fake_plugin:plugin\n")
    (site / "fake_plugin.py").write_text(
        "from pathlib import Path\n"
        f"Path({str(marker)!r}).write_text('loaded')\n"
        "class _Plugin:\n"
        "    def new_schema_validator(self, *args, **kwargs):\n"
        "        return None, None, None\n"
        "plugin = _Plugin()\n"
    )


def test_pydantic_plugins_are_not_looked_for_unless_the_environment_asks(
    tmp_path: Path,
) -> None:
    marker = tmp_path / "loaded"
    _fake_plugin(tmp_path / "site", marker)
    path = os.pathsep.join(filter(None, [str(tmp_path / "site"), os.environ.get("PYTHONPATH")]))

    done = _run(*SIMULATE, *JSON, env=_environment(PYTHONPATH=path), noted=False)
    assert (done.returncode, done.stderr, marker.exists()) == (0, "", False)

    # An empty PYDANTIC_DISABLE_PLUGINS disables none: the plugin is found and loaded.
    environment = _environment(PYTHONPATH=path, PYDANTIC_DISABLE_PLUGINS="")
    done = _run(*SIMULATE, *JSON, env=environment, noted=False)
    assert (done.returncode, done.stderr, marker.read_text()) == (0, "", "loaded")


def test_a_finished_run_ends_at_once_with_its_whole_output() -> None:
    done = _run(*SIMULATE, *JSON)
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["summary"]["records"] == 1
    # The same bytes as `python -m recall_cli` writes.
    assert done.stdout == _run(*SIMULATE, *JSON, noted=False).stdout


def test_a_finished_run_to_a_file_renames_it_into_place_first(tmp_path: Path) -> None:
    target = tmp_path / "run.json"
    done = _run(*SIMULATE, "--format", "jsonl", "--output", str(target))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert [path.name for path in tmp_path.iterdir()] == ["run.json"]
    lines = target.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[-1])["type"] == "summary"


def test_compare_ends_at_once_too() -> None:
    done = _run("compare", str(CONFIG), str(CONFIG), str(LIST_300), "--runs", "2", *JSON[:2])
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["runs"] == 2


def test_findings_end_at_once_with_their_message_and_exit_1() -> None:
    done = _run(*SIMULATE, *JSON, "--record", "404", "--lang", "en")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"{ONE_RECORD}: error RC301 record '404' is not in the list\n"


def test_a_usage_error_takes_the_usual_way_out() -> None:
    done = _run(*SIMULATE, "--seed", "x")
    assert done.returncode == 2
    assert done.stderr.endswith("<shutdown>")


def test_a_reader_that_went_away_still_gets_exit_141(tmp_path: Path) -> None:
    reading, writing = os.pipe()
    os.close(reading)
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                WITH_SHUTDOWN_NOTE,
                "simulate",
                str(CONFIG),
                str(LIST_300),
                *PIPED,
            ],
            stdout=writing,
            stderr=subprocess.PIPE,
            text=True,
            env=_environment(),
            check=False,
        )
    finally:
        os.close(writing)
    assert done.returncode == PIPE_CLOSED
    assert done.stderr == "<shutdown>"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_finished_run_whose_last_flush_fails_still_exits_2() -> None:
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            [sys.executable, "-c", WITH_SHUTDOWN_NOTE, *SIMULATE, *JSON, "--lang", "en"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=_environment(),
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr == (
        "<stdout>: error RC001 cannot write the output here: No space left on device\n<shutdown>"
    )
