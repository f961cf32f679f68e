"""`recall validate`: rules, the linter, and the findings for one config.

The public names load their modules on first use: the CLI imports this package to register its
commands, and a `recall simulate` run must not pay for the rules it never runs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recall_cli.validate.findings import campaign_findings
    from recall_cli.validate.kinds import FileKind
    from recall_cli.validate.linter import Report, validate_paths

_HOME = {
    "campaign_findings": "recall_cli.validate.findings",
    "FileKind": "recall_cli.validate.kinds",
    "Report": "recall_cli.validate.linter",
    "validate_paths": "recall_cli.validate.linter",
}


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(name)
    return getattr(import_module(home), name)


__all__ = ["FileKind", "Report", "campaign_findings", "validate_paths"]
