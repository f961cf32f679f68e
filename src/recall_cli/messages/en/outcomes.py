"""Messages of the outcomes area."""

MESSAGES: dict[str, str] = {}
