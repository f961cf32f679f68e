"""A trace's timeline as the slide's table: one row a dial, a row for each do-not-call skip,
the "then" cell in the simulator's own words."""

from __future__ import annotations

from dataclasses import dataclass

from recall_cli.engine import Policy, Status, Then
from recall_cli.explain.clock import TraceClock
from recall_cli.explain.describe import describe_held, describe_then
from recall_cli.explain.model import Line, Table, Tone
from recall_cli.explain.trace import Trace
from recall_cli.explain.words import Words
from recall_cli.simulate.simulator import Event


@dataclass(frozen=True, slots=True)
class TraceTable:
    """The timeline of a trace of `policy`, with times from `clock`."""

    policy: Policy
    clock: TraceClock
    words: Words

    def table(self, trace: Trace, title: str | None = None) -> Table:
        """The slide's table (docs/semantics.md#worked-example): one row a dial."""
        say = self.words.say
        limits = self.policy.limits
        rows: list[tuple[Line, ...]] = list(self._skip_rows(trace.skipped_at_start, 0))
        for index, event in enumerate(trace.events):
            if event.repeat == 0 or event.repeat_of is None:
                repeat = "—"
            else:
                repeat = f"{event.repeat_count}/{self.policy.rules[event.repeat_of].repeats}"
            status_tone = Tone.GOOD if event.status is Status.ANSWERED else Tone.PLAIN
            then_tone = (
                Tone.GOOD
                if event.then is Then.REACHED
                else Tone.BAD
                if event.closed is not None
                else Tone.PLAIN
            )
            rows.append(
                (
                    Line(self.clock.at(event.time)),
                    Line(str(event.number + 1)),
                    Line(f"{event.attempt}/{limits.max_attempts_per_record}"),
                    Line(f"{event.number_attempt}/{limits.max_attempts_per_number}"),
                    Line(repeat),
                    Line(self.words.name(event.status), status_tone),
                    Line(self._then_cell(trace, index), then_tone),
                )
            )
            if index < len(trace.skipped):
                rows.extend(self._skip_rows(trace.skipped[index], event.time + event.duration))
        columns = tuple(
            say(f"timeline.{key}")
            for key in ("time", "phone", "attempt", "number_attempt", "repeat", "status", "then")
        )
        return Table(title or say("explain.trace.timeline"), columns, tuple(rows))

    def _skip_rows(self, numbers: tuple[int, ...], moment: int) -> tuple[tuple[Line, ...], ...]:
        """A row for each listed phone a decision at `moment` passed over: no call, no attempt."""
        say = self.words.say
        return tuple(
            (
                Line(self.clock.at(moment), Tone.MUTED),
                Line(str(number + 1), Tone.MUTED),
                Line("—", Tone.MUTED),
                Line("—", Tone.MUTED),
                Line("—", Tone.MUTED),
                Line(say("explain.trace.dnc_status"), Tone.WARN),
                Line(say("explain.trace.dnc_then"), Tone.WARN),
            )
            for number in numbers
        )

    def _then_cell(self, trace: Trace, index: int) -> str:
        """The "then" cell; under calling hours, as the simulate timeline has it: what held
        the dial on a line of its own above, and where a held next dial really starts."""
        event = trace.events[index]
        words = self.then_words(event)
        if trace.dialer is None or not trace.dialer.gated:
            return words
        if index + 1 < len(trace.events):
            start: int | None = trace.events[index + 1].time
        else:
            start = trace.next_start
        if start is not None and event.closed is None and start != event.next_time:
            words += self.words.say("dialer.lands", time=self.clock.at(start, event.time))
        held = describe_held(event, self.clock.at, self.words.lang)
        return words if held is None else f"{held}\n{words}"

    def then_words(self, event: Event) -> str:
        """The timeline's "then" cell, in the simulator's own words ("repeat in 5 min")."""
        return describe_then(event, self.policy, self.clock.at, self.words.lang)
