"""Messages about outcome scripts and profiles."""

MESSAGES: dict[str, str] = {
    "script.not_mapping": (
        "a script must be a mapping with 'records' and an optional 'default', got {got}"
    ),
    "script.empty": "the script is empty: it needs 'records' or a 'default'",
    "script.expected_status": "expected a status name, got {got}",
    "script.records_mapping": "'records' must map record ids to their numbers, got {got}",
    "script.numbers_mapping": (
        "a script record must map numbers (index or phone) to outcome lists, got {got}"
    ),
    "script.outcomes_list": "expected a list of statuses, e.g. [busy, no_answer], got {got}",
    "script.unknown_record": "record '{record}' is not in the list",
    "script.unknown_number": (
        "record '{record}' has no number '{number}' (give a phone column index or the phone "
        "as listed)"
    ),
    "script.number_twice": (
        "record '{record}': '{number}' is phone {index}, already given as '{first}' on line "
        "{line}; which outcomes apply would be ambiguous"
    ),
    "script.missing_record": "record '{record}' has no outcomes in {script}, which has no default",
    "script.exhausted": (
        "record '{record}', number {number} ({phone}): the script's outcomes ran out and it "
        "has no default"
    ),
    "outcomes.missing_rule": (
        "status '{status}' can occur but the config has no rule for it; add one to {config}"
    ),
    "outcomes.missing_rule_builtin": (
        "status '{status}' can occur in the built-in outcome profile but the config has no rule "
        "for it; add one to {config}, or give --profile FILE"
    ),
    "profile.empty": "the profile is empty: it needs 'outcomes', e.g. {{answered: 0.3, ...}}",
    "profile.not_mapping": (
        "a profile must be a mapping with 'outcomes' and optional 'after' and 'durations', "
        "got {got}"
    ),
    "profile.sum": "the probabilities of 'outcomes' sum to {total}, not 1",
    "profile.after_sum": "the probabilities after '{status}' sum to {total}, not 1",
    "profile.negative": "a probability cannot be negative, got {got}",
    "profile.duplicate_status": (
        "status '{name}' ({status}) is already given on line {line}; which value applies "
        "would be ambiguous"
    ),
    "profile.after_answered": (
        "the row '{name}' is never used: an answered dial closes the record"
    ),
    "profile.duration_pair": "expected whole seconds or a [min, max] pair of them, got {got}",
    "profile.duration_negative": "a duration cannot be below zero, got {got}",
    "profile.duration_order": "the range [{low}, {high}] is reversed: min must not exceed max",
    "profile.duration_too_long": ("a dial cannot take longer than a day ({limit} s), got {got}"),
}
