"""A run's times from --start and --until: its clock (from the next full hour unless told) and
its horizon, each moment checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from recall_cli.cli.usage import UsageError
from recall_cli.messages import Message
from recall_cli.simulate.clock import FIRST_YEAR, LAST_YEAR, Clock, in_calendar


@dataclass(frozen=True, slots=True)
class Horizon:
    """Where a run stops: a moment and the run's seconds up to it, or never (both None)."""

    at: datetime | None = None
    seconds: int | None = None


def run_times(start: str | None, until: str | None, timezone: str) -> tuple[Clock, Horizon]:
    """The run's clock, from `start` (default: the next full hour), and its horizon."""
    zone = ZoneInfo(timezone)
    start_at, until_at = campaign_times(start, until, zone)
    clock = Clock(start_at, zone)
    if until_at is None:
        return clock, Horizon()
    return clock, Horizon(until_at, clock.seconds_until(until_at))


def campaign_times(
    start: str | None, until: str | None, zone: ZoneInfo
) -> tuple[datetime, datetime | None]:
    """The run's start (default: the next full hour) and its horizon, if any."""
    start_at = moment(start, zone, "--start") if start else next_hour(zone)
    until_at = moment(until, zone, "--until") if until else None
    if until_at is not None and until_at < start_at:
        raise UsageError("--until", Message("option.until_before_start"))
    return start_at, until_at


def moment(value: str, zone: ZoneInfo, option: str) -> datetime:
    """An ISO 8601 date and time, in `zone` when it has no offset of its own, in whole seconds."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(option, Message("option.bad_moment", {"value": value})) from None
    if not in_calendar(parsed):
        values = {"value": value, "first": FIRST_YEAR, "last": LAST_YEAR}
        raise UsageError(option, Message("option.moment_range", values))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    # Times are whole seconds in every output: a fraction of the start would ride on them all.
    return parsed.replace(microsecond=0).astimezone(zone)


def next_hour(zone: ZoneInfo) -> datetime:
    now = datetime.now(zone)
    return (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
