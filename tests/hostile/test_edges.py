"""The smaller edges: a number scripted twice, values named with their YAML kind, tips within
the ceilings, UTF-16 files, rough Monte Carlo intervals, summary-only tables, whole-second
timestamps and the repeated hour of a fall-back."""

from __future__ import annotations

import codecs
import json
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from recall_cli.cli import app, execute
from recall_cli.loaders.config_model import AFTER_HOURS
from recall_cli.loaders.contacts import check_list
from recall_cli.messages import Lang
from recall_cli.render.timeline import clock_time
from recall_cli.validate.linter import validate_paths
from recall_cli.validate.rules.rc601_callback_same_hour import HOURS_PER_DAY, suggested_hours

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT = ROOT / "sample_configs" / "cloud_contact_default.yaml"
ONE_RECORD = ROOT / "sample_lists" / "source_record.csv"
START = "2026-12-01T10:00"
runner = CliRunner()


def recall(*args: str | Path) -> tuple[int, str, str]:
    done = runner.invoke(app, [str(a) for a in args])
    return done.exit_code, done.stdout, done.stderr


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def found(paths: list[Path], lang: Lang = Lang.EN) -> list[str]:
    """`validate`'s errors as "RULE line:col message", the file left out."""
    report = validate_paths([str(p) for p in paths])
    return [
        f"{p.code.id} {p.location.line}:{p.location.column} {p.message.render(lang)}"
        for p in report.findings
        if p.severity.value == "error"
    ]


# a. A number named twice in one record


LIMITS = "limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}\n"
TWO_PHONES = "id,phone 1,phone 2\n1,4951239000,9164561278\n"


def _scripted(tmp_path: Path, numbers: str) -> tuple[Path, Path, Path]:
    config = write(tmp_path / "c.yaml", LIMITS + "rules:\n  busy: {action: stop_number}\n")
    contacts = write(tmp_path / "l.csv", TWO_PHONES)
    script = write(tmp_path / "s.yaml", f'default: busy\nrecords:\n  "1":\n{numbers}')
    return config, contacts, script


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            Lang.EN,
            "RC305 5:5 record '1': '4951239000' is phone 1, already given as '1' on line 4; "
            "which outcomes apply would be ambiguous",
        ),
        (
            Lang.RU,
            "RC305 5:5 запись '1': '4951239000' — это телефон 1, он уже указан как '1' в строке "
            "4; какие исходы применять — неясно",
        ),
    ],
)
def test_a_number_by_index_and_by_phone_is_an_error_at_the_second_key(
    tmp_path: Path, lang: Lang, message: str
) -> None:
    files = _scripted(tmp_path, '    1: [busy]\n    "4951239000": [busy]\n')
    assert found(list(files), lang) == [message]


def test_simulate_refuses_a_number_scripted_twice(tmp_path: Path) -> None:
    config, contacts, script = _scripted(tmp_path, '    "9164561278": [busy]\n    2: [busy]\n')
    code, out, err = recall(
        "simulate", config, contacts, "--script", script, "--start", START, "--lang", "en"
    )
    assert (code, out) == (1, "")
    assert err == (
        f"{script}:5:5: error RC305 record '1': '2' is phone 2, already given as "
        "'9164561278' on line 4; which outcomes apply would be ambiguous\n"
    )


def test_two_different_numbers_of_a_record_are_no_error(tmp_path: Path) -> None:
    files = _scripted(tmp_path, '    1: [busy]\n    "9164561278": [busy]\n')
    assert found(list(files)) == []


# b. The offending value and its YAML kind, once


