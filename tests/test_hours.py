"""Calling hours: windows read from text, and the instants at which a number may be dialled."""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recall_cli.engine.hours import (
    CLOSED,
    PRESETS,
    RU_230FZ,
    US_TCPA,
    WINDOW_FORMAT,
    WINDOW_ORDER,
    WINDOW_TIME,
    WINDOWS_EMPTY,
    WINDOWS_OVERLAP,
    Day,
    Hours,
    LocalTime,
    Window,
    holiday_country,
    make_day,
    parse_window,
)
from recall_cli.simulate.hours import HORIZON_DAYS, OpenHours, public_holidays
from tests.thoroughness import examples

MOSCOW = ZoneInfo("Europe/Moscow")
VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")
NEW_YORK = ZoneInfo("America/New_York")


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> int:
    """An instant written in UTC, so that no expected value leans on zoneinfo's reading."""
    return int(datetime(year, month, day, hour, minute, second, tzinfo=UTC).timestamp())


def hm(text: str) -> Day:
    window = parse_window(text)
    assert isinstance(window, Window)
    return (window,)


def every_day(day: Day) -> Hours:
    return Hours(week=(day, day, day, day, day, day, day))


# The spec's example: weekdays 09–21, Saturday in two parts, Sunday closed.
WEEKDAY = hm("09:00-21:00")
SATURDAY = (Window(600, 840), Window(900, 1080))
EXAMPLE = Hours(week=(WEEKDAY, WEEKDAY, WEEKDAY, WEEKDAY, WEEKDAY, SATURDAY, CLOSED))


# --- windows as text ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:00-21:00", Window(540, 1260)),
        ("9:00-21:00", Window(540, 1260)),
        (" 08:30 - 22:00 ", Window(510, 1320)),
        ("10:00–14:00", Window(600, 840)),
        ("00:00-24:00", Window(0, 1440)),
        ("20:00-24:00", Window(1200, 1440)),
        ("23:59-24:00", Window(1439, 1440)),
    ],
)
def test_a_window_is_read_in_minutes_from_midnight(text: str, expected: Window) -> None:
    assert parse_window(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("09:00", WINDOW_FORMAT),
        ("", WINDOW_FORMAT),
        ("9-21", WINDOW_FORMAT),
        ("09.00-21.00", WINDOW_FORMAT),
        ("09:00-21:00-22:00", WINDOW_FORMAT),
        ("009:00-21:00", WINDOW_FORMAT),
        ("09:0-21:00", WINDOW_FORMAT),
        ("٠٩:٠٠-٢١:٠٠", WINDOW_FORMAT),
        ("25:00-26:00", WINDOW_TIME),
        ("09:60-10:00", WINDOW_TIME),
        ("22:00-24:30", WINDOW_TIME),
        ("21:00-09:00", WINDOW_ORDER),
        ("10:00-10:00", WINDOW_ORDER),
        ("24:00-24:00", WINDOW_ORDER),
    ],
)
def test_a_bad_window_gives_the_key_of_what_is_wrong(text: str, key: str) -> None:
    assert parse_window(text) == key


@pytest.mark.parametrize(("start", "end"), [(-1, 10), (10, 10), (20, 10), (0, 1441)])
def test_a_window_out_of_the_day_is_not_made(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="not a window"):
        Window(start, end)


def test_a_day_is_its_windows_sorted_and_touching_windows_are_allowed() -> None:
    assert make_day([Window(900, 1080), Window(600, 900)]) == (Window(600, 900), Window(900, 1080))
    assert make_day([Window(600, 901), Window(900, 1080)]) == WINDOWS_OVERLAP
    assert make_day([Window(600, 700), Window(600, 700)]) == WINDOWS_OVERLAP
    assert make_day([]) == WINDOWS_EMPTY


def test_a_week_has_seven_days_and_knows_when_it_never_opens() -> None:
    with pytest.raises(ValueError, match="7 days"):
        Hours(week=(WEEKDAY,) * 6)  # type: ignore[arg-type]
    assert every_day(CLOSED).week_closed
    assert not EXAMPLE.week_closed


