"""Сообщения о сценариях исходов и профилях."""

MESSAGES: dict[str, str] = {
    "script.not_mapping": (
        "сценарий должен быть словарём с ключом 'records' и необязательным 'default'"
    ),
    "script.expected_status": "ожидается название статуса",
    "script.records_mapping": "в 'records' должны быть идентификаторы записей и их номера",
    "script.numbers_mapping": (
        "запись сценария должна сопоставлять номерам (индексу или телефону) списки исходов"
    ),
    "script.outcomes_list": "ожидается список статусов, например [busy, no_answer]",
    "script.unknown_record": "записи '{record}' нет в списке",
    "script.unknown_number": (
        "у записи '{record}' нет номера '{number}' (укажите номер колонки телефона или сам "
        "телефон, как в списке)"
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
}
