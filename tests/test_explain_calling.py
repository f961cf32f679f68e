"""`recall explain` on calling hours and lines: each sentence exactly, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.engine.dialer import Dialer, Order
from recall_cli.engine.hours import (
    CLOSED,
    PRESETS,
    RU_230FZ,
    SECONDS_PER_DAY,
    SECONDS_PER_WEEK,
    US_TCPA,
    Day,
    Hours,
    LocalTime,
    Week,
    Window,
    closed_landing,
)
from recall_cli.explain.calling import (
    Days,
    Landing,
    fold_week,
    hours_section,
    landing,
    lines_section,
    preset_name,
)
from recall_cli.explain.explainer import Request, explain
from recall_cli.explain.model import Bullets, Line, Paragraph, Section, Tone
from recall_cli.explain.words import Words
from recall_cli.loaders.config import Campaign, check_config
from recall_cli.messages import Lang
from tests.thoroughness import examples

HOUR = 3600
EN, RU = Words(Lang.EN), Words(Lang.RU)
LIMITS = "limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}\n"
STOP = "  busy: {action: stop_number}\n"
CALLBACKS = (
    "  no_answer: {action: callback, after_hours: 1}\n  busy: {action: callback, after_hours: 24}\n"
)


def _day(*windows: tuple[int, int]) -> Day:
    return tuple(Window(start * 60, end * 60) for start, end in windows)


def _week(*days: Day) -> Week:
    assert len(days) == 7
    return (days[0], days[1], days[2], days[3], days[4], days[5], days[6])


WORK, REST = _day((8, 22)), _day((9, 20))
SPLIT = _day((10, 14), (15, 18))


def _campaign(tmp_path: Path, body: str) -> Campaign:
    path = tmp_path / "campaign.yaml"
    path.write_text(body, encoding="utf-8")
    campaign = check_config(path).campaign
    assert campaign is not None
    return campaign


def _texts(section: Section) -> list[str | list[str]]:
    """The section's blocks as text: a paragraph's line, a list's lines."""
    shown: list[str | list[str]] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            shown.append(block.line.text)
        else:
            assert isinstance(block, Bullets)
            shown.append([item.text for item in block.items])
    return shown


def _hours(tmp_path: Path, hours: str, rules: str = "", words: Words = EN) -> Section:
    campaign = _campaign(tmp_path, f"{hours}{LIMITS}rules:\n{rules or STOP}")
    assert campaign.hours is not None
    return hours_section(campaign.hours, campaign.policy, campaign.timezone_column, words)


# The week folded back into group keys.


@pytest.mark.parametrize(
    ("week", "folded"),
    [
        (_week(*[WORK] * 7), [(Days(0, 6, "every_day"), WORK)]),
        (
            _week(*[WORK] * 5, REST, REST),
            [(Days(0, 4, "weekdays"), WORK), (Days(5, 6, "weekend"), REST)],
        ),
        (
            _week(WORK, WORK, WORK, WORK, REST, SPLIT, CLOSED),
            [
                (Days(0, 3), WORK),
                (Days(4, 4), REST),
                (Days(5, 5), SPLIT),
                (Days(6, 6), CLOSED),
            ],
        ),
        (
            _week(WORK, REST, REST, WORK, WORK, CLOSED, CLOSED),
            [
                (Days(0, 0), WORK),
                (Days(1, 2), REST),
                (Days(3, 4), WORK),
                (Days(5, 6, "weekend"), CLOSED),
            ],
        ),
    ],
)
def test_the_week_is_folded_as_the_group_keys_write_it(
    week: Week, folded: list[tuple[Days, Day]]
) -> None:
    assert list(fold_week(week)) == folded


# Presets, named as such; hours written out like a preset are that preset.


def test_presets_are_named() -> None:
    assert preset_name(RU_230FZ) == "ru_230fz"
    assert preset_name(US_TCPA) == "us_tcpa"
    assert preset_name(Hours(RU_230FZ.week, local_time=LocalTime.RECORD)) is None
    assert set(PRESETS) == {"ru_230fz", "us_tcpa"}


