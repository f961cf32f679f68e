"""A list's `Phonebook`: which of its phones other records also hold, and which a do-not-call
list names — found by bucketing phones by their trailing digits and reading only those whose
bucket meets another record's phone or a DNC entry (see `phone_keys`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from itertools import chain
from types import MappingProxyType

from recall_cli.engine.contact import Contact
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
    ends = _ends(entries, zone)
    texts = list(chain.from_iterable(record.phones for record in records))
    found = keys.buckets(texts)
    # Most phones meet nothing: only the buckets that several phones or a DNC entry share
    # are gathered, counted in C first.
    wanted = {bucket for bucket, count in Counter(found).items() if count > 1} if shared else set()
    wanted |= {key_bucket(key, keys.window) for key in ends}
    wanted.discard("")  # cells with no digit: never dialled
    slot = _slots(records)
    buckets: dict[str, list[tuple[Slot, str]]] = {}
    for index in [index for index, bucket in enumerate(found) if bucket in wanted]:
        buckets.setdefault(found[index], []).append((slot(index), texts[index]))
    together = _shared(buckets, keys) if shared else {}
    listed = _listed(buckets, keys, ends)
    return Phonebook(MappingProxyType(together), MappingProxyType(listed))


def _slots(records: Sequence[Contact]) -> Callable[[int], Slot]:
    """The slot of each phone cell by its index among all records' cells, in order."""
    widths = {len(record.phones) for record in records}
    if len(widths) == 1:  # a loaded list: every record has a cell for each phone column
        (width,) = widths
        return lambda index: divmod(index, width)
    cells = [(p, n) for p, record in enumerate(records) for n in range(len(record.phones))]
    return cells.__getitem__


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


def _ends(dnc: Sequence[DncEntry], zone: tzinfo) -> dict[str, int | None]:
    """When each listed phone's entry ends (None: never); of several entries for one phone,
    across files too, the latest end stands."""
    ends: dict[str, int | None] = {}
    for entry in dnc:
        end = entry_end(entry.until, zone)
        if entry.key in ends:
            earlier = ends[entry.key]
            end = None if end is None or earlier is None else max(end, earlier)
        ends[entry.key] = end
    return ends


def _listed(
    buckets: dict[str, list[tuple[Slot, str]]], keys: PhoneKeys, ends: dict[str, int | None]
) -> dict[Slot, int | None]:
    """Each slot whose phone a DNC entry names, with the second its entry ends."""
    found: dict[Slot, int | None] = {}
    for slots in buckets.values():
        for slot, text in slots:
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
