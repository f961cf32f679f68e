"""Memory bounded by the records, not by the config: the fast path's table of states has a
bound past which records play on loose, dial for dial as before; reading a file does not
reserve its limit; the worst config the loader accepts runs in a bounded, flat footprint."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import threading
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from tests.strategies import RandomScenario, random_scenarios
from tests.thoroughness import examples
from typer.testing import CliRunner

from recall_cli.cli import app
from recall_cli.loaders.contacts import MAX_LIST_BYTES
from recall_cli.loaders.files import MAX_BYTES, STDIN, read_bytes
from recall_cli.problems import RecallError
from recall_cli.simulate import fast, loop
from recall_cli.simulate.random_outcomes import ProfileSource
from recall_cli.simulate.simulator import simulate
from recall_cli.simulate.summary import Tally
from recall_cli.simulate.walk import Walker

SETTINGS = settings(max_examples=examples(150), deadline=None)
TINY = (0, 1, 3)
"""Tables that fill at once: every record of more than a dial or two plays loose."""


@SETTINGS
@given(random_scenarios())
def test_a_tiny_table_plays_the_reference_events(case: RandomScenario) -> None:
    source = ProfileSource(case.profile, case.seed)
    reference = list(simulate(case.policy, case.contacts, source, case.until).events())
    for limit in TINY:
        machine = fast.Machine(case.policy, source.tables, limit)
        walker = Walker(case.policy, source, machine)
        assert list(loop.events(walker, case.contacts, case.until)) == reference
        assert len(machine.bounds) <= limit + len(machine.starts)


@SETTINGS
@given(random_scenarios())
def test_a_tiny_table_plays_the_reference_results_and_figures(case: RandomScenario) -> None:
    source = ProfileSource(case.profile, case.seed)
    sim = simulate(case.policy, case.contacts, source, case.until)
    tally = Tally()
    sim.play(tally.add)
    for limit in TINY:
        machine = fast.Machine(case.policy, source.tables, limit)
        played = loop.play(Walker(case.policy, source, machine), case.contacts, case.until)
        assert played.results == sim.results
        assert played.tally == tally
        assert len(machine.bounds) <= limit + len(machine.starts)


ROOT = Path(__file__).resolve().parent.parent.parent
WORST = ROOT / "benchmarks" / "worst_case"
NEVER = WORST / "never_answers.profile.yaml"
DEFAULT = ROOT / "sample_configs" / "cloud_contact_default.yaml"
REALISTIC = ROOT / "sample_configs" / "realistic.profile.yaml"
LIST = ROOT / "sample_lists" / "campaign_300.csv"
START = "2026-12-01T09:00"
PEAK_MIB = 200
"""The worst case's peak is about 90 MiB: the interpreter and the libraries, and a full table."""
FLAT_MIB = 20
"""A = B = 500 against 50: about 9 MiB more (about 1,000 hours of dials against 11,000)."""
RUNS = (
    (DEFAULT, REALISTIC, ("--format", "json")),
    (DEFAULT, REALISTIC, ("--format", "jsonl", "--until", "2026-12-03T09:00")),
    (DEFAULT, REALISTIC, ("--format", "json", "--no-events")),
    (
        WORST / "limits_50.yaml",
        NEVER,
        ("--format", "json", "--record", "7", "--until", "2026-12-04T09:00"),
    ),
    (
        WORST / "limits_50.yaml",
        NEVER,
        ("--format", "json", "--no-events", "--record", "7", "--record", "8"),
    ),
)


def _simulate(config: Path, profile: Path, options: tuple[str, ...]) -> bytes:
    args = ["simulate", str(config), str(LIST), "--profile", str(profile), "--seed", "42"]
    result = CliRunner().invoke(app, [*args, "--start", START, *options])
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout_bytes


@pytest.mark.parametrize(
    ("config", "profile", "options"), RUNS, ids=[" ".join((c.stem, *o)) for c, _, o in RUNS]
)
def test_a_run_is_the_same_bytes_with_the_table_bounded_to_nothing(
    monkeypatch: pytest.MonkeyPatch, config: Path, profile: Path, options: tuple[str, ...]
) -> None:
    default = _simulate(config, profile, options)
    loose_records = 0
    learn = fast.Machine.loose

    def counted(machine: fast.Machine, state: int) -> fast.Loose:
        nonlocal loose_records
        loose_records += 1
        return learn(machine, state)

    monkeypatch.setattr(fast.Machine, "loose", counted)
    assert loose_records == 0
    for limit in (0, 1):
        monkeypatch.setattr(fast, "MAX_STATES", limit)
        assert _simulate(config, profile, options) == default
    assert loose_records > 0