def test_ru_230fz_in_english(tmp_path: Path) -> None:
    section = _hours(tmp_path, "hours: ru_230fz\n", CALLBACKS)
    assert section.title == "When calls may start"
    assert section.blocks[0] == Paragraph(
        Line(
            "The Russian collections law, 230-FZ art. 7: a debtor may be called only at these "
            "times, by their local time.",
            Tone.KEY,
        )
    )
    assert _texts(section) == [
        "The Russian collections law, 230-FZ art. 7: a debtor may be called only at these "
        "times, by their local time.",
        "A call starts only within these hours:",
        [
            "Weekdays: 08:00–22:00",
            "Weekends: 09:00–20:00",
            "Holidays (public holidays by the RU calendar): 09:00–20:00",
        ],
        "The times are the local time of the number being called. Its zone is the first of: the "
        "record's time zone cell, if the list has a time zone column (timezone, tz or часовой "
        "пояс); the number's own zone, when its code tells one (a landline's usually does, a "
        "Russian mobile's does not); the zone the record's other numbers agree on; the "
        "campaign's zone (Europe/Moscow).",
        "A call that falls due while calls may not start (a first call, a repeat or a callback) "
        "waits until calls may start again. It stays what it was: a held repeat is still a "
        "repeat of the same attempt, and no count changes. A call that has started may go on "
        "past closing time.",
        "Worth knowing (holidays aside):",
        [
            "A 1-hour callback after a call on Monday at 21:30 falls due at 22:30, when calls "
            "may not start, and rings on Tuesday at 08:00, 10.5 hours after the call.",
            "A 24-hour callback after a call on Friday at 21:00 falls due on Saturday at 21:00, "
            "when calls may not start, and rings on Sunday at 09:00, 36 hours after the call.",
        ],
    ]


def test_ru_230fz_in_russian(tmp_path: Path) -> None:
    section = _hours(tmp_path, "hours: ru_230fz\n", CALLBACKS, RU)
    assert section.title == "Когда можно звонить"
    assert _texts(section) == [
        "Закон о взыскании долгов, 230-ФЗ, ст. 7: звонить должнику можно только в эти часы по "
        "его местному времени.",
        "Звонок начинается только в эти часы:",
        [
            "Будни: 08:00–22:00",
            "Выходные: 09:00–20:00",
            "Праздники (государственные праздники по календарю RU): 09:00–20:00",
        ],
        "Время — местное время набираемого номера. Его пояс — первый из: ячейка часового пояса "
        "записи, если в списке есть такая колонка (timezone, tz или часовой пояс); пояс самого "
        "номера, если его код указывает один пояс (у городского обычно указывает, у российского "
        "мобильного — нет); пояс, на котором сходятся другие номера записи; пояс кампании "
        "(Europe/Moscow).",
        "Звонок, срок которого наступил, когда звонить нельзя (первый звонок, повтор или "
        "перезвон), ждёт, пока снова можно будет звонить. Он остаётся тем, чем был: отложенный "
        "повтор — по-прежнему повтор той же попытки, и никакие счётчики не меняются. Начатый "
        "звонок может продолжаться и после конца разрешённых часов.",
        "Полезно знать (без учёта праздников):",
        [
            "Срок перезвона через 1 час после звонка в понедельник в 21:30 наступает в 22:30, "
            "когда звонить нельзя, и перезвон состоится во вторник в 08:00 — через 10,5 часа "
            "после звонка.",
            "Срок перезвона через 24 часа после звонка в пятницу в 21:00 наступает в субботу в "
            "21:00, когда звонить нельзя, и перезвон состоится в воскресенье в 09:00 — через 36 "
            "часов после звонка.",
        ],
    ]


