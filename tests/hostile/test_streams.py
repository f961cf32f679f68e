"""Hostile streams: a write that fails is one line and exit 2; a reader that goes away ends the
run quietly with exit 141; stdout is UTF-8 whatever the locale; running out of memory is one
line and exit 2.

Run as `python -m recall_cli` in a child process, as people run it: the streams are the
process's own. Device nodes are made in the test's own folder (see test_outputs.py).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from tests.support import SAMPLE_CONFIGS, SAMPLE_LISTS
from typer.testing import CliRunner

from recall_cli.cli import app

runner = CliRunner()

CONFIG = SAMPLE_CONFIGS / "worked_example.yaml"
DEFAULT = str(SAMPLE_CONFIGS / "cloud_contact_default.yaml")
LIST = str(SAMPLE_LISTS / "source_record.csv")
START = "2026-12-01T10:00"
SCRIPT = str(SAMPLE_CONFIGS / "worked_example.script.yaml")
SIMULATE = ("simulate", str(CONFIG), LIST, "--script", SCRIPT, "--start", START)
FINDINGS = str(Path(__file__).parent / "duplicate_keys.yaml")
COMMANDS = {
    "simulate table": SIMULATE,
    "simulate json": (*SIMULATE, "--format", "json"),
    "simulate jsonl": (*SIMULATE, "--format", "jsonl"),
    "simulate csv": (*SIMULATE, "--format", "csv"),
    "simulate large": (
        *("simulate", DEFAULT, str(SAMPLE_LISTS / "campaign_300.csv"), "--start", START),
        *("--format", "json", "--no-events"),
    ),
    "simulate runs": ("simulate", DEFAULT, LIST, "--runs", "3", "--start", START),
    "compare": ("compare", DEFAULT, str(SAMPLE_CONFIGS / "cloud_contact_27h.yaml"), LIST),
    "validate text": ("validate", FINDINGS),
    "validate json": ("validate", "--format", "json", FINDINGS),
    "validate github": ("validate", "--format", "github", FINDINGS),
    "validate sarif": ("validate", "--format", "sarif", FINDINGS),
    "explain": ("explain", str(CONFIG)),
    "explain trace": ("explain", str(CONFIG), "--trace", "busy,no_answer,answered"),
    "schema": ("schema",),
    "help": ("--help",),
    "version": ("--version",),
}
PIPE_CLOSED = 141
"""The documented exit status when the reader goes away (128 + SIGPIPE)."""
FULL_STDOUT = b"<stdout>: error RC001 cannot write the output here: No space left on device\n"


def run(
    args: tuple[str, ...], stdout: int, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "recall_cli", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def full_device(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("devices") / "full"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return path


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_closed_pipe_ends_the_run_quietly_with_its_own_exit_status(
    args: tuple[str, ...],
) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first write: `| head -0`, always
    try:
        done = run(args, write_end)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (PIPE_CLOSED, b"")


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_full_stdout_is_one_line_and_exit_2(args: tuple[str, ...], full_device: Path) -> None:
    with full_device.open("wb") as full:
        done = run(args, full.fileno())
    assert (done.returncode, done.stderr) == (2, FULL_STDOUT)
    assert stat.S_ISCHR(os.stat(full_device).st_mode)


def test_an_unbuffered_full_stdout_is_one_line_and_exit_2(full_device: Path) -> None:
    with full_device.open("wb") as full:
        done = run(COMMANDS["simulate json"], full.fileno(), {"PYTHONUNBUFFERED": "1"})
    assert (done.returncode, done.stderr) == (2, FULL_STDOUT)


def _refused_run(tmp_path: Path, stderr: int) -> subprocess.CompletedProcess[bytes]:
    """A run refused with a message on stderr: its config is missing (exit 2)."""
    args = ["simulate", str(tmp_path / "missing.yaml"), LIST]
    return subprocess.run(
        [sys.executable, "-m", "recall_cli", *args],
        stdout=subprocess.PIPE,
        stderr=stderr,
        timeout=60,
        check=False,
    )


def test_a_full_stderr_ends_the_run_with_exit_2(tmp_path: Path, full_device: Path) -> None:
    with full_device.open("wb") as full:
        done = _refused_run(tmp_path, full.fileno())
    assert (done.returncode, done.stdout) == (2, b"")


def test_a_closed_stderr_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = _refused_run(tmp_path, write_end)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stdout) == (PIPE_CLOSED, b"")


def test_a_file_that_cannot_grow_is_one_line_exit_2_and_the_old_file_kept(
    tmp_path: Path,
) -> None:
    target = tmp_path / "run.json"
    target.write_text("old\n", encoding="utf-8")
    # A file-size limit of 1 KiB makes the write fail half way, as a full disk would.
    line = " ".join([sys.executable, "-m", "recall_cli", *COMMANDS["simulate json"]])
    done = subprocess.run(
        ["bash", "-c", f"ulimit -f 1 && exec {line} --output {target}"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout) == (2, b"")
    assert (
        done.stderr
        == f"{target}: error RC001 cannot write the output here: File too large\n".encode()
    )
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["run.json"]


ENCODINGS = {
    "cp1251": {"PYTHONIOENCODING": "cp1251"},
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "LANG=C": {"LANG": "C"},
    "C locale, not coerced": {"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0"},
}
SHOWN = {
    "simulate table": ("Егоров Михаил Юрьевич", "┏━━━━━━━┳", "→"),
    "explain": ("“Worked example (slide 7)”", "Busy (Занято)", "───", "•"),
    "validate text": ("duplicate key",),
    "simulate csv": ("busy,repeat",),
}


@pytest.mark.parametrize("env", ENCODINGS.values(), ids=ENCODINGS.keys())
@pytest.mark.parametrize("command", SHOWN.keys())
def test_stdout_is_utf8_whatever_the_locale(command: str, env: dict[str, str]) -> None:
    args = COMMANDS[command]
    utf8 = run(args, subprocess.PIPE, {"PYTHONIOENCODING": "utf-8"})
    done = run(args, subprocess.PIPE, env)
    assert (done.returncode, done.stderr) == (utf8.returncode, b"")
    assert done.stdout == utf8.stdout
    shown = done.stdout.decode("utf-8")
    assert all(words in shown for words in SHOWN[command])


def test_stderr_is_utf8_whatever_the_locale(tmp_path: Path) -> None:
    missing = tmp_path / "нет.yaml"
    args = ("explain", str(missing), "--lang", "ru")
    done = run(args, subprocess.PIPE, {"PYTHONIOENCODING": "ascii"})
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr.decode("utf-8") == f"{missing}: error RC001 файл не найден\n"


def _out_of_memory(*args: object, **kwargs: object) -> None:
    raise MemoryError


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "recall: out of memory: this run needs more than the machine can give\n"),
        ("ru", "recall: не хватило памяти: этому запуску нужно больше, чем есть у машины\n"),
    ],
    ids=["en", "ru"],
)
def test_running_out_of_memory_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, lang: str, line: str
) -> None:
    from recall_cli.loaders import config  # noqa: PLC0415 (patched where the command finds it)

    monkeypatch.setattr(config, "load_config", _out_of_memory)
    result = runner.invoke(app, [*COMMANDS["simulate json"], "--lang", lang])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", line)


def test_validate_running_out_of_memory_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from recall_cli.validate import linter  # noqa: PLC0415 (patched where the command finds it)

    monkeypatch.setattr(linter, "validate_paths", _out_of_memory)
    result = runner.invoke(app, ["validate", FINDINGS])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "recall: out of memory: this run needs more than the machine can give\n"