@pytest.mark.parametrize(
    ("text", "en", "ru"),
    [
        (
            "limits: {max_attempts_per_record: '2', max_attempts_per_number: 2}\n",
            "RC012 1:35 expected a whole number, got '2' (text)",
            "RC012 1:35 ожидается целое число, а указано '2' (текст)",
        ),
        (
            LIMITS + "rules:\n  busy: {action: callback, after_hours: '3'}\n",
            "RC012 3:41 expected a number, got '3' (text)",
            "RC012 3:41 ожидается число, а указано '3' (текст)",
        ),
        (
            LIMITS + "rules:\n  busy: {action: callback, after_hours: [1, '3']}\n",
            "RC012 3:41 expected a number, got […] (list)",
            "RC012 3:41 ожидается число, а указано […] (список)",
        ),
        (
            "limits: {max_attempts_per_record: 3, max_attempts_per_number: 2.5}\n",
            "RC012 1:63 expected a whole number, got 2.5 (number)",
            "RC012 1:63 ожидается целое число, а указано 2.5 (число)",
        ),
        (
            LIMITS + "timezone: {a: 1}\n",
            "RC012 2:11 expected text, got {…} (mapping)",
            "RC012 2:11 ожидается текст, а указано {…} (словарь)",
        ),
        (
            "limits: {max_attempts_per_record: 3, max_attempts_per_number: 2, "
            "dial_all_numbers: 1}\n",
            "RC012 1:84 expected true or false, got 1 (whole number)",
            "RC012 1:84 ожидается true или false, а указано 1 (целое число)",
        ),
        (
            "limits:\n  max_attempts_per_record: 3\n  max_attempts_per_number:\n",
            "RC012 3:27 expected a whole number, got an empty value",
            "RC012 3:27 ожидается целое число, а указано пустое значение",
        ),
        (
            "limits: {max_attempts_per_record: 1001, max_attempts_per_number: 3}\n",
            "RC013 1:35 'max_attempts_per_record' must be ≤ 1000, got 1001 (whole number)",
            "RC013 1:35 'max_attempts_per_record' должно быть ≤ 1000, а указано 1001 (целое число)",
        ),
        (
            LIMITS + "rules:\n  busy: {action: callback, after_hours: 1e5}\n",
            "RC013 3:41 'after_hours' must be ≤ 8760, got 1e5 (number)",
            "RC013 3:41 'after_hours' должно быть ≤ 8760, а указано 1e5 (число)",
        ),
        (
            LIMITS + "rules:\n  busy: {action: stop_number, repeats: 2, interval_minutes: 30}\n",
            "RC104 3:61 interval_minutes must be from 1 to 10, got 30 (whole number)",
            "RC104 3:61 interval_minutes должен быть от 1 до 10, а указано 30 (целое число)",
        ),
        (
            "[limits]\n",
            "RC012 1:1 a config must be a mapping of keys such as limits and rules, got […] (list)",
            "RC012 1:1 конфигурация должна быть словарём с ключами limits, rules и другими, "
            "а указано […] (список)",
        ),
    ],
)
def test_config_messages_name_the_value_and_its_kind_once(
    tmp_path: Path, text: str, en: str, ru: str
) -> None:
    path = write(tmp_path / "c.yaml", text)
    assert found([path], Lang.EN) == [en]
    assert found([path], Lang.RU) == [ru]


@pytest.mark.parametrize(
    ("text", "en", "ru"),
    [
        (
            "outcomes: {answered: 1.1, busy: -0.1}\n",
            "RC402 1:33 a probability cannot be negative, got -0.1 (number)",
            "RC402 1:33 вероятность не может быть отрицательной, а указано -0.1 (число)",
        ),
        (
            "outcomes: {answered: 1}\ndurations: {answered: '60'}\n",
            "RC012 2:23 expected whole seconds or a [min, max] pair of them, got '60' (text)",
            "RC012 2:23 ожидается целое число секунд или пара [мин, макс], а указано '60' (текст)",
        ),
        (
            "outcomes: {answered: 1}\ndurations: {answered: [0, 90000]}\n",
            "RC404 2:27 a dial cannot take longer than a day (86400 s), got 90000 (whole number)",
            "RC404 2:27 набор не может длиться дольше суток (86400 с), а указано 90000 "
            "(целое число)",
        ),
    ],
)
def test_profile_messages_name_the_value_and_its_kind_once(
    tmp_path: Path, text: str, en: str, ru: str
) -> None:
    path = write(tmp_path / "p.profile.yaml", text)
    assert found([path], Lang.EN) == [en]
    assert found([path], Lang.RU) == [ru]


