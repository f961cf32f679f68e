"""The README and docs/: the generated rules page, the set-up, the worked example, the links."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from recall_cli.problems import Code, Severity
from recall_cli.validate import docs
from recall_cli.validate.registry import RULES
from recall_cli.validate.rule import Rule, reported_by_loader

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
PAGES = [README, ROOT / "CHANGELOG.md", *sorted(DOCS.glob("*.md"))]
SET_UP = (
    "python3 -m venv .venv && .venv/bin/pip install -q -e '.[dev]' && .venv/bin/recall simulate "
    "sample_configs/worked_example.yaml sample_lists/source_record.csv --script "
    "sample_configs/worked_example.script.yaml --start 2026-12-01T10:00 --lang en"
)
TESTS = ".venv/bin/python -m pytest"
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```$", re.MULTILINE | re.DOTALL)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _under(text: str, heading: str) -> str:
    """The text under `heading` up to the next heading of its level."""
    start = text.index(f"\n{heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def _anchors(text: str) -> set[str]:
    """The anchors GitHub gives the headings of a Markdown page (code blocks left out)."""
    seen: dict[str, int] = {}
    anchors = set()
    for line in FENCE.sub("", text).splitlines():
        if not line.startswith("#"):
            continue
        slug = re.sub(r"[^\w\- ]", "", line.lstrip("#").strip().lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def test_rules_page_is_fresh() -> None:
    page = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert page == docs.page(), "run: .venv/bin/python -m recall_cli.validate.docs"


def test_rules_page_lists_every_rule_in_the_table_and_in_a_section() -> None:
    page = docs.page()
    for rule_id, module in RULES.items():
        slug = module.RULE.slug
        assert f"| [{rule_id}](#{rule_id.lower()}-{slug}) | `{slug}` |" in page
        assert f"\n### {rule_id} `{slug}`\n" in page
    sections = {docs.anchor(rule_id, m.RULE.slug) for rule_id, m in RULES.items()}
    assert _anchors(page) == {"rules", "each-rule"} | sections
    assert "rc612-numbers-never-dialled" in sections


def test_rules_command_writes_the_page_and_check_tells_whether_it_is_stale(
    tmp_path: Path,
) -> None:
    page = tmp_path / "rules.md"
    assert docs.main(["--check", str(page)]) == 1
    page.write_text(docs.page() + "stale\n", encoding="utf-8")
    assert docs.main(["--check", str(page)]) == 1
    assert docs.main([str(page)]) == 0
    assert page.read_text(encoding="utf-8") == docs.page()
    assert docs.main(["--check", str(page)]) == 0


def test_a_rule_section_is_its_docstring_with_the_examples_as_code_blocks() -> None:
    module = ModuleType("rc999_example")
    module.__doc__ = """A rule's summary, which the table shows.

More about it (docs/semantics.md#decision), on
two lines.

FAIL::

    rules:

      busy: {}

PASS::

    id,phone
"""
    module.RULE = Rule(Code("RC999", "example", Severity.WARNING))  # type: ignore[attr-defined]
    module.check = reported_by_loader  # type: ignore[attr-defined]
    assert docs.section("RC999", module) == (
        "### RC999 `example`\n"
        "\n"
        "Severity: warning.\n"
        "\n"
        "A rule's summary, which the table shows.\n"
        "\n"
        "More about it (docs/semantics.md#decision), on\n"
        "two lines.\n"
        "\n"
        "Fail:\n"
        "\n"
        "```\n"
        "rules:\n"
        "\n"
        "  busy: {}\n"
        "```\n"
        "\n"
        "Pass:\n"
        "\n"
        "```\n"
        "id,phone\n"
        "```\n"
    )


def test_readme_is_short_and_sets_up_in_exactly_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.encode()) < 12_000
    set_up = _under(text, "## Set up (a fresh machine, Python ≥ 3.11)")
    assert [block.strip() for block in FENCE.findall(set_up)] == [SET_UP, TESTS]


def test_readme_shows_the_worked_example_on_its_first_screen_as_the_first_command_prints_it() -> (
    None
):
    text = README.read_text(encoding="utf-8")
    shown = FENCE.findall(_under(text, "## The worked example"))[0]
    assert text.splitlines().index(shown.splitlines()[0]) < 40
    args = shlex.split(SET_UP.rsplit(" && ", maxsplit=1)[-1])[1:]
    result = subprocess.run(
        [sys.executable, "-m", "recall_cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    printed = [line.rstrip() for line in result.stdout.splitlines()]
    assert shown.splitlines() == printed[: len(shown.splitlines())]
    assert printed[len(shown.splitlines())] == ""


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_pages_refer_to_nothing_outside_the_repository(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for outside in ("SPEC", "../shared", "seed/", "/work/"):
        assert outside not in text, outside
    for target in LINK.findall(text):
        if target.startswith(("https://", "#")):
            continue
        path = (page.parent / target.split("#")[0]).resolve()
        assert path.is_relative_to(ROOT), target
        assert path.is_file(), target


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_link_to_a_section_finds_its_heading(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for target in LINK.findall(FENCE.sub("", text)):
        if target.startswith("https://") or "#" not in target:
            continue
        name, fragment = target.split("#", 1)
        linked = (page.parent / name) if name else page
        assert fragment in _anchors(linked.read_text(encoding="utf-8")), target
