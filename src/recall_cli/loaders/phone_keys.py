"""A phone's identity across records and do-not-call lists, and the cheap bucket that lets
most phones go without it.

Two phones are one when their keys are equal: the E.164 form when libphonenumber finds the
number valid in the config's region, else the text without spaces and punctuation. Reading a
number costs about 15 µs, so phones are first bucketed by their trailing digits, which equal
numbers share, and only phones whose bucket meets another are read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import phonenumbers
from phonenumbers import PhoneMetadata

WINDOW = 7
"""Trailing digits a bucket holds when the region is unknown."""
_PUNCTUATION = b" +()-."
_NOT_DIGITS = re.compile(r"[^0-9]+")
_NOT_DIGITS_OR_BREAK = re.compile(r"[^0-9\n]+")
# A character no plain phone has, or a `+` after a phone's first character.
_ODD_CHARACTER = re.compile(r"[^0-9 +()\-.\n]|(?<!\n)(?<!^)\+").search
# A phone written with digits, blanks and - ( ) . only, maybe after one leading +: its
# digits end with the number's national digits, whichever way libphonenumber reads it.
_PLAIN = re.compile(r"\s*\+?[0-9\s\-().]*")


def phone_key(text: str, region: str) -> str:
    """The phone's identity: E.164 when valid in `region`, else its text without spaces
    and punctuation (letters and digits kept)."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and phonenumbers.is_valid_number(number):
        return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    return "".join(char for char in text if char.isalnum())


def digits(text: str) -> str:
    """The ASCII digits of `text`, in order."""
    return _NOT_DIGITS.sub("", text)


def key_bucket(key: str, window: int) -> str:
    """The bucket of a phone known by its key: the last `window` digits of its E.164 form,
    or of the digits its text holds."""
    return digits(key)[-window:]


@dataclass(slots=True)
class PhoneKeys:
    """Keys and buckets of phones in one region, each distinct phone read at most once.

    A plain phone (digits, blanks, `-`, `(`, `)`, `.`, maybe one leading `+` before the
    region's country code, and not starting with the region's international prefix) ends
    with its national digits however it is written, so its bucket is its own last digits,
    unread; and libphonenumber reads it by its digits and its `+` alone, so two plain phones
    with those equal share one reading. Any other phone (letters, an extension, other
    scripts' digits, a foreign country code) is read at once and bucketed by its key. The
    window is the length of the region's shortest numbers (10 for Russia; 7 for an unknown
    region): every valid number of the region has at least that many national digits, so
    equal keys always share a bucket, and random phones seldom do.
    """

    region: str
    window: int = field(init=False)
    _code: str = field(init=False)
    _prefix: re.Pattern[str] | None = field(init=False)
    _keys: dict[str, str] = field(init=False, default_factory=dict)
    """Keys by text, and of plain phones by their `+` and digits."""

    def __post_init__(self) -> None:
        code = phonenumbers.country_code_for_region(self.region)
        self._code = str(code) if code else ""
        lengths = [
            length
            for name in phonenumbers.region_codes_for_country_code(code)
            if (metadata := PhoneMetadata.metadata_for_region(name)) is not None
            and metadata.general_desc is not None
            for length in metadata.general_desc.possible_length
            if length > 0
        ]
        self.window = min(lengths, default=WINDOW)
        metadata = PhoneMetadata.metadata_for_region(self.region)
        idd = metadata.international_prefix if metadata is not None else None
        self._prefix = re.compile(idd) if idd else None

    def seed(self, text: str, key: str) -> None:
        """Note `text`'s key, found already (a DNC entry's)."""
        self._keys[text] = key

    def key(self, text: str) -> str:
        """The phone's key (see `phone_key`)."""
        found = self._keys.get(text)
        if found is not None:
            return found
        plain = self._plain(text, digits(text)) if _PLAIN.fullmatch(text) else None
        if plain is not None:
            found = self._keys.get(plain)
        if found is None:
            found = phone_key(text, self.region)
            if plain is not None:
                self._keys[plain] = found
        self._keys[text] = found
        return found

    def buckets(self, texts: Sequence[str]) -> list[str]:
        """Each phone's bucket, equal for any two phones with equal keys; the digits of all
        are found at once, in C."""
        joined = "\n".join(texts)
        if _ODD_CHARACTER(joined) is not None:
            found = _NOT_DIGITS_OR_BREAK.sub("", joined).split("\n")
            if len(found) != len(texts):  # a text held a line break
                found = [digits(text) for text in texts]
            return [self._bucket(text, number) for text, number in zip(texts, found, strict=True)]
        # ASCII only: the punctuation is deleted from the bytes at once.
        found = joined.encode("ascii").translate(None, _PUNCTUATION).decode("ascii").split("\n")
        # Plain characters only, `+` only first: the usual list, judged by its digits alone.
        window, code, prefix = self.window, self._code, self._prefix
        literal = prefix.pattern if prefix is not None and prefix.pattern.isdigit() else None
        return [
            number[-window:]
            if (
                (bool(code) and number.startswith(code))
                if text[:1] == "+"
                else (
                    not number.startswith(literal)
                    if literal is not None
                    else prefix is None or prefix.match(number) is None
                )
            )
            else key_bucket(self.key(text), window)
            for text, number in zip(texts, found, strict=True)
        ]

    def _bucket(self, text: str, number: str) -> str:
        if _PLAIN.fullmatch(text) and self._plain(text, number) is not None:
            return number[-self.window :]
        return key_bucket(self.key(text), self.window)

    def _plain(self, text: str, number: str) -> str | None:
        """For a phone whose characters are plain (see the class) and whose digits are
        `number`: what libphonenumber reads it by, or None when it is no plain phone of the
        region (a foreign country code, or the region's international prefix)."""
        if text.startswith("+") or text.lstrip().startswith("+"):
            return "+" + number if self._code and number.startswith(self._code) else None
        if self._prefix is not None and self._prefix.match(number) is not None:
            return None
        return number
