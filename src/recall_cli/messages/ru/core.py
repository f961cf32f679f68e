"""Сообщения о чтении файлов, YAML и конфигурации кампании."""

MESSAGES: dict[str, str] = {
    "file.missing": "файл не найден",
    "file.directory": "это папка, а не файл",
    "file.unreadable": "не удаётся прочитать: {reason}",
    "file.unwritable": "не удаётся записать результат сюда: {reason}",
    "output.is_input": (
        "это тот же файл, что и {input}, который команда читает; перезаписывать его не буду"
    ),
    "output.block_device": "это блочное устройство; записывать на него результат не буду",
    "cli.out_of_memory": "recall: не хватило памяти: этому запуску нужно больше, чем есть у машины",
    "file.too_large": "больше {limit} МиБ; читать не буду",
    "file.binary": "содержит байт NUL: это не текстовый файл",
    "file.not_utf8": "не является текстом в UTF-8",
    "file.wide_encoding": "файл в кодировке {encoding}, её recall не читает; сохраните его в UTF-8",
    "yaml.syntax": "синтаксическая ошибка YAML: {reason}",
    "yaml.documents": "в файле больше одного документа YAML; оставьте один",
    "yaml.alias": "ссылки YAML (*имя) не допускаются; напишите значение целиком",
    "yaml.anchor": "якоря YAML (&имя) не допускаются; напишите значение целиком",
    "yaml.tag": "тег YAML {tag} не допускается",
    "yaml.too_deep": "вложенность глубже {limit} уровней",
    "yaml.duplicate_key": "ключ '{key}' повторяется (впервые в строке {line})",
    "yaml.yaml11": (
        "'{value}' в YAML 1.1 читается как логическое значение или число; возьмите в кавычки"
    ),
    "schema.complex_key": "ключом должно быть простое значение, а не список или словарь",
    "schema.missing": "нет ключа '{key}'",
    "schema.unknown": "неизвестный ключ '{key}' (допустимы: {allowed})",
    "schema.unknown_hint": "неизвестный ключ '{key}'; может быть, '{hint}'?",
    "schema.wrong_type": "ожидается {expected}, а указано {got}",
    "schema.invalid": "недопустимое значение {got}: {reason}",
    "schema.range": "'{key}' должно быть {bound}, а указано {got}",
    "type.int": "целое число",
    "type.bool": "true или false",
    "type.number": "число",
    "type.text": "текст",
    "type.mapping": "словарь (ключ: значение)",
    "type.list": "список",
    "type.choice": "одно из {choices}",
    "value.got": "{value} ({kind})",
    "value.empty": "пустое значение",
    "kind.text": "текст",
    "kind.int": "целое число",
    "kind.number": "число",
    "kind.bool": "логическое значение",
    "kind.null": "null",
    "kind.mapping": "словарь",
    "kind.list": "список",
    "config.empty": "конфигурация пуста",
    "config.not_mapping": (
        "конфигурация должна быть словарём с ключами limits, rules и другими, а указано {got}"
    ),
    "config.answered_rule": "'{name}' — статус успеха; правило для него не задаётся",
    "config.duplicate_status": (
        "для статуса '{name}' ({status}) уже есть правило в строке {line}; какое из них "
        "применять — неясно"
    ),
    "config.unknown_status": "неизвестный статус '{name}'",
    "config.unknown_status_hint": "неизвестный статус '{name}'; может быть, '{hint}'?",
    "config.repeats_without_interval": (
        "{repeats} {repeats|повтор|повтора|повторов}, но нет interval_minutes; укажите интервал "
        "(от {low} до {high})"
    ),
    "config.interval_range": "interval_minutes должен быть от {low} до {high}, а указано {got}",
    "config.unused_interval": "interval_minutes не используется: в правиле нет повторов",
    "config.callback_without_wait": "для перезвона нужен after_hours (не меньше {low})",
    "config.callback_too_soon": (
        "after_hours должен быть не меньше {low} (перезвон — долгое ожидание; для коротких есть "
        "повторы), а указано {got}"
    ),
    "config.unused_after_hours": "after_hours не используется: действие {action}, а не перезвон",
    "cli.bad_lang": "язык '{value}' не поддерживается; выберите один из: {langs}",
    "config.timezone": (
        "неизвестный часовой пояс '{name}' (укажите имя IANA, например Europe/Moscow)"
    ),
    "hours.window_format": "«{value}» — не окно; пишите ЧЧ:ММ-ЧЧ:ММ, например 09:00-21:00",
    "hours.window_time": "«{value}»: часы 00–23, минуты 00–59; 24:00 — только конец окна",
    "hours.window_order": (
        "«{value}»: окно должно начинаться раньше, чем заканчивается; окно через полночь пишите "
        "двумя"
    ),
    "hours.windows_overlap": (
        "«{value}» пересекается с «{other}»: окна одного дня не должны иметь общих минут"
    ),
    "hours.windows_empty": "пустой список окон; пишите closed",
    "zone.unknown": "«{value}» — не часовой пояс (имя IANA, UTC+5, +05:00 или МСК+4)",
    "zone.offset_range": "«{value}»: смещение должно быть в пределах ±14:00",
    "config.hours_value": (
        "hours — это предустановка ({presets}) или словарь дней с окнами, а указано {got}"
    ),
    "config.day_value": (
        "ожидается окно, например 09:00-21:00, список окон или closed, а указано {got}"
    ),
    "config.window_value": "ожидается окно, например 09:00-21:00, а указано {got}",
    "config.holiday_value": (
        "ожидается код страны, например RU, или дата, например 2026-12-31, а указано {got}"
    ),
    "config.holiday_country": (
        "«{value}» — не страна из календарей праздников (укажите код ISO 3166 из двух букв, "
        "например RU)"
    ),
    "config.holiday_date": "«{value}» — не дата; пишите ГГГГ-ММ-ДД, например 2026-12-31",
    "config.hours_closed_week": (
        "в этих часах звонков закрыты все дни недели, и ни один набор не начнётся; "
        "дайте хотя бы одному дню окно"
    ),
    "config.dialer_without_lines": (
        "в dialer нужно указать lines: сколько наборов может идти одновременно (от 1 до {high})"
    ),
    "config.number_order_without_all": (
        "для number_order: {order} нужен dial_all_numbers: true; без него запись набирает "
        "только первый номер"
    ),
    "config.empty_schedule": (
        "after_hours — пустой список: укажите хотя бы одно ожидание (не меньше {low})"
    ),
    "config.cap_per": (
        "per у ограничения — day, week, month или скользящий период Nh (от 1 до 8760) или Nd "
        "(от 1 до 366), например 24h или 7d, а указано {got}"
    ),
    "config.scope_on_non_stop": (
        "scope указывает, где stop_number останавливает телефон; правило с действием {action} "
        "телефон не останавливает: уберите scope или сделайте действие stop_number"
    ),
    "config.dnc_file": "файл запрета звонков {file}: {reason}",
}
