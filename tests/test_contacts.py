"""Contact lists (docs/formats.md#lists): encodings, delimiters, ids, phone columns and every
problem's place."""

from __future__ import annotations

import csv
import gc
import io
import sys
from pathlib import Path
from typing import Literal
from unittest import mock

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from recall_cli.engine.contact import Contact
from recall_cli.loaders import codes, contacts
from recall_cli.loaders.contacts import (
    ContactList,
    ListColumns,
    ListReport,
    check_list,
    columnar,
    load_list,
    locate_cells,
    positions,
    reading,
)
from recall_cli.loaders.contacts.decoding import split_lines
from recall_cli.loaders.contacts.dialect import detect_delimiter
from recall_cli.loaders.files import Source
from recall_cli.messages import CATALOGS, Lang
from recall_cli.messages.en import contacts as en_contacts
from recall_cli.messages.ru import contacts as ru_contacts
from recall_cli.problems import (
    Code,
    ExitCode,
    Location,
    Problem,
    RecallError,
    Severity,
    UnreadableError,
)
from tests.support import benchmark_module
from tests.thoroughness import examples

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_lists"
SOURCE_HEADER = "№,Фамилия,Имя отчество,Телефон 1,Телефон 2,Адрес,Продукт"
SOURCE_ROW = (
    '1,Егоров,Михаил Юрьевич,4951239000,9164561278,"г. Москва, ул. Новая д.5 кв.7",Колл центр'
)
EGOROV = Contact(
    id="1",
    phones=("4951239000", "9164561278"),
    fields=(
        ("Фамилия", "Егоров"),
        ("Имя отчество", "Михаил Юрьевич"),
        ("Адрес", "г. Москва, ул. Новая д.5 кв.7"),
        ("Продукт", "Колл центр"),
    ),
    line=2,
)


make_list = benchmark_module("make_list")


def write(tmp_path: Path, content: str | bytes, name: str = "list.csv") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def found(report: ListReport) -> list[tuple[str, int, int, Severity]]:
    """Each problem as (rule id, line, column, severity)."""
    return [(p.code.id, p.location.line, p.location.column, p.severity) for p in report.problems]


def only(report: ListReport, code: Code) -> Problem:
    assert [p.code for p in report.problems] == [code], found(report)
    return report.problems[0]


def ids(contact_list: ContactList) -> list[str]:
    return [record.id for record in contact_list.records]


# The source's example


def test_source_record_sample_loads_as_it_is() -> None:
    path = SAMPLES / "source_record.csv"
    loaded = load_list(path)
    assert loaded == ContactList(
        file=str(path),
        records=(EGOROV,),
        columns=tuple(SOURCE_HEADER.split(",")),
        id_column="№",
        phone_columns=("Телефон 1", "Телефон 2"),
        encoding="utf-8",
        delimiter=",",
    )
    assert check_list(path).problems == []


def test_source_columns_as_russian_excel_saves_them(tmp_path: Path) -> None:
    text = (
        "№;Фамилия;Имя отчество;Телефон 1;Телефон 2;Адрес;Продукт\r\n"
        "1;Егоров;Михаил Юрьевич;4951239000;9164561278;г. Москва, ул. Новая д.5 кв.7;Колл центр\r\n"
    )
    loaded = load_list(write(tmp_path, text.encode("cp1251")))
    assert (loaded.encoding, loaded.delimiter) == ("cp1251", ";")
    assert loaded.records == (EGOROV,)


# Encodings and delimiters


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (f"{SOURCE_HEADER}\n{SOURCE_ROW}\n".encode(), "utf-8"),
        (b"\xef\xbb\xbf" + f"{SOURCE_HEADER}\n{SOURCE_ROW}\n".encode(), "utf-8-sig"),
        (f"{SOURCE_HEADER}\n{SOURCE_ROW}\n".encode("cp1251"), "cp1251"),
    ],
    ids=["utf-8", "bom", "cp1251"],
)
def test_encoding_is_detected(tmp_path: Path, data: bytes, encoding: str) -> None:
    loaded = load_list(write(tmp_path, data))
    assert loaded.encoding == encoding
    assert loaded.columns[0] == "№"  # no BOM left in the first header cell
    assert loaded.records == (EGOROV,)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
def test_delimiter_is_detected(tmp_path: Path, delimiter: str) -> None:
    header = delimiter.join(["id", "phone", "note"])
    row = delimiter.join(["7", "4951234567", '"a, b; c\td"'])
    loaded = load_list(write(tmp_path, f"{header}\n{row}\n"))
    assert loaded.delimiter == delimiter
    assert loaded.records == (Contact("7", ("4951234567",), (("note", "a, b; c\td"),), 2),)