def test_the_presets() -> None:
    rest = hm("09:00-20:00")
    work = hm("08:00-22:00")
    assert RU_230FZ.week == (work, work, work, work, work, rest, rest)
    assert RU_230FZ.countries == frozenset({"RU"})
    assert RU_230FZ.dates == frozenset()
    assert RU_230FZ.holiday_hours == rest
    assert RU_230FZ.local_time is LocalTime.RECORD
    assert US_TCPA.week == (hm("08:00-21:00"),) * 7
    assert US_TCPA.countries == US_TCPA.dates == frozenset()
    assert US_TCPA.holiday_hours == CLOSED
    assert US_TCPA.local_time is LocalTime.RECORD
    assert dict(PRESETS) == {"ru_230fz": RU_230FZ, "us_tcpa": US_TCPA}
    assert Hours(week=(CLOSED,) * 7).local_time is LocalTime.CAMPAIGN


# --- held until the window opens ------------------------------------------------------------


def test_a_callback_due_at_21_40_moscow_waits_for_nine_next_morning() -> None:
    # Tuesday 1 December 2026, 21:40 MSK (UTC+3) → Wednesday 09:00 MSK.
    assert OpenHours(EXAMPLE).next_open(utc(2026, 12, 1, 18, 40), MOSCOW) == utc(2026, 12, 2, 6)


def test_an_open_moment_is_its_own_opening_to_the_second() -> None:
    moment = utc(2026, 12, 1, 9, 34, 56)
    hours = OpenHours(EXAMPLE)
    assert hours.next_open(moment, MOSCOW) == moment
    assert hours.is_open(moment, MOSCOW)
    assert hours.closes_at(moment, MOSCOW) == utc(2026, 12, 1, 18)


def test_the_window_is_half_open() -> None:
    hours = OpenHours(EXAMPLE)
    assert hours.is_open(utc(2026, 12, 1, 6), MOSCOW)  # 09:00:00
    assert not hours.is_open(utc(2026, 12, 1, 5, 59, 59), MOSCOW)
    assert hours.is_open(utc(2026, 12, 1, 17, 59, 59), MOSCOW)  # 20:59:59
    assert not hours.is_open(utc(2026, 12, 1, 18), MOSCOW)  # 21:00:00
    assert hours.next_open(utc(2026, 12, 1, 18), MOSCOW) == utc(2026, 12, 2, 6)


def test_a_repeat_due_past_friday_closing_waits_for_saturday() -> None:
    # Friday 4 December 2026 21:05 MSK → Saturday 10:00.
    assert OpenHours(EXAMPLE).next_open(utc(2026, 12, 4, 18, 5), MOSCOW) == utc(2026, 12, 5, 7)


def test_saturday_between_its_windows_and_sunday_closed() -> None:
    hours = OpenHours(EXAMPLE)
    # Saturday 14:20 → 15:00; Saturday 18:00 → Monday 09:00; Sunday noon → Monday 09:00.
    assert hours.next_open(utc(2026, 12, 5, 11, 20), MOSCOW) == utc(2026, 12, 5, 12)
    assert hours.closes_at(utc(2026, 12, 5, 8), MOSCOW) == utc(2026, 12, 5, 11)
    assert hours.next_open(utc(2026, 12, 5, 15), MOSCOW) == utc(2026, 12, 7, 6)
    assert hours.next_open(utc(2026, 12, 6, 9), MOSCOW) == utc(2026, 12, 7, 6)


def test_a_closed_moment_closes_at_itself() -> None:
    moment = utc(2026, 12, 6, 9)
    assert OpenHours(EXAMPLE).closes_at(moment, MOSCOW) == moment


