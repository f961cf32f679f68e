"""Phone cells of a list as `phonenumbers` reads them for the campaign's region."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers

from recall_cli.engine import Contact
from recall_cli.loaders.contacts.phone_cells import excel_damaged


@dataclass(frozen=True, slots=True)
class PhoneCell:
    """One non-empty phone cell: `e164` when it is a valid number for the region."""

    contact: Contact
    index: int
    text: str
    e164: str | None
    excel: bool


def e164(text: str, region: str) -> str | None:
    """The number in E.164 when it is valid for `region` (national forms such as 8 916… are
    the library's business, never stripped by hand), else None."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def phone_cells(contacts: tuple[Contact, ...], region: str) -> tuple[PhoneCell, ...]:
    """Every non-empty phone cell, in list order, read once for all the rules that need it."""
    cells: list[PhoneCell] = []
    for contact in contacts:
        for index, text in enumerate(contact.phones):
            if not text:
                continue
            damaged = excel_damaged(text)
            cells.append(
                PhoneCell(contact, index, text, None if damaged else e164(text, region), damaged)
            )
    return tuple(cells)


def known_region(region: str) -> bool:
    return region in phonenumbers.SUPPORTED_REGIONS
