"""Phone identity and the phonebook: numbers written differently are one phone by E.164,
invalid ones by their text, and the buckets never miss a match a reading of every phone finds."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.engine.contact import Contact, no_digit
from recall_cli.engine.phonebook import Phonebook
from recall_cli.loaders.dnc import DncEntry
from recall_cli.loaders.phone_keys import PhoneKeys, phone_key
from recall_cli.loaders.phonebook import build_phonebook, entry_end

MOSCOW = ZoneInfo("Europe/Moscow")


def _entry(phone: str, until: date | None = None, region: str = "RU") -> DncEntry:
    return DncEntry(phone, phone_key(phone, region), until, 1, 1)


def test_one_phone_written_three_ways_is_shared_by_its_e164_form() -> None:
    records = [
        Contact("a", ("+7 916 123-45-67", "")),
        Contact("b", ("8 (916) 123 45 67",)),
        Contact("c", ("4951239000", "79161234567")),
        Contact("d", ("8 916 765 43 21",)),
    ]
    book = build_phonebook(records, "RU", MOSCOW, shared=True)
    assert dict(book.shared) == {
        (0, 0): "+79161234567",
        (1, 0): "+79161234567",
        (2, 1): "+79161234567",
    }
    assert dict(book.listed) == {}
    assert book.phone(0, 0) == book.phone(1, 0) != book.phone(3, 0) == (3, 0)


def test_a_phone_twice_in_one_record_only_is_not_shared() -> None:
    records = [Contact("a", ("89161234567", "+79161234567")), Contact("b", ("89160000000",))]
    assert dict(build_phonebook(records, "RU", MOSCOW, shared=True).shared) == {}


def test_invalid_numbers_compare_by_their_text_without_punctuation() -> None:
    records = [Contact("a", ("12-34",)), Contact("b", ("(12) 34",)), Contact("c", ("1235",))]
    book = build_phonebook(records, "RU", MOSCOW, shared=True)
    assert dict(book.shared) == {(0, 0): "1234", (1, 0): "1234"}


def test_shared_phones_only_when_asked() -> None:
    records = [Contact("a", ("89161234567",)), Contact("b", ("89161234567",))]
    assert dict(build_phonebook(records, "RU", MOSCOW, shared=False).shared) == {}


def test_listed_phones_end_at_the_midnight_after_their_until_day() -> None:
    records = [
        Contact("a", ("+7 916 123-45-67", "8 916 765 43 21")),
        Contact("b", ("nobody", "79167654321")),
        Contact("c", ("89160000000",)),
    ]
    dnc = [_entry("8 (916) 123 45 67", date(2026, 12, 31)), _entry("+79167654321")]
    book = build_phonebook(records, "RU", MOSCOW, shared=False, dnc=dnc)
    end = int(datetime(2027, 1, 1, tzinfo=MOSCOW).timestamp())
    assert dict(book.listed) == {(0, 0): end, (0, 1): None, (1, 1): None}


def test_of_entries_for_one_phone_across_files_the_latest_end_stands() -> None:
    records = [Contact("a", ("89161234567",)), Contact("b", ("89167654321",))]
    dnc = [
        _entry("89161234567", date(2026, 12, 31)),
        _entry("+79161234567", date(2027, 1, 31)),
        _entry("+79167654321", None),
        _entry("89167654321", date(2027, 1, 31)),
    ]
    book = build_phonebook(records, "RU", MOSCOW, shared=False, dnc=dnc)
    assert dict(book.listed) == {
        (0, 0): int(datetime(2027, 2, 1, tzinfo=MOSCOW).timestamp()),
        (1, 0): None,
    }


def test_entry_end_is_local_midnight_and_none_past_the_calendar() -> None:
    assert entry_end(date(2026, 3, 29), ZoneInfo("Europe/Berlin")) == int(
        datetime(2026, 3, 30, tzinfo=ZoneInfo("Europe/Berlin")).timestamp()
    )
    assert entry_end(None, MOSCOW) is None
    assert entry_end(date.max, MOSCOW) is None


def test_the_window_is_the_length_of_the_regions_shortest_numbers() -> None:
    assert PhoneKeys("RU").window == 10
    assert PhoneKeys("DE").window == 4
    assert PhoneKeys("US").window == 7  # some regions of +1 have 7-digit numbers
    assert PhoneKeys("ZZ").window == 7


# Numbers from a small pool, written in the ways lists write them, so that matches are common.
_NATIONAL = ["9161234567", "9167654321", "4951239000", "9161234576", "8121234567"]
_FOREIGN = ["+44 20 7946 0958", "+683 4002", "+354 123 4567", "+1 212 555 0100", "+49 30 1234"]


@st.composite
def _phones(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.sampled_from(_FOREIGN))
    if kind == 1:
        return draw(st.sampled_from(["810 44 20 7946 0958", "8 10 683 4002", "00354 1234567"]))
    if kind == 2:
        return draw(st.text(alphabet="0123456789 -+()x#.", min_size=1, max_size=12))
    number = draw(st.sampled_from(_NATIONAL))
    a, b, c, d = number[:3], number[3:6], number[6:8], number[8:]
    forms = [
        f"+7 {a} {b}-{c}-{d}",
        f"8 ({a}) {b}-{c}-{d}",
        f"8{number}",
        f"7{number}",
        f"+7{number}",
        number,
        f"8 {a} {b} {c} {d} доб. 12",
        f"８{number}",
        f"+7 {a} {b}{c}{d} ext 5",
        f"+7 ({a}) {b}.{c}.{d}",
    ]
    return draw(st.sampled_from(forms))


@st.composite
def _records(draw: st.DrawFn) -> list[Contact]:
    rows = draw(st.lists(st.lists(_phones(), min_size=1, max_size=3), min_size=1, max_size=8))
    return [Contact(str(i), tuple(row)) for i, row in enumerate(rows)]


def _brute(records: list[Contact], region: str, dnc: list[DncEntry]) -> Phonebook:
    """Every phone read: the reference the buckets must agree with."""
    keys = {
        (p, n): phone_key(text, region)
        for p, record in enumerate(records)
        for n, text in enumerate(record.phones)
        if not no_digit(text)
    }
    holders: dict[str, set[int]] = {}
    for (position, _), key in keys.items():
        holders.setdefault(key, set()).add(position)
    shared = {slot: key for slot, key in keys.items() if len(holders[key]) > 1}
    listed_keys = {entry.key for entry in dnc}
    listed: dict[tuple[int, int], int | None] = {
        slot: None for slot, key in keys.items() if key in listed_keys
    }
    return Phonebook(shared, listed)


@settings(max_examples=150, deadline=None)
@given(
    records=_records(),
    dnc=st.lists(_phones(), max_size=5),
    region=st.sampled_from(["RU", "DE", "US", "IS"]),
)
def test_buckets_never_miss_a_match_reading_every_phone_finds(
    records: list[Contact], dnc: list[str], region: str
) -> None:
    entries = [_entry(text, None, region) for text in dnc if not no_digit(text)]
    book = build_phonebook(records, region, MOSCOW, shared=True, dnc=entries)
    expected = _brute(records, region, entries)
    assert dict(book.shared) == dict(expected.shared)
    assert dict(book.listed) == dict(expected.listed)
