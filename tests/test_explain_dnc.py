"""`recall explain --trace … --listed`: sample phones on a do-not-call list, played through the
engine — skipped with no attempt counted, eligible again once a dated entry ends — in exact
golden outputs in each language, and the option's usage errors with their exit codes.

After a deliberate change, refresh the files and review the diff:

    RECALL_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_explain_dnc.py
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from recall_cli.cli import app
from recall_cli.explain.clock import TraceStart, parse_start
from recall_cli.explain.listing import Listing, parse_listing, trace_listing
from recall_cli.messages import Message
from recall_cli.render.explanation import EXPORT_WIDTH

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "explain" / "dnc"
UPDATE = os.environ.get("RECALL_UPDATE_GOLDEN") == "1"
WORKED = "sample_configs/worked_example.yaml"
DEBT = "sample_configs/debt_collection.yaml"
ENV: dict[str, str | None] = {
    "COLUMNS": str(EXPORT_WIDTH),
    "LINES": "50",
    "FORCE_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TTY_INTERACTIVE": None,
    "NO_COLOR": "1",
    "LC_ALL": None,
    "LC_MESSAGES": None,
    "LANG": None,
}
MOSCOW = ZoneInfo("Europe/Moscow")

# Phone 1 spends its attempts while phone 2 is listed: the record moves past it to phone 3.
SKIP = [WORKED, "--trace", "busy,busy,busy,busy,no_answer,no_answer,no_answer,answered"]
SKIP += ["--phones", "3", "--listed", "2"]
# Phone 2 is skipped on Tuesday; its entry ends with Thursday, and Monday's stop of phone 3
# goes to it; the caps and calling hours hold every call on the way.
ENDS = [DEBT, "--trace", "invalid_number,no_answer,failed,answered", "--phones", "3"]
ENDS += ["--listed", "2:2026-12-03", "--start", "2026-12-01T10:00"]
# Every phone listed: the record closes at the start with no call.
NONE = [WORKED, "--trace", "busy", "--phones", "2", "--listed", "1", "--listed", "2"]
# An entry that ended before the trace starts changes nothing but the note.
EXPIRED = [WORKED, "--trace", "no_answer,answered", "--phones", "2", "--listed", "1:2026-11-30"]
EXPIRED += ["--start", "2026-12-01T10:00"]

CASES = [
    *((f"skip.{lang}", SKIP) for lang in ("en", "ru")),
    *((f"ends.{lang}", ENDS) for lang in ("en", "ru")),
    *((f"none.{lang}", NONE) for lang in ("en", "ru")),
    ("expired.en", EXPIRED),
]


def _plain(text: str) -> str:
    # Rich pads table cells to their width; trailing spaces are invisible and editors strip them.
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["explain", *args], env=ENV)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("name", "args"), CASES, ids=[name for name, _ in CASES])
def test_golden(name: str, args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    lang = name.rsplit(".", 1)[1]
    code, out, _ = _run(*args, "--lang", lang)
    assert code == 0, out
    produced = _plain(out)
    path = GOLDEN / f"{name}.txt"
    if UPDATE:
        path.write_text(produced, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}; run RECALL_UPDATE_GOLDEN=1 pytest"
    assert produced == path.read_text(encoding="utf-8")


def test_every_golden_file_has_a_case() -> None:
    names = {name for name, _ in CASES}
    assert sorted(p.stem for p in GOLDEN.glob("*.txt") if p.stem not in names) == []


def test_the_skip_is_told_and_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = _plain(_run(*SKIP, "--lang", "en")[1])
    assert "   Phone 2 is on the do-not-call list: skipped, no attempt counted.\n" in out
    row = "│ 14:15 │ 2     │ —                │ —                │ —      │ do-not-call list"
    assert row in out
    # Phone 2 is never dialled: no step heading names it.
    assert "· phone 2 ·" not in out
    out = _plain(_run(*SKIP, "--lang", "ru")[1])
    assert "   Телефон 2 в списке «Не звонить»: пропущен, попытка не засчитана.\n" in out


def test_without_listed_the_trace_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    plain = _run(*SKIP[:-2], "--lang", "en")[1]
    assert "do-not-call" not in plain
    assert "· phone 2 ·" in plain


_UNDATED = (
    "gives an end date, which needs a trace with a date: give --start a date and time "
    "(e.g. 2026-12-01T10:00)"
)
_DATED = ["--start", "2026-12-01T10:00"]
USAGE = [
    (["--listed", "3"], "'3': the sample record has no phone 3; it has 2 phones (1 to 2, see --phones)"),  # noqa: E501
    (["--listed", "0"], "'0': the sample record has no phone 0; it has 2 phones (1 to 2, see --phones)"),  # noqa: E501
    (["--listed", "x"], "'x' is not a phone of the sample record, e.g. 2, or 2:2026-12-03 for an entry through that day"),  # noqa: E501
    (["--listed", "1:"], "'1:': '' is not a date (YYYY-MM-DD)"),
    (["--listed", "1:2026-13-01", *_DATED], "'1:2026-13-01': '2026-13-01' is not a date (YYYY-MM-DD)"),  # noqa: E501
    (["--listed", "1:2026-12-1", *_DATED], "'1:2026-12-1': '2026-12-1' is not a date (YYYY-MM-DD)"),
    (["--listed", "1:2026-12-03"], f"'1:2026-12-03' {_UNDATED}"),
    (["--listed", "1:2026-12-03", "--start", "10:00"], f"'1:2026-12-03' {_UNDATED}"),
]  # fmt: skip


@pytest.mark.parametrize(("options", "message"), USAGE)
def test_usage_errors(options: list[str], message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = _run(WORKED, "--trace", "busy", "--phones", "2", *options, "--lang", "en")
    assert code == 2
    assert out == ""
    assert err.splitlines()[-1] == f"Error: Invalid value for --listed: {message}"


def test_usage_errors_in_russian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, _, err = _run(WORKED, "--trace", "busy", "--phones", "3", "--listed", "5", "--lang", "ru")
    assert code == 2
    expected = "'5': у примерной записи нет телефона 5; у неё 3 телефона (от 1 до 3, см. --phones)"
    assert err.splitlines()[-1].endswith(f"--listed: {expected}")
    code, _, err = _run(WORKED, "--trace", "busy", "--listed", "1:2026-12-03", "--lang", "ru")
    assert code == 2
    assert "'1:2026-12-03' задаёт дату окончания, а для неё нужна трассировка с датой" in err


def test_listed_needs_a_trace(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = _run(WORKED, "--listed", "1", "--lang", "en")
    assert (code, out) == (2, "")
    expected = "marks phones of the sample record of a trace; give --trace too"
    assert err.splitlines()[-1] == f"Error: Invalid value for --listed: {expected}"


def test_parse_listing() -> None:
    assert parse_listing(" 2 ", 3, dated=False) == Listing(1)
    assert parse_listing("3:2026-12-03", 3, dated=True) == Listing(2, date(2026, 12, 3))
    assert parse_listing("3:2026-02-30", 3, dated=True) == Message(
        "explain.usage.listed_date", {"value": "3:2026-02-30", "date": "2026-02-30"}
    )
    assert parse_listing("2,3", 3, dated=False) == Message("explain.usage.listed", {"value": "2,3"})


def test_entries_end_at_the_next_midnight_and_the_later_end_stands() -> None:
    start = parse_start("2026-12-01T10:00", MOSCOW)
    assert start is not None
    listed = [Listing(1, date(2026, 12, 1)), Listing(1, date(2026, 12, 3)), Listing(0)]
    listing = trace_listing(listed, start, MOSCOW)
    assert listing is not None
    assert listing.entries == (Listing(0), Listing(1, date(2026, 12, 3)))
    # Through 3 December: until Friday 4 December, 00:00 Moscow, 2 days 14 hours after 10:00.
    end = 2 * 86_400 + 14 * 3600
    assert listing.ends == (None, end)
    assert listing.listed_at(1, end - 1)
    assert not listing.listed_at(1, end)
    assert listing.listed_at(0, 10**9)
    assert not listing.listed_at(2, 0)
    # A lasting entry beats a dated one for the same phone, in either order.
    either = trace_listing([Listing(0), Listing(0, date(2026, 12, 3))], start, MOSCOW)
    assert either is not None
    assert either.ends == (None,)
    assert trace_listing([], TraceStart(), MOSCOW) is None