def test_the_number_s_own_zone_decides() -> None:
    hours = OpenHours(RU_230FZ)
    # Tuesday 1 December 2026 06:00 UTC: 09:00 in Moscow, 16:00 in Vladivostok (UTC+10).
    assert hours.is_open(utc(2026, 12, 1, 6), MOSCOW)
    assert hours.is_open(utc(2026, 12, 1, 6), VLADIVOSTOK)
    # 12:30 UTC: 15:30 in Moscow, 22:30 in Vladivostok, closed there until 08:00 local.
    assert hours.next_open(utc(2026, 12, 1, 12, 30), MOSCOW) == utc(2026, 12, 1, 12, 30)
    assert hours.next_open(utc(2026, 12, 1, 12, 30), VLADIVOSTOK) == utc(2026, 12, 1, 22)
    # 21:00 UTC Tuesday: midnight in Moscow, 07:00 Wednesday in Vladivostok.
    assert hours.next_open(utc(2026, 12, 1, 21), MOSCOW) == utc(2026, 12, 2, 5)
    assert hours.next_open(utc(2026, 12, 1, 21), VLADIVOSTOK) == utc(2026, 12, 1, 22)


def test_a_fixed_offset_zone() -> None:
    plus_five = timezone(timedelta(hours=5))
    assert OpenHours(EXAMPLE).next_open(utc(2026, 12, 1, 16), plus_five) == utc(2026, 12, 2, 4)


# --- holidays -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # Monday 4 January 2027 08:30 MSK, a public holiday: 09:00, not the weekday's 08:00.
        (utc(2027, 1, 4, 5, 30), utc(2027, 1, 4, 6)),
        # Friday 8 January 2027 20:30, still a holiday (closes 20:00) → Saturday 9th 09:00.
        (utc(2027, 1, 8, 17, 30), utc(2027, 1, 9, 6)),
        # Monday 11 January 2027 08:30: the holidays are over, the weekday is open.
        (utc(2027, 1, 11, 5, 30), utc(2027, 1, 11, 5, 30)),
        # Thursday 31 December 2026 07:00: a day off moved from Sunday 4 January.
        (utc(2026, 12, 31, 4), utc(2026, 12, 31, 6)),
        # Monday 22 February 2027 21:30: a day off moved from 20 February → Tuesday 23rd,
        # Defender of the Fatherland Day, 09:00.
        (utc(2027, 2, 22, 18, 30), utc(2027, 2, 23, 6)),
        # Wednesday 24 February 2027 08:00: an ordinary weekday again.
        (utc(2027, 2, 24, 5), utc(2027, 2, 24, 5)),
    ],
)
def test_russian_public_holidays_under_ru_230fz(moment: int, expected: int) -> None:
    assert OpenHours(RU_230FZ).next_open(moment, MOSCOW) == expected


def test_a_holiday_is_the_local_date_in_the_number_s_zone() -> None:
    # 31 December 2026 22:30 UTC is 1 January 2027 08:30 in Vladivostok (a holiday, opens 09:00)
    # and still 31 December 01:30 in Moscow (a day off too, opens 09:00 MSK).
    hours = OpenHours(RU_230FZ)
    assert hours.next_open(utc(2026, 12, 31, 22, 30), VLADIVOSTOK) == utc(2026, 12, 31, 23)
    # Tuesday 23 February 2027 23:30 UTC is Wednesday 24th 09:30 in Vladivostok: a weekday.
    assert hours.is_open(utc(2027, 2, 23, 23, 30), VLADIVOSTOK)
    # …while in Moscow it is 02:30 on the 24th, closed until 08:00.
    assert hours.next_open(utc(2027, 2, 23, 23, 30), MOSCOW) == utc(2027, 2, 24, 5)


def test_the_library_s_calendar_holds_the_substituted_days() -> None:
    days = public_holidays("RU", 2027)
    assert {date(2027, 1, day) for day in range(1, 9)} <= days
    assert date(2027, 2, 22) in days
    assert date(2027, 1, 11) not in days
    assert holiday_country("RU")
    assert holiday_country("NO")
    assert not holiday_country("XX")