def test_script_messages_name_the_value_and_its_kind_once(tmp_path: Path) -> None:
    path = write(tmp_path / "s.script.yaml", 'records:\n  "1": {1: busy, 2: [[x]]}\n')
    assert found([path], Lang.EN) == [
        "RC012 2:12 expected a list of statuses, e.g. [busy, no_answer], got busy (text)",
        "RC012 2:22 expected a status name, got […] (list)",
    ]
    assert found([path], Lang.RU) == [
        "RC012 2:12 ожидается список статусов, например [busy, no_answer], а указано busy (текст)",
        "RC012 2:22 ожидается название статуса, а указано […] (список)",
    ]


# c. Tips suggest only values the ceilings accept


def test_every_suggested_wait_is_accepted_and_not_whole_days() -> None:
    for hours in range(HOURS_PER_DAY, AFTER_HOURS.high + 1, HOURS_PER_DAY):
        suggested = suggested_hours(hours)
        assert AFTER_HOURS.low <= suggested <= AFTER_HOURS.high, hours
        assert suggested % HOURS_PER_DAY, hours
    assert (suggested_hours(8736), suggested_hours(8760)) == (8739, 8757)


@pytest.mark.parametrize(
    ("lang", "tip"),
    [
        (
            "en",
            "line 3: no_answer calls back after 8760 h, a whole number of days: every callback "
            "rings at the same time of day as the call the client missed; consider e.g. 8757 h",
        ),
        (
            "ru",
            "строка 3: no_answer: перезвон через 8760 часов — целое число суток, и каждый "
            "перезвон приходится на то же время дня, что и пропущенный клиентом звонок; "
            "попробуйте, например, 8757 часов",
        ),
    ],
)
def test_the_tip_for_a_year_long_callback_stays_within_the_ceiling(
    tmp_path: Path, lang: str, tip: str
) -> None:
    config = write(
        tmp_path / "c.yaml",
        "limits: {max_attempts_per_record: 3, max_attempts_per_number: 2}\n"
        "rules:\n  no_answer: {action: callback, after_hours: 8760}\n",
    )
    code, out, _ = recall("explain", config, "--lang", lang)
    assert code == 0
    assert tip in " ".join(out.replace("•", " ").split())


# d. UTF-16 and UTF-32 files are named as such


WIDE = [
    ("c.yaml", "utf-16-le", codecs.BOM_UTF16_LE, "UTF-16 LE"),
    ("c.yaml", "utf-16-be", codecs.BOM_UTF16_BE, "UTF-16 BE"),
    ("l.csv", "utf-16-le", codecs.BOM_UTF16_LE, "UTF-16 LE"),
    ("l.csv", "utf-16-be", codecs.BOM_UTF16_BE, "UTF-16 BE"),
    ("l.csv", "utf-32-le", codecs.BOM_UTF32_LE, "UTF-32 LE"),
]


@pytest.mark.parametrize(("name", "codec", "bom", "encoding"), WIDE)
def test_a_wide_unicode_file_is_refused_at_1_1_by_name(
    tmp_path: Path, name: str, codec: str, bom: bytes, encoding: str
) -> None:
    text = LIMITS if name.endswith(".yaml") else TWO_PHONES
    path = tmp_path / name
    path.write_bytes(bom + text.encode(codec))
    assert found([path], Lang.EN) == [
        f"RC002 1:1 is {encoding} text, which recall does not read; save it as UTF-8"
    ]
    assert found([path], Lang.RU) == [
        f"RC002 1:1 файл в кодировке {encoding}, её recall не читает; сохраните его в UTF-8"
    ]


