"""Сообщения о сценариях исходов и профилях."""

MESSAGES: dict[str, str] = {
    "script.not_mapping": (
        "сценарий должен быть словарём с ключом 'records' и необязательным 'default', "
        "а указано {got}"
    ),
    "script.empty": "сценарий пуст: нужен ключ 'records' или 'default'",
    "script.expected_status": "ожидается название статуса, а указано {got}",
    "script.records_mapping": (
        "в 'records' должны быть идентификаторы записей и их номера, а указано {got}"
    ),
    "script.numbers_mapping": (
        "запись сценария должна сопоставлять номерам (индексу или телефону) списки исходов, "
        "а указано {got}"
    ),
    "script.outcomes_list": (
        "ожидается список статусов, например [busy, no_answer], а указано {got}"
    ),
    "script.unknown_record": "записи '{record}' нет в списке",
    "script.unknown_number": (
        "у записи '{record}' нет номера '{number}' (укажите номер колонки телефона или сам "
        "телефон, как в списке)"
    ),
    "script.number_twice": (
        "запись '{record}': '{number}' — это телефон {index}, он уже указан как '{first}' в "
        "строке {line}; какие исходы применять — неясно"
    ),
    "script.missing_record": "для записи '{record}' нет исходов в {script}, а default не задан",
    "script.exhausted": (
        "запись '{record}', номер {number} ({phone}): исходы в сценарии закончились, а default "
        "не задан"
    ),
    "outcomes.missing_rule": (
        "статус '{status}' может встретиться, но в конфигурации нет правила для него; добавьте "
        "его в {config}"
    ),
    "outcomes.missing_rule_builtin": (
        "статус '{status}' может встретиться во встроенном профиле исходов, но в конфигурации "
        "нет правила для него; добавьте его в {config} или укажите свой профиль --profile FILE"
    ),
    "profile.empty": "профиль пуст: нужен ключ 'outcomes', например {{answered: 0.3, ...}}",
    "profile.not_mapping": (
        "профиль должен быть словарём с ключом 'outcomes' и необязательными 'after' и "
        "'durations', а указано {got}"
    ),
    "profile.sum": "сумма вероятностей в 'outcomes' равна {total}, а не 1",
    "profile.after_sum": "сумма вероятностей после '{status}' равна {total}, а не 1",
    "profile.negative": "вероятность не может быть отрицательной, а указано {got}",
    "profile.duplicate_status": (
        "статус '{name}' ({status}) уже указан в строке {line}; какое значение применять — неясно"
    ),
    "profile.after_answered": (
        "строка '{name}' никогда не используется: после дозвона запись закрывается"
    ),
    "profile.duration_pair": ("ожидается целое число секунд или пара [мин, макс], а указано {got}"),
    "profile.duration_negative": "длительность не может быть меньше нуля, а указано {got}",
    "profile.duration_order": (
        "диапазон [{low}, {high}] перевёрнут: минимум не может быть больше максимума"
    ),
    "profile.duration_too_long": (
        "набор не может длиться дольше суток ({limit} с), а указано {got}"
    ),
}