@pytest.mark.parametrize(
    ("line", "delimiter"),
    [
        ("id,phone", ","),
        ("id;phone;name, surname", ";"),  # most wins
        ('"a;b;c",phone,x', ","),  # quoted delimiters do not count
        ("a,b;c\td", ","),  # a tie goes to the first of , ; tab
        ("a;b\tc", ";"),
        ("phone", ","),  # a single column
        ("", ","),
    ],
)
def test_detect_delimiter(line: str, delimiter: str) -> None:
    assert detect_delimiter(line) == delimiter


def test_single_column_list_of_phones(tmp_path: Path) -> None:
    loaded = load_list(write(tmp_path, "Телефон\n4951234567\n9161234567\n"))
    assert loaded.delimiter == ","
    assert [(r.id, r.phones, r.fields) for r in loaded.records] == [
        ("1", ("4951234567",), ()),
        ("2", ("9161234567",), ()),
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_ends_and_line_numbers(tmp_path: Path, newline: str) -> None:
    text = newline.join(["id,phone", "a,1", "", "b,2", ""])
    loaded = load_list(write(tmp_path, text))
    assert [(r.id, r.phones, r.line) for r in loaded.records] == [
        ("a", ("1",), 2),
        ("b", ("2",), 4),
    ]


# Records


def test_header_and_cells_are_trimmed_and_blank_lines_skipped(tmp_path: Path) -> None:
    text = "\n , \n  id , Телефон ,  Имя \n\n , ,\n 5 , 4951234567 ,  Анна \n\n"
    loaded = load_list(write(tmp_path, text))
    assert loaded.columns == ("id", "Телефон", "Имя")
    assert loaded.records == (Contact("5", ("4951234567",), (("Имя", "Анна"),), 6),)


def test_ids_are_row_numbers_without_an_id_column(tmp_path: Path) -> None:
    text = "Id,phone\nx,1\n\ny,2\n,,\nz,3\n"  # "Id" is not one of the id columns
    loaded = load_list(write(tmp_path, text))
    assert loaded.id_column is None
    assert [(r.id, r.line, r.fields) for r in loaded.records] == [
        ("1", 2, (("Id", "x"),)),
        ("2", 4, (("Id", "y"),)),
        ("3", 6, (("Id", "z"),)),
    ]


@pytest.mark.parametrize(
    ("header", "id_column"),
    [
        ("record_id,№,ID,id,phone", "id"),
        ("record_id,№,ID,phone", "ID"),
        ("record_id,№,phone", "№"),
        ("phone,record_id", "record_id"),
    ],
)
def test_the_first_known_id_column_wins(tmp_path: Path, header: str, id_column: str) -> None:
    columns = header.split(",")
    row = ",".join(f"v{index}" for index in range(len(columns)))
    loaded = load_list(write(tmp_path, f"{header}\n{row}\n"))
    assert loaded.id_column == id_column
    assert ids(loaded) == [f"v{columns.index(id_column)}"]


def test_phone_columns_by_header_in_header_order(tmp_path: Path) -> None:
    header = "ТЕЛЕФОН моб,Имя,Phone_home,Мобильный телефон,phones,телефон"
    loaded = load_list(write(tmp_path, f"{header}\n1,Анна,2,3,4,5\n"))
    assert loaded.phone_columns == (
        "ТЕЛЕФОН моб",
        "Phone_home",
        "Мобильный телефон",
        "phones",
        "телефон",
    )
    assert loaded.records[0].phones == ("1", "2", "3", "4", "5")
    assert loaded.records[0].fields == (("Имя", "Анна"),)


def test_a_number_keeps_its_column_position(tmp_path: Path) -> None:
    text = "№,Телефон 1,Телефон 2,Телефон 3\n1,,9164561278,\n2,4951239000\n"
    first, second = load_list(write(tmp_path, text)).records
    assert first.phones == ("", "9164561278", "")
    assert first.dialable == (False, True, False)
    assert second.phones == ("4951239000", "", "")  # missing cells are empty


def test_a_quoted_cell_may_span_lines(tmp_path: Path) -> None:
    text = 'id,phone,address\n1,495,"Москва,\nул. Новая"\n1,499,x\n'
    report = check_list(write(tmp_path, text))
    assert found(report) == [("RC203", 4, 1, Severity.ERROR)]
    assert report.problems[0].message.params == {"id": "1", "line": 2}


def test_config_names_the_columns(tmp_path: Path) -> None:
    text = "Код клиента,Рабочий,Телефон,Мобильный\nK-1,4951234567,x,9161234567\n"
    columns = ListColumns(id_column="Код клиента", phone_columns=("Мобильный", " Рабочий "))
    loaded = load_list(write(tmp_path, text), columns)
    assert loaded.id_column == "Код клиента"
    assert loaded.phone_columns == ("Мобильный", "Рабочий")  # in the config's order
    assert loaded.records == (Contact("K-1", ("9161234567", "4951234567"), (("Телефон", "x"),), 2),)


def test_config_names_only_the_id_column(tmp_path: Path) -> None:
    loaded = load_list(write(tmp_path, "id,Код,phone\n1,A,5\n"), ListColumns(id_column="Код"))
    assert (loaded.id_column, loaded.phone_columns) == ("Код", ("phone",))
    assert loaded.records == (Contact("A", ("5",), (("id", "1"),), 2),)


# Problems, each with its rule and place


def test_unknown_columns_named_by_the_config(tmp_path: Path) -> None:
    path = write(tmp_path, "id,phone,name\n1,2,3\n")
    report = check_list(path, ListColumns(id_column="ID", phone_columns=("phone", "mobile")))
    assert report.contacts is None
    assert found(report) == [
        ("RC205", 1, 1, Severity.ERROR),
        ("RC205", 1, 1, Severity.ERROR),
    ]
    hint, plain = report.problems
    assert hint.message.key == "contacts.unknown_column_hint"
    assert hint.message.params == {"name": "ID", "hint": "id"}
    assert plain.message.key == "contacts.unknown_column"
    assert plain.message.params == {"name": "mobile", "columns": "id, phone, name"}
    assert str(plain.location) == f"{path}:1:1"


@pytest.mark.parametrize("text", ["", "\n\n", " , ,\n\t\n"], ids=["empty", "blank", "spaces"])
def test_no_header(tmp_path: Path, text: str) -> None:
    report = check_list(write(tmp_path, text))
    assert report.contacts is None
    assert found(report) == [("RC201", 1, 1, Severity.ERROR)]


def test_no_phone_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "id,Фамилия\n1,Егоров\n")
    problem = only(check_list(path), codes.NO_PHONE_COLUMNS)
    assert (problem.location.line, problem.location.column) == (1, 1)
    assert problem.message.params == {"columns": "id, Фамилия"}
    with pytest.raises(RecallError) as raised:
        load_list(path)
    assert raised.value.exit_code is ExitCode.INVALID
    assert raised.value.problems == (problem,)


