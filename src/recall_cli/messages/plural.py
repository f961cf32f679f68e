"""CLDR plural categories for the languages we ship, and the `{n|one|few|many}` syntax."""

from __future__ import annotations

import re
from collections.abc import Mapping

_PLURAL = re.compile(r"\{(\w+)\|([^{}]*)\}")


def plural_index(lang: str, value: float) -> int:
    """The index of the plural form for `value`: en one/other; ru one/few/many/other (CLDR)."""
    whole = float(value).is_integer()
    if lang == "ru":
        if not whole:
            return 3
        n = abs(int(value))
        if n % 10 == 1 and n % 100 != 11:
            return 0
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return 1
        return 2
    return 0 if whole and abs(value) == 1 else 1


def apply_plurals(template: str, lang: str, params: Mapping[str, object]) -> str:
    """Replace each `{name|form|form…}` with the form CLDR picks for `params[name]`.

    A Russian template lists one/few/many and may add the fractional `other`; when it does not,
    fractions take the `few` form (1,5 часа). English lists one/other.
    """

    def pick(match: re.Match[str]) -> str:
        value = params[match.group(1)]
        assert isinstance(value, int | float), match.group(1)
        forms = match.group(2).split("|")
        index = plural_index(lang, value)
        if index >= len(forms):
            index = 1
        return forms[index]

    return _PLURAL.sub(pick, template)
