"""Messages about contact lists (CSV)."""

MESSAGES: dict[str, str] = {
    "contacts.unknown_encoding": "unknown encoding '{encoding}' (use utf-8 or cp1251)",
    "contacts.bad_byte": "byte 0x{byte} cannot be read as {encoding}",
    "contacts.bad_byte_bom": (
        "byte 0x{byte} is not valid UTF-8, although the file starts with a UTF-8 mark (BOM)"
    ),
    "contacts.not_text": (
        "byte 0x{byte} is valid in neither UTF-8 nor Windows-1251; name the encoding with "
        "--encoding"
    ),
    "contacts.no_header": "the list is empty: a header row is required (for example id,phone)",
    "contacts.no_phone_columns": (
        "no phone columns: name them phone… or телефон…, or list them in the config under "
        "list.phone_columns (columns: {columns})"
    ),
    "contacts.unknown_column": (
        "the config names column '{name}', which the list lacks (columns: {columns})"
    ),
    "contacts.unknown_column_hint": (
        "the config names column '{name}', which the list lacks; did you mean '{hint}'?"
    ),
    "contacts.duplicate_id_column": (
        "column '{name}' appears twice (first as column {first}); which one holds the record id "
        "is ambiguous"
    ),
    "contacts.duplicate_phone_column": (
        "column '{name}' appears twice (first as column {first}); which one holds the numbers "
        "is ambiguous"
    ),
    "contacts.empty_id": "the record id is empty",
    "contacts.duplicate_id": "record id '{id}' is used again (first on line {line})",
    "contacts.ragged_row": (
        "{extra} {extra|cell|cells} more than the {columns} {columns|column|columns} of the "
        "header; the extra {extra|cell is|cells are} ignored"
    ),
    "contacts.no_records": "the list has a header but no records",
    "contacts.unclosed_quote": (
        'this quote (") is never closed, so the rest of the file is read as one cell'
    ),
    "contacts.cell_too_long": (
        'a cell is longer than {limit} characters; is a quote (") left open?'
    ),
    "contacts.csv_error": "CSV syntax error: {reason}",
}
