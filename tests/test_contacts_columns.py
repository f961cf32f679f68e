"""The contact list read a column at a time gives what the row-by-row reading gives: the same
records, the same problems at the same places (hypothesis)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recall_cli.engine.contact import Contact
from recall_cli.loaders.contacts import ListColumns, ListReport, check_list, columnar
from tests.thoroughness import examples

SETTINGS = settings(
    max_examples=examples(150), suppress_health_check=[HealthCheck.too_slow], deadline=None
)
HEADERS = st.sampled_from(
    [
        "id,phone 1,phone 2,note",
        "phone,name",
        "№;Фамилия;Телефон 1;Телефон 2;Адрес",
        "record_id,phone,phone,note",
        "id,phone,id",
    ]
)
CELLS = st.text(alphabet=' a1"\t\r\n,;x', max_size=4)
ROWS = st.lists(st.lists(CELLS, max_size=6), max_size=8)


def _by_rows(path: Path, columns: ListColumns | None = None) -> ListReport:
    """`check_list` with the column-wise reading turned off: every list read row by row."""
    with mock.patch.object(columnar, "whole_columns", return_value=None):
        return check_list(path, columns)


def _written(header: str, rows: list[list[str]], quoted: bool) -> str:
    """The rows after the header: quoted as the csv module writes them, or joined raw so that
    stray quotes, short, long and blank rows and records across lines all turn up."""
    delimiter = ";" if ";" in header else ","
    if quoted:
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
        return f"{header}\n{out.getvalue()}"
    return "\n".join([header, *(delimiter.join(row) for row in rows)])


@SETTINGS
@given(HEADERS, ROWS, st.booleans())
def test_columns_and_rows_read_the_same(
    tmp_path_factory: pytest.TempPathFactory, header: str, rows: list[list[str]], quoted: bool
) -> None:
    path = tmp_path_factory.mktemp("columns") / "list.csv"
    path.write_bytes(_written(header, rows, quoted).encode("utf-8"))
    assert check_list(path) == _by_rows(path)


@SETTINGS
@given(st.lists(st.tuples(CELLS, CELLS, CELLS), min_size=1, max_size=8))
def test_regular_lists_are_read_a_column_at_a_time(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, str, str]]
) -> None:
    """A list whose every record is one line of the header's width, none blank, is built by
    the column-wise reading itself, with the records the row-by-row reading makes."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "phone", "note"])
    # Distinct ids, and no cell left blank, so that no row is blank.
    writer.writerows((f"{n}-{a}", f"9{b}", f"n{c}") for n, (a, b, c) in enumerate(rows, 1))
    path = tmp_path_factory.mktemp("columns") / "list.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    if any("\n" in cell or "\r" in cell for row in rows for cell in row):
        return  # a record across lines: the row-by-row reading's case, tested above
    seen: list[list[Contact] | None] = []
    original = columnar.whole_columns

    def spy(*args: Any) -> list[Contact] | None:
        found = original(*args)
        seen.append(found)
        return found

    with mock.patch.object(columnar, "whole_columns", spy):
        report = check_list(path)
    assert len(seen) == 1
    assert seen[0] is not None
    assert report.contacts is not None
    assert report == _by_rows(path)
    assert [record.line for record in report.contacts.records] == list(range(2, len(rows) + 2))
    assert [record.id for record in report.contacts.records] == [
        f"{n}-{a}".strip() for n, (a, _, _) in enumerate(rows, 1)
    ]
