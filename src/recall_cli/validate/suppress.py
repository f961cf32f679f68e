"""Turning findings off: `--ignore ID` and `# recall: ignore[ID]` comments.

A pattern names a rule by its whole id (RC102) or slug (unknown-status), or a family of rules
by its hundreds (RC6 is RC601–RC699). An inline comment turns off warnings and infos only: an
error is turned off only by `--ignore`, on the command line, where CI can see it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from recall_cli.problems import Code, Problem, Severity

_INLINE = re.compile(r"#\s*recall:\s*ignore\[([^\]\n]*)\]", re.IGNORECASE)
_FAMILY = re.compile(r"RC\d", re.IGNORECASE)


def matches(code: Code, pattern: str) -> bool:
    """True when `pattern` is the rule's id, its family (`RC1` for RC1xx) or its slug."""
    wanted = pattern.strip()
    rule_id = code.id.upper()
    return bool(wanted) and (
        rule_id == wanted.upper()
        or (_FAMILY.fullmatch(wanted) is not None and rule_id.startswith(wanted.upper()))
        or code.slug == wanted.lower()
    )


def names_a_rule(pattern: str, codes: Iterable[Code]) -> bool:
    """Whether `pattern` turns off at least one of `codes` (a typo turns off none)."""
    return any(matches(code, pattern) for code in codes)


def inline_ignores(text: str) -> dict[int, tuple[str, ...]]:
    """The patterns each line's `# recall: ignore[...]` comment names, by 1-based line.

    A comment applies to its own line and to the line below it.
    """
    ignores: dict[int, tuple[str, ...]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = _INLINE.search(line)
        if match is None:
            continue
        patterns = tuple(p.strip() for p in match.group(1).split(",") if p.strip())
        for target in (number, number + 1):
            ignores[target] = ignores.get(target, ()) + patterns
    return ignores


@dataclass(frozen=True, slots=True)
class Ignored:
    """How many error findings one `--ignore` pattern, as written, left out."""

    pattern: str
    errors: int


@dataclass(frozen=True, slots=True)
class Kept:
    """The findings left after ignoring, and what the ignoring did to errors."""

    findings: tuple[Problem, ...]
    # Each --ignore pattern that left out errors, in the order given (a finding counts
    # for the first pattern that matches it).
    ignored: tuple[Ignored, ...] = ()
    # Errors an inline comment named, which stay: only --ignore turns an error off.
    inline_refused: int = 0


def keep(
    problems: Iterable[Problem],
    ignore: Sequence[str],
    inline: dict[str, dict[int, tuple[str, ...]]],
) -> Kept:
    """The findings that neither an `--ignore` pattern nor, for a warning or an info, an
    inline comment of their file (`inline[file][line]`) turns off."""
    kept: list[Problem] = []
    errors = dict.fromkeys(ignore, 0)
    refused = 0
    for problem in problems:
        matched = next((p for p in ignore if matches(problem.code, p)), None)
        if matched is not None:
            if problem.severity is Severity.ERROR:
                errors[matched] += 1
            continue
        location = problem.location
        comment = inline.get(location.file, {}).get(location.line, ())
        if any(matches(problem.code, pattern) for pattern in comment):
            if problem.severity is not Severity.ERROR:
                continue
            refused += 1
        kept.append(problem)
    ignored = tuple(Ignored(pattern, count) for pattern, count in errors.items() if count)
    return Kept(tuple(kept), ignored, refused)