def test_config_may_name_no_phone_columns_at_all(tmp_path: Path) -> None:
    report = check_list(write(tmp_path, "id,phone\n1,2\n"), ListColumns(phone_columns=()))
    assert found(report) == [("RC202", 1, 1, Severity.ERROR)]


def test_duplicate_and_empty_ids(tmp_path: Path) -> None:
    text = "phone;id\n1;a\n2;  \n3; a\n4;b\n5;\n6;a\n"
    report = check_list(write(tmp_path, text))
    assert report.contacts is None
    assert found(report) == [
        ("RC204", 3, 3, Severity.ERROR),
        ("RC203", 4, 4, Severity.ERROR),  # the first non-blank character of the cell
        ("RC204", 6, 3, Severity.ERROR),
        ("RC203", 7, 3, Severity.ERROR),
    ]
    assert report.problems[1].message.params == {"id": "a", "line": 2}
    assert report.problems[3].message.params == {"id": "a", "line": 2}


def test_an_id_cell_missing_from_a_short_row_is_empty(tmp_path: Path) -> None:
    report = check_list(write(tmp_path, "phone,id\n123\n"))
    assert found(report) == [("RC204", 2, 4, Severity.ERROR)]  # just after the row


def test_duplicate_id_and_phone_columns(tmp_path: Path) -> None:
    text = 'id,Телефон,name,"Телефон",id,name\n1,2,3,4,5,6\n'
    report = check_list(write(tmp_path, text))
    assert report.contacts is None
    assert found(report) == [
        ("RC207", 1, 17, Severity.ERROR),
        ("RC207", 1, 27, Severity.ERROR),
    ]
    phone, id_ = report.problems
    assert phone.message.key == "contacts.duplicate_phone_column"
    assert phone.message.params == {"name": "Телефон", "first": 2}
    assert id_.message.key == "contacts.duplicate_id_column"
    assert id_.message.params == {"name": "id", "first": 1}


def test_other_columns_may_repeat(tmp_path: Path) -> None:
    loaded = load_list(write(tmp_path, "id,x,phone,x\n1,a,2,b\n"))
    assert loaded.records[0].fields == (("x", "a"), ("x", "b"))


