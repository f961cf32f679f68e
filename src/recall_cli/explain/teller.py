"""Telling a trace in words: each dial read off its `Event` (what the engine decided) and the
policy (the numbers of the rule that applied); nothing here decides what follows a dial."""

from __future__ import annotations

from dataclasses import dataclass

from recall_cli.engine import NumberOrder, Policy, RecordState, Status, Then
from recall_cli.engine.hours import LocalTime
from recall_cli.explain.clock import SECONDS_PER_DAY, TraceClock
from recall_cli.explain.model import Line, Paragraph, Section, Step, Steps, Table, Tone
from recall_cli.explain.trace import Trace, TraceDialer
from recall_cli.explain.trace_table import TraceTable
from recall_cli.explain.words import Words
from recall_cli.simulate.dialing import HeldBy
from recall_cli.simulate.simulator import Event

_WAIT_UNITS = (
    ("explain.trace.wait.days", SECONDS_PER_DAY),
    ("explain.trace.wait.hours", 3600),
    ("explain.trace.wait.minutes", 60),
    ("explain.trace.wait.seconds", 1),
)

# What held a dial, as the trace tells it (a lone record never waits for a line).
_HELD = {
    frozenset({HeldBy.HOURS}): "explain.trace.held",
    frozenset({HeldBy.CAP}): "explain.trace.held_cap",
    frozenset({HeldBy.CAP, HeldBy.HOURS}): "explain.trace.held_both",
}
_OPEN_HELD = {
    frozenset({HeldBy.HOURS}): "explain.trace.open_held",
    frozenset({HeldBy.CAP}): "explain.trace.open_held_cap",
    frozenset({HeldBy.CAP, HeldBy.HOURS}): "explain.trace.open_held_both",
}

_DEEDS = {
    Then.CALLBACK: "explain.deed.callback",
    Then.STOP_NUMBER: "explain.deed.stop_number",
    Then.STOP_RECORD: "explain.deed.stop_record",
}


