"""A rule's `scope` is given on an action that stops no phone.

`scope` says where a `stop_number` stops its phone: in the record whose dial ended so
(`record`, the default) or in every record that holds the same phone (`campaign`). A
`callback` or a `stop_record` stops no phone, so a `scope` there would silently mean nothing.

FAIL::

    limits: {max_attempts_per_record: 6, max_attempts_per_number: 3}
    rules:
      no_answer: {action: callback, after_hours: 1, scope: campaign}

PASS::

    limits: {max_attempts_per_record: 6, max_attempts_per_number: 3}
    rules:
      invalid_number: {action: stop_number, scope: campaign}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.SCOPE_ON_NON_STOP)

check = reported_by_loader
