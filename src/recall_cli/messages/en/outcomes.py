"""Messages about outcome scripts and profiles."""

MESSAGES: dict[str, str] = {
    "script.not_mapping": "a script must be a mapping with 'records' and an optional 'default'",
    "script.expected_status": "expected a status name",
    "script.records_mapping": "'records' must map record ids to their numbers",
    "script.numbers_mapping": "a script record must map numbers (index or phone) to outcome lists",
    "script.outcomes_list": "expected a list of statuses, e.g. [busy, no_answer]",
    "script.unknown_record": "record '{record}' is not in the list",
    "script.unknown_number": (
        "record '{record}' has no number '{number}' (give a phone column index or the phone "
        "as listed)"
    ),
    "script.missing_record": "record '{record}' has no outcomes in {script}, which has no default",
    "script.exhausted": (
        "record '{record}', number {number} ({phone}): the script's outcomes ran out and it "
        "has no default"
    ),
    "outcomes.missing_rule": (
        "status '{status}' can occur but the config has no rule for it; add one to {config}"
    ),
}
