"""Messages of the explain area."""

MESSAGES: dict[str, str] = {}
