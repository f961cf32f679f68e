"""Words in one language: status names as the admin app shows them, waits, lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from recall_cli.engine import Status, label
from recall_cli.messages import Lang, Message, number, text


@dataclass(frozen=True, slots=True)
class Words:
    """The catalog of `lang`, and whether status ids are shown next to names."""

    lang: Lang
    ids: bool = False

    def say(self, key: str, /, **params: object) -> str:
        return text(self.lang, key, **params)

    def short(self, status: Status) -> str:
        """The status's name in the language: "Busy"; in Russian the admin app's "Занято"."""
        return self.say(f"explain.status.{status.value}", label=label(status))

    def name(self, status: Status) -> str:
        """The name as the admin app shows it: "Busy (Занято)" / "Занято", with the id if asked."""
        key = "explain.status_ids" if self.ids else "explain.status_full"
        return self.say(key, name=self.short(status), label=label(status), id=status.value)

    def quoted(self, status: Status) -> str:
        """The name inside a sentence: Russian puts it in «…»."""
        return self.say("explain.quoted", name=self.name(status))

    def either(self, items: Sequence[str]) -> str:
        """A list in words: "a, b or c"."""
        if len(items) == 1:
            return items[0]
        return self.say("explain.or", items=", ".join(items[:-1]), last=items[-1])

    def hours(self, value: float) -> str:
        """A number of hours as written in the language: 1,5 in Russian."""
        return number(self.lang, value)

    def in_hours(self, value: float) -> str:
        """A wait in hours after "in": "in 1.5 hours" / "через 1,5 часа"."""
        return self.say("explain.in_hours", hours=value, shown=self.hours(value))

    def callback(self, schedule: tuple[float, ...]) -> str:
        """A callback's wait, or its schedule in words: "call back on a schedule: callback 1
        after 1 h, callback 2 after 3 h, then 24 hours each"."""
        if len(schedule) == 1:
            (hours,) = schedule
            return self.say("explain.action.callback", hours=hours, shown=self.hours(hours))
        items = ", ".join(
            self.say("explain.schedule.item", k=k, shown=self.hours(hours))
            for k, hours in enumerate(schedule[:-1], start=1)
        )
        last = schedule[-1]
        return self.say("explain.schedule.callback", items=items, hours=last, last=self.hours(last))

    def in_minutes(self, value: int) -> str:
        """A wait in minutes after "in": "in 5 minutes" / "через 5 минут"."""
        return self.say("explain.in_minutes", minutes=value)


def status_message(status: Status) -> Message:
    """A status's quoted name as a message, for problems rendered later in their language."""
    name = Message(f"explain.status.{status.value}", {"label": label(status)})
    full = Message(
        "explain.status_full", {"name": name, "label": label(status), "id": status.value}
    )
    return Message("explain.quoted", {"name": full})