def _peak_rss_mib(*args: str) -> float:
    """Peak RSS of `recall simulate *args` in MiB, taken by a fresh helper process from its
    only child, so that no other process of the test run counts."""
    command = [sys.executable, "-m", "recall_cli", "simulate", *args]
    helper = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)\n"
        "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", helper, *command],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    code, kib = done.stdout.split()
    assert (code, done.stderr) == ("0", "")
    return int(kib) / 1024


def _worst(limits: int) -> tuple[str, ...]:
    """The worst case on three records of campaign_300: 127,542 dials at A = B = 50, each a
    state of its own (an unbounded table took 357 MiB), ten times as many at A = B = 500."""
    return (
        str(WORST / f"limits_{limits}.yaml"),
        str(LIST),
        "--profile",
        str(NEVER),
        "--start",
        START,
        "--format",
        "json",
        "--no-events",
        *("--record", "1", "--record", "2", "--record", "3"),
    )


def test_the_worst_config_runs_in_bounded_memory_flat_in_a_and_b() -> None:
    small = _peak_rss_mib(*_worst(50))
    large = _peak_rss_mib(*_worst(500))
    assert small < PEAK_MIB
    assert large < PEAK_MIB
    # What grows is the run's length in hours: its dials by hour, in the output too.
    assert abs(large - small) < FLAT_MIB


def _traced(read: Callable[[], bytes]) -> tuple[bytes, int]:
    """What `read` returns and the most memory it held at once, in bytes."""
    tracemalloc.start()
    try:
        data = read()
        return data, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_small_file_is_read_without_reserving_the_limit(tmp_path: Path) -> None:
    small = tmp_path / "small.csv"
    small.write_bytes(b"id;phone\n1;9161234567\n")
    for limit in (MAX_BYTES, MAX_LIST_BYTES):
        data, peak = _traced(lambda limit=limit: read_bytes(small, limit))  # type: ignore[misc]
        assert data == b"id;phone\n1;9161234567\n"
        assert peak < 64 * 1024


def test_a_file_just_under_the_limit_is_read_into_its_own_size(tmp_path: Path) -> None:
    size = MAX_BYTES - 1024 * 1024
    large = tmp_path / "large.csv"
    large.write_bytes(b"x" * size)
    data, peak = _traced(lambda: read_bytes(large))
    assert len(data) == size
    assert size <= peak < size + 64 * 1024


@contextlib.contextmanager
def _stdin_of(monkeypatch: pytest.MonkeyPatch, data: bytes) -> Iterator[None]:
    """`data` on stdin through a pipe, which has no size: written by a thread as it is read."""
    reading, writing = os.pipe()

    def write() -> None:
        with os.fdopen(writing, "wb") as pipe:
            pipe.write(data)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    with io.TextIOWrapper(os.fdopen(reading, "rb")) as stdin:
        monkeypatch.setattr(sys, "stdin", stdin)
        yield
    writer.join()


@pytest.mark.parametrize("size", [0, 1, 65_535, 65_536, 200_000, 300_000])
def test_a_pipe_is_read_a_chunk_at_a_time(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    with _stdin_of(monkeypatch, data):
        read, peak = _traced(lambda: read_bytes(STDIN))
    assert read == data
    assert peak < 2 * size + 256 * 1024


def test_a_pipe_over_the_limit_is_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    with _stdin_of(monkeypatch, b"x" * 300_001), pytest.raises(RecallError) as refused:
        read_bytes(STDIN, 300_000)
    assert [p.code.id for p in refused.value.problems] == ["RC003"]


def test_a_file_over_the_limit_is_refused_by_its_size_unread(tmp_path: Path) -> None:
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as sparse:
        sparse.truncate(MAX_LIST_BYTES + 1)  # 2 GiB and a byte, none of it on disk
    tracemalloc.start()
    try:
        with pytest.raises(RecallError) as refused:
            read_bytes(huge, MAX_LIST_BYTES)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [p.code.id for p in refused.value.problems] == ["RC003"]
    assert peak < 64 * 1024


def test_a_file_of_the_limit_is_read_and_a_byte_more_refused(tmp_path: Path) -> None:
    edge = tmp_path / "edge.csv"
    edge.write_bytes(b"x" * 1000)
    assert read_bytes(edge, 1000) == b"x" * 1000
    edge.write_bytes(b"x" * 1001)
    with pytest.raises(RecallError) as refused:
        read_bytes(edge, 1000)
    assert [p.code.id for p in refused.value.problems] == ["RC003"]
