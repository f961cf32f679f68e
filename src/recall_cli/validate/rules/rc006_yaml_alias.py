"""The file uses YAML anchors (`&name`) or aliases (`*name`).

They are refused before anything is expanded, so an alias bomb (billion laughs) costs
milliseconds. Write each value out.

FAIL::

    busy: &wait {action: callback, after_hours: 1}
    no_answer: *wait

PASS::

    busy: {action: callback, after_hours: 1}
    no_answer: {action: callback, after_hours: 1}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.YAML_ALIAS, Scope.LOADER)

check = reported_by_loader
