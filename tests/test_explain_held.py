# ruff: noqa: E501 -- the expected handouts are exact Markdown lines, as long as they are.
"""A trace under calling hours: each held dial told (due → start, the wait), in both languages,
exactly as a handout shows it; an undated trace and the line count say why they do not apply."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from recall_cli.explain.clock import TraceClock, TraceStart
from recall_cli.explain.teller import Teller
from recall_cli.explain.words import Words
from recall_cli.loaders.config import load_config
from recall_cli.messages import Lang
from tests.support import explain_handout

ROOT = Path(__file__).resolve().parent.parent
COLLECTIONS = ROOT / "sample_configs" / "collections_ru.yaml"
WORKED = ROOT / "sample_configs" / "worked_example.yaml"

# A 1-hour callback after a Friday 21:30 no-answer falls due at 22:30, after ru_230fz's
# weekday closing (22:00): it rings at Saturday's opening, 09:00.
CALLBACK_EN = (
    "## Trace: 2 outcomes on a sample record with 2 numbers\n"
    "\n"
    "Start: Friday, 4 December 2026, 21:30 (Europe/Moscow).\n"
    "\n"
    "Calls start only within calling hours, read in the campaign's zone (Europe/Moscow): the hours go by each number's local time, but a sample record has no list to take a number's zone from. A call due while calls may not start waits for the next opening.\n"
    "\n"
    "Lines do not apply: one record never waits for a line.\n"
    "\n"
    "1. **21:30 · phone 1 · No answer (Нет ответа)**: Attempt 1 of 5 for the record, 1 of 3 for phone 1. No answer: no repeats, so the attempt ends with its action: call back in 1 hour. The next attempt dials phone 1 again at 22:30.\n"
    "2. **Sat 5 Dec, 09:00 · phone 1 · Answered (Дозвон)**: Attempt 2 of 5 for the record, 2 of 3 for phone 1. It fell due at 22:30, when calls may not start: it waited 10 hours 30 minutes and started at Sat 5 Dec, 09:00 (calling hours). The client answered: the record is reached and closed.\n"
    "\n"
    "**Timeline**\n"
    "\n"
    "| time | phone | attempt (record) | attempt (number) | repeat | status | then |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 21:30 | 1 | 1/5 | 1/3 | — | No answer (Нет ответа) | call back in 1 h → 22:30, held to Sat 5 Dec, 09:00 |\n"
    "| Sat 5 Dec, 09:00 | 1 | 2/5 | 2/3 | — | Answered (Дозвон) | due 22:30 → Sat 5 Dec, 09:00 (calling hours)<br>record reached |\n"
    "\n"
    "Result: reached after 2 calls in 2 attempts.\n"
)

CALLBACK_RU = (
    "## Разбор: 2 исхода на примере записи с 2 номерами\n"
    "\n"
    "Начало: пятница, 4 декабря 2026 г., 21:30 (Europe/Moscow).\n"
    "\n"
    "Звонки начинаются только в часы звонков по времени кампании (Europe/Moscow): часы считаются по местному времени номера, но у примерной записи нет списка, откуда взять часовой пояс номера. Звонок, срок которого выпал на время, когда звонить нельзя, ждёт ближайшего открытия.\n"
    "\n"
    "Линии не применяются: одна запись никогда не ждёт свободной линии.\n"
    "\n"
    "1. **21:30 · телефон 1 · Нет ответа**: Попытка 1 из 5 для записи, 1 из 3 для телефона 1. Нет ответа: повторов нет, поэтому попытка завершается действием: перезвон через 1 час. Следующая попытка — снова телефон 1, в 22:30.\n"
    "2. **сб, 5 дек. 09:00 · телефон 1 · Дозвон**: Попытка 2 из 5 для записи, 2 из 3 для телефона 1. Срок звонка — 22:30, когда звонить нельзя: он ждал 10 часов 30 минут и начался в сб, 5 дек. 09:00 (часы звонков). Клиент ответил: дозвон, запись закрывается.\n"
    "\n"
    "**Хронология**\n"
    "\n"
    "| время | телефон | попытка (запись) | попытка (номер) | повтор | статус | далее |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 21:30 | 1 | 1/5 | 1/3 | — | Нет ответа | перезвон через 1 час → 22:30, отложен до сб, 5 дек. 09:00 |\n"
    "| сб, 5 дек. 09:00 | 1 | 2/5 | 2/3 | — | Дозвон | набор на 22:30 → сб, 5 дек. 09:00 (часы звонков)<br>дозвон: запись закрыта |\n"
    "\n"
    "Итог: дозвон — 2 звонка за 2 попытки.\n"
)

# The 10-minute repeat after a Friday 21:50 busy falls due at 22:00, the closing: it is still
# repeat 1 of 3 of attempt 1 when it rings at Saturday's 09:00.
REPEAT_EN = (
    "## Trace: 3 outcomes on a sample record with 2 numbers\n"
    "\n"
    "Start: Friday, 4 December 2026, 21:50 (Europe/Moscow).\n"
    "\n"
    "Calls start only within calling hours, read in the campaign's zone (Europe/Moscow): the hours go by each number's local time, but a sample record has no list to take a number's zone from. A call due while calls may not start waits for the next opening.\n"
    "\n"
    "Lines do not apply: one record never waits for a line.\n"
    "\n"
    "1. **21:50 · phone 1 · Busy (Занято)**: Attempt 1 of 5 for the record, 1 of 3 for phone 1. Busy: repeat 1 of 3 in 10 minutes, at 22:00.\n"
    "2. **Sat 5 Dec, 09:00 · phone 1 · Busy (Занято)**: Repeat 1 of 3 for Busy (Занято), within attempt 1. It fell due at 22:00, when calls may not start: it waited 11 hours and started at Sat 5 Dec, 09:00 (calling hours). Busy: repeat 2 of 3 in 10 minutes, at 09:10.\n"
    "3. **Sat 5 Dec, 09:10 · phone 1 · Answered (Дозвон)**: Repeat 2 of 3 for Busy (Занято), within attempt 1. The client answered: the record is reached and closed.\n"
    "\n"
    "**Timeline**\n"
    "\n"
    "| time | phone | attempt (record) | attempt (number) | repeat | status | then |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 21:50 | 1 | 1/5 | 1/3 | — | Busy (Занято) | repeat in 10 min, held to Sat 5 Dec, 09:00 |\n"
    "| Sat 5 Dec, 09:00 | 1 | 1/5 | 1/3 | 1/3 | Busy (Занято) | due 22:00 → Sat 5 Dec, 09:00 (calling hours)<br>repeat in 10 min |\n"
    "| Sat 5 Dec, 09:10 | 1 | 1/5 | 1/3 | 2/3 | Answered (Дозвон) | record reached |\n"
    "\n"
    "Result: reached after 3 calls in 1 attempt.\n"
)

REPEAT_RU = (
    "## Разбор: 3 исхода на примере записи с 2 номерами\n"
    "\n"
    "Начало: пятница, 4 декабря 2026 г., 21:50 (Europe/Moscow).\n"
    "\n"
    "Звонки начинаются только в часы звонков по времени кампании (Europe/Moscow): часы считаются по местному времени номера, но у примерной записи нет списка, откуда взять часовой пояс номера. Звонок, срок которого выпал на время, когда звонить нельзя, ждёт ближайшего открытия.\n"
    "\n"
    "Линии не применяются: одна запись никогда не ждёт свободной линии.\n"
    "\n"
    "1. **21:50 · телефон 1 · Занято**: Попытка 1 из 5 для записи, 1 из 3 для телефона 1. Занято: повтор 1 из 3 через 10 минут, в 22:00.\n"
    "2. **сб, 5 дек. 09:00 · телефон 1 · Занято**: Повтор 1 из 3 для статуса «Занято», в рамках попытки 1. Срок звонка — 22:00, когда звонить нельзя: он ждал 11 часов и начался в сб, 5 дек. 09:00 (часы звонков). Занято: повтор 2 из 3 через 10 минут, в 09:10.\n"
    "3. **сб, 5 дек. 09:10 · телефон 1 · Дозвон**: Повтор 2 из 3 для статуса «Занято», в рамках попытки 1. Клиент ответил: дозвон, запись закрывается.\n"
    "\n"
    "**Хронология**\n"
    "\n"
    "| время | телефон | попытка (запись) | попытка (номер) | повтор | статус | далее |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 21:50 | 1 | 1/5 | 1/3 | — | Занято | повтор через 10 минут, отложен до сб, 5 дек. 09:00 |\n"
    "| сб, 5 дек. 09:00 | 1 | 1/5 | 1/3 | 1/3 | Занято | набор на 22:00 → сб, 5 дек. 09:00 (часы звонков)<br>повтор через 10 минут |\n"
    "| сб, 5 дек. 09:10 | 1 | 1/5 | 1/3 | 2/3 | Дозвон | дозвон: запись закрыта |\n"
    "\n"
    "Итог: дозвон — 3 звонка за 1 попытку.\n"
)


@pytest.mark.parametrize(
    ("trace", "start", "lang", "expected"),
    [
        ("no_answer,answered", "2026-12-04T21:30", "en", CALLBACK_EN),
        ("Нет ответа,Дозвон", "2026-12-04T21:30", "ru", CALLBACK_RU),
        ("busy,busy,answered", "2026-12-04T21:50", "en", REPEAT_EN),
        ("Занято,Занято,Дозвон", "2026-12-04T21:50", "ru", REPEAT_RU),
    ],
    ids=["callback-en", "callback-ru", "repeat-en", "repeat-ru"],
)
def test_held_dials_are_told(
    tmp_path: Path, trace: str, start: str, lang: str, expected: str
) -> None:
    produced = explain_handout(tmp_path, COLLECTIONS, "--trace", trace, "--start", start, lang=lang)
    assert produced == expected


def test_a_trace_that_ends_before_a_held_dial_says_where_it_would_start(tmp_path: Path) -> None:
    produced = explain_handout(
        tmp_path, COLLECTIONS, "--trace", "busy,busy", "--start", "2026-12-04T21:40"
    )
    assert produced.endswith(
        "The trace ends here and the record is still open: the next call would go to phone 1, "
        "due 22:00, held by calling hours to Sat 5 Dec, 09:00.\n"
    )


def test_an_undated_trace_says_hours_are_not_applied(tmp_path: Path) -> None:
    produced = explain_handout(
        tmp_path, COLLECTIONS, "--trace", "busy,busy,answered", "--start", "21:50"
    )
    assert produced.splitlines()[2:7] == [
        "Start: day 1, 21:50.",
        "",
        "Calling hours are not applied: the trace has no date. Give --start a date and time "
        "(e.g. 2026-12-04T21:30) to see calls held by them.",
        "",
        "Lines do not apply: one record never waits for a line.",
    ]
    assert "| 22:00 | 1 | 1/5 | 1/3 | 1/3 | Busy (Занято) | repeat in 10 min |" in produced
    assert "calling hours)" not in produced


def test_hours_in_the_campaign_zone_say_so(tmp_path: Path) -> None:
    produced = explain_handout(
        tmp_path,
        ROOT / "tests" / "cases" / "explain" / "hours_windows.yaml",
        "--trace",
        "busy",
        "--start",
        "2026-12-04T10:00",
    )
    assert produced.splitlines()[4:7] == [
        "Calls start only within calling hours, read in the campaign's zone (Asia/Yekaterinburg); "
        "a call due while calls may not start waits for the next opening.",
        "",
        "Lines do not apply: one record never waits for a line.",
    ]


def test_without_hours_a_dated_trace_has_no_note(tmp_path: Path) -> None:
    produced = explain_handout(
        tmp_path, WORKED, "--trace", "busy,answered", "--start", "2026-12-04T21:30"
    )
    assert produced.splitlines()[2:5] == [
        "Start: Friday, 4 December 2026, 21:30 (Europe/Moscow).",
        "",
        "1. **21:30 · phone 1 · Busy (Занято)**: Attempt 1 of 5 for the record, 1 of 3 for phone "
        "1. Busy: repeat 1 of 3 in 5 minutes, at 21:35.",
    ]


@pytest.mark.parametrize(
    ("seconds", "en", "ru"),
    [
        (60, "1 minute", "1 минуту"),
        (22 * 60, "22 minutes", "22 минуты"),
        (11 * 3600, "11 hours", "11 часов"),
        (2 * 3600 + 60, "2 hours 1 minute", "2 часа 1 минуту"),
        (21 * 3600 + 25 * 60, "21 hours 25 minutes", "21 час 25 минут"),
        (86_400 + 11 * 3600 + 5 * 60, "1 day 11 hours", "1 день 11 часов"),
        (5 * 86_400, "5 days", "5 дней"),
        (30, "30 seconds", "30 секунд"),
    ],
)
def test_waits_have_their_plurals(seconds: int, en: str, ru: str) -> None:
    policy = load_config(COLLECTIONS).policy
    for lang, expected in ((Lang.EN, en), (Lang.RU, ru)):
        words = Words(lang)
        clock = TraceClock(TraceStart(), ZoneInfo("Europe/Moscow"), words)
        assert Teller(policy, clock, words).wait(seconds) == expected
