"""Tips: `recall validate`'s findings about a config, in words for the people it explains to."""

from __future__ import annotations

from collections.abc import Sequence

from recall_cli.engine import Status
from recall_cli.explain.model import Bullets, Line, Paragraph, Section, Tone
from recall_cli.explain.words import Words
from recall_cli.loaders import codes
from recall_cli.loaders.config import ConfigReport
from recall_cli.loaders.yaml_tree import Mapping, Scalar
from recall_cli.problems import Problem, Severity

# Findings the explanation already tells in its own words: statuses without a rule are listed
# under "What happens after each status".
TOLD_ELSEWHERE = frozenset({codes.STATUS_WITHOUT_RULE})


def tip_lines(findings: Sequence[Problem], words: Words) -> tuple[Line, ...]:
    """One line a finding: "line 12: …" (the file is the one explained)."""
    lines = []
    for finding in findings:
        message = finding.message.render(words.lang)
        if finding.location.line:
            message = words.say("explain.tips.item", line=finding.location.line, message=message)
        tone = Tone.WARN if finding.severity is not Severity.INFO else Tone.MUTED
        lines.append(Line(message, tone))
    return tuple(lines)


def tips_section(findings: Sequence[Problem], words: Words) -> Section:
    """The findings not told elsewhere, or a line saying there are none."""
    findings = [finding for finding in findings if finding.code not in TOLD_ELSEWHERE]
    if not findings:
        return Section(
            words.say("explain.tips.title"),
            (Paragraph(Line(words.say("explain.tips.none"), Tone.GOOD)),),
        )
    return Section(words.say("explain.tips.title"), (Bullets(tip_lines(findings, words)),))


def findings_of(status: Status, findings: Sequence[Problem], report: ConfigReport) -> list[Problem]:
    """The findings written inside the rule of `status`: from its key to the next key of the
    rules mapping (or of the file, for the last rule)."""
    campaign = report.campaign
    if campaign is None or status not in campaign.rule_locations:
        return []
    start = campaign.rule_locations[status].line
    later = [where.line for where in campaign.rule_locations.values() if where.line > start]
    root = report.document.root
    if isinstance(root, Mapping):
        later += [key.location.line for key, _ in root.items if isinstance(key, Scalar)]
    end = min((line for line in later if line > start), default=None)
    return [
        finding
        for finding in findings
        if finding.location.line >= start and (end is None or finding.location.line < end)
    ]
