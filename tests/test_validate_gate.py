"""`recall validate` as a CI gate: what the checked files cannot turn off, what the command line
turns off in plain sight, and paths that can be read only once (stdin, pipes, FIFOs)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recall_cli.cli import app

runner = CliRunner()
TIMEOUT = 20  # seconds; a run that blocks on a pipe would never end

LIMITS = "limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}\n"
# Line 4: a second rule for invalid_number (RC101, error) and rules for 2 statuses of 11
# (RC605, info, shown at line 2); line 5: a 24 h callback (RC601, info); line 6: an unused field
# (RC107, warning). The comments name every one of them.
INLINE = (
    LIMITS
    + "rules:  # recall: ignore[status-without-rule]\n"
    + "  invalid_number: {action: stop_number}\n"
    + "  Неверный номер: {action: stop_number}  # recall: ignore[RC101]\n"
    + "  no_answer: {action: callback, after_hours: 24}  # recall: ignore[RC6, RC107]\n"
    + "  silence: {action: stop_number, after_hours: 3}\n"
)
# Two unknown statuses (RC102, errors) and a warning (RC107).
TYPOS = (
    LIMITS
    + "rules:\n"
    + "  no_anwser: {action: callback, after_hours: 1}\n"
    + "  bussy: {action: callback, after_hours: 1}\n"
    + "  silence: {action: stop_number, after_hours: 3}\n"
)
KEPT_SUMMARY = (
    "\n1 file checked: 1 error, 0 warnings, 0 infos; 1 error named in a '# recall: ignore' "
    "comment is kept: only --ignore turns an error off\n"
)
LIST = "id;phone\n1;12345\n2;9.16E+09\n"


def recall(*args: str | Path, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _rc101(name: str | Path) -> str:
    return (
        f"{name}:4:3: error RC101 status 'Неверный номер' (invalid_number) already has a rule "
        "on line 3; which one applies would be ambiguous\n"
    )


# Inline comments turn off warnings and infos, never errors


def test_an_inline_comment_does_not_turn_an_error_off(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.yaml", INLINE)
    assert recall("validate", path) == (
        1,
        _rc101(path) + KEPT_SUMMARY,
        "",
    )
    code, out, _ = recall("validate", "--lang", "ru", path)
    assert code == 1
    assert out.splitlines()[-1] == (
        "проверен 1 файл: 1 ошибка, 0 предупреждений, 0 замечаний; 1 ошибка, названная в "
        "комментарии '# recall: ignore', оставлена: ошибку отключает только --ignore"
    )


def test_the_command_line_turns_the_error_off_that_a_comment_could_not(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.yaml", INLINE)
    assert recall("validate", "--ignore", "RC101", path) == (
        0,
        "1 file checked: 0 errors, 0 warnings, 0 infos; 1 error ignored by --ignore RC101\n",
        "",
    )


def test_json_counts_the_errors_kept_despite_a_comment(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.yaml", INLINE)
    code, out, _ = recall("validate", "--format", "json", path)
    assert code == 1
    assert json.loads(out)["summary"] == {
        "files": 1,
        "errors": 1,
        "warnings": 0,
        "errors_ignored": {},
        "errors_not_ignored_inline": 1,
    }


# --ignore: explicit, and shown


def test_errors_left_out_by_ignore_are_counted_in_the_summary(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.yaml", TYPOS)
    assert recall("validate", "--ignore", "RC102", path) == (
        0,
        f"{path}:5:47: warning RC107 after_hours is ignored: the action is stop_number, not "
        "callback\n"
        "\n1 file checked: 0 errors, 1 warning, 0 infos; 2 errors ignored by --ignore RC102\n",
        "",
    )
    code, out, _ = recall("validate", "--lang", "ru", "--ignore", "RC102", path)
    assert code == 0
    assert out.splitlines()[-1] == (
        "проверен 1 файл: 0 ошибок, 1 предупреждение, 0 замечаний; "
        "2 ошибки пропущены по --ignore RC102"
    )


def test_each_ignored_error_counts_for_the_first_pattern_that_names_it(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.yaml", TYPOS)
    code, out, _ = recall(
        "validate", "--ignore", "unknown-status", "--ignore", "RC1", "--ignore", "RC6", path
    )
    assert code == 0
    # RC1 also names RC102, but unknown-status came first; RC1 left out only the warning.
    assert out == (
        "1 file checked: 0 errors, 0 warnings, 0 infos; "
        "2 errors ignored by --ignore unknown-status\n"
    )


def test_json_and_github_show_the_errors_left_out(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.yaml", TYPOS)
    code, out, _ = recall("validate", "--format", "json", "--ignore", "RC102", path)
    assert code == 0
    assert json.loads(out)["summary"] == {
        "files": 1,
        "errors": 0,
        "warnings": 1,
        "errors_ignored": {"RC102": 2},
        "errors_not_ignored_inline": 0,
    }
    code, out, _ = recall("validate", "--format", "github", "--ignore", "RC102", path)
    assert code == 0
    assert out.splitlines()[-1] == "::notice title=recall::2 errors ignored by --ignore RC102"


@pytest.mark.parametrize("pattern", ["R", "RC", "RC10", "RC01", "RC8", "RC1021", "rc-102"])
def test_ignore_refuses_what_is_neither_an_id_nor_a_family_nor_a_slug(
    tmp_path: Path, pattern: str
) -> None:
    path = _write(tmp_path / "c.yaml", TYPOS)
    code, out, err = recall("validate", "--ignore", pattern, path)
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == (
        f"Error: Invalid value for --ignore: '{pattern}' names no rule (give a rule id such as "
        "RC102, a family such as RC6 for RC601–RC699, or a slug such as unknown-status)"
    )


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("RC6", (1, "2 errors, 1 warning, 0 infos")),
        ("RC601", (1, "2 errors, 1 warning, 0 infos")),
        ("rc1", (0, "0 errors, 0 warnings, 0 infos; 2 errors ignored by --ignore rc1")),
        ("RC107", (1, "2 errors, 0 warnings, 0 infos")),
        ("unused-field", (1, "2 errors, 0 warnings, 0 infos")),
    ],
)
def test_ignore_takes_ids_families_and_slugs(
    tmp_path: Path, pattern: str, expected: tuple[int, str]
) -> None:
    path = _write(tmp_path / "c.yaml", TYPOS)
    code, out, _ = recall("validate", "--ignore", pattern, path)
    assert (code, out.splitlines()[-1]) == (expected[0], f"1 file checked: {expected[1]}")


def test_an_inline_comment_names_rules_as_ignore_does(tmp_path: Path) -> None:
    # RC60 is no family: the info it was meant for stays.
    rules = "rules:  # recall: ignore[RC60]\n  silence: {action: stop_number}\n"
    path = _write(tmp_path / "c.yaml", LIMITS + rules)
    code, out, _ = recall("validate", "--format", "json", path)
    assert code == 0
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["RC605"]


# "No problems" is never said of a run that failed to read a file


def test_no_problems_is_never_said_when_a_file_is_unreadable(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    assert recall("validate", "--ignore", "RC001", missing) == (
        2,
        "1 file checked: 0 errors, 0 warnings, 0 infos; 1 error ignored by --ignore RC001\n",
        "",
    )
    assert recall("validate", "--lang", "ru", "--ignore", "RC0", missing) == (
        2,
        "проверен 1 файл: 0 ошибок, 0 предупреждений, 0 замечаний; "
        "1 ошибка пропущена по --ignore RC0\n",
        "",
    )


def test_a_clean_run_still_says_no_problems(tmp_path: Path) -> None:
    path = _write(tmp_path / "list.csv", "id,phone\n1,89161234567\n")
    assert recall("validate", "--ignore", "RC102", path) == (0, "1 file checked: no problems\n", "")


# Paths that can be read only once


def _run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = subprocess.run(
        [sys.executable, "-m", "recall_cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    return result.returncode, result.stdout, result.stderr


@contextmanager
def _fifo_writer(fifo: Path, data: str) -> Iterator[None]:
    """A writer of `data` into `fifo` while the block runs, released however it ends."""
    thread = threading.Thread(target=fifo.write_text, args=(data,), daemon=True)
    thread.start()
    try:
        yield
    finally:
        # A reader that never came: open and close one, so that the writer ends too.
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        os.close(fd)
        thread.join(TIMEOUT)


def _read_once(how: str, data: str, tmp_path: Path) -> tuple[int, str, str]:
    """`recall validate` of `data` given as `how`, its output with the path named NAME."""
    if how in {"-", "/dev/stdin"}:
        code, out, err = _run("validate", how, stdin=data)
        return code, out.replace("<stdin>" if how == "-" else how, "NAME"), err
    if how == "fifo":
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        with _fifo_writer(fifo, data):
            code, out, err = _run("validate", str(fifo))
        return code, out.replace(str(fifo), "NAME"), err
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash for a process substitution")
    source = _write(tmp_path / "source", data)
    script = f'exec "{sys.executable}" -m recall_cli validate <(cat "{source}")'
    result = subprocess.run(
        [bash, "-c", script], capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    return result.returncode, re.sub(r"/dev/fd/\d+", "NAME", result.stdout), result.stderr


WAYS = ["-", "/dev/stdin", "fifo", "process substitution"]


@pytest.mark.parametrize("how", WAYS)
def test_a_config_is_read_once_with_its_comments(how: str, tmp_path: Path) -> None:
    assert _read_once(how, INLINE, tmp_path) == (
        1,
        _rc101("NAME") + KEPT_SUMMARY,
        "",
    )


@pytest.mark.parametrize("how", WAYS)
def test_a_list_is_read_once_and_its_cells_found_again(how: str, tmp_path: Path) -> None:
    assert _read_once(how, LIST, tmp_path) == (
        1,
        "NAME:1:1: info RC611 read as UTF-8, delimiter semicolon: 2 records, phone columns "
        "phone\n"
        "NAME:2:3: warning RC607 '12345' (record 1, phone 1) is not a valid number for the "
        "region\n"
        "NAME:3:3: error RC608 '9.16E+09' (record 2, phone 1) was turned into a number by a "
        "spreadsheet; format the column as text and restore the phone\n"
        "\n1 file checked: 1 error, 1 warning, 1 info\n",
        "",
    )


# Folders: what cannot be read is a finding, never skipped in silence


def test_a_folder_reports_links_to_nothing_and_pipes_without_opening_them(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "campaigns"
    folder.mkdir()
    _write(folder / "list.csv", "id,phone\n1,89161234567\n")
    (folder / "gone.yaml").symlink_to(folder / "nowhere.yaml")
    os.mkfifo(folder / "pipe.csv")  # no writer: opening it would wait for ever
    os.mkfifo(folder / "pipe.txt")  # not a name a folder is searched for
    (folder / "linked").symlink_to(tmp_path)  # a link to a folder is not followed
    assert _run("validate", str(folder)) == (
        2,
        f"{folder / 'gone.yaml'}: error RC001 symbolic link that leads to no file: not read\n"
        "\n"
        f"{folder / 'pipe.csv'}: error RC001 not a regular file (a pipe, a socket or a device) "
        "inside a folder: not read; give its path to read it\n"
        "\n1 file checked: 2 errors, 0 warnings, 0 infos\n",
        "",
    )


def test_a_folder_that_cannot_be_listed_is_a_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "campaigns"
    locked = folder / "locked"
    locked.mkdir(parents=True)
    listed = _write(folder / "list.csv", "id,phone\n1,12345\n")
    scandir = os.scandir

    def refusing(path: os.PathLike[str]) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    # Root may list any folder whatever its mode, so the refusal is made up here.
    monkeypatch.setattr(os, "scandir", refusing)
    assert recall("validate", folder) == (
        2,
        f"{listed}:2:3: warning RC607 '12345' (record 1, phone 1) is not a valid number for "
        "the region\n"
        "\n"
        f"{locked}: error RC001 folder cannot be read: Permission denied\n"
        "\n1 file checked: 1 error, 1 warning, 0 infos\n",
        "",
    )


def test_a_file_in_a_folder_that_cannot_be_read_is_a_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "campaigns"
    folder.mkdir()
    secret = _write(folder / "secret.yaml", LIMITS)
    opener = Path.open

    def refusing(self: Path, *args: object, **kwargs: object) -> object:
        if self == secret:
            raise PermissionError(13, "Permission denied", str(self))
        return opener(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refusing)
    assert recall("validate", "--lang", "ru", folder) == (
        2,
        f"{secret}: error RC001 не удаётся прочитать: Permission denied\n"
        "\nпроверен 1 файл: 1 ошибка, 0 предупреждений, 0 замечаний\n",
        "",
    )
