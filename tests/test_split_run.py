"""A run split across processes (`--jobs`) writes, byte for byte, what one process writes, and
leaves any list with something unusual in it to the one-process run and its messages."""

from __future__ import annotations

import csv
import io
import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from recall_cli import split_run
from recall_cli.cli import app
from recall_cli.forked import Children, WorkerError, cpus
from recall_cli.loaders.config import load_config
from recall_cli.loaders.contacts import check_list, read_part, split_list
from recall_cli.render.run import RunInfo
from recall_cli.simulate.clock import Clock
from recall_cli.simulate.default_profile import default_profile
from recall_cli.simulate.random_outcomes import ProfileSource
from tests.support import SAMPLE_CONFIGS, SAMPLE_LISTS

DEFAULT = SAMPLE_CONFIGS / "cloud_contact_default.yaml"
REALISTIC = SAMPLE_CONFIGS / "realistic.profile.yaml"
CAMPAIGN = SAMPLE_LISTS / "campaign_300.csv"
START = "2026-12-01T09:00"
runner = CliRunner()

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="a split run needs os.fork")


def simulate(contacts: Path, *extra: str) -> tuple[int, str, str]:
    args = ["simulate", str(DEFAULT), str(contacts), "--start", START, "--no-events", *extra]
    result = runner.invoke(app, args)
    return result.exit_code, result.stdout, result.stderr


def same_as_one_process(contacts: Path, *extra: str, jobs: int = 2) -> tuple[int, str, str]:
    """The split run's exit code, output and messages, checked equal to one process's."""
    alone = simulate(contacts, *extra, "--jobs", "1")
    split = simulate(contacts, *extra, "--jobs", str(jobs))
    assert split == alone
    return split


def write_list(tmp_path: Path, rows: list[list[str]], name: str = "list.csv") -> Path:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path = tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def plain_rows(count: int) -> list[list[str]]:
    """A header and `count` records: id, two phones (some empty), a quoted address."""
    rows = [["id", "phone 1", "phone 2", "address"]]
    for n in range(1, count + 1):
        second = "" if n % 3 else f"916{n:07d}"
        first = "" if n % 17 == 0 else f"495{n:07d}"
        rows.append([f"r{n}", first, second, f"Moscow, street {n}"])
    return rows


def no_phones_note(contacts: Path, count: int) -> str:
    """What a run of `plain_rows(count)` says on stderr: its records without a phone."""
    rows = [n + 1 for n in range(1, count + 1) if n % 17 == 0 and n % 3]
    shown = ", ".join(map(str, rows[:10])) + (f" and {len(rows) - 10} more" if rows[10:] else "")
    return (
        f"{contacts}: {len(rows)} records have no number to dial and closed without a dial: "
        f"rows {shown} — see `recall validate`\n"
    )


# The same bytes


@pytest.mark.parametrize("output_format", ["json", "jsonl"])
@pytest.mark.parametrize("jobs", [2, 3, 7])
def test_a_split_run_writes_what_one_process_writes(
    tmp_path: Path, output_format: str, jobs: int
) -> None:
    contacts = write_list(tmp_path, plain_rows(500))
    code, out, err = same_as_one_process(
        contacts, "--format", output_format, "--profile", str(REALISTIC), "--seed", "7", jobs=jobs
    )
    assert (code, err) == (0, no_phones_note(contacts, 500))
    assert out.count('"type":"record"' if output_format == "jsonl" else '{"id":"r') == 500


def test_a_cp1251_list_with_semicolons_splits_too() -> None:
    assert split_list(CAMPAIGN, parts=2) is not None
    code, out, _ = same_as_one_process(CAMPAIGN, "--format", "json", "--seed", "3", jobs=2)
    assert code == 0
    assert '"records":300' in out


def test_records_numbered_by_row_when_there_is_no_id_column(tmp_path: Path) -> None:
    rows = [["name", "phone"], *([f"n{n}", f"495{n:07d}"] for n in range(1, 301))]
    contacts = write_list(tmp_path, rows)
    _, out, _ = same_as_one_process(contacts, "--format", "jsonl", "--until", "2026-12-01T12:00")
    assert '{"type":"record","id":"300",' in out


def test_without_jobs_a_small_list_is_not_split(tmp_path: Path) -> None:
    contacts = write_list(tmp_path, plain_rows(50))
    assert split_list(contacts, parts=2, smallest=1 << 19) is None
    assert split_list(contacts, parts=2) is not None


# Left to one process, which says what it always says


def unusual_lists() -> dict[str, tuple[str, int]]:
    """Lists that are fine in their first half and not in their second, and the exit code."""
    head = "id,phone,address\r\n" + "".join(f"r{n},495{n:07d},x\r\n" for n in range(1, 200))
    return {
        "repeated id across parts": (head + "r1,4950000000,x\r\n", 1),
        "empty id": (head + ",4950000000,x\r\n", 1),
        "ragged row": (head + "r900,4950000000,x,extra\r\n", 0),
        "blank line": (head + "\r\nr900,4950000000,x\r\n", 0),
        "cell over two lines": (head + 'r900,4950000000,"a\r\nb"\r\n', 0),
        "unclosed quote at the end": (head + 'r900,4950000000,"a\r\n', 1),
        "lone carriage return": (head + "r900,4950000000,x\rr901,4950000001,x\r\n", 0),
        "form feed": (head + "r900,4950000000,x\x0c\r\n", 0),
        "no line end at the end": (head + "r900,4950000000,x", 0),
    }


