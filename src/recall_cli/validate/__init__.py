"""`recall validate`: rules with stable ids over configs, lists, scripts and profiles."""

from recall_cli.validate.findings import campaign_findings
from recall_cli.validate.kinds import FileKind
from recall_cli.validate.linter import Report, validate_paths

__all__ = ["FileKind", "Report", "campaign_findings", "validate_paths"]
