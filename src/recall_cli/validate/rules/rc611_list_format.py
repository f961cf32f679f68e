"""A list was read in an encoding or with a delimiter other than UTF-8 and `,`: what was guessed.

Not a problem in itself: it says what detection chose, so that a list saved by Excel in
Windows-1251 with `;` is no surprise. If the guess is wrong, force the encoding with
`recall simulate --encoding`. A plain UTF-8 list with commas gets no such info.

FAIL::

    id;phone
    1;89161234567

PASS::

    id,phone
    1,89161234567
"""

from __future__ import annotations

from collections.abc import Iterator

from recall_cli.loaders import codes
from recall_cli.messages import Message
from recall_cli.problems import Location, Problem
from recall_cli.validate.context import Context
from recall_cli.validate.rule import Rule, Scope

RULE = Rule(codes.LIST_FORMAT, Scope.LIST)
_DELIMITERS = {",": "delimiter.comma", ";": "delimiter.semicolon", "\t": "delimiter.tab"}
_PLAIN = ("utf-8", ",")
_ENCODINGS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "cp1251": "Windows-1251"}


def check(ctx: Context) -> Iterator[Problem]:
    contacts = ctx.contacts
    if contacts is None or (contacts.encoding, contacts.delimiter) == _PLAIN:
        return
    delimiter = _DELIMITERS.get(contacts.delimiter)
    yield RULE.finding(
        Location(contacts.file, 1, 1),
        "validate.list_format",
        encoding=_ENCODINGS.get(contacts.encoding, contacts.encoding),
        delimiter=Message(delimiter) if delimiter else repr(contacts.delimiter),
        records=len(contacts.records),
        phones=", ".join(contacts.phone_columns),
    )