def test_ragged_rows_are_a_warning_and_the_extra_cells_are_ignored(tmp_path: Path) -> None:
    text = 'id,phone\n1,2,"three"\n2,3,,\n3,4, , x,\n'
    report = check_list(write(tmp_path, text))
    assert found(report) == [
        ("RC206", 2, 5, Severity.WARNING),
        ("RC206", 4, 5, Severity.WARNING),  # trailing empty cells (line 3) are no problem
    ]
    assert report.problems[1].message.params == {"extra": 3, "columns": 2}
    assert report.contacts is not None
    assert [(r.id, r.phones, r.fields) for r in report.contacts.records] == [
        ("1", ("2",), ()),
        ("2", ("3",), ()),
        ("3", ("4",), ()),
    ]


def test_header_only_is_a_warning(tmp_path: Path) -> None:
    report = check_list(write(tmp_path, "\nid,phone\n\n"))
    assert found(report) == [("RC209", 2, 1, Severity.WARNING)]
    assert report.contacts is not None
    assert report.contacts.records == ()


def test_problems_are_sorted_by_place(tmp_path: Path) -> None:
    report = check_list(write(tmp_path, "id,phone\n1,2,3\n,5\n1,6\n"))
    assert [(p.location.line, p.location.column) for p in report.problems] == [
        (2, 5),
        (3, 1),
        (4, 1),
    ]


# Encoding problems


def test_nul_byte_is_not_a_text_file(tmp_path: Path) -> None:
    problem = only(check_list(write(tmp_path, b"id,phone\n1,49\x005\n")), codes.ENCODING)
    assert (problem.location.line, problem.location.column) == (2, 5)
    assert problem.message.key == "file.binary"


def test_neither_utf8_nor_cp1251(tmp_path: Path) -> None:
    data = "id,phone,name\n1,495,Иван".encode("cp1251") + b"\x98\n"
    problem = only(check_list(write(tmp_path, data)), codes.ENCODING)
    assert (problem.location.line, problem.location.column) == (2, 11)
    assert problem.message.key == "contacts.not_text"
    assert problem.message.params == {"byte": "98", "encoding": "cp1251"}


def test_bom_then_bad_utf8(tmp_path: Path) -> None:
    problem = only(check_list(write(tmp_path, b"\xef\xbb\xbfid,phone\n1,\xff\n")), codes.ENCODING)
    assert (problem.location.line, problem.location.column) == (2, 3)
    assert problem.message.key == "contacts.bad_byte_bom"


@pytest.mark.parametrize("name", ["cp1251", "windows-1251", "CP1251", "Windows_1251"])
def test_forced_cp1251(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, f"{SOURCE_HEADER}\n{SOURCE_ROW}\n".encode("cp1251"))
    loaded = load_list(path, encoding=name)
    assert loaded.encoding == "cp1251"
    assert loaded.records == (EGOROV,)


def test_forced_utf8_reads_a_bom_too(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbf" + f"{SOURCE_HEADER}\n{SOURCE_ROW}\n".encode())
    loaded = load_list(path, encoding="utf8")
    assert (loaded.encoding, loaded.id_column) == ("utf-8-sig", "№")


def test_forced_encoding_that_does_not_fit(tmp_path: Path) -> None:
    path = write(tmp_path, "id,phone,name\n1,495,Иван\n".encode("cp1251"))
    problem = only(check_list(path, encoding="utf-8"), codes.ENCODING)
    assert (problem.location.line, problem.location.column) == (2, 7)
    assert problem.message.key == "contacts.bad_byte"
    assert problem.message.params == {"byte": "C8", "encoding": "utf-8"}


def test_forced_utf16_may_hold_nul_bytes(tmp_path: Path) -> None:
    path = write(tmp_path, "id,phone\n1,2\n".encode("utf-16"))
    assert load_list(path, encoding="utf-16").records == (Contact("1", ("2",), (), 2),)


@pytest.mark.parametrize("name", ["klingon", "base64", "", "a\x00b"])
def test_unknown_encoding_is_a_usage_error(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, "id,phone\n1,2\n")
    with pytest.raises(UnreadableError) as raised:
        check_list(path, encoding=name)
    assert raised.value.exit_code is ExitCode.USAGE
    (problem,) = raised.value.problems
    assert problem.code == codes.ENCODING
    assert problem.message.key == "contacts.unknown_encoding"
    assert problem.message.params == {"encoding": name}


# Broken files


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableError) as raised:
        check_list(tmp_path / "nope.csv")
    assert raised.value.problems[0].code == codes.UNREADABLE


