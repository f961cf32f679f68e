"""Which delimiter a list uses: the one its header line holds most often outside quotes."""

from __future__ import annotations

from collections.abc import Sequence

DELIMITERS = (",", ";", "\t")
"""The delimiters we detect; on a tie the earlier one wins."""
DEFAULT_DELIMITER = ","


def detect_delimiter(line: str) -> str:
    """The delimiter used most often outside quotes in a header line; `,` when none is."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])  # max keeps the first of equals
    return best if counts[best] else DEFAULT_DELIMITER


def first_content(lines: Sequence[str]) -> str:
    """The first line holding more than blanks, delimiters and quotes: the header's line."""
    filler = "".join(DELIMITERS) + '" \r\n'
    return next((line for line in lines if line.strip(filler)), "")
