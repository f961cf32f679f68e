"""A column the config's `list` section names is not in the list's header.

FAIL::

    # config: list: {phone_columns: [Mobile]}
    id,phone
    1,89161234567

PASS::

    # config: list: {phone_columns: [phone]}
    id,phone
    1,89161234567
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.UNKNOWN_COLUMN, Scope.LOADER)

check = reported_by_loader