def test_an_explicit_holiday_date_uses_holiday_hours() -> None:
    hours = Hours(
        week=EXAMPLE.week, dates=frozenset({date(2026, 12, 29)}), holiday_hours=hm("10:00-12:00")
    )
    resolver = OpenHours(hours)
    # Tuesday 29 December 2026 09:30 MSK → 10:00; at 12:00 → Wednesday 09:00.
    assert resolver.next_open(utc(2026, 12, 29, 6, 30), MOSCOW) == utc(2026, 12, 29, 7)
    assert resolver.closes_at(utc(2026, 12, 29, 7), MOSCOW) == utc(2026, 12, 29, 9)
    assert resolver.next_open(utc(2026, 12, 29, 9), MOSCOW) == utc(2026, 12, 30, 6)


def test_holiday_hours_are_closed_by_default() -> None:
    hours = Hours(week=EXAMPLE.week, dates=frozenset({date(2026, 12, 29)}))
    # Monday 28 December 21:00 → Wednesday 30th 09:00: Tuesday is a holiday, closed.
    assert OpenHours(hours).next_open(utc(2026, 12, 28, 18), MOSCOW) == utc(2026, 12, 30, 6)


def test_holidays_are_asked_once_per_country_and_year_and_only_when_needed() -> None:
    asked: list[tuple[str, int]] = []

    def holidays_for(country: str, year: int) -> Collection[date]:
        asked.append((country, year))
        return {date(2027, 1, 1)}

    hours = Hours(week=EXAMPLE.week, countries=frozenset({"XX"}))
    resolver = OpenHours(hours, holidays_for)
    assert asked == []
    for hour in range(0, 24 * 20, 5):
        resolver.next_open(utc(2026, 12, 20) + hour * 3600, MOSCOW)
    resolver.next_open(utc(2026, 12, 20), VLADIVOSTOK)
    assert sorted(set(asked)) == [("XX", 2026), ("XX", 2027)]
    assert len(asked) == 2
    # Friday 1 January 2027 is a holiday under the injected calendar, closed all day: Thursday
    # 21:00 → Saturday 10:00.
    assert resolver.next_open(utc(2026, 12, 31, 18), MOSCOW) == utc(2027, 1, 2, 7)


# --- daylight saving and 24:00 --------------------------------------------------------------


def test_a_window_starting_in_the_spring_forward_gap_opens_after_it() -> None:
    # Sunday 8 March 2026, New York: 02:00 EST jumps to 03:00 EDT. 02:30 is read as 02:30 EST,
    # which is 03:30 EDT (07:30 UTC).
    hours = OpenHours(every_day(hm("02:30-04:00")))
    assert hours.next_open(utc(2026, 3, 8, 5), NEW_YORK) == utc(2026, 3, 8, 7, 30)
    assert hours.closes_at(utc(2026, 3, 8, 7, 30), NEW_YORK) == utc(2026, 3, 8, 8)
    # The day before, the same window is 02:30 EST (07:30 UTC); the day after, 02:30 EDT.
    assert hours.next_open(utc(2026, 3, 7, 5), NEW_YORK) == utc(2026, 3, 7, 7, 30)
    assert hours.next_open(utc(2026, 3, 9, 5), NEW_YORK) == utc(2026, 3, 9, 6, 30)


def test_a_window_inside_the_gap_moves_an_hour_later() -> None:
    hours = OpenHours(every_day(hm("02:10-02:50")))
    assert hours.next_open(utc(2026, 3, 8, 5), NEW_YORK) == utc(2026, 3, 8, 7, 10)
    assert hours.closes_at(utc(2026, 3, 8, 7, 10), NEW_YORK) == utc(2026, 3, 8, 7, 50)


def test_a_window_ending_in_the_gap_runs_on_as_long_as_the_gap() -> None:
    # 01:00 EST to 02:30 "EST" = 03:30 EDT: open until 07:30 UTC.
    hours = OpenHours(every_day(hm("01:00-02:30")))
    assert hours.closes_at(utc(2026, 3, 8, 6), NEW_YORK) == utc(2026, 3, 8, 7, 30)


