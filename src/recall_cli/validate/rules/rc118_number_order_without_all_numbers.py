"""`number_order` asks to move across numbers while `dial_all_numbers` is off.

`next` and `least_attempted` choose among a record's numbers for each new attempt; with
`dial_all_numbers: false` a record only ever dials its first number, so there is nothing to
choose and the order would silently mean nothing.

FAIL::

    limits:
      max_attempts_per_record: 6
      max_attempts_per_number: 3
      number_order: next

PASS::

    limits:
      max_attempts_per_record: 6
      max_attempts_per_number: 3
      dial_all_numbers: true
      number_order: next
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.NUMBER_ORDER_WITHOUT_ALL)

check = reported_by_loader
