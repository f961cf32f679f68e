"""Reading a status name from a file, with a did-you-mean for near misses."""

from __future__ import annotations

import difflib

from recall_cli.engine.status import known_names
from recall_cli.loaders import codes
from recall_cli.messages import Message
from recall_cli.problems import Location, Problem


def unknown_status(location: Location, name: str) -> Problem:
    """The problem for a status name that is neither an id nor a label."""
    close = difflib.get_close_matches(name, known_names(), n=1, cutoff=0.6)
    if close:
        return Problem(
            location,
            codes.UNKNOWN_STATUS,
            Message("config.unknown_status_hint", {"name": name, "hint": close[0]}),
        )
    return Problem(location, codes.UNKNOWN_STATUS, Message("config.unknown_status", {"name": name}))
