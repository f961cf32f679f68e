"""Engine invariants over random policies, lists and scripts (hypothesis)."""

from __future__ import annotations

import io
from collections import defaultdict

from hypothesis import given, settings

from recall_cli.engine import Action, RecordState, Status, Then
from recall_cli.render.documents import json_records, write_json
from recall_cli.render.run import RunInfo
from recall_cli.simulate.outcomes import OutcomesExhaustedError
from recall_cli.simulate.simulator import Event, RecordResult, simulate
from recall_cli.simulate.summary import summarize
from tests.strategies import Scenario, scenarios
from tests.support import CLOCK
from tests.thoroughness import examples

SETTINGS = settings(max_examples=examples(300), deadline=None)


def run(case: Scenario) -> tuple[list[Event], list[RecordResult]]:
    sim = simulate(case.policy, case.contacts, case.source)
    events = list(sim.events())
    return events, sim.results


def by_record(events: list[Event]) -> dict[int, list[Event]]:
    grouped: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        grouped[event.record].append(event)
    return grouped


@SETTINGS
@given(scenarios())
def test_attempts_never_exceed_a_or_b(case: Scenario) -> None:
    events, results = run(case)
    limits = case.policy.limits
    for event in events:
        assert 1 <= event.attempt <= limits.max_attempts_per_record
        assert 1 <= event.number_attempt <= limits.max_attempts_per_number
    for result in results:
        assert result.attempts <= limits.max_attempts_per_record


@SETTINGS
@given(scenarios())
def test_repeats_keep_budget_and_interval_and_callbacks_their_wait(case: Scenario) -> None:
    events, _ = run(case)
    rules = case.policy.rules
    for record_events in by_record(events).values():
        used: dict[Status, int] = defaultdict(int)
        fired: dict[Status, int] = defaultdict(int)
        for event, following in zip(record_events, [*record_events[1:], None], strict=True):
            if event.repeat == 0:
                used.clear()
            if event.then is Then.REPEAT:
                rule = rules[event.status]
                used[event.status] += 1
                assert used[event.status] <= rule.repeats
                assert following is not None
                assert following.time - event.time == rule.interval_minutes * 60
                assert following.repeat == event.repeat + 1
                assert following.number == event.number
                assert following.attempt == event.attempt
            elif event.closed is None:
                rule = rules[event.status]
                assert following is not None
                assert following.repeat == 0
                assert following.attempt == event.attempt + 1
                wait = following.time - event.time
                if rule.action is Action.CALLBACK:
                    k = min(fired[event.status], len(rule.after_hours) - 1)
                    assert wait == round(rule.after_hours[k] * 3600) >= 3600
                else:
                    assert wait == 0
            if event.then is Then.CALLBACK:
                fired[event.status] += 1
            if following is not None:
                assert event.next_time == following.time
                assert event.next_number == following.number


@SETTINGS
@given(scenarios())
def test_every_record_ends_in_exactly_one_state_and_nothing_is_lost(case: Scenario) -> None:
    events, results = run(case)
    grouped = by_record(events)
    assert [r.position for r in results] == list(range(len(case.contacts)))
    for result in results:
        mine = grouped.get(result.position, [])
        assert result.dials == len(mine)
        closing = [e for e in mine if e.closed is not None]
        if result.state is RecordState.NO_NUMBERS:
            assert mine == []
            assert not any(result.contact.dialable)
        else:
            assert closing == [mine[-1]]
            assert closing[0].closed is result.state
            assert result.final_status is mine[-1].status
    summary = summarize(results)
    assert sum(summary.states.values()) == summary.records == len(case.contacts)
    assert summary.dials == len(events)
    assert [(e.time, e.record) for e in events] == sorted((e.time, e.record) for e in events)


@SETTINGS
@given(scenarios())
def test_scripted_outcomes_are_used_in_order(case: Scenario) -> None:
    events, _ = run(case)
    for record_events in by_record(events).values():
        contact = case.contacts[record_events[0].record]
        script = case.source.records[contact.id]
        seen: dict[int, list[Status]] = defaultdict(list)
        for event in record_events:
            seen[event.number].append(event.status)
        for number, statuses in seen.items():
            listed = list(script.get(number, ()))
            expected = listed + [case.source.default] * max(0, len(statuses) - len(listed))
            assert statuses == expected[: len(statuses)]


@settings(max_examples=examples(150), deadline=None)
@given(scenarios(default=False))
def test_a_script_without_default_either_suffices_or_names_the_number(case: Scenario) -> None:
    error: OutcomesExhaustedError | None = None
    try:
        run(case)
    except OutcomesExhaustedError as caught:
        error = caught
    if error is not None:
        contact = next(c for c in case.contacts if c.id == error.record)
        listed = case.source.records[contact.id].get(error.number - 1, ())
        assert contact.phones[error.number - 1] == error.phone != ""
        assert all(s is not Status.ANSWERED for s in listed)


def render(case: Scenario) -> str:
    sim = simulate(case.policy, case.contacts, case.source)
    sim.play()
    info = RunInfo(case.policy, case.contacts, CLOCK, None, None)
    out = io.StringIO()
    results = sim.results
    events = simulate(case.policy, case.contacts, case.source).events()
    write_json(out, info, summarize(results), json_records(results, info), events)
    return out.getvalue()


@settings(max_examples=examples(100), deadline=None)
@given(scenarios())
def test_same_inputs_give_byte_identical_output(case: Scenario) -> None:
    assert render(case) == render(case)
