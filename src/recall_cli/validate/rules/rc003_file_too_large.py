"""The file is larger than recall reads: 10 MiB for YAML, 2 GiB for a list.

Refused before it is parsed, so that a mistaken or hostile file costs nothing.

FAIL::

    a 20 MiB campaign.yaml

PASS::

    a 2 KiB campaign.yaml
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.TOO_LARGE, Scope.LOADER)

check = reported_by_loader
