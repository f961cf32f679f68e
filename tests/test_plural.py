"""CLDR plural forms and the Russian grammar of the explain catalog, over telling numbers."""

from __future__ import annotations

import pytest

from recall_cli.explain.words import Words
from recall_cli.messages import Lang, number, text
from recall_cli.messages.plural import apply_plurals, plural_index

# CLDR ru: one = 1, 21, 101 (but not 11, 111); few = 2-4, 22-24 (but not 12-14); many = the rest.
RU_FORMS = {
    1: "one",
    2: "few",
    3: "few",
    4: "few",
    5: "many",
    11: "many",
    12: "many",
    14: "many",
    21: "one",
    22: "few",
    24: "few",
    25: "many",
    101: "one",
    111: "many",
}
_INDEX = {"one": 0, "few": 1, "many": 2, "other": 3}


@pytest.mark.parametrize(("n", "form"), RU_FORMS.items())
def test_russian_plural_category(n: int, form: str) -> None:
    assert plural_index("ru", n) == _INDEX[form]


@pytest.mark.parametrize("n", [1.5, 0.5, 2.25, 21.5])
def test_russian_fractions_are_other(n: float) -> None:
    assert plural_index("ru", n) == _INDEX["other"]


@pytest.mark.parametrize(
    ("n", "index"), [(1, 0), (1.0, 0), (2, 1), (5, 1), (11, 1), (21, 1), (0, 1)]
)
def test_english_plural_category(n: float, index: int) -> None:
    assert plural_index("en", n) == index


HOURS_RU = {
    1: "через 1 час",
    2: "через 2 часа",
    3: "через 3 часа",
    4: "через 4 часа",
    5: "через 5 часов",
    11: "через 11 часов",
    12: "через 12 часов",
    14: "через 14 часов",
    21: "через 21 час",
    22: "через 22 часа",
    24: "через 24 часа",
    25: "через 25 часов",
    101: "через 101 час",
    111: "через 111 часов",
}
MINUTES_RU = {
    1: "через 1 минуту",
    2: "через 2 минуты",
    3: "через 3 минуты",
    4: "через 4 минуты",
    5: "через 5 минут",
    11: "через 11 минут",
    12: "через 12 минут",
    14: "через 14 минут",
    21: "через 21 минуту",
    22: "через 22 минуты",
    24: "через 24 минуты",
    25: "через 25 минут",
    101: "через 101 минуту",
    111: "через 111 минут",
}


@pytest.mark.parametrize(("n", "expected"), HOURS_RU.items())
def test_russian_hours_after_cherez(n: int, expected: str) -> None:
    assert Words(Lang.RU).in_hours(n) == expected


@pytest.mark.parametrize(("n", "expected"), MINUTES_RU.items())
def test_russian_minutes_after_cherez(n: int, expected: str) -> None:
    assert Words(Lang.RU).in_minutes(n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1.5, "через 1,5 часа"), (0.5, "через 0,5 часа"), (24.25, "через 24,25 часа")],
)
def test_russian_fractional_hours(n: float, expected: str) -> None:
    assert Words(Lang.RU).in_hours(n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "in 1 hour"),
        (2, "in 2 hours"),
        (21, "in 21 hours"),
        (1.5, "in 1.5 hours"),
        (1.0, "in 1 hour"),
    ],
)
def test_english_hours(n: float, expected: str) -> None:
    assert Words(Lang.EN).in_hours(n) == expected


# "не больше N попыток": the genitive after «не больше», with its own forms.
LIMIT_A_RU = {
    1: "A — не больше 1 попытки на запись.",
    2: "A — не больше 2 попыток на запись.",
    5: "A — не больше 5 попыток на запись.",
    21: "A — не больше 21 попытки на запись.",
    22: "A — не больше 22 попыток на запись.",
    111: "A — не больше 111 попыток на запись.",
}


@pytest.mark.parametrize(("n", "expected"), LIMIT_A_RU.items())
def test_russian_genitive_after_ne_bolshe(n: int, expected: str) -> None:
    assert text(Lang.RU, "explain.limits.a", a=n).startswith(expected)


# "запись израсходовала N попыток": the accusative, as after «через».
CLOSED_RU = {
    1: "запись израсходовала 1 попытку (A)",
    3: "запись израсходовала 3 попытки (A)",
    5: "запись израсходовала 5 попыток (A)",
    12: "запись израсходовала 12 попыток (A)",
    21: "запись израсходовала 21 попытку (A)",
    24: "запись израсходовала 24 попытки (A)",
}


@pytest.mark.parametrize(("n", "expected"), CLOSED_RU.items())
def test_russian_accusative_attempts(n: int, expected: str) -> None:
    assert expected in text(Lang.RU, "explain.close.attempts", a=n)


# "с N номерами": the instrumental, one form for 1, 21, 101 and another for the rest.
@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "с 1 номером"), (2, "с 2 номерами"), (5, "с 5 номерами"), (11, "с 11 номерами"),
     (21, "с 21 номером"), (101, "с 101 номером"), (111, "с 111 номерами")],
)  # fmt: skip
def test_russian_instrumental_numbers(n: int, expected: str) -> None:
    assert expected in text(Lang.RU, "explain.trace.title", n=3, phones=n)


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "до 1 раза"), (2, "до 2 раз"), (4, "до 4 раз"), (5, "до 5 раз"), (21, "до 21 раза"),
     (22, "до 22 раз")],
)  # fmt: skip
def test_russian_repeats_do_n_raz(n: int, expected: str) -> None:
    assert text(Lang.RU, "explain.rules.repeats", n=n, minutes=5).startswith(
        f"повторный набор {expected} "
    )


@pytest.mark.parametrize(
    ("dials", "attempts", "expected"),
    [
        (1, 1, "Итог: дозвон — 1 звонок за 1 попытку."),
        (2, 2, "Итог: дозвон — 2 звонка за 2 попытки."),
        (8, 5, "Итог: дозвон — 8 звонков за 5 попыток."),
        (21, 21, "Итог: дозвон — 21 звонок за 21 попытку."),
        (12, 14, "Итог: дозвон — 12 звонков за 14 попыток."),
    ],
)
def test_russian_result_line(dials: int, attempts: int, expected: str) -> None:
    line = text(Lang.RU, "explain.trace.result", state="дозвон", dials=dials, attempts=attempts)
    assert line == expected


@pytest.mark.parametrize(
    ("value", "ru", "en"),
    [
        (1, "1", "1"),
        (1.0, "1", "1"),
        (1.5, "1,5", "1.5"),
        (24.25, "24,25", "24.25"),
        (100000.5, "100000,5", "100000.5"),
        (1000000.5, "1000000,5", "1000000.5"),
    ],
)
def test_number_is_written_out_in_full(value: float, ru: str, en: str) -> None:
    assert number(Lang.RU, value) == ru
    assert number(Lang.EN, value) == en


def test_fraction_without_other_form_takes_few() -> None:
    assert apply_plurals("{n|час|часа|часов}", "ru", {"n": 1.5}) == "часа"
    assert apply_plurals("{n|час|часа|часов|часа}", "ru", {"n": 2.5}) == "часа"
