"""Nothing from a list, a script or a config reaches a spreadsheet as a formula or a terminal as
a control sequence: CSV cells that would start a formula get a leading quote, and control and
bidi characters are shown escaped in tables, explanations and findings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from recall_cli.messages import Lang, Message, text
from recall_cli.messages.visible import visible
from recall_cli.render.data import neutral

SAMPLES = Path(__file__).resolve().parents[2] / "sample_configs"

ESC = "\x1b"
RLO = "\u202e"
RAW = (ESC, RLO)


def recall(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "recall_cli", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def write(folder: Path, name: str, content: str) -> Path:
    path = folder / name
    path.write_text(content, encoding="utf-8", newline="")
    return path


# Formulas in CSV output


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+SUM(1)", "'+SUM(1)"),
        ("@cmd", "'@cmd"),
        ("-2+3", "'-2+3"),
        ("\tcmd", "'\tcmd"),
        ("\r=1", "'\r=1"),
        ("-", "'-"),
        ("+", "'+"),
        ("+7 916 123-45-67", "+7 916 123-45-67"),
        ("+1 (202) 555-0100", "+1 (202) 555-0100"),
        ("-3", "-3"),
        ("+2.5", "+2.5"),
        ("-0,5", "-0,5"),
        ("89161234567", "89161234567"),
        ("Анна", "Анна"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_a_cell_that_would_start_a_formula_gets_a_quote(cell: str, shown: str) -> None:
    assert neutral(cell) == shown


LIST = (
    "id,name,phone\n"
    '"=HYPERLINK(""http://x"",""y"")",=HYPERLINK("http://evil"),+7 916 123-45-67\n'
    "@cmd,@SUM(1),-3\n"
    "-2+3,-2+3,+SUM(1)\n"
    "+SUM(1),Анна,-2+3\n"
    "-3,Борис,89161234567\n"
)
CONFIG = (
    "campaign: Demo\n"
    "limits: {max_attempts_per_record: 1, max_attempts_per_number: 1}\n"
    'rules:\n  no_answer: {action: stop_record, scenario: "\\t=cmd"}\n'
)
SCRIPT = "default: no_answer\nrecords: {}\n"
TIME = "2026-12-01T10:00:00+03:00"


def test_csv_output_neutralises_formulas_from_the_list_and_the_config(tmp_path: Path) -> None:
    contacts = write(tmp_path, "list.csv", LIST)
    config = write(tmp_path, "config.yaml", CONFIG)
    script = write(tmp_path, "script.yaml", SCRIPT)
    done = recall(
        "simulate", config, contacts, "--script", script, "--start", TIME[:16], "--format", "csv"
    )
    # "+SUM(1)" has a digit: it is dialled as written, and said so.
    assert (done.returncode, done.stderr) == (
        0,
        f"{contacts}: 1 phone cell has letters among the digits and was dialled as written: "
        "row 4 — see `recall validate`\n",
    )
    tail = ",1,1,0,no_answer,stop_record,,,stopped,'\t=cmd"
    assert done.stdout.splitlines() == [
        "time,record,number,phone,attempt,number_attempt,repeat,status,then,next_at,"
        "next_number,closed,scenario",
        f'{TIME},"\'=HYPERLINK(""http://x"",""y"")",1,+7 916 123-45-67{tail}',
        f"{TIME},'@cmd,1,-3{tail}",
        f"{TIME},'-2+3,1,'+SUM(1){tail}",
        f"{TIME},'+SUM(1),1,'-2+3{tail}",
        f"{TIME},-3,1,89161234567{tail}",
    ]


# Control and bidi characters


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x00", "\\x00"),
        ("\x07", "\\x07"),
        ("\t", "\\x09"),
        ("\n", "\\x0a"),
        ("\r", "\\x0d"),
        (ESC + "[31m", "\\x1b[31m"),
        ("\x7f", "\\x7f"),
        ("\x85", "\\x85"),
        ("\x9b", "\\x9b"),
        ("\u061c", "\\u061c"),
        ("\u200e", "\\u200e"),
        ("\u200f", "\\u200f"),
        ("\u202a", "\\u202a"),
        (RLO, "\\u202e"),
        ("\u2066", "\\u2066"),
        ("\u2069", "\\u2069"),
    ],
)
def test_control_and_bidi_characters_are_shown_escaped(raw: str, shown: str) -> None:
    assert visible(f"a{raw}b") == f"a{shown}b"


@pytest.mark.parametrize("plain", ["Анна", "C:\\lists\\x1b.csv", "ЁЖ № 5 — «ok»", "\u200b", ""])
def test_other_text_is_shown_as_it_is(plain: str) -> None:
    assert visible(plain) == plain
    assert visible(visible(f"{plain}{ESC}")) == f"{plain}\\x1b"


def test_a_message_shows_its_text_values_escaped() -> None:
    message = Message("validate.record_without_phones", {"record": f"r{ESC}[2J{RLO}1"})
    assert message.render(Lang.EN) == "record r\\x1b[2J\\u202e1 has no phone: it is never dialled"
    assert text(Lang.EN, "timeline.title", record=f"{RLO}7") == "Record \\u202e7"


HOSTILE_LIST = f"id,name,phone\nr{ESC}[31m1,Ан{RLO}на,89161234567\n"
HOSTILE_CONFIG = (
    '# The YAML escapes \\e and \\u202e write ESC and RLO.\ncampaign: "Demo\\e[2J\\u202e"\n'
    "limits: {max_attempts_per_record: 1, max_attempts_per_number: 1}\n"
    'rules:\n  no_answer: {action: stop_record, scenario: "sms\\e]0;x\\a\\u202e"}\n'
)


def test_a_table_shows_names_ids_and_campaign_escaped(tmp_path: Path) -> None:
    contacts = write(tmp_path, "list.csv", HOSTILE_LIST)
    config = write(tmp_path, "config.yaml", HOSTILE_CONFIG)
    script = write(tmp_path, "script.yaml", SCRIPT)
    done = recall(
        "simulate", config, contacts, "--script", script, "--start", TIME[:16], "--lang", "en"
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert not any(char in done.stdout for char in RAW)
    assert "Record r\\x1b[31m1 · Ан\\u202eна · 89161234567" in done.stdout
    assert "Campaign: Demo\\x1b[2J\\u202e" in done.stdout
    assert "; scenario" in done.stdout
    assert "sms\\x1b]0;x\\x07\\u202e" in done.stdout


def test_an_explanation_shows_the_campaign_and_scenarios_escaped(tmp_path: Path) -> None:
    config = write(tmp_path, "config.yaml", HOSTILE_CONFIG)
    done = recall("explain", config, "--lang", "en")
    assert (done.returncode, done.stderr) == (0, "")
    assert not any(char in done.stdout for char in RAW)
    assert "Demo\\x1b[2J\\u202e" in done.stdout
    assert "sms\\x1b]0;x\\x07\\u202e" in done.stdout


def test_text_findings_show_ids_and_status_labels_escaped(tmp_path: Path) -> None:
    contacts = write(tmp_path, "list.csv", f"id,phone\nx{RLO}1,89161234567\nx{RLO}1,89161234568\n")
    config = write(
        tmp_path,
        "config.yaml",
        "limits: {max_attempts_per_record: 1, max_attempts_per_number: 1}\n"
        'rules:\n  "bu\\esy\\u202e": {action: stop_number}\n',
    )
    done = recall("validate", contacts, config, "--lang", "en")
    assert done.returncode == 1
    assert not any(char in done.stdout + done.stderr for char in RAW)
    assert f"{config}:3:3: error RC102 unknown status 'bu\\x1bsy\\u202e'" in done.stdout
    assert f"{contacts}:3:1: error RC203 " in done.stdout
    assert "x\\u202e1" in done.stdout


def test_rich_markup_in_names_is_shown_as_written(tmp_path: Path) -> None:
    contacts = write(
        tmp_path,
        "list.csv",
        "id,name,phone\n[/],[red]Анна[/red] [link=http://e]x[/link],[b]89161234567\n",
    )
    config = write(tmp_path, "config.yaml", "campaign: '[/]'\n" + CONFIG.split("\n", 1)[1])
    script = write(tmp_path, "script.yaml", SCRIPT)
    done = recall("simulate", config, contacts, "--script", script, "--start", TIME[:16])
    assert done.returncode == 0
    assert "Record [/] · [red]Анна[/red] [link=http://e]x[/link] · [b]89161234567" in done.stdout
    assert "1 · [b]89161234567" in done.stdout
    assert "Campaign: [/]" in done.stdout


def test_rich_markup_in_a_campaign_name_is_shown_in_runs_and_comparisons(tmp_path: Path) -> None:
    sample = (SAMPLES / "cloud_contact_default.yaml").read_text(encoding="utf-8")
    config = write(tmp_path, "config.yaml", sample.replace("Новая кампания", "'[/]'"))
    contacts = write(tmp_path, "list.csv", "id,phone\n1,89161234567\n")
    runs = recall("simulate", config, contacts, "--runs", "2", "--lang", "en")
    assert (runs.returncode, runs.stderr) == (0, "")
    assert runs.stdout.startswith("Campaign: [/] · 2 runs, seeds 0–1")
    compared = recall("compare", config, config, contacts, "--runs", "2", "--lang", "en")
    assert (compared.returncode, compared.stderr) == (0, "")
    assert "A: [/] · B: [/] · 2 runs on the same outcomes, seeds 0–1" in compared.stdout
