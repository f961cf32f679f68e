"""`summarize`, which counts a column at a time, against counting record by record
(hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.engine import Contact, RecordState, Status, Then
from recall_cli.simulate.simulator import RecordResult
from recall_cli.simulate.summary import ClosedBy, Summary, closed_by, spread, summarize

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


@settings(max_examples=200, deadline=None)
@given(RESULTS)
def test_summarize_counts_what_counting_one_by_one_counts(results: list[RecordResult]) -> None:
    expected = one_by_one(results)
    assert summarize(results) == expected
    assert summarize(tuple(results)) == expected
    assert summarize(iter(results)) == expected
