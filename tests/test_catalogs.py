"""Every message exists in every language, with the same values to fill and well-formed plurals."""

from __future__ import annotations

import re
import string
from types import ModuleType

import pytest

from recall_cli.messages import CATALOGS, Lang, en, ru, text

AREAS = ("contacts", "core", "explain", "outcomes", "simulate", "validate")
_PLURAL = re.compile(r"\{(\w+)\|([^{}]*)\}")
# Forms a `{n|…}` lists: English one/other; Russian one/few/many, optionally the fraction's other.
FORMS = {Lang.EN: (2,), Lang.RU: (3, 4)}


def _area(package: ModuleType, area: str) -> dict[str, str]:
    module = getattr(package, area)
    messages: dict[str, str] = module.MESSAGES
    return messages


def _fields(template: str) -> set[str]:
    """The values a template writes out; a value that only picks a plural form is not one (an
    English "{shown}-hour wait" needs no form where Russian says "{shown} {hours|час|…}")."""
    plain = _PLURAL.sub("", template)
    return {name for _, name, _, _ in string.Formatter().parse(plain) if name}


def _all_fields(template: str) -> set[str]:
    plain = _PLURAL.sub(lambda match: "{" + match.group(1) + "}", template)
    return {name for _, name, _, _ in string.Formatter().parse(plain) if name}


@pytest.mark.parametrize("area", AREAS)
def test_every_key_is_in_every_language(area: str) -> None:
    assert set(_area(en, area)) == set(_area(ru, area))


def test_catalogs_hold_the_same_keys() -> None:
    assert set(CATALOGS[Lang.EN]) == set(CATALOGS[Lang.RU])


def test_no_key_is_defined_by_two_areas() -> None:
    seen: dict[str, str] = {}
    for area in AREAS:
        for key in _area(en, area):
            assert key not in seen, f"{key} is in {seen.get(key)} and {area}"
            seen[key] = area


@pytest.mark.parametrize("key", sorted(CATALOGS[Lang.EN]))
def test_languages_fill_the_same_values(key: str) -> None:
    # Russian status names are the engine's labels ({label}); English adds its own name.
    english, russian = _fields(CATALOGS[Lang.EN][key]), _fields(CATALOGS[Lang.RU][key])
    if key.startswith("explain.status."):
        assert russian == {"label"}
        assert english <= {"label"}
        return
    if key in {"explain.status_full", "explain.status_ids"}:
        assert russian <= english
        return
    assert english == russian


@pytest.mark.parametrize("lang", list(Lang))
def test_plural_forms_are_complete(lang: Lang) -> None:
    for key, template in CATALOGS[lang].items():
        for match in _PLURAL.finditer(template):
            forms = match.group(2).split("|")
            assert len(forms) in FORMS[lang], f"{lang}: {key}: {match.group(0)}"
            assert all(forms), f"{lang}: {key}: an empty form in {match.group(0)}"


@pytest.mark.parametrize("lang", list(Lang))
def test_every_explain_message_renders(lang: Lang) -> None:
    for key, template in CATALOGS[lang].items():
        if not key.startswith("explain."):
            continue
        values: dict[str, object] = dict.fromkeys(_all_fields(template), 2)
        rendered = text(lang, key, **values)
        assert "{" not in rendered, f"{lang}: {key}: {rendered}"


def test_russian_explain_catalog_is_russian() -> None:
    # English left untranslated in the Russian catalog: every sentence holds Cyrillic.
    latin_only = [
        key
        for key, template in _area(ru, "explain").items()
        if re.search("[a-z]{4}", re.sub(r"\{[^{}]*\}", "", template), re.IGNORECASE)
        and not re.search("[а-яё]", template, re.IGNORECASE)
    ]
    assert latin_only == []
