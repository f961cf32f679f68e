"""The file is missing, is a directory, or cannot be read.

`recall validate` exits with 2 for it, as for a usage error, and still checks the other files.

FAIL::

    recall validate no-such-file.yaml

PASS::

    recall validate campaign.yaml
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.UNREADABLE, Scope.LOADER)

check = reported_by_loader
