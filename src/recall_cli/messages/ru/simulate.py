"""Сообщения таймлайнов и показателей симуляции."""

MESSAGES: dict[str, str] = {
    "then.reached": "дозвон: запись закрыта",
    "then.repeat": "повтор через {minutes} {minutes|минуту|минуты|минут}",
    "then.callback": "перезвон через {shown} {hours|час|часа|часов|часа} → {time}",
    "then.switch_spent": "телефон {phone} исчерпал {used}/{cap} → телефон {next}, ",
    "then.switch_stopped": "телефон {phone} остановлен → телефон {next}, ",
    "then.at_once": "набор сразу",
    "then.stop_number": "остановить набор телефона {phone}",
    "then.stop_record": "остановить набор записи: запись закрыта",
    "then.closed_attempts": "запись закрыта: {used}/{cap} попыток",
    "then.closed_spent": "телефон {phone} исчерпал {used}/{cap}, других нет: запись закрыта",
    "then.closed_stopped": "телефон {phone} остановлен, других нет: запись закрыта",
    "then.scenario": "; сценарий {name}",
    "timeline.time": "время",
    "timeline.phone": "телефон",
    "timeline.attempt": "попытка (запись)",
    "timeline.number_attempt": "попытка (номер)",
    "timeline.repeat": "повтор",
    "timeline.status": "статус",
    "timeline.then": "далее",
    "timeline.duration": "длительность",
    "timeline.title": "Запись {record}",
    "timeline.no_dials": "нет номера для набора: запись закрыта без звонков",
    "timeline.open": "не завершена к концу горизонта; следующий набор {time}",
    "timeline.state": "итог: {state}",
    "summary.title": "Кампания: {campaign}",
    "summary.records": "записей",
    "summary.reached": "дозвонились",
    "summary.reach_rate": "доля дозвона",
    "summary.dials": "наборов",
    "summary.attempts": "попыток",
    "summary.start": "начало",
    "summary.horizon": "горизонт",
    "summary.state": "итог записи",
    "summary.count": "записей",
    "summary.share": "доля",
    "state.reached": "дозвон",
    "state.stopped": "остановлена правилом",
    "state.attempts_exhausted": "исчерпаны попытки (A)",
    "state.numbers_exhausted": "исчерпаны номера (B / остановлены)",
    "state.no_numbers": "нет номеров",
    "state.open": "не завершена к горизонту",
    "summary.outcomes": "исходы",
    "summary.seed": "seed",
    "summary.builtin_profile": "встроенный профиль",
    "figures.reach_rate": "доля дозвона",
    "figures.reached": "дозвонились",
    "figures.dials": "наборов",
    "figures.attempts": "попыток",
    "figures.dials_per_record": "наборов на запись",
    "figures.attempts_per_record": "попыток на запись",
    "figures.dials_per_reached": "наборов на один дозвон",
    "figures.attempts_per_reached": "попыток на один дозвон",
    "figures.time_to_reach.median": "время до дозвона: медиана",
    "figures.time_to_reach.p90": "время до дозвона: 90-й процентиль",
    "figures.time_to_reach.max": "время до дозвона: наибольшее",
    "figures.state": "итог записи: {state}",
    "figures.closed": "закрыта: {cause}",
    "closed_by.title": "без дозвона, закрыта из-за",
    "closed_by.max_attempts_per_record": "лимита A (попыток на запись)",
    "closed_by.max_attempts_per_number": "лимита B (попыток на номер) на последнем номере",
    "closed_by.stop_number": "правила, остановившего последний номер",
    "closed_by.stop_record": "правила, остановившего запись",
    "by_status.title": "наборы по статусам",
    "by_status.dials": "наборов",
    "hours.title": "наборы по часам кампании",
    "hours.title_many": "наборы кампании за каждые {hours} {hours|час|часа|часов}",
    "hours.gap": "… {hours} {hours|час|часа|часов} без наборов …",
    "unit.days": "{n} сут",
    "unit.hours": "{n} ч",
    "unit.minutes": "{n} мин",
    "unit.seconds": "{n} с",
    "unit.points": "{n} п. п.",
    "runs.title": (
        "Кампания: {campaign} · {runs} {runs|прогон|прогона|прогонов}, seed {first}–{last}"
    ),
    "runs.figure": "показатель",
    "runs.mean": "среднее",
    "runs.interval": "95-процентный интервал",
    "runs.single": "один прогон: интервала нет; укажите --runs 2 или больше",
    "runs.rough": (
        "всего {runs} {runs|прогон|прогона|прогонов}: интервалы приблизительные; для выводов "
        "укажите --runs {enough} или больше"
    ),
    "compare.title": (
        "A: {a} · B: {b} · {runs} {runs|прогон|прогона|прогонов} на одних и тех же исходах, "
        "seed {first}–{last}"
    ),
    "compare.difference": "B − A",
    "compare.relative": "(B − A) / A",
    "compare.headline": (
        "У B доля дозвона {reach_dir} на {reach}, а наборов {dials_dir} на {dials}."
    ),
    "compare.more": "больше",
    "compare.fewer": "меньше",
    "compare.higher": "выше",
    "compare.lower": "ниже",
    "compare.identical": (
        "A и B дают одинаковые показатели в каждом прогоне: все разности равны нулю."
    ),
    "progress.records": "симуляция",
    "progress.events": "запись событий",
    "option.script_and_profile": "укажите либо --script, либо --profile, но не оба сразу",
    "option.runs_with_script": (
        "для --runs нужны случайные исходы: прогон по сценарию всегда одинаков"
    ),
    "option.runs_format": "с --runs выводится таблица или json, а не {format}",
    "option.runs_range": "--runs должно быть от 1 до {most}, а указано {runs}",
    "option.moment_range": "'{value}' вне лет {first}–{last}, в которые может начаться прогон",
    "option.bad_moment": (
        "'{value}' — не дата и время в формате ISO 8601 (например, 2026-12-01T10:00)"
    ),
    "option.until_before_start": "горизонт раньше начала",
    "simulate.skipped.no_number": (
        "{count} {count|ячейка|ячейки|ячеек} телефона без единой цифры не "
        "{count|набиралась|набирались|набирались}: {lines|строка|строки|строки} {rows} — "
        "см. `recall validate`"
    ),
    "simulate.skipped.excel": (
        "{count} {count|телефон превращён|телефона превращены|телефонов превращены} "
        "электронной таблицей в число (как 9.16E+09) и "
        "{count|набирался как записан|набирались как записаны|набирались как записаны}: "
        "{lines|строка|строки|строки} {rows} — см. `recall validate`"
    ),
    "simulate.skipped.letters": (
        "{count} {count|телефон|телефона|телефонов} с буквами среди цифр "
        "{count|набирался как записан|набирались как записаны|набирались как записаны}: "
        "{lines|строка|строки|строки} {rows} — см. `recall validate`"
    ),
    "simulate.skipped.no_dialable": (
        "{count} {count|запись|записи|записей} без номера для набора "
        "{count|закрыта|закрыты|закрыты} без единого набора: {lines|строка|строки|строки} {rows} — "
        "см. `recall validate`"
    ),
    "simulate.skipped.more": "{shown} и ещё {more}",
    "note.long_table": (
        "примечание: в таблице хронологии {records} {records|записи|записей|записей}; "
        "--no-events покажет только сводку, --format json даст данные для обработки"
    ),
    "dialer.held": "набор на {due} → {start} ({reasons})",
    "dialer.held.cap": "лимит",
    "dialer.held.hours": "часы звонков",
    "dialer.held.line": "нет свободной линии",
    "dialer.waited_line": "ждал свободную линию {wait}",
    "dialer.lands": ", отложен до {time}",
    "dialer.end": "конец кампании (конец последнего набора)",
    "dialer.utilisation": "загрузка линий",
    "dialer.waited_for_line": "наборов ждали линию",
    "dialer.wait.median": "ожидание линии: медиана",
    "dialer.wait.p90": "ожидание линии: 90-й процентиль",
    "dialer.wait.max": "ожидание линии: наибольшее",
    "dialer.held_by_hours": "наборов отложено часами звонков",
    "dialer.zone_fallback": "номеров в часовом поясе кампании (пояс не найден)",
    "dialer.do_not_call": "номеров в списке «не звонить» на старте (не набирались)",
    "dialer.cancelled": "отменено ожидавших наборов (номер остановлен в кампании или «не звонить»)",
    "timeline.cancelled.stop": (
        "{time} · номер {number} остановлен в кампании записью {record} → запись закрыта"
    ),
    "timeline.cancelled.dnc": "{time} · номер {number} в списке «не звонить» → запись закрыта",
    "figures.end": "конец кампании (время от начала)",
    "figures.lines.utilisation": "загрузка линий",
    "figures.lines.waited_for_line": "наборов ждали линию",
    "figures.lines.median": "ожидание линии: медиана",
    "figures.lines.p90": "ожидание линии: 90-й процентиль",
    "figures.lines.max": "ожидание линии: наибольшее",
    "figures.held_by_hours": "наборов отложено часами звонков",
    "hours.title_lines": "наборы и занятые линии (в среднем) по часам кампании",
    "hours.title_many_lines": (
        "наборы и занятые линии (в среднем) кампании за каждые {hours} {hours|час|часа|часов}"
    ),
    "hours.busy": "занято линий: {lines}",
    "then.switch_order": "порядок номеров → телефон {next}, ",
}
