"""`recall simulate` runs on a damaged list, dials what holds a digit, and says on stderr (and
in JSON) what it could not take as it stands; a clean list's output does not change."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from recall_cli.engine import Contact
from recall_cli.loaders.contacts import load_list
from recall_cli.loaders.contacts.phone_cells import ListProblems, is_phone_header, list_problems
from recall_cli.messages import Lang

CONFIG = (
    "campaign: Demo\n"
    "limits: {max_attempts_per_record: 2, max_attempts_per_number: 1, dial_all_numbers: true}\n"
    "rules:\n  no_answer: {action: callback, after_hours: 1}\n"
)
SCRIPT = "default: no_answer\nrecords: {}\n"
# Line 3: a row shifted left, a name in phone 1; line 4: a phone Excel turned into a float;
# line 5: letters in a phone; line 6: no phone; line 7: shifted, and nothing dialable left.
DAMAGED = (
    "id,name,phone 1,phone 2\n"
    "1,Егоров,4951239000,9164561278\n"
    "2,Петров,Сидоров,89161234567\n"
    "3,Иванов,9.16E+09,\n"
    "4,Смирнов,8916abc4567,\n"
    "5,Кузнецов,,\n"
    "6,Попов,Москва,\n"
)
TWIN = (
    "id,name,phone 1,phone 2\n"
    "1,Егоров,4951239000,9164561278\n"
    "2,Петров,,89161234567\n"
    "3,Иванов,89161234560,\n"
    "4,Смирнов,89161234561,\n"
    "5,Кузнецов,84951230000,\n"
    "6,Попов,89161234562,\n"
)
COUNTS = {
    "cells_without_number": 2,
    "excel_damaged_cells": 1,
    "cells_with_letters": 1,
    "records_without_number": 2,
}
SUMMARY_KEYS = [
    "records",
    "reached",
    "dials",
    "attempts",
    "states",
    "reach_rate",
    "closed_by",
    "dials_per_record",
    "attempts_per_record",
    "dials_per_reached",
    "attempts_per_reached",
    "time_to_reach",
    "dials_by_status",
    "dials_by_hour",
]


def note(contacts: Path, lang: Lang) -> str:
    """The stderr note of a run of DAMAGED, line by line."""
    if lang is Lang.EN:
        lines = [
            "2 phone cells hold no number and were not dialled: rows 3, 7",
            "1 phone cell was turned into a number by a spreadsheet (like 9.16E+09) and dialled "
            "as written: row 4",
            "1 phone cell has letters among the digits and was dialled as written: row 5",
            "2 records have no number to dial and closed without a dial: rows 6, 7",
        ]
        see = "see `recall validate`"
    else:
        lines = [
            "2 ячейки телефона без единой цифры не набирались: строки 3, 7",
            "1 телефон превращён электронной таблицей в число (как 9.16E+09) и набирался как "
            "записан: строка 4",
            "1 телефон с буквами среди цифр набирался как записан: строка 5",
            "2 записи без номера для набора закрыты без единого набора: строки 6, 7",
        ]
        see = "см. `recall validate`"
    return "".join(f"{contacts}: {line} — {see}\n" for line in lines)


def recall(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "recall_cli", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def simulate(folder: Path, contacts: str, *extra: str) -> subprocess.CompletedProcess[str]:
    path = folder / "list.csv"
    path.write_text(contacts, encoding="utf-8")
    config = folder / "config.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    script = folder / "script.yaml"
    script.write_text(SCRIPT, encoding="utf-8")
    return recall(
        "simulate", config, path, "--script", script, "--start", "2026-12-01T10:00", *extra
    )


# Which headers are phone columns


@pytest.mark.parametrize(
    "header",
    [
        "phone",
        "Phone_home",
        "phones",
        "PHONE 2",
        "телефон",
        "Телефон 1",
        "ТЕЛЕФОН моб",
        "Мобильный телефон",
        "Домашний телефон",
        "Contact phone",
        "cellphone",
        "mobile",
        "Mobile 2",
        "мобильный",
        "Мобильн",
        "тел",
        "Тел.",
        "Тел. домашний",
        "тел_2",
        "тел2",
        "Моб. тел.",
        "моб",
        "cell",
        "cell 2",
        "Cell_1",
        "cell3",
    ],
)
def test_a_header_that_names_phones_is_a_phone_column(header: str) -> None:
    assert is_phone_header(header)


@pytest.mark.parametrize(
    "header",
    ["name", "Телега", "телеграм", "мобила", "Моби", "cells", "cellar", "Excel", "адрес", "tel"],
)
def test_other_headers_are_not(header: str) -> None:
    assert not is_phone_header(header)


def test_detected_phone_columns_keep_header_order(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    header = "id,Имя,Моб. тел.,Адрес,Тел. домашний,cell 2,Рабочий телефон"
    path.write_text(f"{header}\n1,Анна,1,Москва,2,3,4\n", encoding="utf-8")
    loaded = load_list(path)
    assert loaded.phone_columns == ("Моб. тел.", "Тел. домашний", "cell 2", "Рабочий телефон")
    assert loaded.records[0].fields == (("Имя", "Анна"), ("Адрес", "Москва"))


# Which cells are numbers


def test_a_cell_without_a_digit_is_not_dialable() -> None:
    contact = Contact("1", ("Сидоров", "", "+7 916", "()-", "٣", "доб. 5"))
    assert contact.dialable == (False, False, True, False, False, True)


def test_list_problems_of_cells_and_records() -> None:
    contacts = (
        Contact("1", ("4951239000", "9164561278"), (), 2),
        Contact("2", ("Сидоров", "89161234567"), (), 3),
        Contact("3", ("9.16E+09", ""), (), 4),
        Contact("4", ("8916abc4567", "79161234567.0"), (), 5),
        Contact("5", ("", ""), (), 6),
        Contact("6", ("Москва", "—"), (), 7),
    )
    assert list_problems(contacts) == ListProblems(
        no_number=(3, 7, 7), excel=(4, 5), letters=(5,), no_dialable=(6, 7)
    )
    clean = (Contact("1", ("+7 (916) 123-45-67", ""), (), 2), Contact("2", ("", ""), (), 3))
    assert list_problems(clean) == ListProblems(no_dialable=(3,))
    assert not list_problems(clean[:1])


# What simulate says


@pytest.mark.parametrize("lang", list(Lang))
def test_simulate_runs_a_damaged_list_and_says_what_it_skipped(tmp_path: Path, lang: Lang) -> None:
    done = simulate(tmp_path, DAMAGED, "--format", "json", "--lang", lang.value)
    assert (done.returncode, done.stderr) == (0, note(tmp_path / "list.csv", lang))
    output = json.loads(done.stdout)
    assert output["summary"]["list_problems"] == COUNTS
    assert list(output["summary"]) == [*SUMMARY_KEYS, "list_problems"]
    dialled = {(event["record"], event["number"]) for event in output["events"]}
    # The name in record 2's phone 1 and the town in record 6's are never dialled; the float
    # and the letters are dialled as written.
    assert dialled == {("1", 1), ("1", 2), ("2", 2), ("3", 1), ("4", 1)}
    states = {record["id"]: record["state"] for record in output["records"]}
    assert (states["5"], states["6"]) == ("no_numbers", "no_numbers")


def test_every_format_says_it(tmp_path: Path) -> None:
    for output_format in ("table", "csv", "jsonl"):
        done = simulate(tmp_path, DAMAGED, "--format", output_format, "--lang", "en")
        assert (done.returncode, done.stderr) == (0, note(tmp_path / "list.csv", Lang.EN))
    jsonl = simulate(tmp_path, DAMAGED, "--format", "jsonl").stdout.splitlines()
    assert json.loads(jsonl[-1])["list_problems"] == COUNTS


def test_record_limits_the_note_to_the_records_run(tmp_path: Path) -> None:
    done = simulate(tmp_path, DAMAGED, "--format", "json", "--lang", "en", "--record", "6")
    assert done.stderr == (
        f"{tmp_path / 'list.csv'}: 1 phone cell holds no number and was not dialled: row 7 — see "
        f"`recall validate`\n{tmp_path / 'list.csv'}: 1 record has no number to dial and closed "
        "without a dial: row 7 — see `recall validate`\n"
    )
    assert json.loads(done.stdout)["summary"]["list_problems"] == {
        "cells_without_number": 1,
        "excel_damaged_cells": 0,
        "cells_with_letters": 0,
        "records_without_number": 1,
    }


def test_a_long_note_names_ten_rows_and_counts_the_rest(tmp_path: Path) -> None:
    rows = "".join(f"{n},Имя,,\n" for n in range(1, 14))
    done = simulate(tmp_path, "id,name,phone 1,phone 2\n" + rows, "--lang", "ru")
    assert (done.returncode, done.stderr) == (
        0,
        f"{tmp_path / 'list.csv'}: 13 записей без номера для набора закрыты без единого набора: "
        "строки 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 и ещё 3 — см. `recall validate`\n",
    )


def test_the_undamaged_twin_says_nothing_and_its_json_keeps_its_keys(tmp_path: Path) -> None:
    done = simulate(tmp_path, TWIN, "--format", "json", "--lang", "en")
    assert (done.returncode, done.stderr) == (0, "")
    assert list(json.loads(done.stdout)["summary"]) == SUMMARY_KEYS
    assert "list_problems" not in done.stdout
