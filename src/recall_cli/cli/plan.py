"""A run planned from a command's options: its inputs, campaign, outcome source, clock,
horizon and the records it plays, every option checked before the run starts.

No typer here: options arrive as plain values, and an option that cannot be used is a
`UsageError` naming it. The checks keep their order, so that of two mistakes the same one is
told first: the options alone, then the output against the inputs (before anything is read),
then each file as it is read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from recall_cli.cli.outcomes import Outcomes, check_rules, profile_outcomes, scripted
from recall_cli.cli.output import check_output
from recall_cli.cli.setup import dialer_setup, dnc_entries
from recall_cli.cli.times import Horizon, run_times
from recall_cli.cli.usage import UsageError
from recall_cli.loaders import codes
from recall_cli.loaders.contacts import ContactList, ListColumns, load_list
from recall_cli.loaders.contacts.model import UnusableError
from recall_cli.loaders.contacts.reading import CHUNK_LINES, ListReading, open_list
from recall_cli.loaders.files import STDIN
from recall_cli.messages import Message
from recall_cli.problems import Location, Problem, RecallError, errors_in
from recall_cli.simulate.clock import Clock
from recall_cli.simulate.dialing import Setup

if TYPE_CHECKING:  # the config loader imports pydantic: imported when a config is read
    from recall_cli.loaders.config import Campaign
    from recall_cli.loaders.dnc import DncEntry

MAX_RUNS = 10_000
"""Beyond this, intervals are already far narrower than any policy difference worth acting on."""
COMPARE_RUNS = 10
"""Runs per policy that `recall compare` plays when not told."""


class RunFormat(StrEnum):
    """What `recall simulate` writes."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


class CompareFormat(StrEnum):
    """What `recall compare` writes."""

    TABLE = "table"
    JSON = "json"


@dataclass(frozen=True, slots=True)
class RunOptions:
    """What `recall simulate` was asked, as given."""

    config: Path
    contact_list: Path
    script: Path | None = None
    profile: Path | None = None
    seed: int = 0
    runs: int = 1
    start: str | None = None
    until: str | None = None
    records: tuple[str, ...] = ()
    output_format: RunFormat = RunFormat.TABLE
    output: Path | None = None
    no_events: bool = False
    encoding: str | None = None
    dnc: tuple[Path, ...] = ()
    """`--dnc` files, besides the config's own."""

    @property
    def inputs(self) -> tuple[Path, ...]:
        """Every file the run reads, which its output must not be (the config's do-not-call
        files are checked once it is read)."""
        given = (self.config, self.contact_list, self.script, self.profile, *self.dnc)
        return tuple(path for path in given if path is not None)


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """What `recall compare` was asked, as given."""

    configs: tuple[Path, Path]
    contact_list: Path
    profile: Path | None = None
    seed: int = 0
    runs: int = COMPARE_RUNS
    start: str | None = None
    until: str | None = None
    records: tuple[str, ...] = ()
    output_format: CompareFormat = CompareFormat.TABLE
    output: Path | None = None
    encoding: str | None = None
    dnc: tuple[Path, ...] = ()
    """`--dnc` files, for both campaigns besides their configs' own."""

    @property
    def inputs(self) -> tuple[Path, ...]:
        """Every file the comparison reads, which its output must not be."""
        given = (*self.configs, self.contact_list, self.profile, *self.dnc)
        return tuple(path for path in given if path is not None)


@dataclass(frozen=True, slots=True)
class RunPlan:
    """A `recall simulate` run, ready to play."""

    inputs: tuple[Path, ...]
    campaign: Campaign
    contacts: ContactList
    outcomes: Outcomes
    clock: Clock
    horizon: Horizon
    selection: tuple[str, ...] | None
    """The records `--record` names (repeats kept), or None for all."""
    runs: int
    output_format: RunFormat
    output: Path | None
    no_events: bool
    script: Path | None
    """The script the outcomes come from, blamed when they run out."""
    setup: Setup | None = None
    """The dialer (calling hours, lines, each number's zone); None for a Part I run."""
    streamed: Streamed | None = None
    """The list, its header read, its records read and checked a chunk at a time as the run
    plays them; `contacts` then holds no records. None: the run plays `contacts.records`."""
    dnc: tuple[Path, ...] = ()
    """The `--dnc` files the run was given."""

    @property
    def size(self) -> int:
        """Records one pass plays; not known before a streamed run has read its list."""
        assert self.streamed is None
        return selected_size(self.selection, self.contacts)

    @property
    def whole(self) -> bool:
        """Whether the run plays every record even when `--record` chooses some: with lines,
        or phones several records share under phone caps or campaign-wide stops, records wait
        for or act on each other, so a record's timeline is the one of the full run."""
        return self.setup is not None and self.setup.plays_whole()


