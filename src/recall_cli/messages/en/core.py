"""Messages about reading files, YAML and the campaign config."""

MESSAGES: dict[str, str] = {
    "file.missing": "no such file",
    "file.directory": "is a directory, not a file",
    "file.unreadable": "cannot be read: {reason}",
    "file.unwritable": "cannot write the output here: {reason}",
    "output.is_input": (
        "is the same file as {input}, which this command reads; refusing to overwrite it"
    ),
    "output.block_device": "is a block device; refusing to write the output onto it",
    "cli.out_of_memory": "recall: out of memory: this run needs more than the machine can give",
    "file.too_large": "is larger than {limit} MiB; refusing to read it",
    "file.binary": "holds a NUL byte: this is not a text file",
    "file.not_utf8": "is not valid UTF-8 text",
    "file.wide_encoding": "is {encoding} text, which recall does not read; save it as UTF-8",
    "yaml.syntax": "YAML syntax error: {reason}",
    "yaml.documents": "holds more than one YAML document; keep one per file",
    "yaml.alias": "YAML aliases (*name) are not allowed; write the value out",
    "yaml.anchor": "YAML anchors (&name) are not allowed; write the value out",
    "yaml.tag": "YAML tag {tag} is not allowed",
    "yaml.too_deep": "nesting is deeper than {limit} levels",
    "yaml.duplicate_key": "duplicate key '{key}' (first given on line {line})",
    "yaml.yaml11": "'{value}' is read as a boolean or a number by YAML 1.1 tools; put it in quotes",
    "schema.complex_key": "a key must be a plain value, not a list or a mapping",
    "schema.missing": "missing key '{key}'",
    "schema.unknown": "unknown key '{key}' (expected one of: {allowed})",
    "schema.unknown_hint": "unknown key '{key}'; did you mean '{hint}'?",
    "schema.wrong_type": "expected {expected}, got {got}",
    "schema.invalid": "invalid value {got}: {reason}",
    "schema.range": "'{key}' must be {bound}, got {got}",
    "type.int": "a whole number",
    "type.bool": "true or false",
    "type.number": "a number",
    "type.text": "text",
    "type.mapping": "a mapping (key: value)",
    "type.list": "a list",
    "type.choice": "one of {choices}",
    "value.got": "{value} ({kind})",
    "value.empty": "an empty value",
    "kind.text": "text",
    "kind.int": "whole number",
    "kind.number": "number",
    "kind.bool": "boolean",
    "kind.null": "null",
    "kind.mapping": "mapping",
    "kind.list": "list",
    "config.empty": "the config is empty",
    "config.not_mapping": (
        "a config must be a mapping of keys such as limits and rules, got {got}"
    ),
    "config.answered_rule": "'{name}' is the success status; it takes no rule",
    "config.duplicate_status": (
        "status '{name}' ({status}) already has a rule on line {line}; which one applies "
        "would be ambiguous"
    ),
    "config.unknown_status": "unknown status '{name}'",
    "config.unknown_status_hint": "unknown status '{name}'; did you mean '{hint}'?",
    "config.repeats_without_interval": (
        "{repeats} {repeats|repeat|repeats} but no interval_minutes; "
        "say how far apart ({low} to {high})"
    ),
    "config.interval_range": "interval_minutes must be from {low} to {high}, got {got}",
    "config.unused_interval": "interval_minutes is ignored: the rule has no repeats",
    "config.callback_without_wait": "a callback needs after_hours (at least {low})",
    "config.callback_too_soon": (
        "after_hours must be at least {low} "
        "(a callback is a long wait; use repeats for short ones), got {got}"
    ),
    "config.unused_after_hours": "after_hours is ignored: the action is {action}, not callback",
    "cli.bad_lang": "'{value}' is not a language recall speaks; use one of: {langs}",
    "config.timezone": "unknown time zone '{name}' (use an IANA name such as Europe/Moscow)",
    "hours.window_format": "'{value}' is not a window; write HH:MM-HH:MM, e.g. 09:00-21:00",
    "hours.window_time": "'{value}': hours are 00–23, minutes 00–59; 24:00 may only end a window",
    "hours.window_order": (
        "'{value}': a window must start before it ends; write one across midnight as two"
    ),
    "hours.windows_overlap": (
        "'{value}' overlaps '{other}': windows of one day must not share a minute"
    ),
    "hours.windows_empty": "an empty list of windows; write closed",
    "zone.unknown": "'{value}' is not a time zone (an IANA name, UTC+5, +05:00 or MSK+4)",
    "zone.offset_range": "'{value}': an offset must be within ±14:00",
    "config.hours_value": (
        "hours must be a preset ({presets}) or a mapping of days to windows, got {got}"
    ),
    "config.day_value": (
        "expected a window such as 09:00-21:00, a list of them, or closed, got {got}"
    ),
    "config.window_value": "expected a window such as 09:00-21:00, got {got}",
    "config.holiday_value": (
        "expected a country code such as RU or a date such as 2026-12-31, got {got}"
    ),
    "config.holiday_country": (
        "'{value}' is not a country the holiday calendars know (give an ISO 3166 alpha-2 code "
        "such as RU)"
    ),
    "config.holiday_date": "'{value}' is not a date; write YYYY-MM-DD, e.g. 2026-12-31",
    "config.hours_closed_week": (
        "these calling hours leave every day of the week closed, so no dial could ever start; "
        "give at least one day a window"
    ),
    "config.dialer_without_lines": (
        "dialer needs lines: how many dials may be in progress at once (1 to {high})"
    ),
    "config.number_order_without_all": (
        "number_order: {order} needs dial_all_numbers: true; without it a record only dials "
        "its first number"
    ),
    "config.empty_schedule": (
        "after_hours is an empty list: give at least one wait (at least {low})"
    ),
    "config.cap_per": (
        "a cap's 'per' must be day, week, month, or a rolling Nh (1 to 8760) or Nd (1 to 366), "
        "e.g. 24h or 7d; got {got}"
    ),
    "config.scope_on_non_stop": (
        "scope says where a stop_number stops its phone; a rule with action {action} stops no "
        "phone: remove scope, or make the action stop_number"
    ),
    "config.dnc_file": "do-not-call file {file}: {reason}",
}