def test_too_large_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_LIST_BYTES", 4)  # where the loader reads it
    report = check_list(write(tmp_path, "id,phone\n"))
    assert report.contacts is None
    assert [p.code for p in report.problems] == [codes.TOO_LARGE]


def test_limit_is_two_gib() -> None:
    assert contacts.MAX_LIST_BYTES == 2 * 1024**3


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "id;phone\n1;2\n".encode("cp1251")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    loaded = load_list("-")
    assert (loaded.file, loaded.delimiter, ids(loaded)) == ("<stdin>", ";", ["1"])


def test_binary_garbage(tmp_path: Path) -> None:
    data = bytes(range(256)) * 4
    problem = only(check_list(write(tmp_path, data)), codes.ENCODING)
    assert (problem.location.line, problem.location.column) == (1, 1)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('"', 1, 1),
        ('id,phone\n"', 2, 1),
        ('id,phone\n1,"495\n2,499\n', 2, 3),
        ('id,phone,x\n1,495,"a""b\n', 2, 7),  # an escaped quote does not close
        ('id,"phone\n1,2\n', 1, 4),
    ],
)
def test_a_lone_quote(tmp_path: Path, text: str, line: int, column: int) -> None:
    report = check_list(write(tmp_path, text))
    assert report.contacts is None
    problem = only(report, codes.CSV_SYNTAX)
    assert (problem.location.line, problem.location.column) == (line, column)
    assert problem.message.key == "contacts.unclosed_quote"


def test_a_lone_quote_in_a_long_list(tmp_path: Path) -> None:
    rows = "".join(f"{n},49512{n:05d}\n" for n in range(2, 20_000))
    report = check_list(write(tmp_path, f'id,phone\n1,"4951200001\n{rows}'))
    assert report.contacts is None
    problem = only(report, codes.CSV_SYNTAX)
    assert (problem.location.line, problem.location.column) == (2, 3)
    assert problem.message.key == "contacts.cell_too_long"