@dataclass(frozen=True, slots=True)
class Teller:
    """Tells a trace of `policy` in words, with times from `clock`."""

    policy: Policy
    clock: TraceClock
    words: Words

    def section(self, trace: Trace, title: str) -> Section:
        """The trace as a section: its start, each dial told, the timeline, the outcome."""
        closing = tuple(Line(sentence, tone) for sentence, tone in self.ending(trace))
        return Section(
            title,
            (
                Paragraph(Line(self.clock.opening())),
                *(Paragraph(line) for line in self.dialer_notes(trace.dialer)),
                *(Paragraph(line) for line in self.listing_notes(trace)),
                *(Paragraph(line) for line in self.first_skips(trace)),
                # A record closed before its first call (every phone listed) has no steps.
                *((Steps(self.steps(trace)),) if trace.events else ()),
                self.timeline(trace),
                *(Paragraph(line) for line in closing),
            ),
        )

    def dialer_notes(self, played: TraceDialer | None) -> tuple[Line, ...]:
        """What of the config's dialer the trace plays: calling hours, in which zone, or why
        not; and that lines do not apply to one record."""
        if played is None:
            return ()
        say = self.words.say
        notes: list[Line] = []
        if played.hours is not None:
            local = played.hours.local_time is LocalTime.RECORD
            key = "explain.trace.hours_record" if local else "explain.trace.hours_campaign"
            notes.append(Line(say(key, zone=played.zone.key)))
        elif played.undated:
            notes.append(Line(say("explain.trace.hours_undated"), Tone.WARN))
        if played.caps:
            notes.append(Line(say("explain.trace.caps", n=len(played.caps))))
        if played.undated_caps:
            notes.append(Line(say("explain.trace.caps_undated"), Tone.WARN))
        if played.lines:
            notes.append(Line(say("explain.trace.no_lines"), Tone.MUTED))
        return tuple(notes)

    def listing_notes(self, trace: Trace) -> tuple[Line, ...]:
        """Which phones of the sample record are on a do-not-call list, and until when."""
        listing = trace.listing
        if listing is None:
            return ()
        say = self.words.say
        notes: list[Line] = []
        for entry, end in zip(listing.entries, listing.ends, strict=True):
            phone = entry.phone + 1
            if end is None:
                notes.append(Line(say("explain.trace.dnc_lasting", phone=phone)))
            elif end <= 0:
                until = str(entry.until)
                notes.append(Line(say("explain.trace.dnc_expired", phone=phone, until=until)))
            else:
                shown = say(
                    "explain.trace.dnc_until",
                    phone=phone,
                    until=str(entry.until),
                    zone=self.clock.zone.key,
                    end=self.clock.at(end),
                )
                notes.append(Line(shown))
        return tuple(notes)

    def first_skips(self, trace: Trace) -> tuple[Line, ...]:
        """The listed phones the record's first dial passed over, and where it goes instead."""
        if not trace.skipped_at_start:
            return ()
        say = self.words.say
        lines = [
            Line(say("explain.trace.dnc_skipped", phone=number + 1), Tone.WARN)
            for number in trace.skipped_at_start
        ]
        if trace.events:
            lines.append(Line(say("explain.trace.dnc_first", phone=trace.events[0].number + 1)))
        elif trace.result is not None:
            lines.append(Line(say("explain.trace.dnc_none"), Tone.BAD))
        return tuple(lines)

    def _listed_lines(self, trace: Trace, index: int) -> tuple[Line, ...]:
        """At the decision after dial `index`: the do-not-call entries that have ended since
        the previous decision, and the listed phones the decision passed over."""
        listing = trace.listing
        if listing is None:
            return ()
        say = self.words.say
        event = trace.events[index]
        decided = event.time + event.duration
        before = 0
        if index:
            earlier = trace.events[index - 1]
            before = earlier.time + earlier.duration
        lines = [
            Line(say("explain.trace.dnc_ended", phone=entry.phone + 1, time=self.clock.at(end)))
            for entry, end in zip(listing.entries, listing.ends, strict=True)
            if end is not None and before < end <= decided
        ]
        skipped = trace.skipped[index] if index < len(trace.skipped) else ()
        lines.extend(
            Line(say("explain.trace.dnc_skipped", phone=number + 1), Tone.WARN)
            for number in skipped
        )
        return tuple(lines)

    def steps(self, trace: Trace) -> tuple[Step, ...]:
        """Each dial: when, which phone, what status; which attempt it was; what follows, why."""
        told: list[Step] = []
        spent: dict[Status, int] = {}
        # Per status, the callbacks its rule has fired so far: the k-th waits the k-th value.
        fired: dict[Status, int] = {}
        for index, event in enumerate(trace.events):
            wait = 0.0
            if event.then is Then.CALLBACK:
                schedule = self.policy.rules[event.status].after_hours
                count = fired.get(event.status, 0)
                wait = schedule[min(count, len(schedule) - 1)]
                fired[event.status] = count + 1
            if event.repeat == 0:
                spent = {}
            elif event.repeat_of is not None:
                spent[event.repeat_of] = event.repeat_count
            heading = self.words.say(
                "explain.trace.dial",
                time=self.clock.at(event.time),
                phone=event.number + 1,
                status=self.words.name(event.status),
            )
            after = self._after(event, spent, trace.phones, wait)
            # What the listing did belongs with the decision: after why, before where to.
            sentences = (
                Line(self._which(event)),
                *self._held(event),
                *after[:1],
                *self._listed_lines(trace, index),
                *after[1:],
            )
            told.append(Step(Line(heading, Tone.KEY), sentences))
        return tuple(told)

    def _held(self, event: Event) -> tuple[Line, ...]:
        """That calling hours or a cap held the dial: when it was due, how long it waited,
        when it started, and what held it."""
        key = _HELD.get(frozenset(event.held_by or ()))
        if key is None or event.due is None or event.due == event.time:
            return ()
        held = self.words.say(
            key,
            due=self.clock.at(event.due),
            wait=self.wait(event.time - event.due),
            start=self.clock.at(event.time, event.due),
        )
        return (Line(held, Tone.WARN),)

    def wait(self, seconds: int) -> str:
        """A wait in words, its two largest units: "9 hours 45 minutes" / "9 часов 45 минут"."""
        parts: list[tuple[str, int]] = []
        rest = seconds
        for key, size in _WAIT_UNITS:
            count, rest = divmod(rest, size)
            parts.append((key, count))
        head = next((i for i, (_, n) in enumerate(parts) if n), len(parts) - 1)
        chosen = [parts[head], *(part for part in parts[head + 1 : head + 2] if part[1])]
        return " ".join(self.words.say(key, n=n) for key, n in chosen)

    def _which(self, event: Event) -> str:
        limits = self.policy.limits
        if event.repeat == 0 or event.repeat_of is None:
            return self.words.say(
                "explain.trace.first",
                attempt=event.attempt,
                a=limits.max_attempts_per_record,
                number_attempt=event.number_attempt,
                b=limits.max_attempts_per_number,
                phone=event.number + 1,
            )
        return self.words.say(
            "explain.trace.repeat_dial",
            count=event.repeat_count,
            budget=self.policy.rules[event.repeat_of].repeats,
            status=self.words.quoted(event.repeat_of),
            attempt=event.attempt,
        )

    def _after(
        self, event: Event, spent: dict[Status, int], phones: int, wait: float
    ) -> tuple[Line, ...]:
        """What follows `event`; `wait` is its callback's wait in hours (the schedule's k-th)."""
        say = self.words.say
        if event.then is Then.REACHED:
            return (Line(say("explain.trace.reached"), Tone.GOOD),)
        rule = self.policy.rules[event.status]
        status = self.words.short(event.status)
        if event.then is Then.REPEAT:
            assert event.next_time is not None
            return (
                Line(
                    say(
                        "explain.trace.repeat",
                        status=status,
                        count=spent.get(event.status, 0) + 1,
                        budget=rule.repeats,
                        wait=self.words.in_minutes(rule.interval_minutes),
                        time=self.clock.at(event.next_time, event.time),
                    )
                ),
            )
        action = say(_DEEDS[event.then], wait=self.words.in_hours(wait), phone=event.number + 1)
        if rule.repeats:
            why = say(
                "explain.trace.used_repeats", status=status, budget=rule.repeats, action=action
            )
        else:
            why = say("explain.trace.no_repeats", status=status, action=action)
        lines = [Line(why), *self._onward(event, phones, wait)]
        if event.scenario:
            lines.append(Line(say("explain.trace.scenario", name=event.scenario)))
        return tuple(lines)

    def _spent(self, event: Event) -> dict[str, int]:
        """The values of "phone 1 has used 3 of its 3 attempts"."""
        cap = self.policy.limits.max_attempts_per_number
        return {"phone": event.number + 1, "used": event.number_attempt, "cap": cap}

    def _onward(self, event: Event, phones: int, hours: float) -> tuple[Line, ...]:
        """Where the record goes after an attempt ended: the engine's next number, or closed."""
        say = self.words.say
        limits = self.policy.limits
        phone = event.number + 1
        spent = self._spent(event)
        if event.closed is RecordState.STOPPED:
            return (Line(say("explain.trace.stopped"), Tone.BAD),)
        if event.closed is RecordState.ATTEMPTS_EXHAUSTED:
            closed = say("explain.trace.closed_attempts", a=limits.max_attempts_per_record)
            return (Line(closed, Tone.BAD),)
        if event.closed is RecordState.NUMBERS_EXHAUSTED:
            if event.then is Then.STOP_NUMBER:
                closed = say("explain.trace.closed_stopped", phone=phone)
            else:
                closed = say("explain.trace.closed_spent", **spent)
            lines = [Line(closed, Tone.BAD)]
            if phones > 1 and not limits.dial_all_numbers:
                lines.append(Line(say("explain.trace.switch_off"), Tone.MUTED))
            return tuple(lines)
        assert event.next_time is not None
        assert event.next_number is not None
        when = self.clock.at(event.next_time, event.time)
        if event.next_number == event.number:
            return (Line(say("explain.trace.same", phone=phone, time=when)),)
        if event.then is Then.STOP_NUMBER:
            return (
                Line(
                    say(
                        "explain.trace.switch_stopped",
                        phone=phone,
                        next=event.next_number + 1,
                        time=when,
                    )
                ),
            )
        # Not spent: the number order moved the record on.
        key = "explain.trace.switch_spent"
        if (
            limits.number_order is not NumberOrder.FIRST
            and event.number_attempt < limits.max_attempts_per_number
        ):
            key = "explain.trace.switch_order"
        return (
            Line(
                say(
                    key,
                    **spent,
                    next=event.next_number + 1,
                    hours=hours,
                    shown=self.words.hours(hours),
                    time=when,
                )
            ),
        )

    def timeline(self, trace: Trace, title: str | None = None) -> Table:
        """The slide's table (docs/semantics.md#worked-example): one row a dial."""
        return TraceTable(self.policy, self.clock, self.words).table(trace, title)

    def ending(self, trace: Trace) -> tuple[tuple[str, Tone], ...]:
        """How the trace ends: the record's state, or that it is still open, and what was left."""
        say = self.words.say
        result = trace.result
        if result is None or result.state is RecordState.OPEN:
            if not trace.events:
                return ()
            last = trace.events[-1]
            assert last.next_time is not None
            assert last.next_number is not None
            when = self.clock.at(last.next_time, last.time)
            phone = last.next_number + 1
            start = trace.next_start
            if start is not None and start != last.next_time:
                held = say(
                    _OPEN_HELD.get(frozenset(trace.next_held), "explain.trace.open_held"),
                    phone=phone,
                    due=when,
                    start=self.clock.at(start, last.next_time),
                )
                return ((held, Tone.WARN),)
            return ((say("explain.trace.open", phone=phone, time=when), Tone.WARN),)
        state = say(f"state.{result.state.value}")
        tone = Tone.GOOD if result.state is RecordState.REACHED else Tone.BAD
        lines = [
            (
                say(
                    "explain.trace.result",
                    state=state,
                    dials=result.dials,
                    attempts=result.attempts,
                ),
                tone,
            )
        ]
        unused = trace.unused
        if unused:
            rest = ", ".join(self.words.short(status) for status in unused)
            lines.append((say("explain.trace.unused", left=len(unused), rest=rest), Tone.WARN))
        return tuple(lines)
