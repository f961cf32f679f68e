"""The same phone is listed twice in a do-not-call file.

Phones compare as libphonenumber reads them in the config's region (`8 916 123-45-67` and
`+79161234567` are one phone), else by their text without spaces and punctuation. The
entry that ends later stands: one without `until` never ends.

FAIL::

    phone,until
    +7 916 123-45-67,2026-12-31
    8 (916) 123 45 67,

PASS::

    phone,until
    +7 916 123-45-67,
    8 (916) 765 43 21,2026-12-31
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, reported_by_loader

RULE = Rule(codes.DNC_DUPLICATE_ENTRY)

check = reported_by_loader