@settings(max_examples=examples(200), suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=300))
def test_random_bytes_never_crash(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "list.csv"
    path.write_bytes(data)
    _check_invariants(check_list(path))


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet='id,phone;\t"\r\n x1№Т', max_size=120))
def test_random_csv_never_crashes(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "list.csv"
    path.write_bytes(text.encode("utf-8"))
    _check_invariants(check_list(path))


def _check_invariants(report: ListReport) -> None:
    assert report.problems == sorted(report.problems, key=lambda p: p.location)
    for problem in report.problems:
        assert problem.location.line >= 1
        assert problem.location.column >= 1
        problem.message.render(Lang.EN)
        problem.message.render(Lang.RU)
    errors = [p for p in report.problems if p.severity is Severity.ERROR]
    assert (report.contacts is None) == bool(errors)
    if report.contacts is not None:
        width = len(report.contacts.phone_columns)
        assert all(len(record.phones) == width for record in report.contacts.records)


# Locating cells after loading


def where(contact_list: ContactList, *cells: tuple[int, str]) -> list[tuple[int, int]]:
    """The (line, column) `locate_cells` gives each cell, in the order asked."""
    found = locate_cells(contact_list, cells)
    assert set(found) == set(cells)
    assert all(found[cell].file == contact_list.file for cell in cells)
    return [(found[cell].line, found[cell].column) for cell in cells]


def test_locate_cells_after_quoted_delimiters_and_newlines(tmp_path: Path) -> None:
    text = (
        "id,address,phone,note\n"
        '1,"Москва, ул. Новая,\nкв. 7","49512\n39000",x\n'  # phone: a quoted cell on line 3
        '2,"a ""b"", c",4951239000,"y,\n\nz"\n'
        "3,,9161234567,\n"
    )
    loaded = load_list(write(tmp_path, text))
    assert [r.line for r in loaded.records] == [2, 5, 8]
    assert where(loaded, (2, "id"), (2, "address"), (2, "phone"), (2, "note")) == [
        (2, 1),
        (2, 3),
        (3, 8),  # the opening quote of "49512…", after кв. 7",
        (4, 8),
    ]
    assert where(loaded, (5, "phone"), (5, "note")) == [(5, 16), (5, 27)]
    # Blank cells are shown where they start: the one at the end of line 8 at its newline.
    assert where(loaded, (8, "address"), (8, "phone"), (8, "note")) == [(8, 3), (8, 4), (8, 15)]


def test_locate_cells_skips_leading_blanks_but_not_into_the_next_cell(tmp_path: Path) -> None:
    text = 'id,phone,note,extra\n1,   495,  "4 9",\t\xa0x\n2,   ,  ,   \n'
    loaded = load_list(write(tmp_path, text))
    assert loaded.records[0].fields == (("note", '"4 9"'), ("extra", "x"))  # not quoted: a space
    assert where(loaded, (2, "phone"), (2, "note"), (2, "extra")) == [(2, 6), (2, 12), (2, 20)]
    # A blank cell is shown where it starts.
    assert where(loaded, (3, "phone"), (3, "note"), (3, "extra")) == [(3, 3), (3, 7), (3, 10)]


def test_locate_cells_with_a_bom_counts_from_after_it(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbf" + "№,Телефон\n1, 4951239000\n".encode())
    for loaded in (load_list(path), load_list(path, encoding="utf-8")):
        assert loaded.encoding == "utf-8-sig"
        assert where(loaded, (1, "№"), (1, "Телефон"), (2, "Телефон")) == [(1, 1), (1, 3), (2, 4)]


@pytest.mark.parametrize("encoding", [None, "cp1251"], ids=["detected", "forced"])
def test_locate_cells_in_cp1251_counts_characters(tmp_path: Path, encoding: str | None) -> None:
    text = "№;Фамилия;Телефон 1;Телефон 2\r\n1;Егоров;;8 (916) 123-45-67\r\n"
    loaded = load_list(write(tmp_path, text.encode("cp1251")), encoding=encoding)
    assert (loaded.encoding, loaded.delimiter) == ("cp1251", ";")
    assert where(loaded, (2, "Телефон 2"), (2, "Фамилия")) == [(2, 11), (2, 3)]


def test_locate_cells_in_a_tab_separated_list(tmp_path: Path) -> None:
    text = 'id\tphone\tnote\n7\t  4951234567\t"a,\tb"\n8\t\t x\n'
    loaded = load_list(write(tmp_path, text))
    assert loaded.delimiter == "\t"
    assert where(loaded, (2, "phone"), (2, "note"), (3, "phone"), (3, "note")) == [
        (2, 5),
        (2, 16),
        (3, 3),  # an empty cell: the tab after it is the next cell's delimiter
        (3, 5),
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_locate_cells_with_any_line_end(tmp_path: Path, newline: str) -> None:
    text = newline.join(["id,phone", "", 'a,"1', '2"', "b, 3", ""])
    loaded = load_list(write(tmp_path, text))
    assert [r.line for r in loaded.records] == [3, 5]
    assert where(loaded, (3, "phone"), (5, "phone")) == [(3, 3), (5, 4)]


def test_locate_cells_in_a_list_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = 'id;phone\r\n1;"x;\r\ny"\r\n2; 12345\r\n'.encode("cp1251")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))  # read already
    loaded = load_list(Source("-", data))
    assert loaded.source == Source("-", data)
    assert locate_cells(loaded, [(4, "phone"), (2, "phone")]) == {
        (2, "phone"): Location("<stdin>", 2, 3),
        (4, "phone"): Location("<stdin>", 4, 4),
    }


def test_locate_cells_in_a_forced_utf16_list(tmp_path: Path) -> None:
    loaded = load_list(write(tmp_path, "id,phone\n1,  2\n".encode("utf-16")), encoding="utf-16")
    assert where(loaded, (2, "phone")) == [(2, 5)]


def test_locate_cells_reads_no_further_than_the_last_record_asked(tmp_path: Path) -> None:
    rows = "".join(f"{n},49512{n:05d}\n" for n in range(1, 5000))
    path = write(tmp_path, f"id,phone\n{rows}")
    loaded = load_list(path)
    with path.open("ab") as handle:
        handle.write(b"\xff\xfe not text any more\n")  # far past the first records
    assert where(loaded, (2, "phone"), (3, "id")) == [(2, 3), (3, 1)]
    assert where(loaded, (5000, "phone")) == [(5000, 1)]  # read up to it: the bad bytes


def test_locate_cells_of_a_changed_or_missing_file_falls_back_to_the_record(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "id,phone\n1,12345\n2,  678\n")
    loaded = load_list(path)
    path.write_text("id,phone\n1,12345\n", encoding="utf-8")
    assert where(loaded, (2, "phone"), (3, "phone")) == [(2, 3), (3, 1)]  # line 3 is gone
    path.unlink()
    assert where(loaded, (2, "phone")) == [(2, 1)]
    assert locate_cells(loaded, []) == {}


def test_locate_cells_refuses_a_column_the_list_does_not_have(tmp_path: Path) -> None:
    loaded = load_list(write(tmp_path, "id,phone\n1,2\n"))
    with pytest.raises(ValueError, match="not in tuple"):
        locate_cells(loaded, [(2, "mobile")])


def test_loader_problems_and_locate_cells_agree(tmp_path: Path) -> None:
    text = 'phone;id;note\n1;a;"x;\ny"\n2;\t a\n'
    path = write(tmp_path, text)
    (problem,) = check_list(path).problems
    assert (problem.code, problem.location.line, problem.location.column) == (
        codes.DUPLICATE_ID,
        4,
        5,  # past a tab and a space
    )
    ok = load_list(write(tmp_path, text.replace("\t a", "b"), "ok.csv"))
    assert where(ok, (2, "note"), (4, "id")) == [(2, 5), (4, 3)]


@settings(max_examples=examples(300))
@given(
    text=st.text(alphabet=',;"\r\n x', max_size=30),
    delimiter=st.sampled_from([",", ";"]),
    stop=st.none() | st.integers(1, 5),
)
def test_the_split_shortcut_finds_what_the_full_scan_finds(
    text: str, delimiter: str, stop: int | None
) -> None:
    lines = split_lines(text) or [""]
    quick = positions.scan(positions.numbered(lines, 1), 1, delimiter, 1000, stop)
    with mock.patch.object(positions, "_before_quotes", return_value=None):
        full = positions.scan(positions.numbered(lines, 1), 1, delimiter, 1000, stop)
    assert quick.cells[:stop] == full.cells[:stop]
    if stop is None:
        assert (quick.end, quick.open_quote, quick.too_long) == (
            full.end,
            full.open_quote,
            full.too_long,
        )
    for index in range(len(full.cells) + 1 if stop is None else min(stop, len(full.cells))):
        start = positions.cell_start(quick, index, delimiter)
        assert start == positions.cell_start(full, index, delimiter)


_CELL = st.text(alphabet=' ,;\t"\r\nx1Тё№', max_size=6)


@settings(max_examples=examples(100), suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.tuples(_CELL, _CELL), min_size=1, max_size=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
    quote_all=st.booleans(),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1251"]),
)
def test_every_located_cell_starts_with_its_value(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[tuple[str, str]],
    delimiter: str,
    quote_all: bool,
    newline: str,
    encoding: str,
) -> None:
    out = io.StringIO()
    quoting: Literal[0, 1] = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    writer = csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator=newline)
    writer.writerow(["id", "phone", "note"])
    writer.writerows([str(n), *row] for n, row in enumerate(rows, 1))
    path = tmp_path_factory.mktemp("locate") / "list.csv"
    path.write_bytes(out.getvalue().encode(encoding))
    loaded = check_list(path).contacts
    assume(loaded is not None)  # csv.writer leaves "\n" unquoted when lines end with "\r"
    assert loaded is not None
    assert loaded.delimiter == delimiter
    # Read back as the loader did: short cp1251 text can also be valid UTF-8 ("Тё" is "Ҹ").
    text = path.read_bytes().decode(loaded.encoding)
    lines = io.StringIO(text, newline="").readlines()
    wanted = [(r.line, name) for r in loaded.records for name in ("id", "phone", "note")]
    found = locate_cells(loaded, wanted)
    for record in loaded.records:
        values = {"id": record.id, "phone": record.phones[0], "note": record.fields[0][1]}
        for name, value in values.items():
            at = found[record.line, name]
            char = lines[at.line - 1][at.column - 1 : at.column]
            if value:  # a blank cell is shown where it starts, which may be a delimiter
                assert char in ('"', value[0]), (record, name, at)


