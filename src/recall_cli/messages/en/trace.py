"""The messages of `recall explain --trace`: one record's dials told step by step."""

MESSAGES: dict[str, str] = {
    # The trace.
    "explain.trace.title": (
        "Trace: {n} {n|outcome|outcomes} on a sample record with {phones} {phones|number|numbers}"
    ),
    "explain.trace.start_day": "Start: day 1, {time}.",
    "explain.trace.start_date": "Start: {date} ({zone}).",
    "explain.trace.steps": "Call by call",
    "explain.trace.timeline": "Timeline",
    "explain.trace.dial": "{time} · phone {phone} · {status}",
    "explain.trace.first": (
        "Attempt {attempt} of {a} for the record, {number_attempt} of {b} for phone {phone}."
    ),
    "explain.trace.repeat_dial": (
        "Repeat {count} of {budget} for {status}, within attempt {attempt}."
    ),
    "explain.trace.repeat": ("{status}: repeat {count} of {budget} {wait}, at {time}."),
    "explain.trace.used_repeats": (
        "{status}: no repeats left ({budget} of {budget} used), so the attempt ends with its "
        "action: {action}."
    ),
    "explain.trace.no_repeats": (
        "{status}: no repeats, so the attempt ends with its action: {action}."
    ),
    "explain.deed.callback": "call back {wait}",
    "explain.deed.stop_number": "stop dialling phone {phone}",
    "explain.deed.stop_record": "stop dialling the record",
    "explain.trace.same": "The next attempt dials phone {phone} again at {time}.",
    "explain.trace.switch_spent": (
        "Phone {phone} has used {used} of its {cap} {cap|attempt|attempts}, so the next call "
        "goes to phone {next} after the {shown}-hour wait, at {time}."
    ),
    "explain.trace.switch_stopped": (
        "Phone {phone} is no longer dialled, so the next call goes to phone {next} at once, "
        "at {time}."
    ),
    "explain.trace.closed_attempts": (
        "That was attempt {a} of {a}: the record has no attempts left (A), so it is closed."
    ),
    "explain.trace.closed_spent": (
        "Phone {phone} has used {used} of its {cap} {cap|attempt|attempts} and no other phone "
        "can be dialled, so the record is closed."
    ),
    "explain.trace.closed_stopped": (
        "Phone {phone} is no longer dialled and no other phone can be dialled, so the record is "
        "closed."
    ),
    "explain.trace.switch_off": (
        "(“Dial all numbers of the record one after another” is off, so its other numbers are "
        "never dialled.)"
    ),
    "explain.trace.stopped": "The record is closed.",
    "explain.trace.reached": "The client answered: the record is reached and closed.",
    "explain.trace.scenario": "The scenario “{name}” runs.",
    "explain.trace.result": (
        "Result: {state} after {dials} {dials|call|calls} in {attempts} "
        "{attempts|attempt|attempts}."
    ),
    "explain.trace.open": (
        "The trace ends here and the record is still open: the next call would go to phone "
        "{phone} at {time}."
    ),
    "explain.trace.unused": (
        "The record was closed before the outcomes ran out: {left} {left|outcome was|outcomes "
        "were} not used ({rest})."
    ),
    "explain.trace.empty": "give at least one outcome, e.g. --trace busy,no_answer,answered",
    "explain.trace.blank_item": "outcome {n} is empty (two commas in a row?)",
    "explain.trace.missing_rule": (
        "the trace has {status}, but the config has no rule for it; add one under rules:"
    ),
    # Calling hours.
    "explain.trace.hours_campaign": (
        "Calls start only within calling hours, read in the campaign's zone ({zone}); a call "
        "due while calls may not start waits for the next opening."
    ),
    "explain.trace.hours_record": (
        "Calls start only within calling hours, read in the campaign's zone ({zone}): the "
        "hours go by each number's local time, but a sample record has no list to take a "
        "number's zone from. A call due while calls may not start waits for the next opening."
    ),
    "explain.trace.hours_undated": (
        "Calling hours are not applied: the trace has no date. Give --start a date and time "
        "(e.g. 2026-12-04T21:30) to see calls held by them."
    ),
    "explain.trace.no_lines": ("Lines do not apply: one record never waits for a line."),
    "explain.trace.held": (
        "It fell due at {due}, when calls may not start: it waited {wait} and started at "
        "{start} (calling hours)."
    ),
    "explain.trace.open_held": (
        "The trace ends here and the record is still open: the next call would go to phone "
        "{phone}, due {due}, held by calling hours to {start}."
    ),
    "explain.trace.wait.days": "{n} {n|day|days}",
    "explain.trace.wait.hours": "{n} {n|hour|hours}",
    "explain.trace.wait.minutes": "{n} {n|minute|minutes}",
    "explain.trace.wait.seconds": "{n} {n|second|seconds}",
    "explain.trace.switch_order": (
        "By the number order, the next call goes to phone {next} after the {shown}-hour wait, "
        "at {time}."
    ),
    "explain.trace.caps": (
        "{n|The cap applies|The caps apply}: the record's calls are counted against "
        "{n|it|them}, and a call {n|it|a cap} would exceed waits until {n|it|every cap} allows "
        "it."
    ),
    "explain.trace.caps_undated": (
        "Caps per day, week or month are not applied: the trace has no date. Give --start a "
        "date and time (e.g. 2026-12-04T10:00) to see calls held by them."
    ),
    "explain.trace.held_cap": (
        "It fell due at {due}, when a cap allowed no more calls: it waited {wait} and started "
        "at {start} (held by a cap)."
    ),
    "explain.trace.held_both": (
        "It fell due at {due}, when a cap allowed no more calls, and then calls could not "
        "start: it waited {wait} and started at {start} (held by a cap and calling hours)."
    ),
    "explain.trace.open_held_cap": (
        "The trace ends here and the record is still open: the next call would go to phone "
        "{phone}, due {due}, held by a cap to {start}."
    ),
    "explain.trace.open_held_both": (
        "The trace ends here and the record is still open: the next call would go to phone "
        "{phone}, due {due}, held by a cap and calling hours to {start}."
    ),
    # Do-not-call entries on the sample record (--listed).
    "explain.trace.dnc_lasting": (
        "Phone {phone} is on the do-not-call list for the whole trace: it is never dialled and "
        "uses no attempt."
    ),
    "explain.trace.dnc_until": (
        "Phone {phone} is on the do-not-call list through {until} ({zone}): it is not dialled "
        "before {end}, when its entry ends."
    ),
    "explain.trace.dnc_expired": (
        "Phone {phone}'s do-not-call entry ended with {until}, before the trace starts: it is "
        "dialled like any other."
    ),
    "explain.trace.dnc_skipped": (
        "Phone {phone} is on the do-not-call list: skipped, no attempt counted."
    ),
    "explain.trace.dnc_first": "The first call goes to phone {phone}.",
    "explain.trace.dnc_none": (
        "No phone of the record may be dialled: it is closed at once, with no call."
    ),
    "explain.trace.dnc_ended": (
        "Phone {phone}'s do-not-call entry ended at {time}: from then on it may be dialled again."
    ),
    "explain.trace.dnc_status": "do-not-call list",
    "explain.trace.dnc_then": "skipped, no attempt counted",
}