@dataclass(frozen=True, slots=True)
class Streamed:
    """A list whose header is read and whose records a run reads, checks and plays in one
    pass: its reading and its size in bytes (None when it is not a file)."""

    reading: ListReading
    file_size: int | None


@dataclass(frozen=True, slots=True)
class ComparePlan:
    """A `recall compare` of two campaigns on the same list, outcomes and times."""

    inputs: tuple[Path, ...]
    campaigns: tuple[Campaign, Campaign]
    contacts: ContactList
    outcomes: Outcomes
    clock: Clock
    horizon: Horizon
    selection: tuple[str, ...] | None
    runs: int
    seed: int
    output_format: CompareFormat
    output: Path | None
    setups: tuple[Setup | None, Setup | None] = (None, None)
    """Each campaign's dialer, as `RunPlan.setup`."""
    dnc: tuple[Path, ...] = ()
    """The `--dnc` files the comparison was given."""

    @property
    def size(self) -> int:
        """Records one pass of one campaign plays."""
        return selected_size(self.selection, self.contacts)


def plan_run(options: RunOptions) -> RunPlan:
    """The run `options` ask for, its files read and checked; `UsageError` for an option that
    cannot be used, `RecallError` for a file."""
    check_run_options(options)
    check_output(options.output, options.inputs)
    campaign = load_campaign(options.config)
    check_output(options.output, map(Path, campaign.do_not_call))
    random = None if options.script is not None else profile_outcomes(options.profile)
    clock, horizon = run_times(options.start, options.until, campaign.policy.timezone)
    outcomes = None if random is None else random.source(options.seed)
    if outcomes is not None:
        check_rules((campaign,), outcomes)
    table = options.output_format is RunFormat.TABLE
    if outcomes is not None and _streams(options, campaign):
        streamed = stream_list(options.contact_list, campaign.columns, options.encoding)
        return RunPlan(
            inputs=options.inputs,
            campaign=campaign,
            contacts=streamed.reading.contacts(()),
            outcomes=outcomes,
            clock=clock,
            horizon=horizon,
            selection=None,
            runs=options.runs,
            output_format=options.output_format,
            output=options.output,
            no_events=options.no_events,
            script=None,
            streamed=streamed,
        )
    contacts = load_list(options.contact_list, campaign.columns, options.encoding, fields=table)
    if outcomes is None:
        assert options.script is not None
        outcomes = scripted(options.script, contacts)
        check_rules((campaign,), outcomes)
    dnc = _dnc(campaign, options.dnc)
    return RunPlan(
        inputs=options.inputs,
        campaign=campaign,
        contacts=contacts,
        outcomes=outcomes,
        clock=clock,
        horizon=horizon,
        selection=selection(options.records, contacts),
        runs=options.runs,
        output_format=options.output_format,
        output=options.output,
        no_events=options.no_events,
        script=options.script,
        setup=dialer_setup(campaign, contacts.records, dnc),
        dnc=options.dnc,
    )


def _streams(options: RunOptions, campaign: Campaign) -> bool:
    """Whether a run plays its list as it is read: one run of all records with a profile, to
    JSON or JSON Lines, with no dialer (whose records wait for each other)."""
    return (
        options.runs == 1
        and not options.records
        and options.output_format in (RunFormat.JSON, RunFormat.JSONL)
        and campaign.hours is None
        and campaign.dialer is None
        and not campaign.caps
    )


