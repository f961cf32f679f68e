"""Reporters of `recall validate`: pure functions from findings to text, one per format.

Only `write_text` draws with Rich (colour on a terminal); the others return plain strings.
"""

from __future__ import annotations

import json
from itertools import groupby
from typing import assert_never
from urllib.parse import quote

from rich.console import Console
from rich.text import Text

from recall_cli import __version__
from recall_cli.messages import Lang, text
from recall_cli.problems import Problem, Severity
from recall_cli.render.formats import Format
from recall_cli.validate.docs import summary
from recall_cli.validate.linter import Report
from recall_cli.validate.registry import RULES

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def write(console: Console, report: Report, fmt: Format, lang: Lang) -> None:
    """Write `report` in `fmt`: text through Rich, the data formats as they are."""
    if fmt is Format.TEXT:
        write_text(console, report, lang)
        return
    if fmt is Format.JSON:
        output = to_json(report, lang)
    elif fmt is Format.GITHUB:
        output = to_github(report, lang)
    elif fmt is Format.SARIF:
        output = to_sarif(report, lang)
    else:
        assert_never(fmt)
    console.file.write(output)


def write_text(console: Console, report: Report, lang: Lang) -> None:
    """`file:line:col: severity id message`, a blank line between files, then the figures."""
    first = True
    for _, group in groupby(report.findings, key=lambda p: p.location.file):
        if not first:
            console.print()
        first = False
        for problem in group:
            line = Text()
            line.append(f"{problem.location}:", style="bold")
            line.append(f" {problem.severity.value}", style=_STYLE[problem.severity])
            line.append(f" {problem.code.id} ", style="dim")
            line.append(problem.message.render(lang))
            console.print(line, soft_wrap=True)
    if report.findings:
        console.print()
    console.print(Text(summary_line(report, lang), style="bold"), soft_wrap=True)


def summary_line(report: Report, lang: Lang) -> str:
    """The figures; "no problems" only when nothing was found, left out or unreadable."""
    files = len(report.files)
    if not (report.findings or report.ignored or report.unreadable):
        return text(lang, "findings.clean", files=files)
    figures = text(
        lang,
        "findings.summary",
        files=files,
        errors=report.count(Severity.ERROR),
        warnings=report.count(Severity.WARNING),
        infos=report.count(Severity.INFO),
    )
    return "; ".join((figures, *gate_notes(report, lang)))


def gate_notes(report: Report, lang: Lang) -> list[str]:
    """What became of errors that were asked to be turned off: left out by each `--ignore`
    pattern, or kept although an inline comment named them."""
    notes = [
        text(lang, "findings.ignored", errors=ignored.errors, pattern=ignored.pattern)
        for ignored in report.ignored
    ]
    if report.inline_refused:
        notes.append(text(lang, "findings.inline_refused", errors=report.inline_refused))
    return notes


def to_json(report: Report, lang: Lang) -> str:
    """Findings and a summary; an unknown line or column is null. `errors_ignored` gives each
    `--ignore` pattern that left out errors with how many."""
    document = {
        "findings": [
            {
                "file": p.location.file,
                "line": p.location.line or None,
                "column": (p.location.column or 1) if p.location.line else None,
                "rule": p.code.id,
                "severity": p.severity.value,
                "message": p.message.render(lang),
            }
            for p in report.findings
        ],
        "summary": {
            "files": len(report.files),
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "errors_ignored": {ignored.pattern: ignored.errors for ignored in report.ignored},
            "errors_not_ignored_inline": report.inline_refused,
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def escape_data(value: str) -> str:
    """A workflow command's message: `%`, CR and LF escaped (GitHub's toolkit rules)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A workflow command's property value: as data, plus `:` and `,`."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def to_github(report: Report, lang: Lang) -> str:
    """One workflow command a finding (`::error file=…,line=…,col=…,title=…::message`)."""
    lines = []
    for p in report.findings:
        where = p.location
        props = [f"file={escape_property(where.file)}"]
        if where.line:
            props += [f"line={where.line}", f"col={where.column or 1}"]
        props.append(f"title={escape_property(f'{p.code.id} {p.code.slug}')}")
        message = escape_data(p.message.render(lang))
        lines.append(f"::{_GITHUB_LEVEL[p.severity]} {','.join(props)}::{message}\n")
    # A CI log shows no summary: the errors turned off are noted where the gate is read.
    lines += [f"::notice title=recall::{escape_data(note)}\n" for note in gate_notes(report, lang)]
    return "".join(lines)


def to_sarif(report: Report, lang: Lang) -> str:
    """A SARIF 2.1.0 log with one run: every rule as tool metadata, every finding a result."""
    index = {rule_id: i for i, rule_id in enumerate(RULES)}
    rules = [
        {
            "id": rule_id,
            "name": module.RULE.slug,
            "shortDescription": {"text": summary(module)},
            "fullDescription": {"text": (module.__doc__ or "").strip()},
            "defaultConfiguration": {"level": _SARIF_LEVEL[module.RULE.severity]},
        }
        for rule_id, module in RULES.items()
    ]
    results = [_sarif_result(p, index, lang) for p in report.findings]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "recall",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _sarif_result(problem: Problem, index: dict[str, int], lang: Lang) -> dict[str, object]:
    where = problem.location
    physical: dict[str, object] = {"artifactLocation": {"uri": artifact_uri(where.file)}}
    if where.line:
        physical["region"] = {"startLine": where.line, "startColumn": where.column or 1}
    result: dict[str, object] = {
        "ruleId": problem.code.id,
        "level": _SARIF_LEVEL[problem.severity],
        "message": {"text": problem.message.render(lang)},
        "locations": [{"physicalLocation": physical}],
    }
    if problem.code.id in index:
        result["ruleIndex"] = index[problem.code.id]
    return result


def artifact_uri(file: str) -> str:
    """A relative URI reference for a file name as given (forward slashes, escaped)."""
    return quote(file.replace("\\", "/"), safe="/._-~")