@pytest.mark.parametrize(
    ("words", "preset", "days", "holidays", "landing_text"),
    [
        (
            EN,
            "The US telemarketing rules (TCPA): calls only at these times, by the called "
            "party's local time.",
            "Every day: 08:00–21:00",
            "No holidays are set: a public holiday keeps its weekday's hours.",
            "A 2-hour callback after a call on Monday at 20:00 falls due at 22:00, when calls "
            "may not start, and rings on Tuesday at 08:00, 12 hours after the call.",
        ),
        (
            RU,
            "Правила телемаркетинга США (TCPA): звонить можно только в эти часы по местному "
            "времени абонента.",
            "Каждый день: 08:00–21:00",
            "Праздники не заданы: в праздник действуют часы его дня недели.",
            "Срок перезвона через 2 часа после звонка в понедельник в 20:00 наступает в 22:00, "
            "когда звонить нельзя, и перезвон состоится во вторник в 08:00 — через 12 часов "
            "после звонка.",
        ),
    ],
)
def test_us_tcpa(
    tmp_path: Path, words: Words, preset: str, days: str, holidays: str, landing_text: str
) -> None:
    rules = "  no_answer: {action: callback, after_hours: 2}\n"
    section = _hours(tmp_path, "hours: us_tcpa\n", rules, words)
    texts = _texts(section)
    assert texts[0] == preset
    assert texts[2] == [days, holidays]
    assert section.blocks[2] == Bullets(
        (Line(days), Line(holidays, Tone.MUTED)),
    )
    assert texts[-2] == ("Worth knowing:" if words is EN else "Полезно знать:")
    assert texts[-1] == [landing_text]


WINDOWS = (
    "timezone: Asia/Yekaterinburg\n"
    "hours:\n"
    '  weekdays: "09:00-21:00"\n'
    '  fri: "09:00-18:00"\n'
    '  sat: ["10:00-14:00", "15:00-18:00"]\n'
    "  sun: closed\n"
    "  holidays: [kz, ru, 2026-12-31, 2027-01-07]\n"
    "  holiday_hours: closed\n"
    "  local_time: campaign\n"
)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (
            EN,
            [
                "A call starts only within these hours:",
                [
                    "Monday to Thursday: 09:00–21:00",
                    "Friday: 09:00–18:00",
                    "Saturday: 10:00–14:00 and 15:00–18:00",
                    "Sunday: no calls",
                    "Holidays (public holidays by the KZ and RU calendars, 31 Dec 2026, "
                    "7 Jan 2027): no calls",
                ],
                "The times are the campaign's (Asia/Yekaterinburg) for every number.",
            ],
        ),
        (
            RU,
            [
                "Звонок начинается только в эти часы:",
                [
                    "Понедельник–четверг: 09:00–21:00",
                    "Пятница: 09:00–18:00",
                    "Суббота: 10:00–14:00 и 15:00–18:00",
                    "Воскресенье: звонков нет",
                    "Праздники (государственные праздники по календарям KZ и RU, "
                    "31 дек. 2026 г., 7 янв. 2027 г.): звонков нет",
                ],
                "Время — время кампании (Asia/Yekaterinburg) для всех номеров.",
            ],
        ),
    ],
)
def test_windows_holidays_and_campaign_time(
    tmp_path: Path, words: Words, expected: list[str | list[str]]
) -> None:
    # No callback rule: nothing lands anywhere, so there is nothing worth knowing.
    section = _hours(tmp_path, WINDOWS, words=words)
    assert _texts(section)[:3] == expected
    assert len(section.blocks) == 4


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (
            EN,
            "The times are the local time of the number being called. Its zone is the first "
            "of: the record's cell in the column “Пояс”; the number's own zone, when its code "
            "tells one (a landline's usually does, a Russian mobile's does not); the zone the "
            "record's other numbers agree on; the campaign's zone (Europe/Moscow).",
        ),
        (
            RU,
            "Время — местное время набираемого номера. Его пояс — первый из: ячейка записи в "
            "колонке «Пояс»; пояс самого номера, если его код указывает один пояс (у городского "
            "обычно указывает, у российского мобильного — нет); пояс, на котором сходятся другие "
            "номера записи; пояс кампании (Europe/Moscow).",
        ),
    ],
)
def test_a_named_time_zone_column_is_named(tmp_path: Path, words: Words, expected: str) -> None:
    hours = 'hours: {every_day: "09:00-21:00", local_time: record}\nlist: {timezone_column: Пояс}\n'
    assert _texts(_hours(tmp_path, hours, words=words))[2] == expected


