"""Text from users' files made safe to show: control and bidi characters escaped visibly.

A name in a list, a script or a config may hold an escape sequence (`\\x1b[31m`) that would
recolour or rewrite a terminal, or a bidi override (U+202E) that would show text reversed, so
a finding could read as something else than what it says. Such characters are shown as
`\\x1b` or `\\u202e` instead; everything else, backslashes included, is shown as it is.
"""

from __future__ import annotations

import re

# C0 and DEL, C1, the bidi embeddings/overrides/isolates and the direction marks.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control and bidi-control character written as `\\xNN` or `\\uNNNN`."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_escaped, text)
