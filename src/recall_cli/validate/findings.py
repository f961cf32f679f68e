"""Lint findings of one loaded config: what `recall explain` shows as tips."""

from __future__ import annotations

from recall_cli.loaders.config import ConfigReport
from recall_cli.problems import Problem
from recall_cli.validate import registry
from recall_cli.validate.context import Context
from recall_cli.validate.rule import Scope


def campaign_findings(report: ConfigReport) -> list[Problem]:
    """The lint findings of a config that loaded, ordered by position, without the loader's own
    problems (`report.problems`); empty when the config did not load."""
    if report.campaign is None:
        return []
    found = registry.run(Scope.CONFIG, Context(config=report))
    return sorted(found, key=lambda problem: (problem.location, problem.code.id))
