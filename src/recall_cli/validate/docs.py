"""Rule documentation from the rule modules' docstrings, and the README's generated rule table.

Refresh the README after changing a rule: `python -m recall_cli.validate.docs README.md`;
`--check` only says whether it is stale (exit 1), as the test suite does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from recall_cli.validate.registry import RULES
from recall_cli.validate.rule import RuleModule

START = "<!-- rules:start -->"
END = "<!-- rules:end -->"


def summary(module: RuleModule) -> str:
    """The first paragraph of a rule's docstring, on one line."""
    doc = (module.__doc__ or "").strip()
    return " ".join(doc.split("\n\n", 1)[0].split())


def table() -> str:
    """The Markdown table of every rule: id, slug, severity, what it finds."""
    lines = ["| id | slug | severity | finds |", "|---|---|---|---|"]
    for rule_id, module in RULES.items():
        rule = module.RULE
        text = summary(module).replace("|", "\\|")
        lines.append(f"| {rule_id} | `{rule.slug}` | {rule.severity.value} | {text} |")
    return "\n".join(lines)


def refreshed(readme: str) -> str:
    """`readme` with the text between the rule markers replaced by the current table."""
    start = readme.index(START) + len(START)
    end = readme.index(END, start)
    return f"{readme[:start]}\n{table()}\n{readme[end:]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Refresh the rule table of a README.")
    parser.add_argument("readme", type=Path)
    parser.add_argument("--check", action="store_true", help="exit 1 if the table is stale")
    args = parser.parse_args(argv)
    text = args.readme.read_text(encoding="utf-8")
    new = refreshed(text)
    if args.check:
        return 0 if new == text else 1
    args.readme.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
