"""A list's `Phonebook`: which of its phones other records also hold, and which a do-not-call
list names — found by bucketing phones by their trailing digits and reading only those whose
bucket meets another record's phone or a DNC entry (see `phone_keys`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from types import MappingProxyType

from recall_cli.engine.contact import Contact, no_digit
from recall_cli.engine.phonebook import Phonebook, Slot
from recall_cli.loaders.dnc import DncEntry
from recall_cli.loaders.phone_keys import PhoneKeys, key_bucket


def build_phonebook(
    records: Sequence[Contact],
    region: str,
    zone: tzinfo,
    *,
    shared: bool,
    dnc: Iterable[DncEntry] = (),
) -> Phonebook:
    """The phonebook of `records` in `region`: `shared` phones only when asked (campaign-wide
    stops or phone caps), `listed` ones for the `dnc` entries, whose `until` days end at the
    next midnight in `zone`. A cell with no digit is never dialled and is in neither."""
    keys = PhoneKeys(region)
    entries = tuple(dnc)
    for entry in entries:
        keys.seed(entry.phone, entry.key)
    slots = [
        ((position, number), text)
        for position, record in enumerate(records)
        for number, text in enumerate(record.phones)
        if not no_digit(text)
    ]
    buckets: dict[str, list[tuple[Slot, str]]] = {}
    for slot, bucket in zip(slots, keys.buckets([text for _, text in slots]), strict=True):
        buckets.setdefault(bucket, []).append(slot)
    together = _shared(buckets, keys) if shared else {}
    listed = _listed(buckets, keys, entries, zone) if entries else {}
    return Phonebook(MappingProxyType(together), MappingProxyType(listed))


def _shared(buckets: dict[str, list[tuple[Slot, str]]], keys: PhoneKeys) -> dict[Slot, str]:
    """Each slot whose key another record's slot has too, with that key."""
    found: dict[Slot, str] = {}
    for slots in buckets.values():
        if len(slots) < 2 or len({slot[0] for slot, _ in slots}) < 2:
            continue
        holders: dict[str, list[Slot]] = {}
        for slot, text in slots:
            holders.setdefault(keys.key(text), []).append(slot)
        for key, held in holders.items():
            if len({position for position, _ in held}) > 1:
                found.update(dict.fromkeys(held, key))
    return found


def _listed(
    buckets: dict[str, list[tuple[Slot, str]]],
    keys: PhoneKeys,
    dnc: Sequence[DncEntry],
    zone: tzinfo,
) -> dict[Slot, int | None]:
    """Each slot a DNC entry names, with the Unix second its entry ends (None: never); of
    several entries for one phone, across files too, the latest end stands."""
    ends: dict[str, int | None] = {}
    for entry in dnc:
        end = entry_end(entry.until, zone)
        if entry.key in ends:
            earlier = ends[entry.key]
            end = None if end is None or earlier is None else max(end, earlier)
        ends[entry.key] = end
    wanted: dict[str, list[str]] = {}
    for key in ends:
        wanted.setdefault(key_bucket(key, keys.window), []).append(key)
    found: dict[Slot, int | None] = {}
    for bucket in wanted.keys() & buckets.keys():
        for slot, text in buckets[bucket]:
            key = keys.key(text)
            if key in ends:
                found[slot] = ends[key]
    return dict(sorted(found.items()))


def entry_end(until: date | None, zone: tzinfo) -> int | None:
    """The Unix second an entry through `until` ends: the next midnight in `zone` (None for
    no `until`, or a day the calendar has no next day for)."""
    if until is None or until == date.max:
        return None
    midnight = datetime.combine(until + timedelta(days=1), time(), zone)
    return int(midnight.timestamp())