def test_a_window_from_inside_the_gap_to_its_far_side_is_not_open_that_day() -> None:
    # 02:30 → 03:30 EDT, 03:15 → 03:15 EDT: an empty interval; the next opening is Monday's
    # 02:30 EDT (06:30 UTC).
    hours = OpenHours(every_day(hm("02:30-03:15")))
    assert hours.next_open(utc(2026, 3, 8, 5), NEW_YORK) == utc(2026, 3, 9, 6, 30)


def test_a_window_in_the_repeated_hour_opens_at_its_first_occurrence() -> None:
    # Sunday 1 November 2026, New York: 02:00 EDT falls back to 01:00 EST. 01:00–01:30 is
    # read in EDT, the first time round: 05:00–05:30 UTC. The second 01:00 (06:00 UTC) is not
    # open; the next opening is Monday's 01:00 EST.
    hours = OpenHours(every_day(hm("01:00-01:30")))
    assert hours.next_open(utc(2026, 11, 1, 4), NEW_YORK) == utc(2026, 11, 1, 5)
    assert hours.closes_at(utc(2026, 11, 1, 5), NEW_YORK) == utc(2026, 11, 1, 5, 30)
    assert not hours.is_open(utc(2026, 11, 1, 6, 10), NEW_YORK)
    assert hours.next_open(utc(2026, 11, 1, 5, 30), NEW_YORK) == utc(2026, 11, 2, 6)


def test_a_window_across_the_repeated_hour_is_open_for_both() -> None:
    # 00:30 EDT to 02:00 EST: two and a half hours.
    hours = OpenHours(every_day(hm("00:30-02:00")))
    assert hours.closes_at(utc(2026, 11, 1, 4, 30), NEW_YORK) == utc(2026, 11, 1, 7)


def test_24_00_ends_a_window_at_the_next_midnight() -> None:
    hours = OpenHours(every_day(hm("20:00-24:00")))
    # 23:59:59 MSK Tuesday is open; it closes at midnight (21:00 UTC).
    assert hours.is_open(utc(2026, 12, 1, 20, 59, 59), MOSCOW)
    assert hours.closes_at(utc(2026, 12, 1, 20), MOSCOW) == utc(2026, 12, 1, 21)
    assert hours.next_open(utc(2026, 12, 1, 21), MOSCOW) == utc(2026, 12, 2, 17)


def test_windows_that_meet_at_midnight_are_one_opening() -> None:
    evening, morning = Window(1200, 1440), Window(0, 120)
    hours = OpenHours(every_day((morning, evening)))
    # Open from 20:00 through midnight to 02:00 MSK.
    assert hours.closes_at(utc(2026, 12, 1, 17), MOSCOW) == utc(2026, 12, 1, 23)
    assert hours.is_open(utc(2026, 12, 1, 21), MOSCOW)


# --- calendars that never open, or never close ----------------------------------------------


def test_a_closed_week_has_no_opening() -> None:
    hours = OpenHours(every_day(CLOSED))
    moment = utc(2026, 12, 1)
    assert hours.next_open(moment, MOSCOW) is None
    assert not hours.is_open(moment, MOSCOW)
    assert hours.closes_at(moment, MOSCOW) == moment


def test_a_closed_week_opens_on_a_holiday_within_the_horizon() -> None:
    holiday = date(2026, 12, 1) + timedelta(days=HORIZON_DAYS - 2)
    hours = Hours(week=every_day(CLOSED).week, dates=frozenset({holiday}), holiday_hours=WEEKDAY)
    opens = OpenHours(hours).next_open(utc(2026, 12, 1), MOSCOW)
    assert opens == utc(holiday.year, holiday.month, holiday.day, 6)