@pytest.mark.parametrize("case", list(unusual_lists()))
def test_an_unusual_list_gives_the_one_process_result(tmp_path: Path, case: str) -> None:
    text, code = unusual_lists()[case]
    contacts = tmp_path / "list.csv"
    contacts.write_bytes(text.encode())
    found, _, err = same_as_one_process(contacts, "--format", "json")
    assert found == code, err


def test_a_list_from_stdin_is_read_by_one_process() -> None:
    assert split_list("-", parts=2) is None


def test_jobs_out_of_range_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = simulate(write_list(tmp_path, plain_rows(5)), "--jobs", "0")
    assert code == 2
    assert "--jobs must be from 1 to 64, got 0" in err


# The parts of a list


PLAIN = st.text(alphabet="ab1", max_size=3)
ODD = st.text(alphabet='ab1 ,"\r\n\x0c', max_size=4)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.tuples(PLAIN, PLAIN), min_size=2, max_size=30, unique=True),
    odd=st.lists(st.tuples(st.integers(0, 30), ODD, ODD), max_size=2),
    with_id=st.booleans(),
    parts=st.integers(2, 5),
)
def test_the_parts_read_alone_are_the_list(
    tmp_path: Path,
    rows: list[tuple[str, str]],
    odd: list[tuple[int, str, str]],
    with_id: bool,
    parts: int,
) -> None:
    """What the split run relies on: when every part reads as plain and no id is in two parts,
    the whole list loads, without a problem, as those records."""
    cells = [list(row) for row in rows]
    for at, *row in odd:
        cells.insert(at, row)
    contacts = write_list(tmp_path, [["id" if with_id else "name", "phone"], *cells])
    listed = split_list(contacts, parts=parts)
    if listed is None:
        return
    read = [read_part(listed, index) for index in range(len(listed.parts))]
    joined = tuple(record for part in read if part is not None for record in part)
    ids = [record.id for record in joined]
    if None in read or len(set(ids)) != len(ids):
        return
    report = check_list(contacts, fields=False)
    assert report.problems == []
    assert report.contacts is not None
    assert report.contacts.records == joined


# Children


def _square(index: int, progressed: object) -> int:
    assert callable(progressed)
    progressed(index + 1)
    return index * index


def _fail(index: int, progressed: object) -> int:
    if index == 1:
        raise ValueError("part one is broken")
    return index


def test_children_answer_in_part_order_and_report_progress() -> None:
    told: list[int] = []
    assert Children(_square, 4).gather(told.append) == [0, 1, 4, 9]
    assert sorted(told) == [1, 2, 3, 4]


def test_a_child_that_raises_is_reported_with_its_traceback() -> None:
    children = Children(_fail, 3)
    with pytest.raises(WorkerError, match="ValueError: part one is broken"):
        children.gather()


def test_cpus_counts_at_least_one() -> None:
    assert cpus() >= 1


def test_a_split_run_reports_every_record_as_progress(tmp_path: Path) -> None:
    listed = split_list(write_list(tmp_path, plain_rows(9000)), parts=2)
    assert listed is not None
    assert listed.rows == 9000
    policy = load_config(DEFAULT).policy
    zone = ZoneInfo(policy.timezone)
    run = RunInfo(policy, (), Clock(datetime(2026, 12, 1, 9, tzinfo=zone), zone), 1, None)
    told: list[int] = []
    children = split_run.start(listed, run, ProfileSource(default_profile(), 1), None, False)
    done = split_run.finish(children, told.append)
    assert done is not None
    assert sum(told) == done.summary.records == 9000
    assert len(done.records) == 2


def test_a_split_run_writes_its_output_file_whole(tmp_path: Path) -> None:
    contacts = write_list(tmp_path, plain_rows(300))
    out = tmp_path / "run.json"
    code, stdout, err = simulate(contacts, "--format", "json", "--jobs", "2", "--output", str(out))
    assert (code, stdout, err) == (0, "", no_phones_note(contacts, 300))
    assert out.read_text(encoding="utf-8") == simulate(contacts, "--format", "json")[1]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["list.csv", "run.json"]


def test_a_child_that_dies_leaves_the_run_to_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    contacts = write_list(tmp_path, plain_rows(300))
    alone = simulate(contacts, "--format", "json", "--jobs", "1")

    def dies(*args: object) -> None:
        os._exit(9)

    monkeypatch.setattr(split_run, "_play_part", dies)
    assert simulate(contacts, "--format", "json", "--jobs", "2") == alone


def test_when_no_child_can_be_forked_none_is_left_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    real_fork = os.fork
    forked: list[int] = []

    def fork_once() -> int:
        if forked:
            raise OSError(11, "Resource temporarily unavailable")
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork_once)
    with pytest.raises(WorkerError, match="could not start a worker"):
        Children(_square, 3)
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)  # killed and reaped already
