"""RC620 (caps lengthen the campaign) and RC621 (a cap below a rule's repeats): exact figures,
positions and words in both languages, through `recall validate`."""

from __future__ import annotations

from pathlib import Path

import pytest

from recall_cli.engine import Action, Limits, Policy, Rule, Status
from recall_cli.engine.caps import Calendar, Cap, Count
from recall_cli.messages import Lang
from recall_cli.validate.linter import validate_paths
from recall_cli.validate.rules.rc620_caps_lengthen_campaign import fewest_dials, stretch

HEAD = "limits: {max_attempts_per_record: 10, max_attempts_per_number: 10}\nrules:\n"


def _findings(tmp_path: Path, text: str, rule: str, lang: str = "en") -> list[str]:
    """The findings of `rule` on a config of `text`, as `line:col severity message`."""
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    return [
        f"{p.location.line}:{p.location.column} {p.severity.value} {p.message.render(Lang(lang))}"
        for p in validate_paths([str(path)]).findings
        if p.code.id == rule
    ]


def test_one_dial_a_day_stretches_ten_attempts_over_ten_days(tmp_path: Path) -> None:
    text = HEAD + "  no_answer: {action: callback, after_hours: 1}\ncaps:\n  - {max: 1, per: day}\n"
    assert _findings(tmp_path, text, "RC620") == [
        "5:5 info the cap of 1 dial per day: a record that makes all its 10 attempts dials at "
        "least 10 times (repeats included), so it is dialled over at least 10 calendar days; "
        "its shortest callback wait alone spreads the attempts over 9 h"
    ]
    assert _findings(tmp_path, text, "RC620", "ru") == [
        "5:5 info лимит 1 набор в день: запись, которая использует все 10 попыток, набирается "
        "не меньше 10 раз (с повторами) и поэтому растягивается не меньше чем на 10 календарных "
        "дней; самый короткий перезвон сам по себе уложил бы попытки в 9 ч"
    ]


def test_counting_attempts_leaves_repeats_out_and_says_so(tmp_path: Path) -> None:
    text = (
        HEAD
        + "  busy: {repeats: 2, interval_minutes: 5, action: callback, after_hours: 1.5}\n"
        + "caps:\n  - {max: 3, per: week, count: attempts}\n"
    )
    assert _findings(tmp_path, text, "RC620") == [
        "5:5 info the cap of 3 attempts per week: a record that makes all its 10 attempts is "
        "dialled over at least 4 calendar weeks; its shortest callback wait alone spreads the "
        "attempts over 13.5 h"
    ]
    assert _findings(tmp_path, text, "RC620", "ru") == [
        "5:5 info лимит 3 попытки в неделю: запись, которая использует все 10 попыток, "
        "растягивается не меньше чем на 4 календарные недели; самый короткий перезвон сам по "
        "себе уложил бы попытки в 13,5 ч"
    ]


def test_a_rolling_cap_gives_the_time_from_the_first_dial_to_the_last(tmp_path: Path) -> None:
    text = (
        "limits: {max_attempts_per_record: 4, max_attempts_per_number: 2}\nrules:\n"
        "  busy: {repeats: 1, interval_minutes: 5, action: callback, after_hours: 2}\n"
        "caps:\n  - {max: 2, per: 24h}\n  - {max: 3, per: 7d}\n"
    )
    # 4 attempts of at least 2 dials, the last 1: 7 dials. 2 per 24 h: 3 days; 3 per 7 d:
    # 14 days, the binding one.
    assert _findings(tmp_path, text, "RC620") == [
        "6:5 info the cap of 3 dials per rolling 7 days: a record that makes all its 4 attempts "
        "dials at least 7 times (repeats included), so it is dialled over at least 14 days from "
        "its first dial to its last; its shortest callback wait alone spreads the attempts over "
        "6 h"
    ]


