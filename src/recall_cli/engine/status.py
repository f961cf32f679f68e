"""Dial statuses: the closed set of built-in ids and the Russian labels of the admin screen."""

from __future__ import annotations

import re
from enum import StrEnum


class Status(StrEnum):
    """The result of one dial (docs/semantics.md#statuses)."""

    ANSWERED = "answered"
    IVR = "ivr"
    ANSWERING_MACHINE = "answering_machine"
    CONNECTION_PROBLEM = "connection_problem"
    BUSY = "busy"
    SILENCE = "silence"
    CONGESTION = "congestion"
    WRONG_PERSON = "wrong_person"
    INVALID_NUMBER = "invalid_number"
    NO_AGENT = "no_agent"
    NO_ANSWER = "no_answer"
    FAILED = "failed"


# The labels as the source's admin screen shows them; the first is the canonical one.
LABELS: dict[Status, tuple[str, ...]] = {
    Status.ANSWERED: ("Дозвон",),
    # The screen itself misspells this one; configs copied from it must still load.
    Status.IVR: ("Автоинформатор или IVR", "Автоформатор или IVR"),
    Status.ANSWERING_MACHINE: ("Автоответчик",),
    Status.CONNECTION_PROBLEM: ("Другая проблема соединения",),
    Status.BUSY: ("Занято",),
    Status.SILENCE: ("Молчание",),
    Status.CONGESTION: ("Направление перегружено",),
    Status.WRONG_PERSON: ("Не тот человек",),
    Status.INVALID_NUMBER: ("Неверный номер",),
    Status.NO_AGENT: ("Нет оператора",),
    Status.NO_ANSWER: ("Нет ответа",),
    Status.FAILED: ("Неудавшийся вызов",),
}

NOT_REACHED: tuple[Status, ...] = tuple(s for s in Status if s is not Status.ANSWERED)

_SPACES = re.compile(r"\s+")


def _fold(text: str) -> str:
    return _SPACES.sub(" ", text.strip()).casefold()


_BY_NAME: dict[str, Status] = {
    **{_fold(s.value): s for s in Status},
    **{_fold(label): s for s, labels in LABELS.items() for label in labels},
}


def parse_status(name: str) -> Status | None:
    """The status named by an id or a Russian label, matched case- and space-insensitively."""
    return _BY_NAME.get(_fold(name))


def label(status: Status) -> str:
    """The canonical Russian label of a status."""
    return LABELS[status][0]


def known_names() -> tuple[str, ...]:
    """Every accepted spelling (ids, then labels), for did-you-mean suggestions."""
    return tuple(s.value for s in Status) + tuple(
        lab for labels in LABELS.values() for lab in labels
    )
