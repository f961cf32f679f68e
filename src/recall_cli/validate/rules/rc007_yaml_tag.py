"""The file uses an explicit YAML tag such as `!!python/object`.

Only plain data is read; no tag ever builds an object.

FAIL::

    campaign: !!python/object:os.system x

PASS::

    campaign: Autumn
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.YAML_TAG, Scope.LOADER)

check = reported_by_loader
