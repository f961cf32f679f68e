"""Sources: what a loader reads, a path or bytes read once already (stdin, a pipe), handed
down explicitly from whoever read them."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from recall_cli.loaders import codes
from recall_cli.loaders.contacts import check_list, load_list, locate_cells, reading
from recall_cli.loaders.files import Source, as_source, read_source
from recall_cli.loaders.profile import check_profile
from recall_cli.loaders.script import check_script
from recall_cli.loaders.yaml_tree import read_yaml
from recall_cli.messages import Message
from recall_cli.problems import Location, RecallError
from recall_cli.validate.kinds import HEAD_BYTES, head
from recall_cli.validate.linter import validate_paths


def test_a_source_with_bytes_is_read_from_them_not_from_its_path(tmp_path: Path) -> None:
    gone = tmp_path / "never_written.csv"
    loaded = load_list(Source(str(gone), "id;phone\r\n1; 2\r\n".encode("cp1251")))
    assert (loaded.file, loaded.delimiter, loaded.encoding) == (str(gone), ";", "utf-8")
    assert [(r.id, r.phones, r.line) for r in loaded.records] == [("1", ("2",), 2)]


def test_a_source_names_stdin_as_messages_do() -> None:
    assert Source("-").name == "<stdin>"
    assert Source("a.csv").name == "a.csv"
    assert as_source(Path("a.csv")) == Source("a.csv")
    given = Source("-", b"x")
    assert as_source(given) is given


def test_a_source_never_shows_its_bytes() -> None:
    assert repr(Source("-", b"id,phone\n" * 1000)) == "Source(path='-')"


def test_the_bytes_of_a_source_are_held_to_the_limit_of_its_loader() -> None:
    assert read_source(Source("x", b"1234"), 4) == b"1234"
    with pytest.raises(RecallError) as raised:
        read_source(Source("-", b"12345"), 4)
    (problem,) = raised.value.problems
    assert (problem.location, problem.code, problem.message) == (
        Location("<stdin>"),
        codes.TOO_LARGE,
        Message("file.too_large", {"limit": 0}),
    )


def test_a_list_source_over_the_limit_is_a_problem_not_a_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(reading, "MAX_LIST_BYTES", 4)
    report = check_list(Source("-", b"id,phone\n"))
    assert report.contacts is None
    assert [(p.location, p.code) for p in report.problems] == [
        (Location("<stdin>"), codes.TOO_LARGE)
    ]


def test_a_list_keeps_the_source_it_was_given_to_find_its_cells_again(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("id,phone\n1,  2\n", encoding="utf-8")
    data = b"id,phone\n1,   2\n"  # not the file's bytes: the cell is found in these
    loaded = load_list(Source(str(path), data))
    assert loaded.source == Source(str(path), data)
    assert locate_cells(loaded, [(2, "phone")]) == {(2, "phone"): Location(str(path), 2, 6)}


def test_yaml_loaders_read_a_source_with_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)  # reading stdin again would fail
    document = read_yaml(Source("-", b"a: 1\n"))
    assert (document.file, document.problems) == ("<stdin>", [])
    script = check_script(Source("-", b"records:\n  '7':\n    1: [answered]\n"))
    assert (script.script is not None, script.problems) == (True, [])
    profile = check_profile(Source("-", b"outcomes:\n  answered: 1\n"))
    assert (profile.profile is not None, profile.problems) == (True, [])


def test_detection_reads_the_head_of_the_bytes_a_source_holds(tmp_path: Path) -> None:
    data = b"x" * (HEAD_BYTES + 10)
    assert head(Source(str(tmp_path / "gone.yaml"), data)) == data[:HEAD_BYTES]
    assert head(Source(str(tmp_path / "gone.yaml"))) == b""


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (
            b"outcomes:\n  answered: 0.3\n  no_answer: 0.5\n",
            (
                "<stdin>:1:1",
                "RC401",
                Message("profile.sum", {"total": "0.8", "status": "outcomes"}),
            ),
        ),
        (
            b"# comment\nrecords:\n  '7': [answered, busy]\n",
            ("<stdin>:3:8", "RC012", "script.numbers_mapping"),
        ),
    ],
    ids=["profile", "script"],
)
def test_validate_reads_a_profile_or_a_script_from_stdin_once(
    monkeypatch: pytest.MonkeyPatch, data: bytes, found: tuple[str, str, object]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    report = validate_paths(["-"])
    assert report.files == ("<stdin>",)
    (finding,) = report.findings
    message = finding.message if isinstance(found[2], Message) else finding.message.key
    assert (str(finding.location), finding.code.id, message) == found