def test_simulate_names_a_utf16_list(tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + TWO_PHONES.encode("utf-16-le"))
    code, out, err = recall("simulate", DEFAULT, path, "--start", START, "--lang", "en")
    assert (code, out) == (1, "")
    assert err == (
        f"{path}:1:1: error RC002 is UTF-16 LE text, which recall does not read; save it as UTF-8\n"
    )


def test_a_list_named_utf16_with_encoding_is_read(tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + TWO_PHONES.encode("utf-16-le"))
    report = check_list(path, encoding="utf-16")
    assert report.contacts is not None
    assert [c.phones for c in report.contacts.records] == [("4951239000", "9164561278")]


# e. Monte Carlo intervals within what a figure can be; few runs are rough


def test_a_share_interval_is_cut_to_0_and_1() -> None:
    # One record reached in one run of two: unclipped, 50 % ± 635 %.
    code, out, _ = recall(
        "simulate", DEFAULT, ONE_RECORD, "--start", START, "--runs", "2", "--format", "json"
    )
    assert code == 0
    figures = json.loads(out)["figures"]
    assert figures["reach_rate"] == {"mean": 0.5, "low": 0.0, "high": 1.0}
    for key, figure in figures.items():
        if figure is not None and figure["low"] is not None:
            assert figure["low"] >= 0, key
            if key == "reach_rate" or key.startswith(("states.", "closed_by.")):
                assert figure["high"] <= 1, key


@pytest.mark.parametrize(
    ("lang", "runs", "note"),
    [
        ("en", "2", "only 2 runs: the intervals are rough; use --runs 30 or more for figures "),
        ("en", "29", "only 29 runs: the intervals are rough; use --runs 30 or more for figures "),
        ("ru", "2", "всего 2 прогона: интервалы приблизительные; для выводов укажите --runs 30 "),
        ("en", "30", None),
    ],
)
def test_fewer_than_30_runs_are_noted_as_rough(lang: str, runs: str, note: str | None) -> None:
    code, out, _ = recall(
        "simulate", DEFAULT, ONE_RECORD, "--start", START, "--runs", runs, "--lang", lang
    )
    assert code == 0
    last = out.rstrip("\n").splitlines()[-1]
    if note is None:
        assert last.startswith("└")
    else:
        rest = "to act on" if lang == "en" else "или больше"
        assert last == note + rest


def test_a_comparison_of_few_runs_is_noted_as_rough() -> None:
    code, out, _ = recall(
        "compare", DEFAULT, DEFAULT, ONE_RECORD, "--runs", "5", "--start", START, "--lang", "en"
    )
    assert code == 0
    assert out.rstrip("\n").splitlines()[-1] == (
        "only 5 runs: the intervals are rough; use --runs 30 or more for figures to act on"
    )


# f. --no-events tables and long tables


STOP = "limits: {max_attempts_per_record: 1, max_attempts_per_number: 1}\nrules:\n"
STOP += "  busy: {action: stop_record}\n"


def _many(tmp_path: Path, records: int) -> tuple[Path, Path, Path]:
    config = write(tmp_path / "c.yaml", STOP)
    rows = "".join(f"{i},8916{i:07d}\n" for i in range(1, records + 1))
    contacts = write(tmp_path / f"l{records}.csv", "id,phone\n" + rows)
    script = write(tmp_path / "s.yaml", "default: busy\nrecords: {}\n")
    return config, contacts, script


def test_no_events_table_is_the_summary_alone(tmp_path: Path) -> None:
    config, contacts, script = _many(tmp_path, 3)
    args = ("simulate", config, contacts, "--script", script, "--start", START, "--lang", "en")
    code, full, _ = recall(*args)
    assert code == 0
    code, summary, err = recall(*args, "--no-events")
    assert (code, err) == (0, "")
    assert summary.startswith("Campaign: c")
    assert "Record" not in summary
    assert full.endswith("\n\n" + summary)
    assert full.count("Record ") == 3


def test_a_table_is_long_from_2001_records() -> None:
    assert execute.LONG_TABLE == 2000


