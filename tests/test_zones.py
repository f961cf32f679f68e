"""Local time per number: zone cells, libphonenumber's zone of a number, and a record's zones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest

from recall_cli.simulate import zones
from recall_cli.simulate.zones import (
    ZONE_RANGE,
    ZONE_UNKNOWN,
    PhoneZones,
    RecordZones,
    parse_zone_cell,
    phone_zone,
    record_zones,
)

MOSCOW = ZoneInfo("Europe/Moscow")
VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")
CAMPAIGN = ZoneInfo("Asia/Yekaterinburg")
MOSCOW_LANDLINE = "+7 495 123-45-67"
VLADIVOSTOK_LANDLINE = "+7 423 212-34-56"
MOBILE = "+7 916 123-45-67"
KALININGRAD_LANDLINE = "+7 4012 12-34-56"
US_NUMBER = "+1 212 555 1234"


def offset(hours: int, minutes: int = 0) -> timezone:
    sign = -1 if hours < 0 else 1
    return timezone(sign * timedelta(hours=abs(hours), minutes=minutes))


# --- zone cells -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Europe/Moscow", MOSCOW),
        ("  Asia/Vladivostok ", VLADIVOSTOK),
        ("europe/moscow", MOSCOW),
        ("AMERICA/NEW_YORK", ZoneInfo("America/New_York")),
        ("Etc/GMT+5", ZoneInfo("Etc/GMT+5")),
        ("UTC", UTC),
        ("utc", UTC),
        ("GMT", UTC),
        ("MSK", offset(3)),
        ("мск", offset(3)),
        ("UTC+5", offset(5)),
        ("UTC+05", offset(5)),
        ("utc+05:00", offset(5)),
        ("UTC + 5", offset(5)),
        ("UTC−5", offset(-5)),
        ("UTC+0", UTC),
        ("GMT-3:30", offset(-3, 30)),
        ("gmt-0330", offset(-3, 30)),
        ("+05:00", offset(5)),
        ("+5", offset(5)),
        ("-03:30", offset(-3, 30)),
        ("+0545", offset(5, 45)),
        ("МСК+4", offset(7)),
        ("мск+4", offset(7)),
        ("MSK+4", offset(7)),
        ("msk+4", offset(7)),
        ("MSK-1", offset(2)),
        ("MSK+9", offset(12)),
        ("MSK+11", offset(14)),
        ("UTC+14", offset(14)),
        ("UTC-14:00", offset(-14)),
        ("MSK-17", offset(-14)),
    ],
)
def test_a_zone_cell_in_every_notation(text: str, expected: tzinfo) -> None:
    zone = parse_zone_cell(text)
    assert zone == expected
    moment = datetime(2026, 7, 1, tzinfo=UTC)
    assert isinstance(zone, tzinfo)
    assert zone.utcoffset(moment) == expected.utcoffset(moment)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", ZONE_UNKNOWN),
        ("   ", ZONE_UNKNOWN),
        ("Mars/Olympus_Mons", ZONE_UNKNOWN),
        ("Europe", ZONE_UNKNOWN),
        ("../../etc/passwd", ZONE_UNKNOWN),
        ("/usr/share/zoneinfo/UTC", ZONE_UNKNOWN),
        ("zone1970.tab", ZONE_UNKNOWN),
        ("UTC+", ZONE_UNKNOWN),
        ("UTC+5:60", ZONE_UNKNOWN),
        ("UTC+5:3", ZONE_UNKNOWN),
        ("UTC+123", ZONE_UNKNOWN),
        ("5", ZONE_UNKNOWN),
        ("MSK4", ZONE_UNKNOWN),
        ("Moscow", ZONE_UNKNOWN),
        ("UTC+٥", ZONE_UNKNOWN),
        ("Europe/Moscow" * 10, ZONE_UNKNOWN),
        ("UTC+14:01", ZONE_RANGE),
        ("UTC+15", ZONE_RANGE),
        ("-14:30", ZONE_RANGE),
        ("MSK+12", ZONE_RANGE),
        ("MSK-18", ZONE_RANGE),
    ],
)
def test_a_zone_cell_that_names_no_zone(text: str, key: str) -> None:
    assert parse_zone_cell(text) == key


# --- a number's zone ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phone", "region", "expected"),
    [
        (MOSCOW_LANDLINE, "RU", "Europe/Moscow"),
        ("8 (495) 123-45-67", "RU", "Europe/Moscow"),
        (VLADIVOSTOK_LANDLINE, "RU", "Asia/Vladivostok"),
        (KALININGRAD_LANDLINE, "RU", "Europe/Kaliningrad"),
        (MOBILE, "RU", None),
        (US_NUMBER, "RU", "America/New_York"),
        ("(650) 253-0000", "US", "America/Los_Angeles"),
        # A Bucharest number stays in Bucharest: only +7's Bucharest means Kaliningrad.
        ("+40 21 123 4567", "RU", "Europe/Bucharest"),
        ("+7 123", "RU", None),
        ("not a phone", "RU", None),
        ("", "RU", None),
        ("495 123-45-67", "ZZ", None),
    ],
)
def test_a_number_s_zone(phone: str, region: str, expected: str | None) -> None:
    assert phone_zone(phone, region) == expected


def test_phone_zones_keeps_its_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, str]] = []
    real = zones.phone_zone

    def counting(phone: str, region: str) -> str | None:
        asked.append((phone, region))
        return real(phone, region)

    monkeypatch.setattr(zones, "phone_zone", counting)
    lookup = PhoneZones()
    national = "8 (495) 123-45-67"
    assert [lookup(phone, "RU") for phone in (national, MOBILE, national)] == [
        "Europe/Moscow",
        None,
        "Europe/Moscow",
    ]
    # The same text read in another region is another number.
    assert lookup(national, "US") is None
    assert asked == [(national, "RU"), (MOBILE, "RU"), (national, "US")]


# --- a record's zones -----------------------------------------------------------------------


def test_the_cell_decides_for_every_number() -> None:
    plus_seven = offset(7)
    assert record_zones(plus_seven, [MOSCOW_LANDLINE, MOBILE, ""], "RU", CAMPAIGN) == (
        RecordZones((plus_seven, plus_seven, plus_seven), plus_seven, 0)
    )


def test_a_mobile_lives_where_the_landline_does() -> None:
    assert record_zones(None, [MOBILE, VLADIVOSTOK_LANDLINE], "RU", CAMPAIGN) == RecordZones(
        (VLADIVOSTOK, VLADIVOSTOK), VLADIVOSTOK, 0
    )


def test_a_landline_in_the_campaign_zone_still_pins_the_record() -> None:
    assert record_zones(None, [MOSCOW_LANDLINE, MOBILE], "RU", MOSCOW) == RecordZones(
        (MOSCOW, MOSCOW), MOSCOW, 0
    )


def test_numbers_that_agree_on_nothing_fall_back_to_the_campaign_zone() -> None:
    assert record_zones(None, [MOBILE, "", MOBILE], "RU", CAMPAIGN) == RecordZones(
        (CAMPAIGN, CAMPAIGN, CAMPAIGN), CAMPAIGN, 2
    )


def test_landlines_in_two_zones_keep_their_own_and_the_mobile_falls_back() -> None:
    phones = [MOSCOW_LANDLINE, VLADIVOSTOK_LANDLINE, MOBILE]
    assert record_zones(None, phones, "RU", CAMPAIGN) == RecordZones(
        (MOSCOW, VLADIVOSTOK, CAMPAIGN), CAMPAIGN, 1
    )


def test_two_landlines_in_one_zone_agree() -> None:
    phones = [MOBILE, KALININGRAD_LANDLINE, "+7 4012 65-43-21"]
    kaliningrad = ZoneInfo("Europe/Kaliningrad")
    assert record_zones(None, phones, "RU", CAMPAIGN) == RecordZones(
        (kaliningrad, kaliningrad, kaliningrad), kaliningrad, 0
    )


def test_a_record_without_numbers_is_in_the_campaign_zone() -> None:
    assert record_zones(None, [], "RU", CAMPAIGN) == RecordZones((), CAMPAIGN, 0)
    assert record_zones(None, ["", ""], "RU", CAMPAIGN) == RecordZones(
        (CAMPAIGN, CAMPAIGN), CAMPAIGN, 0
    )


def test_a_zone_this_tzdata_does_not_know_pins_nothing() -> None:
    def lookup(phone: str, region: str) -> str | None:
        return "Nowhere/Atlantis" if phone == "1" else "Europe/Moscow"

    assert record_zones(None, ["1", "2"], "RU", CAMPAIGN, lookup) == RecordZones(
        (MOSCOW, MOSCOW), MOSCOW, 0
    )
    assert record_zones(None, ["1"], "RU", CAMPAIGN, lookup) == RecordZones(
        (CAMPAIGN,), CAMPAIGN, 1
    )
