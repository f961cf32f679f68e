"""A streamed run checks its list as it plays it: an error found late in the list (after
chunks were played and spooled) is told exactly as a list checked before the run tells it,
exit 1, with nothing on stdout and no output file; and a list read in small chunks, its
events merged in the same pass, writes the bytes of the whole list's run."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from recall_cli.cli import app, plan
from tests.test_stream_run import CONFIG, LIST, PROFILE, START, _whole_run

CHUNK = 4
"""Lines a chunk: a list of 40 records is read in ten."""
RECORDS = 40

runner = CliRunner()


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan, "CHUNK_LINES", CHUNK)


def _list(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "list.csv"
    path.write_text("id,phone\n" + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def _rows() -> list[str]:
    return [f"{n},7916{n:07d}" for n in range(1, RECORDS + 1)]


def _simulate(path: Path, fmt: str, *extra: str | Path) -> tuple[int, str, str]:
    args = [CONFIG, path, "--profile", PROFILE, "--seed", "7", "--start", START, "--format", fmt]
    result = runner.invoke(app, ["simulate", *map(str, args), *map(str, extra)])
    return result.exit_code, result.stdout, result.stderr


FORMATS = [("json", ()), ("json", ("--no-events",)), ("jsonl", ()), ("jsonl", ("--no-events",))]


@pytest.mark.parametrize(("fmt", "extra"), FORMATS)
@pytest.mark.parametrize("to_file", [True, False])
def test_a_repeated_id_in_the_last_chunk_leaves_no_output(
    tmp_path: Path, fmt: str, extra: tuple[str, ...], to_file: bool
) -> None:
    path = _list(tmp_path, [*_rows(), "3,79160000099"])
    out = tmp_path / f"run.{fmt}"
    output = ("--output", out) if to_file else ()
    code, stdout, stderr = _simulate(path, fmt, *extra, *output)
    line = RECORDS + 2
    expected = f"{path}:{line}:1: error RC203 record id '3' is used again (first on line 4)\n"
    assert (code, stdout, stderr) == (1, "", expected)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.csv"]


@pytest.mark.parametrize(("fmt", "extra"), FORMATS)
@pytest.mark.parametrize("to_file", [True, False])
def test_an_unclosed_quote_deep_in_the_list_leaves_no_output(
    tmp_path: Path, fmt: str, extra: tuple[str, ...], to_file: bool
) -> None:
    rows = _rows()
    rows[30] = '31,"7916'
    path = _list(tmp_path, rows)
    out = tmp_path / f"run.{fmt}"
    output = ("--output", out) if to_file else ()
    code, stdout, stderr = _simulate(path, fmt, *extra, *output)
    expected = (
        f'{path}:32:4: error RC208 this quote (") is never closed, so the rest of the file is '
        "read as one cell\n"
    )
    assert (code, stdout, stderr) == (1, "", expected)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.csv"]


def test_errors_early_and_late_are_all_told_in_list_order(tmp_path: Path) -> None:
    """The chunks after the first error are read only to check them: every error is told."""
    rows = [*_rows(), "5,79160000099"]
    rows[1] = ",79160000002"
    path = _list(tmp_path, rows)
    code, stdout, stderr = _simulate(path, "jsonl")
    assert (code, stdout) == (1, "")
    assert stderr == (
        f"{path}:3:1: error RC204 the record id is empty\n"
        f"{path}:{RECORDS + 2}:1: error RC203 record id '5' is used again (first on line 6)\n"
    )


@pytest.mark.parametrize(("fmt", "extra"), FORMATS)
def test_a_list_read_in_small_chunks_writes_the_whole_lists_bytes(
    tmp_path: Path, fmt: str, extra: tuple[str, ...]
) -> None:
    """The sample list (300 records) in chunks of four lines: played, spooled and, for JSON
    Lines, its events merged in the one pass."""
    out = tmp_path / f"run.{fmt}"
    args = [CONFIG, LIST, "--profile", PROFILE, "--seed", "42", "--start", START]
    result = runner.invoke(app, ["simulate", *map(str, args), "--format", fmt, *extra])
    assert (result.exit_code, result.stderr) == (0, "")
    expected = _whole_run(fmt, not extra, None)
    assert result.stdout == expected
    code = runner.invoke(
        app, ["simulate", *map(str, args), "--format", fmt, *extra, "--output", str(out)]
    ).exit_code
    assert code == 0
    assert out.read_bytes() == expected.encode("utf-8")
