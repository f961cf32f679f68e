"""The explanation of a loaded config, as `recall explain` asks for it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from recall_cli.engine import Status
from recall_cli.explain import DEFAULT_PHONES
from recall_cli.explain.calling import hours_section, lines_section
from recall_cli.explain.clock import TraceClock, TraceStart
from recall_cli.explain.depth import status_section
from recall_cli.explain.listing import Listing, trace_listing
from recall_cli.explain.model import Bullets, Explanation, Section
from recall_cli.explain.overview import (
    closing_section,
    idea_section,
    limits_section,
    rules_section,
)
from recall_cli.explain.policy import caps_section, do_not_call_section, stops_lines
from recall_cli.explain.teller import Teller
from recall_cli.explain.tips import findings_of, tips_section
from recall_cli.explain.trace import run_trace, trace_dialer
from recall_cli.explain.words import Words
from recall_cli.loaders.config import ConfigReport
from recall_cli.problems import Problem


@dataclass(frozen=True, slots=True)
class Request:
    """What to explain: the whole config, or one `status` in depth and/or a `trace` of
    outcomes on a record with `phones` numbers, starting at `start`, the phones of `listed`
    on a do-not-call list."""

    status: Status | None = None
    trace: tuple[Status, ...] = ()
    phones: int = DEFAULT_PHONES
    start: TraceStart = field(default_factory=TraceStart)
    listed: tuple[Listing, ...] = ()


def explain(
    report: ConfigReport, findings: Sequence[Problem], request: Request, words: Words
) -> Explanation:
    """The explanation of a config that loaded; `findings` are its tips (warnings and infos).

    Every status of `request.trace` needs a rule (see `trace.missing_rules`).
    """
    campaign = report.campaign
    assert campaign is not None, "explain a config that loaded"
    policy = campaign.policy
    zone = ZoneInfo(policy.timezone)
    clock = TraceClock(request.start, zone, words)
    teller = Teller(policy, clock, words)
    sections: list[Section] = []
    if request.status is not None:
        about = findings_of(request.status, findings, report)
        sections.append(status_section(policy, request.status, about, request.phones, teller))
    if request.trace:
        played = trace_dialer(
            campaign.hours, campaign.dialer is not None, request.start, zone, campaign.caps
        )
        listing = trace_listing(request.listed, request.start, zone)
        trace = run_trace(policy, request.trace, request.phones, dialer=played, listing=listing)
        title = words.say("explain.trace.title", n=len(request.trace), phones=request.phones)
        sections.append(teller.section(trace, title))
    if not sections:
        sections = [
            idea_section(words),
            limits_section(policy.limits, words),
            rules_section(policy, words),
            closing_section(policy, words),
        ]
        stops = stops_lines(policy, words)
        if stops:
            sections.append(Section(words.say("explain.stops.title"), (Bullets(stops),)))
        if campaign.hours is not None:
            sections.append(hours_section(campaign.hours, policy, campaign.timezone_column, words))
        if campaign.caps:
            sections.append(caps_section(campaign.caps, campaign.hours, policy.timezone, words))
        if campaign.dialer is not None:
            sections.append(lines_section(campaign.dialer, campaign.hours, words))
        if campaign.do_not_call:
            sections.append(do_not_call_section(campaign.do_not_call, policy.timezone, words))
        sections.append(tips_section(findings, words))
    return Explanation(
        words.say("explain.title", campaign=policy.name),
        words.say("explain.source", file=campaign.file, zone=policy.timezone),
        tuple(sections),
    )