def test_a_week_open_round_the_clock_never_closes() -> None:
    hours = OpenHours(every_day(hm("00:00-24:00")))
    moment = utc(2026, 12, 1, 12)
    assert hours.next_open(moment, MOSCOW) == moment
    assert hours.closes_at(moment, MOSCOW) is None


def test_a_round_the_clock_week_closes_for_a_holiday() -> None:
    hours = Hours(week=every_day(hm("00:00-24:00")).week, dates=frozenset({date(2026, 12, 3)}))
    assert OpenHours(hours).closes_at(utc(2026, 12, 1, 12), MOSCOW) == utc(2026, 12, 2, 21)


# --- the property ---------------------------------------------------------------------------

ZONES: tuple[tzinfo, ...] = (
    MOSCOW,
    NEW_YORK,
    ZoneInfo("Australia/Lord_Howe"),  # half-hour summer time
    ZoneInfo("America/Santiago"),  # changes at local midnight
    ZoneInfo("Pacific/Kiritimati"),  # UTC+14
    timezone(timedelta(hours=5, minutes=45)),
)
# 2026 and 2027: every zone above changes its clocks at least once in this span.
FIRST, LAST = utc(2026, 1, 1), utc(2028, 1, 1)


@st.composite
def days(draw: st.DrawFn) -> Day:
    cuts = draw(st.lists(st.integers(0, 1440), min_size=0, max_size=6, unique=True))
    cuts.sort()
    if len(cuts) % 2:
        cuts.pop()
    return tuple(Window(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2))


@st.composite
def calendars(draw: st.DrawFn) -> Hours:
    week = tuple(draw(days()) for _ in range(7))
    holidays = draw(st.lists(st.dates(date(2025, 12, 30), date(2028, 1, 2)), max_size=8))
    return Hours(
        week=week,  # type: ignore[arg-type]
        dates=frozenset(holidays),
        holiday_hours=draw(days()),
    )


def reference_intervals(hours: Hours, zone: tzinfo, around: int) -> list[tuple[int, int]]:
    """Every window of the local dates near `around` as instants, read one by one with
    `datetime(..., fold=0)`, neither merged nor cached."""
    today = datetime.fromtimestamp(around, zone).date()
    intervals = []
    for offset in range(-2, 10):
        local = today + timedelta(days=offset)
        windows = hours.holiday_hours if local in hours.dates else hours.week[local.weekday()]
        for window in windows:
            bounds = []
            for minute in (window.start, window.end):
                day = local + timedelta(days=minute // 1440)
                wall = datetime(day.year, day.month, day.day, minute % 1440 // 60, minute % 60)
                bounds.append(int(wall.replace(tzinfo=zone).timestamp()))
            intervals.append((bounds[0], bounds[1]))
    return intervals


def open_in(intervals: list[tuple[int, int]], moment: int) -> bool:
    return any(start <= moment < end for start, end in intervals)


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calendars(), st.sampled_from(ZONES), st.integers(FIRST, LAST))
def test_next_open_is_the_first_open_instant(hours: Hours, zone: tzinfo, moment: int) -> None:
    resolver = OpenHours(hours)
    intervals = reference_intervals(hours, zone, moment)
    opens = resolver.next_open(moment, zone)
    # Eight days ahead covers a week and a holiday; nothing later is needed to check it.
    limit = moment + 8 * 86_400
    if opens is None:
        assert not any(open_in(intervals, t) for t in range(moment, limit, 60))
        return
    assert opens >= moment
    assert resolver.is_open(opens, zone)
    if opens > limit:
        assert not any(open_in(intervals, t) for t in range(moment, limit, 60))
        return
    assert open_in(intervals, opens)
    first_minute = moment - moment % 60
    assert not open_in(intervals, moment) or opens == moment
    assert not any(open_in(intervals, t) for t in range(first_minute + 60, opens, 60))
    closes = resolver.closes_at(opens, zone)
    if closes is not None and closes <= limit:
        assert closes > opens
        assert not open_in(intervals, closes)
        assert all(open_in(intervals, t) for t in range(opens, closes, 60))
