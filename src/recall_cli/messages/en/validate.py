"""Messages of the validate area."""

MESSAGES: dict[str, str] = {
    "validate.no_paths": "give at least one file or folder to check, or a --dnc file",
    "validate.ignore_unknown": (
        "'{pattern}' names no rule (give a rule id such as RC102, a family such as RC6 for "
        "RC601–RC699, or a slug such as unknown-status)"
    ),
    "findings.clean": "{files} {files|file|files} checked: no problems",
    "findings.summary": (
        "{files} {files|file|files} checked: {errors} {errors|error|errors}, "
        "{warnings} {warnings|warning|warnings}, {infos} {infos|info|infos}"
    ),
    "findings.ignored": "{errors} {errors|error|errors} ignored by --ignore {pattern}",
    "findings.inline_refused": (
        "{errors} {errors|error|errors} named in a '# recall: ignore' comment "
        "{errors|is|are} kept: only --ignore turns an error off"
    ),
    "validate.folder_unreadable": "folder cannot be read: {reason}",
    "validate.broken_link": "symbolic link that leads to no file: not read",
    "validate.not_regular_file": (
        "not a regular file (a pipe, a socket or a device) inside a folder: not read; "
        "give its path to read it"
    ),
    "yaml.bad_character": "character {character} is not allowed in YAML",
    "validate.callback_same_hour": (
        "{status} calls back after {hours} h, a whole number of days: every callback rings at "
        "the same time of day as the call the client missed; consider e.g. {suggested} h"
    ),
    "validate.callback_invalid_number": (
        "invalid_number calls back: that redials a number known to be wrong; use stop_number"
    ),
    "validate.per_number_limit_unused": (
        "max_attempts_per_number ({b}) is not below max_attempts_per_record ({a}): the record "
        "closes first, so the per-number limit never takes effect"
    ),
    "validate.next_number_unreached": (
        "dial_all_numbers is on, but max_attempts_per_number ({b}) is not below "
        "max_attempts_per_record ({a}): the record spends its attempts on its first number, and "
        "the next one is dialled only after a stop_number"
    ),
    "validate.status_without_rule": (
        "no rule for {count} built-in {count|status|statuses}: {statuses}; a simulation in which "
        "one of them occurs is refused"
    ),
    "validate.unknown_region": (
        "unknown phone numbering region '{region}' (use an ISO 3166 code such as RU)"
    ),
    "validate.invalid_phone": (
        "'{phone}' (record {record}, phone {number}) is not a valid number for the region"
    ),
    "validate.excel_damage": (
        "'{phone}' (record {record}, phone {number}) was turned into a number by a spreadsheet; "
        "format the column as text and restore the phone"
    ),
    "validate.duplicate_phone": (
        "phone '{phone}' of record {record} is also in record {other} (line {line})"
    ),
    "validate.record_without_phones": "record {record} has no phone: it is never dialled",
    "validate.list_format": (
        "read as {encoding}, delimiter {delimiter}: {records} {records|record|records}, phone "
        "columns {phones}"
    ),
    "delimiter.comma": "comma",
    "delimiter.semicolon": "semicolon",
    "delimiter.tab": "tab",
    "validate.unused_phone_column": (
        "column '{name}' holds phone numbers (first: '{phone}', record {record}) but is not a "
        "phone column: they are never dialled; name it in the config's list.phone_columns, or, "
        "if the config names none, head it phone… or телефон…"
    ),
    "validate.numbers_never_dialled": (
        "dial_all_numbers is off, but {count} {count|record|records} of {list} "
        "{count|has|have} several phones (first: record {record}, line {line}); only the first "
        "phone of a record is ever dialled"
    ),
    "validate.profile_unsupported": (
        "this is an outcome profile, but profile support is not installed in this recall; "
        "it was not checked"
    ),
    "validate.lines_without_durations": (
        "dialer.lines is {lines}, but every dial in {source} takes 0 s: a line is never held, so "
        "the lines never limit the calls; give the statuses durations"
    ),
    "validate.callback_in_closed_hours": (
        "{status} calls back after {hours} h, which from any moment of the calling hours lands "
        "when they are closed: every such callback waits for the next opening, more than {low} "
        "h and up to {high} h after the dial"
    ),
    "value.decimal": "{whole}.{fraction}",
    "validate.no_zone_source": (
        "calling hours are judged in each record's local time, but the list has no time zone "
        "column and no number whose zone its code tells: every number is judged in the "
        "campaign's zone ({zone}); add a column headed timezone, tz or часовой пояс"
    ),
    "validate.mobile_zone_unknown": (
        "{count} Russian mobile {count|number|numbers} with no zone cell and no landline in "
        "the record to go by: judged in the campaign's zone ({zone}); add a column headed "
        "timezone, tz or часовой пояс"
    ),
    "validate.cap.dials": "{max} {max|dial|dials} per {per}",
    "validate.cap.attempts": "{max} {max|attempt|attempts} per {per}",
    "validate.cap.per.day": "day",
    "validate.cap.per.week": "week",
    "validate.cap.per.month": "month",
    "validate.cap.per.hours": "rolling {n} {n|hour|hours}",
    "validate.cap.per.days": "rolling {n} {n|day|days}",
    "validate.caps_lengthen.dials": (
        "the cap of {cap}: a record that makes all its {a} {a|attempt|attempts} dials at "
        "least {dials} times (repeats included), so it is dialled over at least {span}; its "
        "shortest callback wait alone spreads the attempts over {waits} h"
    ),
    "validate.caps_lengthen.attempts": (
        "the cap of {cap}: a record that makes all its {a} {a|attempt|attempts} is dialled "
        "over at least {span}; its shortest callback wait alone spreads the attempts over "
        "{waits} h"
    ),
    "validate.caps_span.day": "{n} calendar {n|day|days}",
    "validate.caps_span.week": "{n} calendar {n|week|weeks}",
    "validate.caps_span.month": "{n} calendar {n|month|months}",
    "validate.caps_span.hours": "{n} {n|hour|hours} from its first dial to its last",
    "validate.caps_span.days": "{n} {n|day|days} from its first dial to its last",
    "validate.cap_below_repeats": (
        "{status} repeats {n} {n|time|times}, {minutes} {minutes|minute|minutes} apart, so one "
        "attempt may need {dials} dials, but the cap of {cap} (line {line}) allows {max}: "
        "repeat {held} would be held {until}"
    ),
    "validate.repeats_held.day": "to the next day",
    "validate.repeats_held.week": "to the next week",
    "validate.repeats_held.month": "to the next month",
    "validate.repeats_held.hours": (
        "until {n} {n|hour has|hours have} passed since the attempt's first dial"
    ),
    "validate.repeats_held.days": (
        "until {n} {n|day has|days have} passed since the attempt's first dial"
    ),
    "validate.dnc_removes_records": (
        "the do-not-call lists name {numbers} {numbers|number|numbers} of {list}; {records} "
        "{records|record is|records are} left with no number to dial and {records|closes|close} "
        "no_numbers at the start (first: record {record}, line {line})"
    ),
    "validate.dnc_lists_numbers": (
        "the do-not-call lists name {numbers} {numbers|number|numbers} of {list}; every record "
        "keeps a number to dial"
    ),
    "validate.shared_phone": (
        "{phones} {phones|phone is|phones are} held by several records of {list} "
        "({records} {records|record|records} in all; first: '{phone}', line {line}); {feature} "
        "treats such a phone as one across these records"
    ),
    "validate.feature.phone_caps": "a cap of scope: phone",
    "validate.feature.campaign_stops": "a stop of scope: campaign",
}