@pytest.mark.parametrize(
    ("records", "lang", "note"),
    [
        (2, "en", ""),
        (
            3,
            "en",
            "note: the table holds the timelines of 3 records; --no-events shows the "
            "summary only, --format json gives data to process\n",
        ),
        (
            21,
            "ru",
            "примечание: в таблице хронологии 21 записи; --no-events покажет только сводку, "
            "--format json даст данные для обработки\n",
        ),
    ],
)
def test_a_long_table_suggests_no_events_or_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, records: int, lang: str, note: str
) -> None:
    # Two thousand timelines take seconds to draw; the threshold is what is tested.
    monkeypatch.setattr(execute, "LONG_TABLE", 2)
    config, contacts, script = _many(tmp_path, records)
    args = ("simulate", config, contacts, "--script", script, "--start", START, "--lang", lang)
    code, _, err = recall(*args)
    assert (code, err) == (0, note)
    code, _, err = recall(*args, "--no-events")
    assert (code, err) == (0, "")


# g. Whole seconds and RFC 3339 offsets in every output

_STAMP = re.compile(r"\d{4}-\d\d-\d\dT[0-9:.+\-Z]+")
_RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")
NEW_YORK = "timezone: America/New_York\n" + LIMITS + "rules:\n  busy: {action: callback, "
NEW_YORK += "after_hours: 1}\n"


@pytest.mark.parametrize("output_format", ["json", "jsonl", "csv"])
def test_every_timestamp_is_whole_seconds_with_an_offset(
    tmp_path: Path, output_format: str
) -> None:
    config = write(tmp_path / "c.yaml", NEW_YORK)
    contacts = write(tmp_path / "l.csv", TWO_PHONES)
    script = write(tmp_path / "s.yaml", "default: busy\nrecords: {}\n")
    code, out, _ = recall(
        "simulate",
        config,
        contacts,
        "--script",
        script,
        "--start",
        "2026-11-01T00:30:15.75",
        "--until",
        "2026-11-02T00:00:00.5-05:00",
        "--format",
        output_format,
    )
    assert code == 0
    stamps = _STAMP.findall(out)
    assert len(stamps) >= 5
    assert [s for s in stamps if not _RFC3339.fullmatch(s)] == []
    assert "2026-11-01T00:30:15-04:00" in stamps
    assert "2026-11-01T01:30:15-05:00" in stamps


# h. The repeated hour of a fall-back


def test_the_two_1_30_rows_of_a_fall_back_read_apart(tmp_path: Path) -> None:
    config = write(tmp_path / "c.yaml", NEW_YORK)
    contacts = write(tmp_path / "l.csv", "id,phone\n1,2125550100\n")
    script = write(tmp_path / "s.yaml", "default: busy\nrecords: {}\n")
    code, out, _ = recall(
        "simulate", config, contacts, "--script", script, "--start", "2026-11-01T00:30"
    )
    assert code == 0
    times = [line.split("│")[1].strip() for line in out.splitlines() if line.startswith("│ 0")]
    assert times == ["00:30", "01:30 (-04:00)", "01:30 (-05:00)"]


@pytest.mark.parametrize(
    ("zone", "moment", "shown"),
    [
        ("America/New_York", datetime(2026, 11, 1, 1, 0), "01:00 (-04:00)"),
        ("America/New_York", datetime(2026, 11, 1, 1, 59, fold=1), "01:59 (-05:00)"),
        ("America/New_York", datetime(2026, 11, 1, 2, 0), "02:00"),
        ("America/New_York", datetime(2026, 3, 8, 3, 30), "03:30"),  # spring forward: no repeat
        ("Europe/Moscow", datetime(2026, 10, 25, 2, 30), "02:30"),  # no daylight saving
        ("Australia/Lord_Howe", datetime(2026, 4, 5, 1, 45, fold=1), "01:45 (+10:30)"),
    ],
)
def test_clock_time_marks_only_a_repeated_hour(zone: str, moment: datetime, shown: str) -> None:
    local = moment.replace(tzinfo=ZoneInfo(zone))
    assert clock_time(local, local) == shown
