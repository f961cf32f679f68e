"""Hypothesis strategies shared by the property tests: policies, lists and scripts."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

from recall_cli.engine import NOT_REACHED, Action, Contact, Limits, Policy, Rule, Status
from recall_cli.simulate.outcomes import ScriptSource

STATUSES = (Status.ANSWERED, *NOT_REACHED)


@st.composite
def rules(draw: st.DrawFn, status: Status) -> Rule:
    action = draw(st.sampled_from(Action))
    repeats = draw(st.integers(0, 3))
    return Rule(
        status=status,
        action=action,
        repeats=repeats,
        interval_minutes=draw(st.integers(1, 10)) if repeats else 0,
        after_hours=draw(st.sampled_from([1, 1.5, 3, 24, 27])) if action is Action.CALLBACK else 0,
        scenario=draw(st.none() | st.just("send_sms")),
    )


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    limits = Limits(draw(st.integers(1, 6)), draw(st.integers(1, 4)), draw(st.booleans()))
    table = {status: draw(rules(status)) for status in NOT_REACHED}
    return Policy(limits, table, name="property")


@st.composite
def contacts(draw: st.DrawFn) -> tuple[Contact, ...]:
    """1–5 records over 1–3 phone columns, any cell possibly empty (so some have no phone)."""
    columns = draw(st.integers(1, 3))
    return tuple(
        Contact(
            str(i + 1),
            tuple(draw(st.sampled_from(["", f"9{i:02d}{n}000000"])) for n in range(columns)),
        )
        for i in range(draw(st.integers(1, 5)))
    )


@dataclass(frozen=True)
class Scenario:
    policy: Policy
    contacts: tuple[Contact, ...]
    source: ScriptSource


@st.composite
def scenarios(draw: st.DrawFn, default: bool = True) -> Scenario:
    pol = draw(policies())
    people = draw(contacts())
    outcome = st.sampled_from(STATUSES[1:]) | st.sampled_from(STATUSES)
    records = {
        contact.id: {
            n: tuple(draw(st.lists(outcome, max_size=8)))
            for n in range(len(contact.phones))
            if contact.phones[n]
        }
        for contact in people
    }
    fallback = draw(st.sampled_from(STATUSES)) if default else None
    return Scenario(pol, people, ScriptSource(records, fallback))
