"""Messages of the contacts area."""

MESSAGES: dict[str, str] = {}