@pytest.mark.parametrize(
    ("after_hours", "caps", "found"),
    [
        (24, "  - {max: 1, per: day}\n", False),  # daily callbacks already take the 10 days
        (23, "  - {max: 1, per: day}\n", False),  # a calendar day may end a minute after a dial
        (12, "  - {max: 1, per: day}\n", True),
        (1, "  - {max: 10, per: day}\n", False),  # the cap never holds a dial
        (1, "  - {max: 10, per: week, count: attempts}\n", False),
    ],
)
def test_only_a_cap_that_outlasts_the_waits_is_reported(
    tmp_path: Path, after_hours: int, caps: str, found: bool
) -> None:
    text = HEAD + f"  no_answer: {{action: callback, after_hours: {after_hours}}}\ncaps:\n{caps}"
    assert bool(_findings(tmp_path, text, "RC620")) is found


def test_the_fewest_dials_count_the_fewest_repeats_of_a_rule_that_ends_an_attempt() -> None:
    rules = {
        Status.BUSY: Rule(Status.BUSY, Action.CALLBACK, 3, 5, (1.0,)),
        Status.NO_ANSWER: Rule(Status.NO_ANSWER, Action.STOP_NUMBER, 1, 5),
        # A stop of the record ends no attempt that another follows.
        Status.WRONG_PERSON: Rule(Status.WRONG_PERSON, Action.STOP_RECORD),
    }
    policy = Policy(Limits(5, 3, dial_all_numbers=True), rules)
    assert fewest_dials(policy, Count.DIALS) == 4 * 2 + 1
    assert fewest_dials(policy, Count.ATTEMPTS) == 5
    stopper = Policy(Limits(5, 3), {Status.WRONG_PERSON: rules[Status.WRONG_PERSON]})
    assert fewest_dials(stopper, Count.DIALS) is None
    found = stretch(0, Cap(2, Calendar.MONTH), policy)
    assert found is not None
    assert (found.dials, found.periods, found.least) == (9, 5, 3 * 28 * 86_400 + 1)


def test_three_repeats_under_two_dials_a_day_hold_the_second_repeat(tmp_path: Path) -> None:
    text = (
        HEAD
        + "  busy: {repeats: 3, interval_minutes: 10, action: callback, after_hours: 24}\n"
        + "  Нет ответа: {repeats: 1, interval_minutes: 5, action: callback, after_hours: 24}\n"
        + "caps:\n  - {max: 3, per: 1h}\n  - {max: 2, per: day}\n"
    )
    assert _findings(tmp_path, text, "RC621") == [
        "3:19 warning busy repeats 3 times, 10 minutes apart, so one attempt may need 4 dials, "
        "but the cap of 2 dials per day (line 7) allows 2: repeat 2 would be held to the next day"
    ]
    assert _findings(tmp_path, text, "RC621", "ru") == [
        "3:19 warning busy: 3 повтора через 10 минут, и одной попытке может понадобиться 4 "
        "набора, а лимит 2 набора в день (строка 7) разрешает 2: повтор 2 будет отложен до "
        "следующего дня"
    ]


def test_a_rolling_cap_holds_a_repeat_only_while_the_first_dial_is_in_it(tmp_path: Path) -> None:
    rule = "  busy: {repeats: 6, interval_minutes: 10, action: callback, after_hours: 1}\n"
    held = HEAD + rule + "caps:\n  - {max: 5, per: 1h}\n"
    assert _findings(tmp_path, held, "RC621") == [
        "3:19 warning busy repeats 6 times, 10 minutes apart, so one attempt may need 7 dials, "
        "but the cap of 5 dials per rolling 1 hour (line 5) allows 5: repeat 5 would be held "
        "until 1 hour has passed since the attempt's first dial"
    ]
    # The 7th dial comes 60 minutes after the first, which has left the rolling hour.
    assert _findings(tmp_path, HEAD + rule + "caps:\n  - {max: 6, per: 1h}\n", "RC621") == []
    weekly = HEAD + rule + "caps:\n  - {max: 2, per: 2d}\n"
    assert _findings(tmp_path, weekly, "RC621", "ru")[0].endswith(
        "лимит 2 набора за скользящие 2 дня (строка 5) разрешает 2: повтор 2 будет отложен до "
        "момента через 2 дня после первого набора попытки"
    )
