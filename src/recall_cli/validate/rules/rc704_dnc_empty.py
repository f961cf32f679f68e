"""A do-not-call file names no phone.

A header alone, or blank lines only: the list stops nothing, which is seldom what was meant
(an export that failed, or the wrong file).

FAIL::

    phone,until

PASS::

    phone,until
    +7 916 123-45-67,
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.DNC_EMPTY)

check = reported_by_loader
