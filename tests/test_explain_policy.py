# ruff: noqa: E501 -- the expected handouts are exact Markdown lines, as long as they are.
"""The policy models told by `recall explain`: caps, campaign-wide stops and do-not-call lists
in the overview, and a trace that a cap holds (with a callback schedule's k-th wait), in both
languages, exactly as a handout shows them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recall_cli.cli import app
from recall_cli.engine import Status
from recall_cli.engine.caps import Calendar, Cap, Count, Scope
from recall_cli.engine.policy import StopScope
from recall_cli.explain.explainer import Request, explain
from recall_cli.explain.words import Words
from recall_cli.loaders.config import check_config
from recall_cli.messages import Lang
from recall_cli.render.explanation import ExportFormat, export
from tests.support import explain_handout

CASES = Path(__file__).resolve().parent / "cases" / "explain"
SCHEDULE = CASES / "caps_schedule.yaml"
HOURS_CAP = CASES / "hours_cap.yaml"
MODELS = CASES / "policy_models.yaml"
OUTCOMES = "busy,busy,no_answer,no_answer,no_answer"

# 2 dials a day: busy's second repeat, due 10:20, waits for Wednesday's midnight; no_answer's
# schedule then waits 1 h, 3 h (the 2nd callback), and the 3 h callback, due 04:00, is held
# to Thursday's midnight, as Wednesday has had its 2 dials.
SCHEDULE_EN = (
    "## Trace: 5 outcomes on a sample record with 1 number\n"
    "\n"
    "Start: Tuesday, 1 December 2026, 10:00 (Europe/Moscow).\n"
    "\n"
    "The cap applies: the record's calls are counted against it, and a call it would exceed waits until it allows it.\n"
    "\n"
    "1. **10:00 · phone 1 · Busy (Занято)**: Attempt 1 of 6 for the record, 1 of 3 for phone 1. Busy: repeat 1 of 2 in 10 minutes, at 10:10.\n"
    "2. **10:10 · phone 1 · Busy (Занято)**: Repeat 1 of 2 for Busy (Занято), within attempt 1. Busy: repeat 2 of 2 in 10 minutes, at 10:20.\n"
    "3. **Wed 2 Dec, 00:00 · phone 1 · No answer (Нет ответа)**: Repeat 2 of 2 for Busy (Занято), within attempt 1. It fell due at 10:20, when a cap allowed no more calls: it waited 13 hours 40 minutes and started at Wed 2 Dec, 00:00 (held by a cap). No answer: no repeats, so the attempt ends with its action: call back in 1 hour. The next attempt dials phone 1 again at 01:00.\n"
    "4. **Wed 2 Dec, 01:00 · phone 1 · No answer (Нет ответа)**: Attempt 2 of 6 for the record, 2 of 3 for phone 1. No answer: no repeats, so the attempt ends with its action: call back in 3 hours. The next attempt dials phone 1 again at 04:00.\n"
    "5. **Thu 3 Dec, 00:00 · phone 1 · No answer (Нет ответа)**: Attempt 3 of 6 for the record, 3 of 3 for phone 1. It fell due at Wed 2 Dec, 04:00, when a cap allowed no more calls: it waited 20 hours and started at Thu 3 Dec, 00:00 (held by a cap). No answer: no repeats, so the attempt ends with its action: call back in 24 hours. Phone 1 has used 3 of its 3 attempts and no other phone can be dialled, so the record is closed.\n"
    "\n"
    "**Timeline**\n"
    "\n"
    "| time | phone | attempt (record) | attempt (number) | repeat | status | then |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 10:00 | 1 | 1/6 | 1/3 | — | Busy (Занято) | repeat in 10 min |\n"
    "| 10:10 | 1 | 1/6 | 1/3 | 1/2 | Busy (Занято) | repeat in 10 min, held to Wed 2 Dec, 00:00 |\n"
    "| Wed 2 Dec, 00:00 | 1 | 1/6 | 1/3 | 2/2 | No answer (Нет ответа) | due 10:20 → Wed 2 Dec, 00:00 (a cap)<br>call back in 1 h → 01:00 |\n"
    "| Wed 2 Dec, 01:00 | 1 | 2/6 | 2/3 | — | No answer (Нет ответа) | call back in 3 h → 04:00, held to Thu 3 Dec, 00:00 |\n"
    "| Thu 3 Dec, 00:00 | 1 | 3/6 | 3/3 | — | No answer (Нет ответа) | due Wed 2 Dec, 04:00 → Thu 3 Dec, 00:00 (a cap)<br>phone 1 spent 3/3, no phone left: record closed |\n"
    "\n"
    "Result: numbers exhausted (B / stopped) after 5 calls in 3 attempts.\n"
)

SCHEDULE_RU = (
    "## Разбор: 5 исходов на примере записи с 1 номером\n"
    "\n"
    "Начало: вторник, 1 декабря 2026 г., 10:00 (Europe/Moscow).\n"
    "\n"
    "Действует лимит: звонки записи идут в счёт него, и звонок, который превысил бы лимит, ждёт, пока лимит его не разрешит.\n"
    "\n"
    "1. **10:00 · телефон 1 · Занято**: Попытка 1 из 6 для записи, 1 из 3 для телефона 1. Занято: повтор 1 из 2 через 10 минут, в 10:10.\n"
    "2. **10:10 · телефон 1 · Занято**: Повтор 1 из 2 для статуса «Занято», в рамках попытки 1. Занято: повтор 2 из 2 через 10 минут, в 10:20.\n"
    "3. **ср, 2 дек. 00:00 · телефон 1 · Нет ответа**: Повтор 2 из 2 для статуса «Занято», в рамках попытки 1. Срок звонка — 10:20, когда лимит больше не разрешал звонков: он ждал 13 часов 40 минут и начался в ср, 2 дек. 00:00 (отложен лимитом). Нет ответа: повторов нет, поэтому попытка завершается действием: перезвон через 1 час. Следующая попытка — снова телефон 1, в 01:00.\n"
    "4. **ср, 2 дек. 01:00 · телефон 1 · Нет ответа**: Попытка 2 из 6 для записи, 2 из 3 для телефона 1. Нет ответа: повторов нет, поэтому попытка завершается действием: перезвон через 3 часа. Следующая попытка — снова телефон 1, в 04:00.\n"
    "5. **чт, 3 дек. 00:00 · телефон 1 · Нет ответа**: Попытка 3 из 6 для записи, 3 из 3 для телефона 1. Срок звонка — ср, 2 дек. 04:00, когда лимит больше не разрешал звонков: он ждал 20 часов и начался в чт, 3 дек. 00:00 (отложен лимитом). Нет ответа: повторов нет, поэтому попытка завершается действием: перезвон через 24 часа. Телефон 1 израсходовал 3 из 3 попыток, а других номеров для набора нет, поэтому запись закрывается.\n"
    "\n"
    "**Хронология**\n"
    "\n"
    "| время | телефон | попытка (запись) | попытка (номер) | повтор | статус | далее |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 10:00 | 1 | 1/6 | 1/3 | — | Занято | повтор через 10 минут |\n"
    "| 10:10 | 1 | 1/6 | 1/3 | 1/2 | Занято | повтор через 10 минут, отложен до ср, 2 дек. 00:00 |\n"
    "| ср, 2 дек. 00:00 | 1 | 1/6 | 1/3 | 2/2 | Нет ответа | набор на 10:20 → ср, 2 дек. 00:00 (лимит)<br>перезвон через 1 час → 01:00 |\n"
    "| ср, 2 дек. 01:00 | 1 | 2/6 | 2/3 | — | Нет ответа | перезвон через 3 часа → 04:00, отложен до чт, 3 дек. 00:00 |\n"
    "| чт, 3 дек. 00:00 | 1 | 3/6 | 3/3 | — | Нет ответа | набор на ср, 2 дек. 04:00 → чт, 3 дек. 00:00 (лимит)<br>телефон 1 исчерпал 3/3, других нет: запись закрыта |\n"
    "\n"
    "Итог: исчерпаны номера (B / остановлены) — 5 звонков за 3 попытки.\n"
)


@pytest.mark.parametrize(("lang", "expected"), [("en", SCHEDULE_EN), ("ru", SCHEDULE_RU)])
def test_a_cap_holds_dials_and_the_schedule_waits_its_kth_value(
    tmp_path: Path, lang: str, expected: str
) -> None:
    args = ("--trace", OUTCOMES, "--start", "2026-12-01T10:00", "--phones", "1")
    assert explain_handout(tmp_path, SCHEDULE, *args, lang=lang) == expected


def test_a_cap_then_calling_hours_hold_one_dial(tmp_path: Path) -> None:
    produced = explain_handout(
        tmp_path, HOURS_CAP, "--trace", "busy,busy,answered", "--start", "2026-12-01T10:00"
    )
    lines = produced.splitlines()
    assert lines[4:7] == [
        "Calls start only within calling hours, read in the campaign's zone (Europe/Moscow); a "
        "call due while calls may not start waits for the next opening.",
        "",
        "The cap applies: the record's calls are counted against it, and a call it would exceed "
        "waits until it allows it.",
    ]
    assert lines[10] == (
        "3. **Wed 2 Dec, 09:00 · phone 1 · Answered (Дозвон)**: Repeat 2 of 2 for Busy "
        "(Занято), within attempt 1. It fell due at 10:20, when a cap allowed no more calls, "
        "and then calls could not start: it waited 22 hours 40 minutes and started at Wed 2 "
        "Dec, 09:00 (held by a cap and calling hours). The client answered: the record is "
        "reached and closed."
    )
    assert lines[-3] == (
        "| Wed 2 Dec, 09:00 | 1 | 1/6 | 1/3 | 2/2 | Answered (Дозвон) | due 10:20 → Wed 2 Dec, "
        "09:00 (a cap, calling hours)<br>record reached |"
    )


@pytest.mark.parametrize(
    ("config", "lang", "ending"),
    [
        (
            SCHEDULE,
            "en",
            "The trace ends here and the record is still open: the next call would go to phone "
            "1, due 10:20, held by a cap to Wed 2 Dec, 00:00.",
        ),
        (
            SCHEDULE,
            "ru",
            "Трассировка закончилась, запись ещё открыта: следующий звонок пошёл бы на номер 1, "
            "срок 10:20, отложен лимитом до ср, 2 дек. 00:00.",
        ),
        (
            HOURS_CAP,
            "en",
            "The trace ends here and the record is still open: the next call would go to phone "
            "1, due 10:20, held by a cap and calling hours to Wed 2 Dec, 09:00.",
        ),
    ],
)
def test_a_trace_that_ends_before_a_capped_dial_says_what_holds_it(
    tmp_path: Path, config: Path, lang: str, ending: str
) -> None:
    args = ("--trace", "busy,busy", "--start", "2026-12-01T10:00")
    assert explain_handout(tmp_path, config, *args, lang=lang).splitlines()[-1] == ending


def test_an_undated_trace_leaves_calendar_caps_out_and_says_so(tmp_path: Path) -> None:
    produced = explain_handout(
        tmp_path, SCHEDULE, "--trace", "busy,busy,answered", "--start", "10:00"
    )
    assert produced.splitlines()[4] == (
        "Caps per day, week or month are not applied: the trace has no date. Give --start a "
        "date and time (e.g. 2026-12-04T10:00) to see calls held by them."
    )
    assert "held by a cap" not in produced
    assert "| 10:20 | 1 | 1/6 | 1/3 | 2/2 | Answered (Дозвон) | record reached |" in produced


def test_an_undated_trace_plays_rolling_caps(tmp_path: Path) -> None:
    config = tmp_path / "rolling.yaml"
    text = SCHEDULE.read_text(encoding="utf-8").replace("per: day", "per: 24h")
    config.write_text(text, encoding="utf-8")
    produced = explain_handout(
        tmp_path, config, "--trace", "busy,busy,answered", "--start", "10:00"
    )
    lines = produced.splitlines()
    assert lines[4] == (
        "The cap applies: the record's calls are counted against it, and a call it would exceed "
        "waits until it allows it."
    )
    # The third dial waits until the first, at 10:00, has left the rolling 24 hours.
    assert lines[-3] == (
        "| day 2, 10:00 | 1 | 1/6 | 1/3 | 2/2 | Answered (Дозвон) | due 10:20 → day 2, 10:00 "
        "(a cap)<br>record reached |"
    )


def _sections(lang: Lang) -> dict[str, str]:
    """The overview of MODELS with what today's config cannot say (a phone cap, a rolling
    cap, a campaign-wide stop, do-not-call files) added by hand, section by section."""
    report = check_config(MODELS)
    campaign = report.campaign
    assert campaign is not None
    rules = dict(campaign.policy.rules)
    rules[Status.INVALID_NUMBER] = replace(rules[Status.INVALID_NUMBER], scope=StopScope.CAMPAIGN)
    caps = (
        *campaign.caps,
        Cap(3, Calendar.WEEK, Count.ATTEMPTS, Scope.PHONE),
        Cap(2, 2 * 86_400),
    )
    report.campaign = replace(
        campaign,
        policy=replace(campaign.policy, rules=rules),
        caps=caps,
        do_not_call=(str(CASES / "dnc.csv"), str(CASES / "refused.csv")),
    )
    text = export(explain(report, [], Request(), Words(lang)), ExportFormat.MD)
    found = {}
    for part in text.split("\n## ")[1:]:
        title, _, body = part.partition("\n")
        found[title] = body.strip("\n")
    return found


def test_the_overview_tells_every_policy_model_in_english() -> None:
    found = _sections(Lang.EN)
    assert list(found)[3:] == [
        "When a record is closed",
        "Numbers stopped in the whole campaign",
        "When calls may start",
        "How often calls may start: caps",
        "Do not call",
        "Tips",
    ]
    assert (
        "- **Each new attempt takes the number with the fewest attempts, ties to column order.**"
        in found["Limits: A, B and “dial all numbers”"]
    )
    rules = found["What happens after each status"].splitlines()
    assert rules[1:3] == [
        "- Invalid number (Неверный номер): no repeats; stop dialling this number in every record that holds it; the record goes on with its next number.",
        "- No answer (Нет ответа): no repeats; call back on a schedule: callback 1 after 2 h, then 24 hours each.",
    ]
    assert found["Numbers stopped in the whole campaign"] == (
        "- **A number whose call ends in Invalid number (Неверный номер) is stopped in every record that holds it, not only in the record that dialled it.**\n"
        "- Another record whose next call is due on that number does not make it: it goes on at once as if that call had ended in “stop number”, with its next number, or it is closed."
    )
    assert found["How often calls may start: caps"] == (
        "A call starts only if, counting it, none of these caps is exceeded:\n"
        "\n"
        "- **At most 1 call, repeats included, per calendar day (from midnight), for all numbers of a record together, by the record's local time.**\n"
        "- **At most 3 attempts (an attempt's first call; repeats are free) per calendar week (from Monday), for each phone, across every record that holds it, by the number's local time.**\n"
        "- **At most 2 calls, repeats included, in any 2 days in a row, for all numbers of a record together.**\n"
        "\n"
        "A call that a cap would exceed waits until the cap allows it: the start of the next day, week or month, or the moment the oldest call it counts leaves the period; then, if calls may not start at that moment, until calling hours open, and so on until both allow it. It stays what it was: a held repeat is still a repeat, and no count changes.\n"
        "\n"
        "A phone that several records hold is one phone: a call from any of them counts against its cap."
    )
    assert found["Do not call"] == (
        "**2 do-not-call lists: dnc.csv, refused.csv.**\n"
        "\n"
        "- A listed number is never dialled: it is skipped like an empty cell, and it uses no attempt.\n"
        "- A call already due on a number that becomes listed is cancelled, and the record goes on at once with its next number.\n"
        "- A record left with no number to dial is closed: “no numbers” at the start, “numbers exhausted” later.\n"
        "- An entry with an until date applies through that day (Asia/Yekaterinburg); after it the number may be dialled. It is judged at each call: a number listed now is skipped even if its entry ends before the next call."
    )


def test_the_overview_tells_every_policy_model_in_russian() -> None:
    found = _sections(Lang.RU)
    assert list(found)[4:7] == [
        "Номера, остановленные во всей кампании",
        "Когда можно звонить",
        "Как часто можно звонить: лимиты",
    ]
    rules = found["Что происходит после каждого статуса"].splitlines()
    assert rules[1] == (
        "- Неверный номер: без повторов — набор этого номера прекращается во всех записях, где он есть; запись переходит к следующему номеру."
    )
    assert found["Как часто можно звонить: лимиты"].splitlines()[2:5] == [
        "- **Не больше 1 звонка (повторы считаются) за календарный день (с полуночи), на все номера записи вместе, по местному времени записи.**",
        "- **Не больше 3 попыток (первый звонок попытки; повторы не считаются) за календарную неделю (с понедельника), на каждый телефон во всех записях, где он есть, по местному времени номера.**",
        "- **Не больше 2 звонков (повторы считаются) за любые 2 дня подряд, на все номера записи вместе.**",
    ]
    assert found["Не звонить"].splitlines()[:3] == [
        "**2 списка «Не звонить»: dnc.csv, refused.csv.**",
        "",
        "- Номер из списка никогда не набирается: он пропускается, как пустая ячейка, и не тратит попыток.",
    ]
    assert found["Номера, остановленные во всей кампании"].splitlines()[0] == (
        "- **Номер, звонок на который закончился статусом «Неверный номер», больше не набирается ни в одной записи, где он есть, а не только в той, что его набрала.**"
    )


def test_calendar_caps_follow_the_campaign_zone_without_local_time(tmp_path: Path) -> None:
    config = tmp_path / "campaign.yaml"
    text = MODELS.read_text(encoding="utf-8").replace(", local_time: record", "")
    config.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", str(config), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert (
        "At most 1 call, repeats included, per calendar day (from midnight), for all numbers of "
        "a record together, by the campaign's time (Asia/Yekaterinburg)."
        in " ".join(result.stdout.split())
    )


def test_a_config_without_the_models_has_none_of_their_sections() -> None:
    report = check_config(CASES / "hours_windows.yaml")
    text = export(explain(report, [], Request(), Words(Lang.EN)), ExportFormat.MD)
    for title in ("## How often", "## Numbers stopped", "## Do not call"):
        assert title not in text
