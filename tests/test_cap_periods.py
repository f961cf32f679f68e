"""The calendar periods of caps, remembered per zone, answer as the plain computation does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.engine.caps import Calendar
from recall_cli.simulate.gate import Periods, next_period
from tests.thoroughness import examples

NAMES = ("Europe/Moscow", "America/Sao_Paulo", "Asia/Kathmandu", "Europe/London", "America/Havana")
ZONES = [ZoneInfo(name) for name in (*NAMES, "Pacific/Apia")]
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
START = int((datetime(2026, 1, 1, tzinfo=UTC) - EPOCH).total_seconds())


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 2 * 366 * 86_400),
            st.sampled_from(list(Calendar)),
            st.sampled_from(ZONES),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_remembered_periods_answer_as_computed_ones(
    questions: list[tuple[int, Calendar, ZoneInfo]],
) -> None:
    periods = Periods()
    for offset, per, zone in questions:
        instant = START + offset
        assert periods.following(instant, per, zone) == next_period(instant, per, zone)
        # Asked again at the instant just before the answer: the same period, remembered.
        again = next_period(instant, per, zone) - 1
        assert periods.following(again, per, zone) == next_period(again, per, zone)


def test_a_remembered_day_ends_at_local_midnight_across_a_change_of_offset() -> None:
    london = ZoneInfo("Europe/London")
    periods = Periods()
    # 2026-03-29: clocks go forward at 01:00 UTC; that local day lasts 23 hours.
    noon = int((datetime(2026, 3, 29, 12, tzinfo=UTC) - EPOCH).total_seconds())
    midnight = datetime(2026, 3, 30, tzinfo=london)
    assert periods.following(noon, Calendar.DAY, london) == int(midnight.timestamp())
    early = int((datetime(2026, 3, 29, 0, 30, tzinfo=UTC) - EPOCH).total_seconds())
    assert periods.following(early, Calendar.DAY, london) == int(midnight.timestamp())
    before = early - int(timedelta(hours=1).total_seconds())
    day_before = int(datetime(2026, 3, 29, tzinfo=london).timestamp())
    assert periods.following(before, Calendar.DAY, london) == day_before
