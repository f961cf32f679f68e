"""Write realistic Russian contact lists for tests and benchmarks, deterministically from a seed.

Each record has one to three phones (mobile 9xx…, Moscow 495/499…) in the columns Телефон 1–3,
sometimes with a gap (Телефон 1 empty, Телефон 2 set), and about 1 % of records have none.

sample_lists/campaign_300.csv is saved as Russian Excel saves a CSV (Windows-1251, `;`, CRLF);
regenerate it with:

    .venv/bin/python benchmarks/make_list.py --count 300 --seed 300 --encoding cp1251 \\
        --delimiter ';' sample_lists/campaign_300.csv

A million rows for the loader benchmark:

    .venv/bin/python benchmarks/make_list.py --count 1000000 /tmp/list_1m.csv

`--regions` writes a list across Russia's time zones instead, for calling hours in the callee's
local time: each record lives in one region (Kaliningrad to Kamchatka, all eleven zones) and
has one to three phones, each a landline with the region's area code or a mobile (9xx…, whose
zone libphonenumber cannot pin); the column Часовой пояс names the region's zone for about 60 %
of records, in mixed notations (Asia/Omsk, UTC+6, +06:00, МСК+3, MSK+3, GMT+6), and is empty
otherwise. About 6 % of records have only mobiles and no zone: only the campaign's zone is left
for them. sample_lists/regions_400.csv (UTF-8, `,`, CRLF) is regenerated with:

    .venv/bin/python benchmarks/make_list.py --regions --count 400 --seed 400 \\
        sample_lists/regions_400.csv
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

HEADER = ("№", "Фамилия", "Имя отчество", "Телефон 1", "Телефон 2", "Телефон 3", "Адрес", "Продукт")
PHONE_COLUMNS = 3
NO_PHONE_SHARE = 0.01
GAP_SHARE = 0.1  # of records with fewer phones than columns, how many leave a gap
PHONE_COUNT_WEIGHTS = (55, 30, 15)  # one, two, three phones
MOBILE_SHARE = 0.7
DELIMITER_NAMES = {",": ",", ";": ";", "tab": "\t", "\t": "\t"}


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Surnames that take -а in the feminine; the ones after them are the same for both.
_SURNAMES = _words(
    "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов "
    "Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев "
    "Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв "
    "Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков "
    "Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров "
    "Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов "
    "Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов"
)
_SURNAMES_SKY = ("Покровский", "Вишневский", "Ковальский", "Заболоцкий", "Трубецкой")
_SURNAMES_SAME = ("Шевченко", "Бондаренко", "Коваленко", "Кравченко", "Дурново", "Черных")
# A father's name with the patronymics it gives a son and a daughter.
_FATHERS = (
    ("Александр", "Александрович", "Александровна"),
    ("Алексей", "Алексеевич", "Алексеевна"),
    ("Андрей", "Андреевич", "Андреевна"),
    ("Анатолий", "Анатольевич", "Анатольевна"),
    ("Борис", "Борисович", "Борисовна"),
    ("Валерий", "Валерьевич", "Валерьевна"),
    ("Василий", "Васильевич", "Васильевна"),
    ("Виктор", "Викторович", "Викторовна"),
    ("Владимир", "Владимирович", "Владимировна"),
    ("Геннадий", "Геннадьевич", "Геннадьевна"),
    ("Дмитрий", "Дмитриевич", "Дмитриевна"),
    ("Евгений", "Евгеньевич", "Евгеньевна"),
    ("Иван", "Иванович", "Ивановна"),
    ("Игорь", "Игоревич", "Игоревна"),
    ("Константин", "Константинович", "Константиновна"),
    ("Михаил", "Михайлович", "Михайловна"),
    ("Николай", "Николаевич", "Николаевна"),
    ("Олег", "Олегович", "Олеговна"),
    ("Павел", "Павлович", "Павловна"),
    ("Пётр", "Петрович", "Петровна"),
    ("Сергей", "Сергеевич", "Сергеевна"),
    ("Юрий", "Юрьевич", "Юрьевна"),
)
_MEN = (*(name for name, _, _ in _FATHERS), "Максим", "Артём", "Роман", "Денис", "Илья", "Кирилл")
_WOMEN = _words(
    "Анна Мария Елена Ольга Наталья Татьяна Ирина Светлана Екатерина Юлия Анастасия Людмила "
    "Галина Марина Надежда Валентина Ксения Дарья Вера Любовь"
)
_CITIES = (
    ("г. Москва", 40),
    ("г. Санкт-Петербург", 12),
    ("г. Новосибирск", 4),
    ("г. Екатеринбург", 4),
    ("г. Казань", 4),
    ("г. Нижний Новгород", 3),
    ("г. Самара", 3),
    ("г. Ростов-на-Дону", 3),
    ("г. Краснодар", 3),
    ("г. Воронеж", 2),
    ("г. Подольск", 2),
    ("г. Химки", 2),
    ("г. Мытищи", 2),
    ("Московская обл., г. Одинцово", 2),
)
_STREETS = (
    "ул. Новая",
    "ул. Ленина",
    "ул. Садовая",
    "ул. Советская",
    "ул. Мира",
    "ул. Гагарина",
    "ул. Лесная",
    "ул. Школьная",
    "ул. Молодёжная",
    "ул. Центральная",
    "ул. Профсоюзная",
    "пр-т Мира",
    "Ленинский пр-т",
    "Варшавское ш.",
    "Цветной б-р",
    "Кривоколенный пер.",
)
_PRODUCTS = (
    "Колл центр",
    "Кредитная карта",
    "Потребительский кредит",
    "Вклад",
    "Страхование",
    "Ипотека",
    "Домашний интернет",
    "Мобильная связь",
    "Доставка",
    "Опрос",
)
_MOBILE_CODES = (
    *range(900, 940),
    *(950, 951, 952, 953, 958, 960, 961, 962, 963, 964, 965, 966, 967, 968, 969, 977, 978),
    *(980, 981, 982, 983, 985, 986, 987, 988, 989, 991, 992, 993, 994, 995, 996, 997, 999),
)
_CITY_CODES = (495, 499)


class Region(NamedTuple):
    """Where a record's person lives: the city in the address, its landlines' area codes, and
    the zone that libphonenumber gives those landlines (a +7 4012 number's `Europe/Bucharest`
    read as Kaliningrad, which keeps no summer time) with its offset from UTC in hours.

    A named tuple, not a dataclass: the tests load this file by its path, outside sys.modules,
    where a dataclass cannot resolve its own module."""

    city: str
    codes: tuple[str, ...]
    zone: str
    utc_hours: int
    weight: int


REGIONS = (
    Region("г. Москва", ("495", "499"), "Europe/Moscow", 3, 30),
    Region("г. Санкт-Петербург", ("812",), "Europe/Moscow", 3, 10),
    Region("г. Калининград", ("4012",), "Europe/Kaliningrad", 2, 4),
    Region("г. Самара", ("846",), "Europe/Samara", 4, 5),
    Region("г. Екатеринбург", ("343",), "Asia/Yekaterinburg", 5, 6),
    Region("г. Омск", ("3812",), "Asia/Omsk", 6, 4),
    Region("г. Новосибирск", ("383",), "Asia/Novosibirsk", 7, 6),
    Region("г. Красноярск", ("391",), "Asia/Krasnoyarsk", 7, 5),
    Region("г. Иркутск", ("3952",), "Asia/Irkutsk", 8, 4),
    Region("г. Якутск", ("4112",), "Asia/Yakutsk", 9, 3),
    Region("г. Владивосток", ("423",), "Asia/Vladivostok", 10, 4),
    Region("г. Хабаровск", ("4212",), "Asia/Vladivostok", 10, 4),
    Region("г. Магадан", ("4132",), "Asia/Magadan", 11, 2),
    Region("г. Петропавловск-Камчатский", ("4152",), "Asia/Kamchatka", 12, 3),
)
REGIONS_HEADER = (
    "№",
    "Фамилия",
    "Имя отчество",
    "Телефон 1",
    "Телефон 2",
    "Телефон 3",
    "Часовой пояс",
    "Адрес",
    "Продукт",
)
LANDLINE_SHARE = 0.45  # of a regional record's phones
# A record with a landline names its zone now and then; one with only mobiles mostly does, or
# the dialer would have nothing but the campaign's zone for it.
ZONE_SHARE_WITH_LANDLINE = 0.45
ZONE_SHARE_MOBILE_ONLY = 0.85
_REGION_WEIGHTS = tuple(region.weight for region in REGIONS)
_CITY_NAMES = tuple(name for name, _ in _CITIES)
_CITY_WEIGHTS = tuple(weight for _, weight in _CITIES)


def _person(rng: random.Random) -> tuple[str, str]:
    """A surname and "first name patronymic", agreeing in gender."""
    woman = rng.random() < 0.5
    _, son, daughter = rng.choice(_FATHERS)
    kind = rng.random()
    if kind < 0.85:
        surname = rng.choice(_SURNAMES) + ("а" if woman else "")
    elif kind < 0.93:
        surname = rng.choice(_SURNAMES_SKY)
        if woman:
            surname = surname[:-2] + "ая"
    else:
        surname = rng.choice(_SURNAMES_SAME)
    first = rng.choice(_WOMEN) if woman else rng.choice(_MEN)
    return surname, f"{first} {daughter if woman else son}"


def _address(rng: random.Random) -> str:
    return _address_in(rng, rng.choices(_CITY_NAMES, _CITY_WEIGHTS)[0])


def _address_in(rng: random.Random, city: str) -> str:
    house = f"д.{rng.randint(1, 120)}"
    if rng.random() < 0.2:
        house += f" к.{rng.randint(1, 5)}"
    if rng.random() < 0.9:
        house += f" кв.{rng.randint(1, 400)}"
    return f"{city}, {rng.choice(_STREETS)} {house}"


def _phone(rng: random.Random) -> str:
    """A Russian 10-digit number without the country code: mobile 9xx… or Moscow 495/499…."""
    if rng.random() < MOBILE_SHARE:
        return f"{rng.choice(_MOBILE_CODES)}{rng.randrange(10_000_000):07d}"
    return f"{rng.choice(_CITY_CODES)}{rng.randrange(1_000_000, 10_000_000)}"


def _phones(rng: random.Random) -> list[str]:
    """Three cells: one to three numbers, now and then with a gap; about 1 % all empty."""
    cells = [""] * PHONE_COLUMNS
    if rng.random() < NO_PHONE_SHARE:
        return cells
    count = rng.choices((1, 2, 3), PHONE_COUNT_WEIGHTS)[0]
    if count < PHONE_COLUMNS and rng.random() < GAP_SHARE:
        places = sorted(rng.sample(range(PHONE_COLUMNS), count))
        if places == list(range(count)):  # a "gap" that happens to be none: shift it right
            places = [place + 1 for place in places]
    else:
        places = list(range(count))
    for place in places:
        cells[place] = _phone(rng)
    return cells


def _landline(rng: random.Random, region: Region) -> str:
    """A 10-digit landline of `region`: an area code and a subscriber number that starts 2–9."""
    code = rng.choice(region.codes)
    digits = 10 - len(code)
    return f"{code}{rng.randrange(2 * 10 ** (digits - 1), 10**digits)}"


def zone_cell(rng: random.Random, region: Region) -> str:
    """The region's zone in one of the notations people write: an IANA name, UTC+5, +05:00,
    МСК+2, MSK+2 or GMT+5 (Moscow itself: МСК, MSK)."""
    hours, moscow = region.utc_hours, region.utc_hours - 3
    from_moscow = f"{moscow:+d}" if moscow else ""
    return rng.choice(
        (
            region.zone,
            f"UTC+{hours}",
            f"+{hours:02d}:00",
            f"МСК{from_moscow}",
            f"MSK{from_moscow}",
            f"GMT+{hours}",
        )
    )


def regional_records(count: int, seed: int) -> Iterator[list[str]]:
    """`count` rows under REGIONS_HEADER, the same for the same seed."""
    rng = random.Random(seed)
    for number in range(1, count + 1):
        surname, name = _person(rng)
        region = rng.choices(REGIONS, _REGION_WEIGHTS)[0]
        phones = []
        landline = False
        for _ in range(rng.choices((1, 2, 3), PHONE_COUNT_WEIGHTS)[0]):
            if rng.random() < LANDLINE_SHARE:
                landline = True
                phones.append(_landline(rng, region))
            else:
                phones.append(f"{rng.choice(_MOBILE_CODES)}{rng.randrange(10_000_000):07d}")
        share = ZONE_SHARE_WITH_LANDLINE if landline else ZONE_SHARE_MOBILE_ONLY
        zone = zone_cell(rng, region) if rng.random() < share else ""
        yield [
            str(number),
            surname,
            name,
            *phones,
            *[""] * (PHONE_COLUMNS - len(phones)),
            zone,
            _address_in(rng, region.city),
            rng.choice(_PRODUCTS),
        ]


def records(count: int, seed: int) -> Iterator[list[str]]:
    """`count` rows under HEADER, the same for the same seed."""
    rng = random.Random(seed)
    for number in range(1, count + 1):
        surname, name = _person(rng)
        yield [
            str(number),
            surname,
            name,
            *_phones(rng),
            _address(rng),
            rng.choice(_PRODUCTS),
        ]


def write_list(
    path: str | Path,
    count: int,
    seed: int,
    encoding: str = "utf-8",
    delimiter: str = ",",
    *,
    regions: bool = False,
) -> None:
    """Write a header and `count` records to `path`, with CRLF line ends as Excel does; the
    regional list with `regions`."""
    with Path(path).open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(REGIONS_HEADER if regions else HEADER)
        writer.writerows(regional_records(count, seed) if regions else records(count, seed))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("output", type=Path, help="the CSV file to write")
    parser.add_argument("--count", type=int, default=1000, help="records to write (1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (0)")
    parser.add_argument("--encoding", default="utf-8", help="utf-8, utf-8-sig or cp1251")
    parser.add_argument(
        "--delimiter", default=",", choices=sorted(DELIMITER_NAMES), help="',', ';' or tab"
    )
    parser.add_argument(
        "--regions", action="store_true", help="records across Russia's zones, with Часовой пояс"
    )
    args = parser.parse_args(argv)
    write_list(
        args.output,
        args.count,
        args.seed,
        args.encoding,
        DELIMITER_NAMES[args.delimiter],
        regions=args.regions,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
