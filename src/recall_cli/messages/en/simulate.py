"""Messages of the simulate area."""

MESSAGES: dict[str, str] = {}
