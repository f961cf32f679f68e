"""No column holds phones.

Phone columns are those whose header starts with `phone` or `телефон`, unless the config's
`list.phone_columns` names them.

FAIL::

    id,name,number
    1,Егоров,89161234567

PASS::

    id,name,phone
    1,Егоров,89161234567
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.NO_PHONE_COLUMNS, Scope.LOADER)

check = reported_by_loader
