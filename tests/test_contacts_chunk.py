"""A chunk read a column at a time keeps its phone columns, and what is found from them a
column at a time is what is found record by record (hypothesis)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.engine.contact import Contact, no_digit
from recall_cli.loaders.contacts import ListColumns
from recall_cli.loaders.contacts.chunk import Chunk, joined, phone_columns
from recall_cli.loaders.contacts.phone_cells import _one_by_one, blank_patterns, list_problems
from recall_cli.loaders.contacts.reading import open_list
from tests.thoroughness import examples

# Clean phones, empty cells, and every kind of cell `list_problems` tells apart: no digit at
# all, a spreadsheet's float, letters among digits, lines within a cell, odd blanks; stripped,
# as a list's cells are read.
_CELL = st.one_of(
    st.sampled_from(
        ["", "79161234567", "+7 (916) 123-45-67", "9.16E+09", "79161234567.0", "8916abc4567"]
    ),
    st.sampled_from(["Сидоров", "()-", " - ", "—", "٣", "1\n-", "-\n1", "\n", "7\u00a0916"]),
    st.text(alphabet="0123456789 +()-\n\tx", max_size=5),
).map(str.strip)


def _chunk(rows: list[list[str]], width: int) -> Chunk:
    """The records of `rows` (each cut or padded to `width` phones), lines 2 on, with their
    phone columns, as the column-wise reading makes them."""
    phones = [tuple((row + [""] * width)[:width]) for row in rows]
    records = [Contact(str(n), cells, (), n + 1) for n, cells in enumerate(phones, 1)]
    columns = tuple([cells[i] for cells in phones] for i in range(width))
    return Chunk(records, columns)


@settings(max_examples=examples(500), deadline=None)
@given(st.integers(1, 4), st.lists(st.lists(_CELL, max_size=4), max_size=12))
def test_a_chunks_problems_by_columns_are_those_record_by_record(
    width: int, rows: list[list[str]]
) -> None:
    chunk = _chunk(rows, width)
    records = list(chunk)
    assert list_problems(chunk) == _one_by_one(records)
    assert list_problems(records) == _one_by_one(records)


@settings(max_examples=examples(300), deadline=None)
@given(st.integers(1, 4), st.lists(st.lists(_CELL, max_size=4), max_size=12))
def test_a_chunks_blank_patterns_by_columns_are_those_record_by_record(
    width: int, rows: list[list[str]]
) -> None:
    chunk = _chunk(rows, width)
    expected = [tuple(map(no_digit, record.phones)) for record in chunk]
    assert blank_patterns(chunk) == expected
    assert blank_patterns(list(chunk)) == expected


def test_a_chunk_that_changed_length_offers_no_columns() -> None:
    chunk = _chunk([["79161234567", ""], ["", ""]], 2)
    assert phone_columns(chunk) == (["79161234567", ""], ["", ""])
    assert phone_columns(list(chunk)) is None
    chunk.append(Contact("3", ("Сидоров", ""), (), 4))
    assert phone_columns(chunk) is None
    assert list_problems(chunk) == _one_by_one(list(chunk))
    assert blank_patterns(chunk) == [(False, True), (True, True), (True, True)]


def test_a_chunk_without_phone_columns_has_empty_patterns() -> None:
    chunk = Chunk([Contact("1", ()), Contact("2", ())], ())
    assert blank_patterns(chunk) == [(), ()]


def test_the_usual_list_is_read_into_chunks_that_keep_their_phone_columns(
    tmp_path: Path,
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "id,phone 1,name,phone 2\n1, 79161234567 ,Ann,\n2,,Bob, 8 916 \n3,,,x\n",
        encoding="utf-8",
    )
    reading = open_list(path, ListColumns(), fields=False, chunk=2)
    chunks = list(reading.chunks())
    assert [type(chunk) for chunk in chunks] == [Chunk, Chunk]
    assert [phone_columns(chunk) for chunk in chunks] == [
        (["79161234567", ""], ["", "8 916"]),
        ([""], ["x"]),
    ]
    assert [record.phones for chunk in chunks for record in chunk] == [
        ("79161234567", ""),
        ("", "8 916"),
        ("", "x"),
    ]
    assert [list_problems(chunk) for chunk in chunks] == [
        list_problems(list(chunk)) for chunk in chunks
    ]


def test_blocks_are_handed_on_together_a_chunk_at_a_time(tmp_path: Path) -> None:
    """Parsed `BLOCK_LINES` lines at a time, the records are handed on a chunk's lines at a
    time, their phone columns joined."""
    path = tmp_path / "list.csv"
    rows = [f"{n},7916{n:07d},{'' if n % 3 else 'x'}\n" for n in range(1, 2501)]
    path.write_text("id,phone 1,phone 2\n" + "".join(rows), encoding="utf-8")
    reading = open_list(path, ListColumns(), fields=False, chunk=2000)
    chunks = list(reading.chunks())
    assert [len(chunk) for chunk in chunks] == [2048, 452]
    assert all(isinstance(chunk, Chunk) for chunk in chunks)
    assert [phone_columns(chunk) for chunk in chunks] == [
        tuple(list(cells) for cells in zip(*(record.phones for record in chunk), strict=True))
        for chunk in chunks
    ]
    assert [record.line for chunk in chunks for record in chunk] == list(range(2, 2502))


def test_chunks_joined_keep_columns_only_when_each_keeps_them() -> None:
    first = _chunk([["1"], [""]], 1)
    second = _chunk([["x"]], 1)
    both = joined([first, second])
    assert list(both) == [*first, *second]
    assert phone_columns(both) == (["1", "", "x"],)
    plain = joined([first, list(second)])
    assert type(plain) is list
    assert plain == [*first, *second]
    assert joined([second]) is second
