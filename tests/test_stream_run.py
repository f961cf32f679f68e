"""A Part I run that plays its list as it reads it: the compact merge gives the events of the
whole-list merge, and `recall simulate` writes, byte for byte, what a run of the whole list
writes (the JSON summary first from a spool)."""

from __future__ import annotations

import io
import subprocess
import sys
from itertools import islice
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.cli.setup import dialer_output
from recall_cli.cli.times import run_times
from recall_cli.engine import Contact
from recall_cli.loaders.config import load_config
from recall_cli.loaders.contacts import load_list
from recall_cli.loaders.contacts.phone_cells import list_problems
from recall_cli.loaders.profile import load_profile
from recall_cli.render import documents
from recall_cli.render.run import RunInfo
from recall_cli.simulate import fast, loop, streaming
from recall_cli.simulate.random_outcomes import ProfileSource
from recall_cli.simulate.runner import Runner
from recall_cli.simulate.walk import Walker
from tests.strategies import RandomScenario, random_scenarios
from tests.thoroughness import examples

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "sample_configs" / "cloud_contact_default.yaml"
PROFILE = ROOT / "sample_configs" / "realistic.profile.yaml"
LIST = ROOT / "sample_lists" / "campaign_300.csv"
START = "2026-12-01T09:00"


def _chunks(contacts: tuple[Contact, ...], size: int) -> list[list[Contact]]:
    it = iter(contacts)
    return list(iter(lambda: list(islice(it, size)), []))


@settings(max_examples=examples(200), deadline=None)
@given(random_scenarios(), st.sampled_from([None, 0, 2]), st.integers(1, 3))
def test_the_streamed_merge_gives_the_events_of_the_whole_list_merge(
    case: RandomScenario, limit: int | None, size: int
) -> None:
    """With the table unbounded, or bounded so that records leave it at once or midway; each
    event's record is in the roster when the event is taken."""
    source = ProfileSource(case.profile, case.seed)
    walker = Walker(case.policy, source, fast.Machine(case.policy, source.tables, limit))
    expected = list(loop.events(walker, case.contacts, case.until))
    roster = streaming.Roster()
    got = []
    for event in streaming.streamed(walker, _chunks(case.contacts, size), roster, case.until):
        contact, whole = roster[event.record], case.contacts[event.record]
        assert (contact.id, contact.phones) == (whole.id, whole.phones)
        got.append(event)
    assert got == expected
    assert len(roster) == 0


def _whole_run(fmt: str, events: bool, until: int | None) -> str:
    """The run as the whole list's path writes it (`Runner.play`, then `Runner.events`)."""
    campaign = load_config(CONFIG)
    profile = load_profile(PROFILE)
    contacts = load_list(LIST, campaign.columns, fields=False)
    clock, _ = run_times(START, None, campaign.policy.timezone)
    source = ProfileSource(profile, 42)
    runner = Runner(campaign.policy, contacts.records, source, until, clock=clock)
    info = RunInfo(
        campaign.policy,
        contacts.records,
        clock,
        42,
        None if until is None else clock.at(until),
        bool(profile.durations),
        str(PROFILE),
        dialer_output(None, False),
    )
    results, summary = runner.play()
    stream = runner.events() if events else None
    problems = list_problems(contacts.records)
    out = io.StringIO(newline="")
    if fmt == "json":
        documents.write_json(
            out, info, summary, documents.json_records(results, info), stream, problems
        )
    else:
        documents.write_jsonl(
            out, info, stream, documents.jsonl_records(results, info), summary, problems
        )
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize("events", [True, False])
@pytest.mark.parametrize("until", [None, 3 * 3600])
def test_a_streamed_run_writes_the_bytes_of_a_whole_list_run(
    tmp_path: Path, fmt: str, events: bool, until: int | None
) -> None:
    out = tmp_path / f"run.{fmt}"
    args = [CONFIG, LIST, "--profile", PROFILE, "--seed", "42", "--start", START]
    args += ["--format", fmt, "--output", out]
    if until is not None:
        args += ["--until", "2026-12-01T12:00"]
    if not events:
        args.append("--no-events")
    done = subprocess.run(
        [sys.executable, "-m", "recall_cli", "simulate", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    expected = _whole_run(fmt, events, until)
    assert out.read_bytes() == expected.encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]
