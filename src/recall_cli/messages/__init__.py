"""Every message meant for people, keyed by id, in each language we ship.

A language is a package beside this file (`en/`, `ru/`) whose `CATALOG` maps the same keys
to templates: `{name}` fills a value, `{name|form|form|…}` picks the CLDR plural form.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cache
from importlib import import_module

from recall_cli.messages.plural import apply_plurals
from recall_cli.messages.visible import visible


class Lang(StrEnum):
    EN = "en"
    RU = "ru"


_LANGS = frozenset(Lang)


@cache
def _catalog(lang: Lang) -> Mapping[str, str]:
    catalog: Mapping[str, str] = import_module(f"recall_cli.messages.{lang.value}").CATALOG
    return catalog


class _Catalogs(Mapping[Lang, Mapping[str, str]]):
    """Each language's catalog, imported when first read: a run that has nothing to tell
    people reads none."""

    def __getitem__(self, lang: Lang) -> Mapping[str, str]:
        if lang not in _LANGS:
            raise KeyError(lang)
        return _catalog(Lang(lang))

    def __iter__(self) -> Iterator[Lang]:
        return iter(Lang)

    def __len__(self) -> int:
        return len(Lang)


CATALOGS: Mapping[Lang, Mapping[str, str]] = _Catalogs()


@dataclass(frozen=True, slots=True)
class Message:
    """A message id with its values, rendered in a language only at the edge."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def render(self, lang: Lang = Lang.EN) -> str:
        return text(lang, self.key, **self.params)


def text(lang: Lang, key: str, /, **params: object) -> str:
    """The message `key` in `lang`, filled with `params`.

    Text values come from users' files (names, ids, labels, cells) and are shown through
    `visible`: no message, whatever it is printed on, carries a raw control character.
    """
    template = CATALOGS[lang][key]
    values = {k: _value(lang, v) for k, v in params.items()}
    return apply_plurals(template, lang.value, values).format(**values)


def _value(lang: Lang, value: object) -> object:
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, str):
        return visible(value)
    return value


def number(lang: Lang, value: float) -> str:
    """A number as people of `lang` write it: 1.5 / 1,5; whole numbers without a point."""
    if float(value).is_integer():
        shown = str(int(value))
    else:
        # The shortest digits that read back as `value`, never in exponent form: `:g` would
        # print 1000000.5 as 1e+06 and 100000.5 as 100000, a whole number in a fraction's form.
        shown = format(Decimal(repr(float(value))), "f")
    return shown.replace(".", ",") if lang is Lang.RU else shown


def detect_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """Russian for a Russian locale in LC_ALL, LC_MESSAGES or LANG (first set wins), else
    English."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return Lang.RU if value.lower().startswith("ru") else Lang.EN
    return Lang.EN
