"""Сообщения проверки файлов (recall validate)."""

MESSAGES: dict[str, str] = {
    "validate.no_paths": "укажите хотя бы один файл или папку для проверки либо файл --dnc",
    "validate.ignore_unknown": (
        "'{pattern}' не называет ни одного правила (укажите id правила, например RC102, "
        "семейство, например RC6 для RC601–RC699, или slug, например unknown-status)"
    ),
    "findings.clean": (
        "{files|проверен|проверено|проверено} {files} {files|файл|файла|файлов}: замечаний нет"
    ),
    "findings.summary": (
        "{files|проверен|проверено|проверено} {files} {files|файл|файла|файлов}: "
        "{errors} {errors|ошибка|ошибки|ошибок}, "
        "{warnings} {warnings|предупреждение|предупреждения|предупреждений}, "
        "{infos} {infos|замечание|замечания|замечаний}"
    ),
    "findings.ignored": (
        "{errors} {errors|ошибка пропущена|ошибки пропущены|ошибок пропущено} по --ignore {pattern}"
    ),
    "findings.inline_refused": (
        "{errors} {errors|ошибка, названная|ошибки, названные|ошибок, названных} в "
        "комментарии '# recall: ignore', {errors|оставлена|оставлены|оставлены}: ошибку "
        "отключает только --ignore"
    ),
    "validate.folder_unreadable": "папку не удаётся прочитать: {reason}",
    "validate.broken_link": "символическая ссылка не ведёт ни к какому файлу: не прочитана",
    "validate.not_regular_file": (
        "не обычный файл (канал, сокет или устройство) внутри папки: не прочитан; "
        "чтобы прочитать его, укажите его путь"
    ),
    "yaml.bad_character": "символ {character} в YAML не допускается",
    "validate.callback_same_hour": (
        "{status}: перезвон через {hours} {hours|час|часа|часов} — целое число суток, и каждый "
        "перезвон приходится на то же время дня, что и пропущенный клиентом звонок; "
        "попробуйте, например, {suggested} {suggested|час|часа|часов}"
    ),
    "validate.callback_invalid_number": (
        "для invalid_number задан перезвон: это повторный набор заведомо неверного номера; "
        "укажите stop_number"
    ),
    "validate.per_number_limit_unused": (
        "max_attempts_per_number ({b}) не меньше max_attempts_per_record ({a}): запись "
        "закрывается раньше, и ограничение на номер никогда не срабатывает"
    ),
    "validate.next_number_unreached": (
        "dial_all_numbers включён, но max_attempts_per_number ({b}) не меньше "
        "max_attempts_per_record ({a}): запись тратит все попытки на первый номер, а следующий "
        "набирается только после stop_number"
    ),
    "validate.status_without_rule": (
        "нет правила для {count} {count|встроенного статуса|встроенных статусов|встроенных "
        "статусов}: {statuses}; симуляция, в которой встретится один из них, не запустится"
    ),
    "validate.unknown_region": (
        "неизвестный регион нумерации '{region}' (укажите код ISO 3166, например RU)"
    ),
    "validate.invalid_phone": (
        "'{phone}' (запись {record}, телефон {number}) — недопустимый номер для этого региона"
    ),
    "validate.excel_damage": (
        "'{phone}' (запись {record}, телефон {number}) испорчен табличным редактором, который "
        "принял его за число; задайте столбцу текстовый формат и восстановите номер"
    ),
    "validate.duplicate_phone": (
        "телефон '{phone}' записи {record} есть и в записи {other} (строка {line})"
    ),
    "validate.record_without_phones": "у записи {record} нет ни одного телефона: её не наберут",
    "validate.list_format": (
        "прочитан как {encoding}, разделитель — {delimiter}: {records} "
        "{records|запись|записи|записей}, столбцы телефонов: {phones}"
    ),
    "delimiter.comma": "запятая",
    "delimiter.semicolon": "точка с запятой",
    "delimiter.tab": "табуляция",
    "validate.unused_phone_column": (
        "в столбце '{name}' телефоны (первый — '{phone}', запись {record}), но это не столбец "
        "телефонов: они никогда не набираются; перечислите его в list.phone_columns "
        "конфигурации или, если конфигурация их не перечисляет, назовите его phone… или телефон…"
    ),
    "validate.numbers_never_dialled": (
        "dial_all_numbers выключен, а в {list} у {count} {count|записи|записей|записей} "
        "несколько телефонов (первая — запись {record}, строка {line}); набирается только "
        "первый телефон записи"
    ),
    "validate.profile_unsupported": (
        "это профиль исходов, но поддержка профилей в этой сборке recall не установлена; "
        "файл не проверен"
    ),
    "validate.lines_without_durations": (
        "dialer.lines = {lines}, но каждый набор в {source} длится 0 с: линия не занимается, и "
        "линии никогда не ограничивают звонки; задайте статусам длительности"
    ),
    "validate.callback_in_closed_hours": (
        "{status} перезванивает через {hours} ч, а это из любого момента часов звонков "
        "приходится на закрытое время: каждый такой перезвон ждёт ближайшего открытия, больше "
        "{low} ч и до {high} ч после набора"
    ),
    "value.decimal": "{whole},{fraction}",
    "validate.no_zone_source": (
        "часы звонков считаются по местному времени записи, но в списке нет столбца часового "
        "пояса и ни одного номера, чей пояс известен по коду: все номера идут по поясу "
        "кампании ({zone}); добавьте столбец timezone, tz или «Часовой пояс»"
    ),
    "validate.mobile_zone_unknown": (
        "{count} {count|мобильный номер|мобильных номера|мобильных номеров} без часового пояса "
        "в записи и без городского номера рядом: {count|идёт|идут|идут} по поясу кампании "
        "({zone}); добавьте столбец timezone, tz или «Часовой пояс»"
    ),
    "validate.cap.dials": "{max} {max|набор|набора|наборов} {per}",
    "validate.cap.attempts": "{max} {max|попытка|попытки|попыток} {per}",
    "validate.cap.per.day": "в день",
    "validate.cap.per.week": "в неделю",
    "validate.cap.per.month": "в месяц",
    "validate.cap.per.hours": "за скользящие {n} {n|час|часа|часов}",
    "validate.cap.per.days": "за скользящие {n} {n|день|дня|дней}",
    "validate.caps_lengthen.dials": (
        "лимит {cap}: запись, которая использует все {a} {a|попытку|попытки|попыток}, "
        "набирается не меньше {dials} раз (с повторами) и поэтому растягивается не меньше чем "
        "на {span}; самый короткий перезвон сам по себе уложил бы попытки в {waits} ч"
    ),
    "validate.caps_lengthen.attempts": (
        "лимит {cap}: запись, которая использует все {a} {a|попытку|попытки|попыток}, "
        "растягивается не меньше чем на {span}; самый короткий перезвон сам по себе уложил бы "
        "попытки в {waits} ч"
    ),
    "validate.caps_span.day": "{n} {n|календарный день|календарных дня|календарных дней}",
    "validate.caps_span.week": "{n} {n|календарную неделю|календарные недели|календарных недель}",
    "validate.caps_span.month": "{n} {n|календарный месяц|календарных месяца|календарных месяцев}",
    "validate.caps_span.hours": "{n} {n|час|часа|часов} от первого набора до последнего",
    "validate.caps_span.days": "{n} {n|день|дня|дней} от первого набора до последнего",
    "validate.cap_below_repeats": (
        "{status}: {n} {n|повтор|повтора|повторов} через {minutes} "
        "{minutes|минуту|минуты|минут}, и одной попытке может понадобиться {dials} "
        "{dials|набор|набора|наборов}, а лимит {cap} (строка {line}) разрешает {max}: повтор "
        "{held} будет отложен {until}"
    ),
    "validate.repeats_held.day": "до следующего дня",
    "validate.repeats_held.week": "до следующей недели",
    "validate.repeats_held.month": "до следующего месяца",
    "validate.repeats_held.hours": (
        "до момента через {n} {n|час|часа|часов} после первого набора попытки"
    ),
    "validate.repeats_held.days": (
        "до момента через {n} {n|день|дня|дней} после первого набора попытки"
    ),
    "validate.dnc_removes_records": (
        "списки запрета звонков называют {numbers} {numbers|номер|номера|номеров} из {list}; "
        "у {records} {records|записи|записей|записей} не остаётся номера для звонка, и "
        "{records|она закрывается|они закрываются|они закрываются} как no_numbers в начале "
        "(первая — запись {record}, строка {line})"
    ),
    "validate.dnc_lists_numbers": (
        "списки запрета звонков называют {numbers} {numbers|номер|номера|номеров} из {list}; "
        "у каждой записи остаётся номер для звонка"
    ),
    "validate.shared_phone": (
        "{phones} {phones|телефон есть|телефона есть|телефонов есть} сразу в нескольких "
        "записях {list} (всего {records} {records|запись|записи|записей}; первый — "
        "'{phone}', строка {line}); {feature} считает такой телефон одним на все эти записи"
    ),
    "validate.feature.phone_caps": "ограничение со scope: phone",
    "validate.feature.campaign_stops": "остановка со scope: campaign",
}
