"""A list read a chunk of lines at a time: the same records and problems as a whole reading,
repeated ids found across chunks (and only those), and memory that does not grow with the
list."""

from __future__ import annotations

import tempfile
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.loaders.contacts import ListColumns, check_list, ids
from recall_cli.loaders.contacts.reading import open_list
from recall_cli.loaders.files import Source
from recall_cli.problems import Problem
from tests.thoroughness import examples

WHOLE = 10**9
"""A chunk larger than any list here: the whole list at once."""

_CELL = st.sampled_from(
    ["", "1", "2", "x", " 7 ", "79161234567", '"a,b"', '"multi\nline"', '"open', 'a"b', ";"]
)
_ROW = st.lists(_CELL, min_size=0, max_size=5).map(",".join)
_HEADERS = st.sampled_from(
    ["id,phone,name", "phone", "№,Телефон 1,Телефон 2,Адрес", "id,phone,tz", "name,other"]
)


def _text(header: str, rows: list[str], ending: str) -> str:
    return ending.join([header, *rows]) + (ending if rows else "")


def _read(path: Path, chunk: int, columns: ListColumns) -> tuple[object, list[Problem]]:
    report = check_list(path, columns, chunk=chunk)
    records = None if report.contacts is None else report.contacts.records
    return records, report.problems


@settings(max_examples=examples(300), deadline=None)
@given(
    _HEADERS,
    st.lists(_ROW, max_size=14),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.integers(1, 6),
    st.booleans(),
)
def test_any_chunk_size_reads_the_records_and_problems_of_a_whole_reading(
    header: str, rows: list[str], ending: str, chunk: int, zones: bool
) -> None:
    columns = ListColumns(zones=zones)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.csv"
        path.write_bytes(_text(header, rows, ending).encode())
        whole = _read(path, WHOLE, columns)
        assert _read(path, chunk, columns) == whole
        # Bytes handed down (stdin) are read from memory: the same answer.
        held = check_list(Source(str(path), path.read_bytes()), columns, chunk=chunk)
        records = None if held.contacts is None else held.contacts.records
        assert (records, held.problems) == whole


def _numbered(tmp_path: Path, ids_: list[str]) -> Path:
    path = tmp_path / "list.csv"
    lines = ["id,phone", *(f"{record},7916000{n:04d}" for n, record in enumerate(ids_))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("chunk", [1, 2, 3, WHOLE])
def test_a_repeated_id_across_chunks_names_both_lines(tmp_path: Path, chunk: int) -> None:
    path = _numbered(tmp_path, ["a", "b", "c", "d", "a", "e", "c", "a"])
    report = check_list(path, chunk=chunk)
    assert report.contacts is None
    found = [
        (p.location.line, p.location.column, p.message.key, p.message.params)
        for p in report.problems
    ]
    assert found == [
        (6, 1, "contacts.duplicate_id", {"id": "a", "line": 2}),
        (8, 1, "contacts.duplicate_id", {"id": "c", "line": 4}),
        (9, 1, "contacts.duplicate_id", {"id": "a", "line": 2}),
    ]


def test_equal_digests_of_different_ids_are_no_repeat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every id given the same digest: each is compared by its text, and none repeats."""
    monkeypatch.setattr(ids, "hash", lambda text: 7, raising=False)
    path = _numbered(tmp_path, ["a", "b", "c", "d"])
    report = check_list(path, chunk=2)
    assert report.problems == []
    assert report.contacts is not None
    assert [record.id for record in report.contacts.records] == ["a", "b", "c", "d"]


def _peak(path: Path) -> int:
    """The most memory Python held while reading every chunk of `path` and letting it go."""
    reading = open_list(path, fields=False, chunk=200)
    tracemalloc.start()
    try:
        assert reading.check([])
        for _ in reading.chunks():
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_reading_in_chunks_holds_a_chunk_not_the_list(tmp_path: Path) -> None:
    """Four times the records: far less than four times the memory (a whole reading's grows
    with every record); what grows is the ids' digests, 16 bytes a record."""
    small, large = tmp_path / "small", tmp_path / "large"
    small.mkdir()
    large.mkdir()
    count = 3000
    small_peak = _peak(_numbered(small, [str(n) for n in range(count)]))
    large_peak = _peak(_numbered(large, [str(n) for n in range(4 * count)]))
    whole = tmp_path / "whole.csv"
    _numbered(tmp_path, [str(n) for n in range(count)]).rename(whole)
    tracemalloc.start()
    try:
        report = check_list(whole, fields=False)
        assert report.contacts is not None
        per_record = tracemalloc.get_traced_memory()[0] / count
    finally:
        tracemalloc.stop()
    assert large_peak - small_peak < 0.25 * 3 * count * per_record
