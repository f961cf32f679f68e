"""Turning findings off: `--ignore ID` (prefixes and slugs) and `# recall: ignore[ID]` comments."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from recall_cli.problems import Code, Problem

_INLINE = re.compile(r"#\s*recall:\s*ignore\[([^\]\n]*)\]", re.IGNORECASE)


def matches(code: Code, pattern: str) -> bool:
    """True when `pattern` is a prefix of the rule's id (RC1, RC10, RC105) or its slug."""
    wanted = pattern.strip()
    return bool(wanted) and (
        code.id.upper().startswith(wanted.upper()) or code.slug == wanted.lower()
    )


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


def keep(
    problems: Iterable[Problem],
    ignore: Sequence[str],
    inline: dict[str, dict[int, tuple[str, ...]]],
) -> list[Problem]:
    """The findings that neither an `--ignore` pattern nor an inline comment of their file
    (`inline[file][line]`) turns off."""
    kept: list[Problem] = []
    for problem in problems:
        location = problem.location
        patterns = (*ignore, *inline.get(location.file, {}).get(location.line, ()))
        if not any(matches(problem.code, pattern) for pattern in patterns):
            kept.append(problem)
    return kept