# Callbacks that land in closed hours.


def test_a_callback_that_always_lands_closed_is_shown_where_validate_warns() -> None:
    week = _week(*[_day((9, 21))] * 7)
    assert closed_landing(week, 12 * HOUR) is not None
    # Monday 09:00–21:00 + 12 h is 21:00–09:00: all closed; the middle call, at 15:00.
    assert landing(week, 12 * HOUR) == Landing(12 * HOUR, 15 * HOUR, 27 * HOUR, 33 * HOUR)


def test_whole_days_over_alike_days_never_land_closed() -> None:
    week = _week(*[_day((9, 21))] * 7)
    assert landing(week, 24 * HOUR) is None
    assert landing(week, 7 * 24 * HOUR) is None


def test_a_wait_of_more_than_a_week_lands_like_its_remainder_a_week_later() -> None:
    week = _week(*[WORK] * 5, REST, REST)
    short = landing(week, HOUR)
    long = landing(week, SECONDS_PER_WEEK + HOUR)
    assert short == Landing(HOUR, 21 * HOUR + 1800, 22 * HOUR + 1800, 32 * HOUR)
    assert long == Landing(
        SECONDS_PER_WEEK + HOUR,
        short.call,
        short.due + SECONDS_PER_WEEK,
        short.rings + SECONDS_PER_WEEK,
    )


def test_a_weekend_landing_names_its_days_and_the_real_wait() -> None:
    # Friday ends at 18:00, so a 24-hour callback from Thursday evening lands closed and waits
    # for Saturday's first window.
    week = _week(*[_day((9, 21))] * 4, _day((9, 18)), SPLIT, CLOSED)
    found = landing(week, 24 * HOUR)
    thursday = 3 * SECONDS_PER_DAY
    assert found == Landing(
        24 * HOUR, thursday + 19 * HOUR + 1800, thursday + 43 * HOUR + 1800, thursday + 58 * HOUR
    )


def test_a_landing_off_the_minute_shows_its_seconds(tmp_path: Path) -> None:
    rules = "  no_answer: {action: callback, after_hours: 1.01}\n"
    section = _hours(tmp_path, 'hours: {every_day: "09:00-21:00"}\n', rules)
    # Calls from 19:59:24 land closed; the middle of 19:59:24–21:00 is 20:29:42, shown 20:29.
    assert _texts(section)[-1] == [
        "A 1.01-hour callback after a call on Monday at 20:29 falls due at 21:29:36, when calls "
        "may not start, and rings on Tuesday at 09:00, 12.52 hours after the call."
    ]


_WINDOW = st.tuples(st.integers(0, 1439), st.integers(1, 1440)).filter(lambda w: w[0] < w[1])
_DAY = st.one_of(st.just(CLOSED), _WINDOW.map(lambda w: (Window(*w),)))


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(_DAY, min_size=7, max_size=7).filter(any), st.integers(3600, 400 * HOUR))
def test_a_landing_is_a_call_in_hours_due_in_closed_hours_rung_at_the_next_opening(
    days: list[Day], wait: int
) -> None:
    week = _week(*days)
    found = landing(week, wait)
    always = closed_landing(week, wait)
    if always is not None:
        assert found is not None
        assert always[0] < found.rings - found.call <= always[1]
    if found is None:
        return

    def is_open(moment: int) -> bool:
        day, of_day = divmod(moment % SECONDS_PER_WEEK, SECONDS_PER_DAY)
        return any(w.start * 60 <= of_day < w.end * 60 for w in week[day])

    assert 0 <= found.call < SECONDS_PER_WEEK
    assert found.due == found.call + wait
    assert is_open(found.call)
    assert not is_open(found.due)
    assert is_open(found.rings)
    assert all(not is_open(moment) for moment in range(found.due, found.rings, 60))


# Lines.


