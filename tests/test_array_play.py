"""Part I's array steps against the engine stepping every dial itself (hypothesis): random
policies, lists, profiles, seeds and horizons, the table unbounded or bounded so that records
leave it, chunks of every size, records whose streams run past their first block; and that
only a large run imports numpy."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.engine import Contact, Profile, Status
from recall_cli.simulate import arrayed, arrays, fast, loop
from recall_cli.simulate.random_outcomes import ProfileSource
from recall_cli.simulate.walk import Walker
from tests.strategies import RandomScenario, contacts, random_scenarios
from tests.test_differential_play import LONG, UNREACHABLE
from tests.thoroughness import examples

LIMITS = st.sampled_from([None, 0, 2])
"""A table unbounded, or bounded so that records leave it at once or midway."""
CHUNKS = st.sampled_from([None, 1, 2, 3, 7])
"""The default chunk, or chunks that split a list anywhere."""
NEVER = 1 << 62
MIXED = Profile("mixed", {Status.BUSY: 0.5, Status.NO_ANSWER: 0.5}, {}, {Status.BUSY: (1, 60)})
"""A dial draws one number or two: a block runs out before a status or before a duration."""


def _tabled(case: RandomScenario, limit: int | None) -> Walker:
    source = ProfileSource(case.profile, case.seed)
    return Walker(case.policy, source, fast.Machine(case.policy, source.tables, limit))


def _engine(case: RandomScenario) -> loop.Played:
    """Every record walked, every dial stepped by the engine."""
    return loop.play(
        Walker(case.policy, ProfileSource(case.profile, case.seed)), case.contacts, case.until
    )


@settings(max_examples=examples(200), deadline=None)
@given(random_scenarios(), LIMITS, CHUNKS, st.data())
def test_array_steps_give_the_engine_s_results_and_tally(
    case: RandomScenario, limit: int | None, chunk: int | None, data: st.DataObject
) -> None:
    """Results in list order, the tally and the figures, of all records or of a selection."""
    expected = _engine(case)
    horizon = NEVER if case.until is None else case.until
    records = range(len(case.contacts))
    told: list[int] = []
    played = loop.on_arrays(
        _tabled(case, limit), case.contacts, records, horizon, told.append, chunk
    )
    assert played.results == expected.results
    assert played.tally == expected.tally
    assert played.summary() == expected.summary()
    assert sum(told) == len(case.contacts)
    assert all(0 < size <= (chunk or 1 << 16) for size in told)
    chosen = sorted(data.draw(st.sets(st.sampled_from(records))) if records else set())
    some = loop.on_arrays(_tabled(case, limit), case.contacts, chosen, horizon, None, chunk)
    assert some.results == [expected.results[i] for i in chosen]


@settings(max_examples=examples(100), deadline=None)
@given(random_scenarios(), LIMITS, CHUNKS)
def test_a_table_kept_from_run_to_run(
    case: RandomScenario, limit: int | None, chunk: int | None
) -> None:
    """One machine for runs of three seeds (as a Monte Carlo keeps it), the middle one through
    the tight loop, which learns steps the arrays kept from the first have not taken in: each
    run's results and tally are the engine's."""
    source = ProfileSource(case.profile, case.seed)
    machine = fast.Machine(case.policy, source.tables, limit)
    horizon = NEVER if case.until is None else case.until
    for shift in range(3):
        seeded = replace(case, seed=case.seed + shift)
        walker = Walker(case.policy, ProfileSource(case.profile, seeded.seed), machine)
        expected = _engine(seeded)
        records = range(len(case.contacts))
        if shift == 1:
            played = loop.play(walker, case.contacts, case.until)
        else:
            played = loop.on_arrays(walker, case.contacts, records, horizon, None, chunk)
        assert played.results == expected.results
        assert played.tally == expected.tally


@settings(max_examples=examples(50), deadline=None)
@given(
    st.integers(-(2**64), 2**64), contacts(), st.sampled_from([UNREACHABLE, MIXED]), LIMITS, CHUNKS
)
def test_records_that_need_more_than_their_first_block(
    seed: int,
    people: tuple[Contact, ...],
    profile: Profile,
    limit: int | None,
    chunk: int | None,
) -> None:
    """Every record with a phone uses up its first block on the arrays and walks on from the
    same place of its stream: the engine's results and tally."""
    case = RandomScenario(LONG, people, profile, seed, None)
    expected = _engine(case)
    played = loop.on_arrays(_tabled(case, limit), people, range(len(people)), NEVER, None, chunk)
    assert played.results == expected.results
    assert played.tally == expected.tally
    assert all(result.dials in (0, *range(24, 43)) for result in played.results)


ROOT = Path(__file__).resolve().parent.parent


def _imports_numpy(tmp_path: Path, listed: Path, records: int) -> bool:
    """Whether `recall simulate` of the list `listed` (of `records` records) imports numpy."""
    output = tmp_path / f"{listed.stem}.json"
    done = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "recall_cli",
            "simulate",
            str(ROOT / "sample_configs" / "cloud_contact_default.yaml"),
            str(listed),
            "--profile",
            str(ROOT / "sample_configs" / "realistic.profile.yaml"),
            "--format",
            "json",
            "--no-events",
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert json.loads(output.read_text())["summary"]["records"] == records
    # -X importtime lists every module imported, one a line, its name last.
    return any(line.rsplit("|", 1)[-1].strip() == "numpy" for line in done.stderr.splitlines())


def test_only_a_large_run_imports_numpy(tmp_path: Path) -> None:
    assert not _imports_numpy(tmp_path, ROOT / "sample_lists" / "source_record.csv", 1)
    large = tmp_path / "large.csv"
    maker = ROOT / "benchmarks" / "make_list.py"
    subprocess.run(
        [sys.executable, str(maker), "--count", str(arrayed.ARRAYED), str(large)], check=True
    )
    assert _imports_numpy(tmp_path, large, arrayed.ARRAYED)


def test_only_duration_ranges_narrower_than_max_span_fit_the_arrays() -> None:
    """A wider range's scaled draw could overflow the arrays' arithmetic: its run keeps to the
    tight loop."""
    for high, fitting in ((arrays.MAX_SPAN - 1, True), (arrays.MAX_SPAN, False)):
        profile = Profile("wide", {Status.BUSY: 1.0}, {}, {Status.BUSY: (1, high)})
        source = ProfileSource(profile, 1)
        machine = fast.Machine(LONG, source.tables)
        assert arrays.fits(machine) is fitting
        assert arrayed.arrayed(machine, arrayed.ARRAYED) is fitting
        assert not arrayed.arrayed(machine, arrayed.ARRAYED - 1)
