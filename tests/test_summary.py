"""`summarize`, which counts a column at a time, against counting record by record
(hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.engine import Contact, RecordState, Status, Then
from recall_cli.simulate.simulator import RecordResult
from recall_cli.simulate.summary import (
    ClosedBy,
    Summary,
    Tally,
    closed_by,
    combine,
    count,
    spread,
    summarize,
)
from tests.thoroughness import examples

CONTACT = Contact("1", ("4951239000",))
RESULTS = st.lists(
    st.builds(
        RecordResult,
        st.integers(0, 10),
        st.just(CONTACT),
        st.sampled_from(RecordState),
        st.integers(0, 9),
        st.integers(0, 9),
        st.none() | st.integers(0, 400_000),
        st.none() | st.sampled_from(Status),
        st.none() | st.sampled_from(Then),
    ),
    max_size=40,
)


def one_by_one(results: list[RecordResult]) -> Summary:
    states = dict.fromkeys(RecordState, 0)
    closing = dict.fromkeys(ClosedBy, 0)
    reach_times = []
    for result in results:
        states[result.state] += 1
        cause = closed_by(result.state, result.then)
        if cause is not None:
            closing[cause] += 1
        if result.state is RecordState.REACHED and result.closed_at is not None:
            reach_times.append(result.closed_at)
    return Summary(
        len(results),
        states[RecordState.REACHED],
        sum(result.dials for result in results),
        sum(result.attempts for result in results),
        states,
        closing,
        spread(reach_times),
    )


@settings(max_examples=examples(200), deadline=None)
@given(RESULTS)
def test_summarize_counts_what_counting_one_by_one_counts(results: list[RecordResult]) -> None:
    expected = one_by_one(results)
    assert summarize(results) == expected
    assert summarize(tuple(results)) == expected
    assert summarize(iter(results)) == expected


TALLIES = st.builds(
    Tally,
    st.lists(st.integers(0, 50), min_size=len(Status), max_size=len(Status)),
    st.dictionaries(st.integers(0, 200), st.integers(1, 50), max_size=6),
)


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.tuples(RESULTS, TALLIES), max_size=4))
def test_the_counts_of_parts_combine_into_the_figures_of_the_whole(
    parts: list[tuple[list[RecordResult], Tally]],
) -> None:
    whole_tally = Tally()
    for _, tally in parts:
        for index, dials in enumerate(tally.by_status):
            whole_tally.by_status[index] += dials
        for hour, dials in tally.by_hour.items():
            whole_tally.by_hour[hour] = whole_tally.by_hour.get(hour, 0) + dials
    whole = [result for results, _ in parts for result in results]
    combined = combine([count(results, tally) for results, tally in parts])
    if parts:
        assert combined == summarize(whole, whole_tally)
    else:
        assert combined == summarize(whole)


def test_without_every_tally_there_are_no_dials_by_status_or_hour() -> None:
    result = RecordResult(0, CONTACT, RecordState.REACHED, 1, 1, 60, Status.ANSWERED, Then.REACHED)
    tally = Tally([1] + [0] * (len(Status) - 1), {0: 1})
    combined = combine([count([result], tally), count([result])])
    assert (combined.records, combined.dials) == (2, 2)
    assert (combined.dials_by_status, combined.dials_by_hour) == ({}, {})
