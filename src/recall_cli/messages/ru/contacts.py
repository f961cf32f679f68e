"""Сообщения о списках контактов (CSV)."""

MESSAGES: dict[str, str] = {
    "contacts.unknown_encoding": "неизвестная кодировка '{encoding}' (укажите utf-8 или cp1251)",
    "contacts.bad_byte": "байт 0x{byte} не читается в кодировке {encoding}",
    "contacts.bad_byte_bom": (
        "байт 0x{byte} недопустим в UTF-8, хотя файл начинается с метки UTF-8 (BOM)"
    ),
    "contacts.not_text": (
        "байт 0x{byte} недопустим ни в UTF-8, ни в Windows-1251; укажите кодировку через --encoding"
    ),
    "contacts.no_header": "список пуст: нужна строка заголовка (например, id,phone)",
    "contacts.no_phone_columns": (
        "нет столбцов с телефонами: назовите их phone… или телефон… либо перечислите в "
        "конфигурации в list.phone_columns (столбцы: {columns})"
    ),
    "contacts.unknown_column": (
        "в конфигурации указан столбец '{name}', а в списке его нет (столбцы: {columns})"
    ),
    "contacts.unknown_column_hint": (
        "в конфигурации указан столбец '{name}', а в списке его нет; может быть, '{hint}'?"
    ),
    "contacts.duplicate_id_column": (
        "столбец '{name}' встречается дважды (впервые — столбец {first}); неясно, в каком из "
        "них номер записи (id)"
    ),
    "contacts.duplicate_phone_column": (
        "столбец '{name}' встречается дважды (впервые — столбец {first}); неясно, в каком из "
        "них телефоны"
    ),
    "contacts.empty_id": "пустой номер записи (id)",
    "contacts.duplicate_id": "номер записи (id) '{id}' повторяется (впервые в строке {line})",
    "contacts.ragged_row": (
        "на {extra} {extra|ячейку|ячейки|ячеек} больше, чем столбцов в заголовке ({columns}); "
        "{extra|лишняя ячейка не учитывается|лишние ячейки не учитываются|лишние ячейки не "
        "учитываются}"
    ),
    "contacts.no_records": "в списке есть заголовок, но нет ни одной записи",
    "contacts.unclosed_quote": (
        'кавычка (") не закрыта, и весь остаток файла читается как одна ячейка'
    ),
    "contacts.cell_too_long": 'ячейка длиннее {limit} символов; возможно, не закрыта кавычка (")',
    "contacts.csv_error": "синтаксическая ошибка CSV: {reason}",
}
