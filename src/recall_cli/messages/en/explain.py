"""Messages of `recall explain`: a trainer's explanation of a retry policy."""

MESSAGES: dict[str, str] = {
    # Status names. The admin app shows the Russian labels; English adds its own name in front.
    "explain.status.answered": "Answered",
    "explain.status.ivr": "Auto-attendant or IVR",
    "explain.status.answering_machine": "Answering machine",
    "explain.status.connection_problem": "Other connection problem",
    "explain.status.busy": "Busy",
    "explain.status.silence": "Silence",
    "explain.status.congestion": "Route congested",
    "explain.status.wrong_person": "Wrong person",
    "explain.status.invalid_number": "Invalid number",
    "explain.status.no_agent": "No agent available",
    "explain.status.no_answer": "No answer",
    "explain.status.failed": "Failed call",
    "explain.status_full": "{name} ({label})",
    "explain.status_ids": "{name} ({label}, {id})",
    "explain.quoted": "{name}",
    "explain.or": "{items} or {last}",
    # Dates and times.
    "explain.weekday.0": "Monday",
    "explain.weekday.1": "Tuesday",
    "explain.weekday.2": "Wednesday",
    "explain.weekday.3": "Thursday",
    "explain.weekday.4": "Friday",
    "explain.weekday.5": "Saturday",
    "explain.weekday.6": "Sunday",
    "explain.wd.0": "Mon",
    "explain.wd.1": "Tue",
    "explain.wd.2": "Wed",
    "explain.wd.3": "Thu",
    "explain.wd.4": "Fri",
    "explain.wd.5": "Sat",
    "explain.wd.6": "Sun",
    "explain.month.1": "January",
    "explain.month.2": "February",
    "explain.month.3": "March",
    "explain.month.4": "April",
    "explain.month.5": "May",
    "explain.month.6": "June",
    "explain.month.7": "July",
    "explain.month.8": "August",
    "explain.month.9": "September",
    "explain.month.10": "October",
    "explain.month.11": "November",
    "explain.month.12": "December",
    "explain.mon.1": "Jan",
    "explain.mon.2": "Feb",
    "explain.mon.3": "Mar",
    "explain.mon.4": "Apr",
    "explain.mon.5": "May",
    "explain.mon.6": "Jun",
    "explain.mon.7": "Jul",
    "explain.mon.8": "Aug",
    "explain.mon.9": "Sep",
    "explain.mon.10": "Oct",
    "explain.mon.11": "Nov",
    "explain.mon.12": "Dec",
    "explain.date_long": "{weekday}, {day} {month} {year}, {time}",
    "explain.date_short": "{weekday} {day} {month}, {time}",
    "explain.day_time": "day {day}, {time}",
    # Waits, as "in …" (Russian needs the accusative after «через»).
    "explain.in_minutes": "in {minutes} {minutes|minute|minutes}",
    "explain.in_hours": "in {shown} {hours|hour|hours}",
    # The title.
    "explain.title": "How the callbacks of “{campaign}” work",
    "explain.source": "Config {file}; times in {zone}.",
    # The key idea.
    "explain.idea.title": "The key idea: ATTEMPT = REPEATS + ACTION",
    "explain.idea.status": (
        "Every call ends in a status: {answered} when the client picks up, or a not-reached "
        "status such as {busy} or {no_answer}. Each not-reached status has its own rule."
    ),
    "explain.idea.attempt": (
        "An attempt is one try to get through: it starts with a call and, if nobody answers, "
        "follows the rule of the call's status:"
    ),
    "explain.idea.repeats": (
        "Repeats: quick redials of the same number, 1 to 10 minutes apart. They are part of the "
        "same attempt."
    ),
    "explain.idea.action": (
        "Action: what ends the attempt once the repeats are used up: call back after a long "
        "wait (1 hour or more), stop dialling the number, or stop dialling the whole record."
    ),
    "explain.idea.wait": (
        "A callback's wait is a minimum: the next call is never earlier, but calling hours or a "
        "busy dialler can make it later."
    ),
    # The limits.
    "explain.limits.title": "Limits: A, B and “dial all numbers”",
    "explain.limits.a": (
        "A: at most {a} {a|attempt|attempts} per record. When a record has made them, it is "
        "closed and not dialled again."
    ),
    "explain.limits.b": (
        "B: at most {b} {b|attempt|attempts} per phone number. A number that has made them is "
        "not dialled again."
    ),
    "explain.limits.repeats_free": "Repeats are not attempts: they count against neither A nor B.",
    "explain.limits.all_on": (
        "“Dial all numbers of the record one after another” is on: when a number has made its "
        "{b} {b|attempt|attempts} or is stopped, the next attempt goes to the record's next "
        "number (in column order), after the same wait."
    ),
    "explain.limits.all_off": (
        "“Dial all numbers of the record one after another” is off: only the record's first "
        "number is dialled. When it has made its {b} {b|attempt|attempts} or is stopped, the "
        "record is closed, even if it has more numbers."
    ),
    "explain.limits.example": "The most attempts a record gets when no call gets through:",
    "explain.limits.numbers": (
        "a record with {n} {n|number|numbers}: {total} {total|attempt|attempts} ({split})"
    ),
    "explain.limits.split_item": "phone {phone}: {count}",
    "explain.limits.beyond": (
        "a record with {n} {n|number|numbers}: more than {total} {total|attempt|attempts}"
    ),
    # Status by status.
    "explain.rules.title": "What happens after each status",
    "explain.rules.answered": "{status}: the client answered; the record is reached and closed.",
    "explain.rules.with_repeats": "{status}: {repeats}; then {action}.",
    "explain.rules.no_repeats": "{status}: no repeats; {action}.",
    "explain.rules.repeats": (
        "redial up to {n} {n|time|times}, {minutes} {minutes|minute|minutes} apart"
    ),
    "explain.rules.missing": (
        "No rule: {statuses}. A simulation in which one of these can occur is refused; add a "
        "rule if your dialler can return it."
    ),
    "explain.action.callback": "call back no sooner than {shown} {hours|hour|hours} later",
    "explain.action.stop_number": (
        "stop dialling this number; the record goes on with its next number"
    ),
    "explain.action.stop_number_off": (
        "stop dialling this number, which closes the record (only its first number is dialled)"
    ),
    "explain.action.stop_record": "stop dialling the whole record: it is closed",
    "explain.action.scenario": "{action}, and the scenario “{name}” runs",
    # When a record closes.
    "explain.close.title": "When a record is closed",
    "explain.close.reached": "Reached: a call is answered.",
    "explain.close.attempts": (
        "Attempts exhausted: the record has made its {a} {a|attempt|attempts} (A)."
    ),
    "explain.close.numbers_on": (
        "Numbers exhausted: every number of the record has made its {b} {b|attempt|attempts} "
        "(B) or is stopped."
    ),
    "explain.close.numbers_off": (
        "Numbers exhausted: the record's first number has made its {b} {b|attempt|attempts} "
        "(B) or is stopped."
    ),
    "explain.close.stopped": (
        "Stopped by a rule: a call ends in {statuses}, whose action stops the whole record."
    ),
    "explain.close.no_numbers": (
        "No numbers: a record without a phone number is closed without a call."
    ),
    # Tips.
    "explain.tips.title": "Tips",
    "explain.tips.none": "No risky settings found.",
    "explain.tips.item": "line {line}: {message}",
    # One status in depth.
    "explain.depth.answered": (
        "{status} is the success status: the client answered, and the record is reached and "
        "closed. It takes no rule."
    ),
    "explain.depth.missing": (
        "The config has no rule for {status}. A simulation in which it can occur is refused "
        "before it starts; add a rule under rules: if your dialler can return it."
    ),
    "explain.depth.repeats": (
        "Repeats: up to {n} {n|redial|redials} of the same number, {minutes} "
        "{minutes|minute|minutes} apart, within the same attempt. They count against neither A "
        "nor B."
    ),
    "explain.depth.no_repeats": (
        "Repeats: none. The first call that ends in {status} ends the attempt."
    ),
    "explain.depth.budget": (
        "Each status has its own repeat budget within an attempt: if a repeat ends in another "
        "status, that status's rule applies, and the count of {status} is not reset."
    ),
    "explain.depth.callback": (
        "Action: call back no sooner than {shown} {hours|hour|hours} after the last call of the "
        "attempt; that call starts the next attempt."
    ),
    "explain.depth.stop_number_on": (
        "Action: the number is not dialled again for this record. The next attempt goes at once "
        "to the record's next number that can still be dialled; when none is left, the record "
        "is closed."
    ),
    "explain.depth.stop_number_off": (
        "Action: the number is not dialled again. With “dial all numbers” off the record has "
        "no other number to go to, so it is closed."
    ),
    "explain.depth.stop_record": (
        "Action: the whole record is closed at once (stopped by a rule), whatever numbers and "
        "attempts it has left."
    ),
    "explain.depth.scenario": "Scenario: “{name}” runs when the action fires.",
    "explain.depth.always": (
        "If every call of a record with {phones} {phones|number|numbers} ends in {status}"
    ),
    "explain.depth.cut": ("The table stops after {n} {n|call|calls}; the record is still open."),
    # Usage errors.
    "explain.usage.start": (
        "'{value}' is neither a time of day (10:00) nor an ISO 8601 date and time "
        "(2026-12-01T10:00)"
    ),
    "explain.usage.export": "cannot export to '{suffix}'; use a file ending in {choices}",
    # Calling hours.
    "explain.schedule.item": "callback {k} after {shown} h",
    "explain.schedule.callback": (
        "call back on a schedule: {items}, then {last} {hours|hour|hours} each"
    ),
    "explain.order.next": "Each new attempt moves to the next number, in column order, round.",
    "explain.order.least_attempted": (
        "Each new attempt takes the number with the fewest attempts, ties to column order."
    ),
    # Do-not-call entries on the sample record (--listed).
    "explain.usage.listed": (
        "'{value}' is not a phone of the sample record, e.g. 2, or 2:2026-12-03 for an entry "
        "through that day"
    ),
    "explain.usage.listed_phone": (
        "'{value}': the sample record has no phone {phone}; it has {phones} "
        "{phones|phone|phones} (1 to {phones}, see --phones)"
    ),
    "explain.usage.listed_date": "'{value}': '{date}' is not a date (YYYY-MM-DD)",
    "explain.usage.listed_undated": (
        "'{value}' gives an end date, which needs a trace with a date: give --start a date and "
        "time (e.g. 2026-12-01T10:00)"
    ),
    "explain.usage.listed_trace": (
        "marks phones of the sample record of a trace; give --trace too"
    ),
}