@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.tuples(_CELL, _CELL, _CELL), min_size=1, max_size=6),
    with_id=st.booleans(),
)
def test_without_fields_records_are_the_same_less_their_fields(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, str, str]], with_id: bool
) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(
        [("id" if with_id else "name", "phone", "note"), *rows]
    )
    path = tmp_path_factory.mktemp("bare") / "list.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    full, bare = check_list(path), check_list(path, fields=False)
    assert found(bare) == found(full)
    if full.contacts is None:
        assert bare.contacts is None
    else:
        assert bare.contacts is not None
        assert bare.contacts.records == tuple(r._replace(fields=()) for r in full.contacts.records)
    with mock.patch.object(columnar, "whole_columns", return_value=None):
        assert check_list(path, fields=False) == bare  # the row-by-row reading agrees


def test_a_row_with_only_fields_filled_is_a_record_without_numbers(tmp_path: Path) -> None:
    text = "name,phone 1,phone 2\nAnna,1,\nBoris,,\n , ,\nVera,,3\n"
    for fields in (True, False):
        loaded = load_list(write(tmp_path, text), fields=fields)
        assert [(r.id, r.phones, r.line) for r in loaded.records] == [
            ("1", ("1", ""), 2),
            ("2", ("", ""), 3),
            ("3", ("", "3"), 5),
        ]
        assert loaded.records[1].fields == ((("name", "Boris"),) if fields else ())


