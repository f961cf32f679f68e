"""The do-not-call reader: CSV with a header or one number a line, BOM, `until` dates, bad
entries at their line and column, duplicates (the later end stands), hostile bytes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from recall_cli.loaders.dnc import DncEntry, check_dnc, load_dnc
from recall_cli.loaders.files import MAX_BYTES, Source
from recall_cli.problems import RecallError, UnreadableError


def _write(tmp_path: Path, data: bytes | str) -> Path:
    path = tmp_path / "dnc.csv"
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _found(path: Path) -> list[tuple[str, int, int, str]]:
    return [
        (p.code.id, p.location.line, p.location.column, p.message.render())
        for p in check_dnc(path).problems
    ]


def test_a_header_names_the_phone_and_until_columns_in_any_case(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "note;Until;ТЕЛЕФОН\nx;2026-12-31;+7 916 123-45-67\ny;;8 916 765 43 21\n"
    )
    assert load_dnc(path).entries == (
        DncEntry("+7 916 123-45-67", "+79161234567", date(2026, 12, 31), 2, 14),
        DncEntry("8 916 765 43 21", "+79167654321", None, 3, 4),
    )


@pytest.mark.parametrize("name", ["phone", "Number", "номер", "Телефон"])
def test_each_phone_header_is_known(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path, f"comment,{name}\nhello,89161234567\n")
    assert [entry.key for entry in load_dnc(path).entries] == ["+79161234567"]


def test_without_a_phone_header_the_first_column_holds_the_phones(tmp_path: Path) -> None:
    path = _write(tmp_path, "who,until\n89161234567,2027-01-01\n")
    assert load_dnc(path).entries == (
        DncEntry("89161234567", "+79161234567", date(2027, 1, 1), 2, 1),
    )


def test_a_first_line_with_a_digit_is_no_header(tmp_path: Path) -> None:
    path = _write(tmp_path, "\n89161234567\n  +7 916 765-43-21 , 2027-02-03\n")
    assert load_dnc(path).entries == (
        DncEntry("89161234567", "+79161234567", None, 2, 1),
        DncEntry("+7 916 765-43-21", "+79167654321", date(2027, 2, 3), 3, 3),
    )


def test_a_utf8_bom_and_cp1251_are_read_as_for_lists(tmp_path: Path) -> None:
    bom = _write(tmp_path, b"\xef\xbb\xbfphone\n89161234567\n")
    assert load_dnc(bom).entries[0].line == 2
    cp1251 = _write(tmp_path, "телефон;до\n89161234567;x\n".encode("cp1251"))
    assert [entry.phone for entry in load_dnc(cp1251).entries] == ["89161234567"]


def test_invalid_numbers_are_kept_by_their_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "phone\n12-34\n")
    assert [entry.key for entry in load_dnc(path).entries] == ["1234"]


def test_bad_entries_are_errors_at_their_cells(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "phone,until\nnobody,\n89161234567,31.12.2026\n89161234568,2026-02-30\n"
        "89161234569,20261231\n,2026-01-01\n",
    )
    assert _found(path) == [
        ("RC701", 2, 1, "do-not-call entry 'nobody' holds no digit: it names no phone"),
        ("RC701", 3, 13, "until '31.12.2026' is not a date written YYYY-MM-DD (for example "
         "2026-12-31)"),
        ("RC701", 4, 13, "until '2026-02-30' is not a date written YYYY-MM-DD (for example "
         "2026-12-31)"),
        ("RC701", 5, 13, "until '20261231' is not a date written YYYY-MM-DD (for example "
         "2026-12-31)"),
        ("RC701", 6, 1, "do-not-call entry '' holds no digit: it names no phone"),
    ]  # fmt: skip
    with pytest.raises(RecallError) as raised:
        load_dnc(path)
    assert len(raised.value.problems) == 5


def test_a_phone_listed_twice_keeps_the_later_end(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "phone,until\n+7 916 123-45-67,2026-12-31\n8 (916) 123 45 67,2027-01-31\n"
        "89161234567,2026-06-01\n89167654321,\n+79167654321,2030-01-01\n",
    )
    report = check_dnc(path)
    assert [(p.code.id, p.location.line, p.location.column) for p in report.problems] == [
        ("RC702", 3, 1), ("RC702", 4, 1), ("RC702", 6, 1),
    ]  # fmt: skip
    assert report.problems[0].message.render() == (
        "phone '8 (916) 123 45 67' is already listed on line 2; the entry that ends later stands"
    )
    assert report.dnc is not None
    assert report.dnc.entries == (
        DncEntry("+7 916 123-45-67", "+79161234567", date(2027, 1, 31), 2, 1),
        DncEntry("89167654321", "+79167654321", None, 5, 1),
    )


@pytest.mark.parametrize("text", ["phone,until\n", "\n \n", ""])
def test_a_file_without_entries_is_a_warning(tmp_path: Path, text: str) -> None:
    report = check_dnc(_write(tmp_path, text))
    assert [(p.code.id, p.location.line, p.location.column) for p in report.problems] == [
        ("RC704", 1, 1)
    ]
    assert report.dnc is not None
    assert report.dnc.entries == ()


def test_a_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableError) as raised:
        check_dnc(tmp_path / "none.csv")
    assert [p.render() for p in raised.value.problems] == [f"{tmp_path / 'none.csv'}: no such file"]


def test_hostile_bytes_are_positioned_errors(tmp_path: Path) -> None:
    binary = _write(tmp_path, b"phone\n8916\x00\x01\x02\n")
    assert [(c, line, col) for c, line, col, _ in _found(binary)] == [("RC002", 2, 5)]
    utf16 = _write(tmp_path, "phone\n89161234567\n".encode("utf-16"))
    assert _found(utf16) == [
        ("RC002", 1, 1, "is UTF-16 LE text, which recall does not read; save it as UTF-8")
    ]
    huge = _write(tmp_path, "phone\n" + "9" * 200_000 + "\n")
    assert [(c, line, col) for c, line, col, _ in _found(huge)] == [("RC208", 2, 1)]
    assert check_dnc(huge).dnc is None


def test_a_file_over_the_limit_is_refused_unread() -> None:
    report = check_dnc(Source("big.csv", b"9" * (MAX_BYTES + 1)))
    assert [(p.code.id, p.location.file) for p in report.problems] == [("RC003", "big.csv")]
