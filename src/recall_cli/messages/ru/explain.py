"""Сообщения `recall explain`: объяснение правил перезвона для обучения сотрудников."""

MESSAGES: dict[str, str] = {
    # Названия статусов — как в приложении администратора ({label} берётся из движка).
    "explain.status.answered": "{label}",
    "explain.status.ivr": "{label}",
    "explain.status.answering_machine": "{label}",
    "explain.status.connection_problem": "{label}",
    "explain.status.busy": "{label}",
    "explain.status.silence": "{label}",
    "explain.status.congestion": "{label}",
    "explain.status.wrong_person": "{label}",
    "explain.status.invalid_number": "{label}",
    "explain.status.no_agent": "{label}",
    "explain.status.no_answer": "{label}",
    "explain.status.failed": "{label}",
    "explain.status_full": "{label}",
    "explain.status_ids": "{label} ({id})",
    "explain.quoted": "«{name}»",
    "explain.or": "{items} или {last}",
    # Даты и время.
    "explain.weekday.0": "понедельник",
    "explain.weekday.1": "вторник",
    "explain.weekday.2": "среда",
    "explain.weekday.3": "четверг",
    "explain.weekday.4": "пятница",
    "explain.weekday.5": "суббота",
    "explain.weekday.6": "воскресенье",
    "explain.wd.0": "пн",
    "explain.wd.1": "вт",
    "explain.wd.2": "ср",
    "explain.wd.3": "чт",
    "explain.wd.4": "пт",
    "explain.wd.5": "сб",
    "explain.wd.6": "вс",
    "explain.month.1": "января",
    "explain.month.2": "февраля",
    "explain.month.3": "марта",
    "explain.month.4": "апреля",
    "explain.month.5": "мая",
    "explain.month.6": "июня",
    "explain.month.7": "июля",
    "explain.month.8": "августа",
    "explain.month.9": "сентября",
    "explain.month.10": "октября",
    "explain.month.11": "ноября",
    "explain.month.12": "декабря",
    "explain.mon.1": "янв.",
    "explain.mon.2": "февр.",
    "explain.mon.3": "марта",
    "explain.mon.4": "апр.",
    "explain.mon.5": "мая",
    "explain.mon.6": "июня",
    "explain.mon.7": "июля",
    "explain.mon.8": "авг.",
    "explain.mon.9": "сент.",
    "explain.mon.10": "окт.",
    "explain.mon.11": "нояб.",
    "explain.mon.12": "дек.",
    "explain.date_long": "{weekday}, {day} {month} {year} г., {time}",
    "explain.date_short": "{weekday}, {day} {month} {time}",
    "explain.day_time": "день {day}, {time}",
    # Ожидание после «через» — винительный падеж: 1 минуту, 2 минуты, 5 минут.
    "explain.in_minutes": "через {minutes} {minutes|минуту|минуты|минут}",
    "explain.in_hours": "через {shown} {hours|час|часа|часов|часа}",
    # Заголовок.
    "explain.title": "Как работают перезвоны в кампании «{campaign}»",
    "explain.source": "Конфигурация {file}; время — {zone}.",
    # Главное.
    "explain.idea.title": "Главное: ПОПЫТКА = ПОВТОРЫ + ДЕЙСТВИЕ",
    "explain.idea.status": (
        "Каждый звонок заканчивается статусом: «{answered}», если клиент ответил, или статусом "
        "недозвона, например «{busy}» или «{no_answer}». Для каждого статуса недозвона задано "
        "своё правило."
    ),
    "explain.idea.attempt": (
        "Попытка — это один заход на дозвон: она начинается со звонка, а если клиент не "
        "ответил, дальше действует правило статуса этого звонка:"
    ),
    "explain.idea.repeats": (
        "Повторы — быстрые повторные наборы того же номера с интервалом от 1 до 10 минут. Они "
        "входят в ту же попытку."
    ),
    "explain.idea.action": (
        "Действие — то, чем попытка заканчивается, когда повторы исчерпаны: перезвон после "
        "долгого ожидания (от 1 часа), прекращение набора номера или прекращение набора всей "
        "записи."
    ),
    "explain.idea.wait": (
        "Ожидание перезвона — минимальное: следующий звонок не будет раньше, но может быть "
        "позже из-за часов обзвона или загрузки."
    ),
    # Ограничения.
    "explain.limits.title": "Ограничения: A, B и «набирать все номера»",
    "explain.limits.a": (
        "A — не больше {a} {a|попытки|попыток|попыток} на запись. Когда запись их "
        "израсходовала, она закрывается и больше не набирается."
    ),
    "explain.limits.b": (
        "B — не больше {b} {b|попытки|попыток|попыток} на один номер. Номер, который их "
        "израсходовал, больше не набирается."
    ),
    "explain.limits.repeats_free": "Повторы — не попытки: они не расходуют ни A, ни B.",
    "explain.limits.all_on": (
        "«Последовательно набирать все номера из записи» включено: когда номер израсходовал "
        "свои попытки ({b}) или его набор прекращён, следующая попытка идёт на следующий номер "
        "записи (по порядку колонок) после того же ожидания."
    ),
    "explain.limits.all_off": (
        "«Последовательно набирать все номера из записи» выключено: набирается только первый "
        "номер записи. Когда он израсходовал свои попытки ({b}) или его набор прекращён, "
        "запись закрывается, даже если в ней есть другие номера."
    ),
    "explain.limits.example": "Сколько попыток получит запись, если дозвониться не удаётся:",
    "explain.limits.numbers": (
        "запись с {n} {n|номером|номерами|номерами}: {total} "
        "{total|попытка|попытки|попыток} ({split})"
    ),
    "explain.limits.split_item": "телефон {phone}: {count}",
    "explain.limits.beyond": (
        "запись с {n} {n|номером|номерами|номерами}: больше {total} {total|попытки|попыток|попыток}"
    ),
    # По статусам.
    "explain.rules.title": "Что происходит после каждого статуса",
    "explain.rules.answered": "{status}: клиент ответил, запись закрывается.",
    "explain.rules.with_repeats": "{status}: {repeats}, затем {action}.",
    "explain.rules.no_repeats": "{status}: без повторов — {action}.",
    "explain.rules.repeats": (
        "повторный набор до {n} {n|раза|раз|раз} с интервалом в {minutes} "
        "{minutes|минуту|минуты|минут}"
    ),
    "explain.rules.missing": (
        "Нет правила: {statuses}. Симуляция, в которой такой статус может встретиться, не "
        "запускается; добавьте правило, если ваш обзвон может его вернуть."
    ),
    "explain.action.callback": "перезвон не раньше чем через {shown} {hours|час|часа|часов|часа}",
    "explain.action.stop_number": (
        "набор этого номера прекращается, запись переходит к следующему номеру"
    ),
    "explain.action.stop_number_off": (
        "набор номера прекращается, и запись закрывается (набирается только первый номер)"
    ),
    "explain.action.stop_record": "набор всей записи прекращается: запись закрывается",
    "explain.action.scenario": "{action}; запускается сценарий «{name}»",
    # Когда запись закрывается.
    "explain.close.title": "Когда запись закрывается",
    "explain.close.reached": "Дозвон: клиент ответил на звонок.",
    "explain.close.attempts": (
        "Исчерпаны попытки: запись израсходовала {a} {a|попытку|попытки|попыток} (A)."
    ),
    "explain.close.numbers_on": (
        "Исчерпаны номера: каждый номер записи израсходовал свои попытки ({b}, B) или его "
        "набор прекращён."
    ),
    "explain.close.numbers_off": (
        "Исчерпаны номера: первый номер записи израсходовал свои попытки ({b}, B) или его "
        "набор прекращён."
    ),
    "explain.close.stopped": (
        "Остановлена правилом: звонок закончился статусом {statuses}, а его действие — "
        "прекратить набор всей записи."
    ),
    "explain.close.no_numbers": "Нет номеров: запись без телефонов закрывается без звонков.",
    # Советы.
    "explain.tips.title": "Советы",
    "explain.tips.none": "Рискованных настроек не найдено.",
    "explain.tips.item": "строка {line}: {message}",
    # Разбор.
    "explain.trace.title": (
        "Разбор: {n} {n|исход|исхода|исходов} на примере записи с {phones} "
        "{phones|номером|номерами|номерами}"
    ),
    "explain.trace.start_day": "Начало: день 1, {time}.",
    "explain.trace.start_date": "Начало: {date} ({zone}).",
    "explain.trace.steps": "Звонок за звонком",
    "explain.trace.timeline": "Хронология",
    "explain.trace.dial": "{time} · телефон {phone} · {status}",
    "explain.trace.first": (
        "Попытка {attempt} из {a} для записи, {number_attempt} из {b} для телефона {phone}."
    ),
    "explain.trace.repeat_dial": (
        "Повтор {count} из {budget} для статуса {status}, в рамках попытки {attempt}."
    ),
    "explain.trace.repeat": ("{status}: повтор {count} из {budget} {wait}, в {time}."),
    "explain.trace.used_repeats": (
        "{status}: повторов больше нет (использовано {budget} из {budget}), поэтому попытка "
        "завершается действием: {action}."
    ),
    "explain.trace.no_repeats": (
        "{status}: повторов нет, поэтому попытка завершается действием: {action}."
    ),
    "explain.deed.callback": "перезвон {wait}",
    "explain.deed.stop_number": "прекращение набора телефона {phone}",
    "explain.deed.stop_record": "прекращение набора записи",
    "explain.trace.same": "Следующая попытка — снова телефон {phone}, в {time}.",
    "explain.trace.switch_spent": (
        "Телефон {phone} израсходовал {used} из {cap} {cap|попытки|попыток|попыток}, поэтому "
        "следующий звонок — на телефон {next} после ожидания в {shown} "
        "{hours|час|часа|часов|часа}, в {time}."
    ),
    "explain.trace.switch_stopped": (
        "Телефон {phone} больше не набирается, поэтому следующий звонок — сразу на телефон "
        "{next}, в {time}."
    ),
    "explain.trace.closed_attempts": (
        "Это была попытка {a} из {a}: попыток у записи больше нет (A), и она закрывается."
    ),
    "explain.trace.closed_spent": (
        "Телефон {phone} израсходовал {used} из {cap} {cap|попытки|попыток|попыток}, а других "
        "номеров для набора нет, поэтому запись закрывается."
    ),
    "explain.trace.closed_stopped": (
        "Телефон {phone} больше не набирается, а других номеров для набора нет, поэтому запись "
        "закрывается."
    ),
    "explain.trace.switch_off": (
        "(«Последовательно набирать все номера из записи» выключено, поэтому другие номера не "
        "набираются.)"
    ),
    "explain.trace.stopped": "Запись закрывается.",
    "explain.trace.reached": "Клиент ответил: дозвон, запись закрывается.",
    "explain.trace.scenario": "Запускается сценарий «{name}».",
    "explain.trace.result": (
        "Итог: {state} — {dials} {dials|звонок|звонка|звонков} за {attempts} "
        "{attempts|попытку|попытки|попыток}."
    ),
    "explain.trace.open": (
        "Разбор на этом заканчивается, а запись ещё не закрыта: следующий звонок был бы на "
        "телефон {phone} в {time}."
    ),
    "explain.trace.unused": (
        "Запись закрылась раньше, чем закончились исходы: не понадобились {left} "
        "{left|исход|исхода|исходов} ({rest})."
    ),
    "explain.trace.empty": "укажите хотя бы один исход, например --trace busy,no_answer,answered",
    "explain.trace.blank_item": "исход {n} пуст (две запятые подряд?)",
    "explain.trace.missing_rule": (
        "в разборе есть статус {status}, но в конфигурации нет правила для него; добавьте его "
        "в rules:"
    ),
    # Один статус подробно.
    "explain.depth.answered": (
        "{status} — статус успеха: клиент ответил, запись закрывается с дозвоном. Правило для "
        "него не задаётся."
    ),
    "explain.depth.missing": (
        "В конфигурации нет правила для статуса {status}. Симуляция, в которой он может "
        "встретиться, не запускается; добавьте правило в rules:, если ваш обзвон может вернуть "
        "этот статус."
    ),
    "explain.depth.repeats": (
        "Повторы: до {n} {n|повторного набора|повторных наборов|повторных наборов} того же "
        "номера с интервалом в {minutes} {minutes|минуту|минуты|минут}, в рамках той же "
        "попытки. Они не расходуют ни A, ни B."
    ),
    "explain.depth.no_repeats": (
        "Повторов нет: первый же звонок со статусом {status} завершает попытку."
    ),
    "explain.depth.budget": (
        "У каждого статуса в попытке свой запас повторов: если повтор закончился другим "
        "статусом, действует правило того статуса, а счётчик повторов статуса {status} не "
        "сбрасывается."
    ),
    "explain.depth.callback": (
        "Действие: перезвон не раньше чем через {shown} {hours|час|часа|часов|часа} после "
        "последнего звонка попытки; этот звонок начинает следующую попытку."
    ),
    "explain.depth.stop_number_on": (
        "Действие: этот номер больше не набирается для этой записи. Следующая попытка сразу "
        "идёт на следующий номер записи, который ещё можно набрать; если таких нет, запись "
        "закрывается."
    ),
    "explain.depth.stop_number_off": (
        "Действие: этот номер больше не набирается. «Последовательно набирать все номера из "
        "записи» выключено, другие номера не набираются, поэтому запись закрывается."
    ),
    "explain.depth.stop_record": (
        "Действие: вся запись сразу закрывается (остановлена правилом), сколько бы номеров и "
        "попыток у неё ни оставалось."
    ),
    "explain.depth.scenario": "Сценарий: «{name}» запускается вместе с действием.",
    "explain.depth.always": (
        "Если каждый звонок записи с {phones} {phones|номером|номерами|номерами} "
        "заканчивается статусом {status}"
    ),
    "explain.depth.cut": (
        "Таблица обрезана после {n} {n|звонка|звонков|звонков}; запись ещё не закрыта."
    ),
    # Ошибки в параметрах.
    "explain.usage.start": (
        "'{value}' — не время суток (10:00) и не дата со временем в ISO 8601 (2026-12-01T10:00)"
    ),
    "explain.usage.export": (
        "экспорт в '{suffix}' не поддерживается; имя файла должно оканчиваться на {choices}"
    ),
}