# The generated sample and its generator


def test_campaign_300_sample() -> None:
    path = SAMPLES / "campaign_300.csv"
    report = check_list(path)
    assert report.problems == []
    loaded = report.contacts
    assert loaded is not None
    assert (loaded.encoding, loaded.delimiter) == ("cp1251", ";")
    assert path.read_bytes().count(b"\r\n") == 301
    assert loaded.columns == make_list.HEADER
    assert loaded.phone_columns == ("Телефон 1", "Телефон 2", "Телефон 3")
    assert ids(loaded) == [str(n) for n in range(1, 301)]
    assert loaded.records[0].line == 2
    assert loaded.records[-1].line == 301


def test_campaign_300_is_what_the_generator_writes(tmp_path: Path) -> None:
    out = tmp_path / "again.csv"
    args = ["--count", "300", "--seed", "300", "--encoding", "cp1251", "--delimiter", ";"]
    assert make_list.main([*args, str(out)]) == 0
    assert out.read_bytes() == (SAMPLES / "campaign_300.csv").read_bytes()


def test_generated_lists_look_real(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    make_list.write_list(path, 3000, seed=7, delimiter="\t")
    loaded = load_list(path)
    assert (loaded.encoding, loaded.delimiter, len(loaded.records)) == ("utf-8", "\t", 3000)
    shapes = {record.dialable for record in loaded.records}
    counts = [sum(record.dialable) for record in loaded.records]
    assert (False, True, False) in shapes  # Телефон 1 empty, Телефон 2 set
    assert 5 <= counts.count(0) <= 60  # about 1 % with no phone at all
    assert {1, 2, 3} <= set(counts)
    for record in loaded.records:
        for phone in filter(None, record.phones):
            assert len(phone) == 10
            assert phone.isdigit()
            assert phone.startswith(("9", "495", "499"))
    make_list.write_list(tmp_path / "same.csv", 3000, seed=7, delimiter="\t")
    assert (tmp_path / "same.csv").read_bytes() == path.read_bytes()


# Messages


def test_contacts_messages_exist_in_both_languages() -> None:
    assert en_contacts.MESSAGES.keys() == ru_contacts.MESSAGES.keys()
    assert all(key.startswith("contacts.") for key in en_contacts.MESSAGES)
    assert all(value for value in ru_contacts.MESSAGES.values())


def test_messages_render_in_russian(tmp_path: Path) -> None:
    report = check_list(write(tmp_path, "id,phone\n1,2,3,4\n2,3,4\n1,5\n"))
    assert [p.message.render(Lang.RU) for p in report.problems] == [
        "на 2 ячейки больше, чем столбцов в заголовке (2); лишние ячейки не учитываются",
        "на 1 ячейку больше, чем столбцов в заголовке (2); лишняя ячейка не учитывается",
        "номер записи (id) '1' повторяется (впервые в строке 2)",
    ]
    assert report.problems[1].message.render(Lang.EN) == (
        "1 cell more than the 2 columns of the header; the extra cell is ignored"
    )
    assert set(en_contacts.MESSAGES) <= set(CATALOGS[Lang.EN])


def test_only_newlines_end_lines(tmp_path: Path) -> None:
    text = "id,phone,note\n1,2,a\x0cb\u2028c\x85d\n2,3,e\n"
    loaded = load_list(write(tmp_path, text))
    assert [(r.id, r.fields, r.line) for r in loaded.records] == [
        ("1", (("note", "a\x0cb\u2028c\x85d"),), 2),
        ("2", (("note", "e"),), 3),
    ]


def test_garbage_collection_is_left_as_it_was(tmp_path: Path) -> None:
    path = write(tmp_path, f"{SOURCE_HEADER}\n{SOURCE_ROW}\n")
    assert gc.isenabled()
    load_list(path)
    assert gc.isenabled()
    gc.disable()
    try:
        load_list(path)
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert gc.get_freeze_count() == 0


def test_locating_cells_of_a_list_the_loader_read_from_stdin_falls_back_to_record_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"id,phone\n7,  123\n")))
    contacts = load_list("-")
    assert contacts.source == Source("-")  # the list keeps no bytes it read itself
    assert contacts.source is not None
    assert contacts.source.data is None
    # The stream is spent; asking again must not block on it.
    monkeypatch.setattr("sys.stdin", None)
    assert locate_cells(contacts, [(2, "phone")]) == {(2, "phone"): Location("<stdin>", 2, 1)}