def stream_list(path: Path, columns: ListColumns, encoding: str | None) -> Streamed:
    """The list with its header read, none of its records: a `RecallError` with the header's
    errors. Its records' errors are found as the run reads them (`ListReading.checked`)."""
    try:
        reading = open_list(path, columns, encoding, fields=False, chunk=CHUNK_LINES)
    except UnusableError as stop:
        raise RecallError(errors_in(list(stop.problems))) from None
    source = reading.source
    size = None if source.data is not None or source.path == STDIN else _file_size(source.path)
    return Streamed(reading, size)


def _file_size(path: str) -> int | None:
    try:
        return os.stat(path).st_size
    except OSError:
        return None


def plan_compare(options: CompareOptions) -> ComparePlan:
    """The comparison `options` ask for; the first config's zone and list columns are the
    comparison's, so that both campaigns play the same records at the same moments."""
    check_runs(options.runs, options.output_format, figures=True)
    check_output(options.output, options.inputs)
    first, second = (load_campaign(path) for path in options.configs)
    check_output(options.output, map(Path, (*first.do_not_call, *second.do_not_call)))
    random = profile_outcomes(options.profile)
    # Zone cells are read when either campaign judges hours in the record's local time.
    columns = replace(first.columns, zones=first.columns.zones or second.columns.zones)
    contacts = load_list(options.contact_list, columns, options.encoding, fields=False)
    clock, horizon = run_times(options.start, options.until, first.policy.timezone)
    outcomes = random.source(options.seed)
    check_rules((first, second), outcomes)
    return ComparePlan(
        inputs=options.inputs,
        campaigns=(first, second),
        contacts=contacts,
        outcomes=outcomes,
        clock=clock,
        horizon=horizon,
        selection=selection(options.records, contacts),
        runs=options.runs,
        seed=options.seed,
        output_format=options.output_format,
        output=options.output,
        setups=(
            dialer_setup(first, contacts.records, _dnc(first, options.dnc)),
            dialer_setup(second, contacts.records, _dnc(second, options.dnc)),
        ),
        dnc=options.dnc,
    )


def _dnc(campaign: Campaign, given: tuple[Path, ...]) -> tuple[DncEntry, ...] | None:
    """The run's do-not-call entries for `campaign`; None when it has no list at all."""
    if not campaign.do_not_call and not given:
        return None
    return dnc_entries(campaign, given)


def check_run_options(options: RunOptions) -> None:
    """What `recall simulate`'s options refuse among themselves, before any file is read."""
    if options.script is not None and options.profile is not None:
        raise UsageError("--profile", Message("option.script_and_profile"))
    figures = options.output_format in (RunFormat.TABLE, RunFormat.JSON)
    check_runs(options.runs, options.output_format, figures=figures)
    if options.runs > 1 and options.script is not None:
        raise UsageError("--runs", Message("option.runs_with_script"))


def check_runs(runs: int, output_format: StrEnum, *, figures: bool) -> None:
    """`--runs` is from 1 to `MAX_RUNS`, and more than 1 only with an output that holds
    `figures`."""
    if not 1 <= runs <= MAX_RUNS:
        raise UsageError("--runs", Message("option.runs_range", {"runs": runs, "most": MAX_RUNS}))
    if runs > 1 and not figures:
        raise UsageError("--runs", Message("option.runs_format", {"format": output_format.value}))


def load_campaign(path: Path) -> Campaign:
    # Not at the top: the CLI's start stays free of pydantic.
    from recall_cli.loaders.config import load_config  # noqa: PLC0415

    return load_config(path)


def selection(records: tuple[str, ...], contacts: ContactList) -> tuple[str, ...] | None:
    """The records `--record` names, every one of them in the list; None when it names none."""
    if not records:
        return None
    known = {contact.id for contact in contacts.records}
    unknown = [record for record in records if record not in known]
    if unknown:
        raise RecallError(
            Problem(
                Location(contacts.file),
                codes.SCRIPT_UNKNOWN_RECORD,
                Message("script.unknown_record", {"record": record}),
            )
            for record in unknown
        )
    return records


def selected_size(chosen: tuple[str, ...] | None, contacts: ContactList) -> int:
    """Records a pass plays: each `--record` (a repeated one again), or the whole list."""
    return len(chosen) if chosen else len(contacts.records)