@pytest.mark.parametrize(
    ("lines", "en", "ru"),
    [
        (1, "1 line: at most 1 call at once.", "1 линия: одновременно не больше 1 звонка."),
        (2, "2 lines: at most 2 calls at once.", "2 линии: одновременно не больше 2 звонков."),
        (5, "5 lines: at most 5 calls at once.", "5 линий: одновременно не больше 5 звонков."),
        (11, "11 lines: at most 11 calls at once.", "11 линий: одновременно не больше 11 звонков."),
        (21, "21 lines: at most 21 calls at once.", "21 линия: одновременно не больше 21 звонка."),
    ],
)
def test_lines_are_counted_in_each_language(lines: int, en: str, ru: str) -> None:
    assert lines_section(Dialer(lines), None, EN).blocks[0] == Paragraph(Line(en, Tone.KEY))
    assert lines_section(Dialer(lines), None, RU).blocks[0] == Paragraph(Line(ru, Tone.KEY))


def test_lines_with_retries_first_and_calling_hours() -> None:
    assert _texts(lines_section(Dialer(30), RU_230FZ, EN)) == [
        "30 lines: at most 30 calls at once.",
        [
            "When more calls are ready than lines are free, they wait: repeats go first, then "
            "callbacks and moves to a record's next number, then records' first calls; within "
            "each, the earliest due first, then the record's place in the list.",
            "A call holds its line from its start to its end. Waiting for a line changes no "
            "count: a repeat is still a repeat, a callback still a callback.",
            "A call still waiting for a line when calling hours end waits until calls may start "
            "again.",
        ],
    ]
    assert _texts(lines_section(Dialer(30), RU_230FZ, RU)) == [
        "30 линий: одновременно не больше 30 звонков.",
        [
            "Когда готовых звонков больше, чем свободных линий, они ждут: сначала повторы, затем "
            "перезвоны и переходы на следующий номер записи, затем первые звонки записей; внутри "
            "каждой группы — сначала более ранний срок, затем место записи в списке.",
            "Звонок занимает линию от начала до конца. Ожидание линии не меняет счётчиков: "
            "повтор остаётся повтором, перезвон — перезвоном.",
            "Звонок, который ещё ждёт линию, когда часы обзвона заканчиваются, ждёт, пока снова "
            "можно будет звонить.",
        ],
    ]


def test_lines_by_due_time_without_calling_hours() -> None:
    assert lines_section(Dialer(3, Order.DUE_TIME), None, EN).title == "Lines"
    assert _texts(lines_section(Dialer(3, Order.DUE_TIME), None, EN))[1] == [
        "When more calls are ready than lines are free, they wait: the earliest due goes first, "
        "then the record's place in the list.",
        "A call holds its line from its start to its end. Waiting for a line changes no count: "
        "a repeat is still a repeat, a callback still a callback.",
    ]
    assert _texts(lines_section(Dialer(3, Order.DUE_TIME), None, RU))[1][0] == (
        "Когда готовых звонков больше, чем свободных линий, они ждут: первым идёт звонок с "
        "самым ранним сроком, затем — по месту записи в списке."
    )


# Where the sections go.


def _titles(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "campaign.yaml"
    path.write_text(body, encoding="utf-8")
    report = check_config(path)
    return [section.title for section in explain(report, [], Request(), EN).sections]


BEFORE = [
    "The key idea: ATTEMPT = REPEATS + ACTION",
    "Limits: A, B and “dial all numbers”",
    "What happens after each status",
    "When a record is closed",
]


def test_the_sections_come_before_the_tips_and_only_when_configured(tmp_path: Path) -> None:
    assert _titles(tmp_path, LIMITS) == [*BEFORE, "Tips"]
    hours = "hours: ru_230fz\n"
    dialer = "dialer: {lines: 2}\n"
    assert _titles(tmp_path, hours + LIMITS) == [*BEFORE, "When calls may start", "Tips"]
    assert _titles(tmp_path, dialer + LIMITS) == [*BEFORE, "Lines", "Tips"]
    assert _titles(tmp_path, hours + dialer + LIMITS) == [
        *BEFORE,
        "When calls may start",
        "Lines",
        "Tips",
    ]
