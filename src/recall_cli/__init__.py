"""recall — see what an outbound campaign's retry policy will do before it does it."""

__version__ = "0.1.0"
