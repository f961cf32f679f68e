"""`dialer` is given without `lines`, the number of dials that may be in progress at once.

Without `dialer` the lines are unlimited; a `dialer` is there to limit them, so it must say
how many there are.

FAIL::

    dialer: {order: due_time}

PASS::

    dialer: {lines: 30, order: due_time}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.DIALER_WITHOUT_LINES)

check = reported_by_loader
