"""Messages of the validate area."""

MESSAGES: dict[str, str] = {}
