"""Random outcomes are drawn right: 100,000 simulated records against the exact expectation.

The expectation is computed here by recursion over the state of docs/semantics.md#decision, written
afresh from
its text (not with the engine), for a profile without `after:`. Reach rate and dials per record
must agree within 4 standard errors.
"""

from __future__ import annotations

import math
from functools import cache

from recall_cli.engine import Action, Contact, Profile, Status
from recall_cli.simulate import fast, loop
from recall_cli.simulate.random_outcomes import ProfileSource
from recall_cli.simulate.walk import Walker
from tests.support import policy, rule

A, B = 4, 2
PHONES = 2
POLICY = policy(
    A,
    B,
    True,
    rule(Status.BUSY, Action.CALLBACK, repeats=2, interval=5, hours=1),
    rule(Status.NO_ANSWER, Action.CALLBACK, hours=3),
    rule(Status.INVALID_NUMBER, Action.STOP_NUMBER),
    rule(Status.WRONG_PERSON, Action.STOP_RECORD),
)
OUTCOMES = {
    Status.ANSWERED: 0.25,
    Status.BUSY: 0.25,
    Status.NO_ANSWER: 0.30,
    Status.INVALID_NUMBER: 0.10,
    Status.WRONG_PERSON: 0.10,
}
RECORDS = 100_000

State = tuple[int, tuple[int, ...], tuple[bool, ...], int, frozenset[tuple[Status, int]], bool]
"""(attempts, attempts per number, stopped numbers, current number, repeats used in the
attempt, whether the next dial is a repeat)."""


@cache
def expectation(state: State) -> tuple[float, float]:
    """(probability the record is reached, expected dials) from `state` on, by
    docs/semantics.md#decision."""
    reach = dials = 0.0
    for status, p in OUTCOMES.items():
        r, d = _after(state, status)
        reach += p * r
        dials += p * (1 + d)
    return reach, dials


def _after(state: State, status: Status) -> tuple[float, float]:
    attempts, per_number, stopped, number, used, repeat = state
    if not repeat:  # the dial opens an attempt: it counts against A and B
        attempts += 1
        per_number = tuple(n + (i == number) for i, n in enumerate(per_number))
    if status is Status.ANSWERED:
        return 1.0, 0.0
    rule_ = POLICY.rules[status]
    spent = dict(used)
    if spent.get(status, 0) < rule_.repeats:
        spent[status] = spent.get(status, 0) + 1
        return expectation((attempts, per_number, stopped, number, frozenset(spent.items()), True))
    if rule_.action is Action.STOP_RECORD or attempts >= A:
        return 0.0, 0.0
    if rule_.action is Action.STOP_NUMBER:
        stopped = tuple(s or i == number for i, s in enumerate(stopped))
    candidates = [number, *range(PHONES)]
    following = next((i for i in candidates if not stopped[i] and per_number[i] < B), None)
    if following is None:
        return 0.0, 0.0
    return expectation((attempts, per_number, stopped, following, frozenset(), False))


def test_reach_rate_and_dials_per_record_match_the_exact_expectation() -> None:
    reach, dials = expectation((0, (0,) * PHONES, (False,) * PHONES, 0, frozenset(), False))
    profile = Profile("<test>", OUTCOMES)
    source = ProfileSource(profile, 20261201)
    contacts = [Contact(str(i), ("4951230000", "9161230000")) for i in range(RECORDS)]
    played = loop.play(Walker(POLICY, source, fast.Machine(POLICY, source.tables)), contacts)
    summary = played.summary()
    rate = summary.reached / RECORDS
    assert abs(rate - reach) <= 4 * math.sqrt(reach * (1 - reach) / RECORDS)
    counts = [result.dials for result in played.results]
    mean = summary.dials / RECORDS
    deviation = math.sqrt(sum((c - mean) ** 2 for c in counts) / (RECORDS - 1))
    assert abs(mean - dials) <= 4 * deviation / math.sqrt(RECORDS)
    # The recursion is not trivially satisfied: these are the values it finds.
    assert (round(reach, 4), round(dials, 4)) == (0.6255, 2.502)
