"""A value where text is expected would be read as a boolean or a number by YAML 1.1 tools.

`10:00` is 600 to a YAML 1.1 reader, `yes` and `no` are booleans, `0123` is octal. Put such
text in quotes.

FAIL::

    campaign: yes

PASS::

    campaign: "yes"
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.YAML11_TRAP, Scope.LOADER)

check = reported_by_loader
