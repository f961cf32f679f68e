"""The file is not text in an encoding recall reads.

YAML files must be UTF-8 (a BOM is allowed); lists may be UTF-8 or Windows-1251. A NUL byte
means a binary file. Reported at the first bad byte.

FAIL::

    limits: {max_attempts_per_record: 5}  # saved as UTF-16

PASS::

    limits: {max_attempts_per_record: 5}  # saved as UTF-8
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.ENCODING, Scope.LOADER)

check = reported_by_loader
