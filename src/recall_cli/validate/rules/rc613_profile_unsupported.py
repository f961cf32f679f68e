"""A profile was given, but this installation of recall cannot read profiles yet.

Reported instead of checking the profile, so that a run never passes a file it did not
check. Install a recall that has the profile loader.

FAIL::

    outcomes: {answered: 0.3, no_answer: 0.7}

PASS::

    records:
      "1": {1: [busy, answered]}
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.PROFILE_UNSUPPORTED)
# Reported by `validate.profiles` when the profile loader cannot be imported.
check = reported_by_loader
