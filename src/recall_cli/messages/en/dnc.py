"""Messages about do-not-call lists."""

MESSAGES: dict[str, str] = {
    "dnc.bad_phone": "do-not-call entry '{phone}' holds no digit: it names no phone",
    "dnc.bad_until": "until '{until}' is not a date written YYYY-MM-DD (for example 2026-12-31)",
    "dnc.duplicate_entry": (
        "phone '{phone}' is already listed on line {line}; the entry that ends later stands"
    ),
    "dnc.empty": "the do-not-call list names no phone",
    "dnc.past_until": (
        "the entry for '{phone}' ended on {until}, before the run starts on {start}: it stops "
        "no dial"
    ),
}
