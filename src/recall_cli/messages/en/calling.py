"""English messages of `recall explain` about calling hours and lines."""

MESSAGES: dict[str, str] = {
    "explain.hours.title": "When calls may start",
    "explain.hours.preset.ru_230fz": (
        "The Russian collections law, 230-FZ art. 7: a debtor may be called only at these "
        "times, by their local time."
    ),
    "explain.hours.preset.us_tcpa": (
        "The US telemarketing rules (TCPA): calls only at these times, by the called party's "
        "local time."
    ),
    "explain.hours.only": "A call starts only within these hours:",
    "explain.hours.day_line": "{days}: {hours}",
    "explain.hours.group.every_day": "Every day",
    "explain.hours.group.weekdays": "Weekdays",
    "explain.hours.group.weekend": "Weekends",
    "explain.hours.day.0": "Monday",
    "explain.hours.day.1": "Tuesday",
    "explain.hours.day.2": "Wednesday",
    "explain.hours.day.3": "Thursday",
    "explain.hours.day.4": "Friday",
    "explain.hours.day.5": "Saturday",
    "explain.hours.day.6": "Sunday",
    "explain.hours.run": "{first} to {last}",
    "explain.hours.and": "{items} and {last}",
    "explain.hours.closed": "no calls",
    "explain.hours.holidays": "Holidays ({which}): {hours}",
    "explain.hours.countries": "public holidays by the {codes} {n|calendar|calendars}",
    "explain.hours.date": "{day} {month} {year}",
    "explain.hours.no_holidays": "No holidays are set: a public holiday keeps its weekday's hours.",
    "explain.hours.local_campaign": "The times are the campaign's ({zone}) for every number.",
    "explain.hours.local_record": (
        "The times are the local time of the number being called. Its zone is the first of: "
        "{column}; the number's own zone, when its code tells one (a landline's usually does, "
        "a Russian mobile's does not); the zone the record's other numbers agree on; the "
        "campaign's zone ({zone})."
    ),
    "explain.hours.column_named": "the record's cell in the column “{column}”",
    "explain.hours.column_any": (
        "the record's time zone cell, if the list has a time zone column (timezone, tz or "
        "часовой пояс)"
    ),
    "explain.hours.held": (
        "A call that falls due while calls may not start (a first call, a repeat or a "
        "callback) waits until calls may start again. It stays what it was: a held repeat is "
        "still a repeat of the same attempt, and no count changes. A call that has started may "
        "go on past closing time."
    ),
    "explain.hours.worth": "Worth knowing:",
    "explain.hours.worth_holidays": "Worth knowing (holidays aside):",
    "explain.hours.on.0": "on Monday",
    "explain.hours.on.1": "on Tuesday",
    "explain.hours.on.2": "on Wednesday",
    "explain.hours.on.3": "on Thursday",
    "explain.hours.on.4": "on Friday",
    "explain.hours.on.5": "on Saturday",
    "explain.hours.on.6": "on Sunday",
    "explain.hours.on_at": "{on} at {time}",
    "explain.hours.at": "at {time}",
    "explain.hours.landing": (
        "A {shown}-hour callback after a call {call} falls due {due}, when calls may not "
        "start, and rings {rings}, {total_shown} {total|hour|hours} after the call."
    ),
    # Lines.
    "explain.lines.title": "Lines",
    "explain.lines.count": "{n} {n|line|lines}: at most {n} {n|call|calls} at once.",
    "explain.lines.retries_first": (
        "When more calls are ready than lines are free, they wait: repeats go first, then "
        "callbacks and moves to a record's next number, then records' first calls; within "
        "each, the earliest due first, then the record's place in the list."
    ),
    "explain.lines.due_time": (
        "When more calls are ready than lines are free, they wait: the earliest due goes "
        "first, then the record's place in the list."
    ),
    "explain.lines.hold": (
        "A call holds its line from its start to its end. Waiting for a line changes no "
        "count: a repeat is still a repeat, a callback still a callback."
    ),
    "explain.lines.closing": (
        "A call still waiting for a line when calling hours end waits until calls may start again."
    ),
    # A trace under calling hours.
    # Frequency caps.
    "explain.caps.title": "How often calls may start: caps",
    "explain.caps.only": "A call starts only if, counting it, none of these caps is exceeded:",
    "explain.caps.item": "At most {amount} {period}, {scope}{local}.",
    "explain.caps.count.dials": "{n} {n|call|calls}, repeats included,",
    "explain.caps.count.attempts": (
        "{n} {n|attempt|attempts} (an attempt's first call; repeats are free)"
    ),
    "explain.caps.per.day": "per calendar day (from midnight)",
    "explain.caps.per.week": "per calendar week (from Monday)",
    "explain.caps.per.month": "per calendar month (from the 1st)",
    "explain.caps.per.hours": "in any {n} {n|hour|hours} in a row",
    "explain.caps.per.days": "in any {n} {n|day|days} in a row",
    "explain.caps.scope.record": "for all numbers of a record together",
    "explain.caps.scope.phone": "for each phone, across every record that holds it",
    "explain.caps.local_record": ", by the record's local time",
    "explain.caps.local_phone": ", by the number's local time",
    "explain.caps.local_campaign": ", by the campaign's time ({zone})",
    "explain.caps.held": (
        "A call that a cap would exceed waits until the cap allows it: the start of the next "
        "day, week or month, or the moment the oldest call it counts leaves the period. It "
        "stays what it was: a held repeat is still a repeat, and no count changes."
    ),
    "explain.caps.held_hours": (
        "A call that a cap would exceed waits until the cap allows it: the start of the next "
        "day, week or month, or the moment the oldest call it counts leaves the period; then, "
        "if calls may not start at that moment, until calling hours open, and so on until both "
        "allow it. It stays what it was: a held repeat is still a repeat, and no count changes."
    ),
    "explain.caps.phone_shared": (
        "A phone that several records hold is one phone: a call from any of them counts "
        "against its cap."
    ),
    # Numbers stopped in the whole campaign.
    "explain.stops.title": "Numbers stopped in the whole campaign",
    "explain.stops.campaign": (
        "A number whose call ends in {statuses} is stopped in every record that holds it, not "
        "only in the record that dialled it."
    ),
    "explain.stops.cancelled": (
        "Another record whose next call is due on that number does not make it: it goes on at "
        "once as if that call had ended in “stop number”, with its next number, or it is closed."
    ),
    "explain.action.stop_campaign": (
        "stop dialling this number in every record that holds it; the record goes on with its "
        "next number"
    ),
    "explain.action.stop_campaign_off": (
        "stop dialling this number in every record that holds it, which closes the record "
        "(only its first number is dialled)"
    ),
    # Do-not-call lists.
    "explain.dnc.title": "Do not call",
    "explain.dnc.files": "{n} do-not-call {n|list|lists}: {files}.",
    "explain.dnc.never": (
        "A listed number is never dialled: it is skipped like an empty cell, and it uses no "
        "attempt."
    ),
    "explain.dnc.pending": (
        "A call already due on a number that becomes listed is cancelled, and the record goes "
        "on at once with its next number."
    ),
    "explain.dnc.closes": (
        "A record left with no number to dial is closed: “no numbers” at the start, "
        "“numbers exhausted” later."
    ),
    "explain.dnc.until": (
        "An entry with an until date applies through that day ({zone}); after it the number "
        "may be dialled. It is judged at each call: a number listed now is skipped even if its "
        "entry ends before the next call."
    ),
}
