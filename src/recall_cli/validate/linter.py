"""One `recall validate` run: read every file, check each, check them together, filter.

Only the CLI prints or exits; this module returns a `Report` of findings.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from typing import TypeVar

from recall_cli.loaders.codes import UNREADABLE
from recall_cli.loaders.config import ConfigReport, check_config
from recall_cli.loaders.config_model import DEFAULT_REGION
from recall_cli.loaders.contacts import MAX_LIST_BYTES, ContactList, ListColumns, check_list
from recall_cli.loaders.dnc import DncList, check_dnc
from recall_cli.loaders.files import STDIN, Source, display_name, read_source, read_stream
from recall_cli.loaders.script import Script, bind_script, check_script
from recall_cli.loaders.yaml_tree import MAX_YAML_BYTES
from recall_cli.messages import Message
from recall_cli.problems import (
    ExitCode,
    Location,
    Problem,
    RecallError,
    Severity,
    UnreadableError,
)
from recall_cli.validate import registry
from recall_cli.validate.context import Context
from recall_cli.validate.kinds import FileKind, detect, expand, head
from recall_cli.validate.profiles import Profile, check_profile
from recall_cli.validate.rule import Scope
from recall_cli.validate.suppress import Ignored, inline_ignores, keep

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Report:
    """The files checked, in the order given, and what was found in them, in that order;
    with the errors `--ignore` left out, and those an inline comment could not."""

    files: tuple[str, ...]
    findings: tuple[Problem, ...]
    unreadable: bool = False
    ignored: tuple[Ignored, ...] = ()
    inline_refused: int = 0

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    def exit_code(self, strict: bool = False) -> ExitCode:
        """2 when a file could not be read; 1 for errors, and for warnings under `strict`."""
        if self.unreadable:
            return ExitCode.USAGE
        failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        if any(finding.severity in failing for finding in self.findings):
            return ExitCode.INVALID
        return ExitCode.OK


@dataclass(slots=True)
class _Run:
    """What has been read so far: the findings, and each file that loaded."""

    problems: list[Problem] = field(default_factory=list)
    unreadable: bool = False
    configs: list[ConfigReport] = field(default_factory=list)
    lists: list[ContactList] = field(default_factory=list)
    scripts: list[Script] = field(default_factory=list)
    profiles: list[Profile] = field(default_factory=list)
    dnc: list[DncList] = field(default_factory=list)
    yaml_files: list[Source] = field(default_factory=list)
    start: date | None = None

    def load(self, read: Callable[[], T]) -> T | None:
        """The loader's result; a file it cannot read becomes findings instead of an error."""
        try:
            return read()
        except UnreadableError as error:
            self.unreadable = True
            self.problems.extend(error.problems)
        except RecallError as error:
            self.problems.extend(error.problems)
        return None


def validate_paths(
    paths: Sequence[str],
    kind: FileKind | None = None,
    ignore: Sequence[str] = (),
    dnc: Sequence[str] = (),
    start: date | None = None,
) -> Report:
    """Check every file of `paths` ("-" is stdin; a directory stands for its YAML and CSV
    files), each alone and, with one config among them, against each other.

    Do-not-call files are the paths of `dnc` and those a checked config names (read with
    it even when not among `paths`; one it names that cannot be read is a problem at its
    name in the config); `start`, the run's first day, is what their `until` dates are
    judged against.

    Each path is read once: stdin, a pipe or a device is read whole before anything else,
    and its `Source` hands those bytes to every reader; a regular file can be read again.
    """
    walked = expand([*paths, *dnc])
    files = list(dict.fromkeys(walked.files))  # each file once, in the order given
    run = _Run(problems=list(walked.problems), unreadable=bool(walked.problems), start=start)
    sources = _sources(run, files)
    named = {_same(path) for path in dnc}
    kinds = [
        (
            source,
            FileKind.DNC
            if _same(source.path) in named
            else kind or detect(source.path, head(source)),
        )
        for source in sources
    ]
    _read(run, kinds)
    _check(run)
    inline = {source.name: _inline(source) for source in run.yaml_files}
    order = {display_name(path): index for index, path in enumerate(walked.order)}
    kept = keep(run.problems, ignore, inline)
    findings = sorted(
        kept.findings,
        key=lambda p: (order.get(p.location.file, len(order)), p.location, p.code.id),
    )
    return Report(
        tuple(display_name(path) for path in files),
        tuple(findings),
        run.unreadable,
        kept.ignored,
        kept.inline_refused,
    )


def _is_stream(path: str) -> bool:
    """Whether `path` is stdin, or names something other than a file or a folder (a pipe,
    a FIFO, a device such as /dev/stdin): what reading consumes."""
    if path == STDIN:
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # missing or unreadable: its loader says so
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _sources(run: _Run, files: list[str]) -> list[Source]:
    """What to read each of `files` from, in the order given: a stream's bytes, read once
    here; a file's path. A stream that could not be read is left out, a finding instead."""
    sources: list[Source] = []
    for path in files:
        if not _is_stream(path):
            sources.append(Source(path))
            continue
        try:
            sources.append(Source(path, read_stream(path, MAX_LIST_BYTES + 1)))
        except OSError as error:
            run.unreadable = True
            reason = {"reason": error.strerror}
            run.problems.append(
                Problem(
                    Location(display_name(path)), UNREADABLE, Message("file.unreadable", reason)
                )
            )
    return sources


def _read(run: _Run, kinds: list[tuple[Source, FileKind]]) -> None:
    """Load every file; configs first, since a config tells how to read its list."""
    for source, kind in kinds:
        if kind is FileKind.CONFIG:
            run.yaml_files.append(source)
            report = run.load(partial(check_config, source))
            if report is not None:
                run.problems.extend(report.problems)
                run.configs.append(report)
    campaign = _single(run.configs)
    columns = campaign.campaign.columns if campaign and campaign.campaign else ListColumns()
    region = campaign.campaign.region if campaign and campaign.campaign else DEFAULT_REGION
    kinds = _config_dnc(run, kinds, region)
    for source, kind in kinds:
        match kind:
            case FileKind.CONFIG:
                continue
            case FileKind.DNC:
                listed_dnc = run.load(partial(check_dnc, source, region))
                if listed_dnc is not None:
                    _keep(run, listed_dnc.problems, listed_dnc.dnc, run.dnc)
            case FileKind.LIST:
                listed = run.load(partial(check_list, source, columns))
                if listed is not None:
                    _keep(run, listed.problems, listed.contacts, run.lists)
            case FileKind.SCRIPT:
                run.yaml_files.append(source)
                scripted = run.load(partial(check_script, source))
                if scripted is not None:
                    _keep(run, scripted.problems, scripted.script, run.scripts)
            case FileKind.PROFILE:
                run.yaml_files.append(source)
                drawn = run.load(partial(check_profile, source))
                if drawn is not None:
                    _keep(run, drawn.problems, drawn.profile, run.profiles)


def _same(path: str) -> str:
    """A path as the file system resolves it, so that two spellings of one file are equal."""
    return path if path == STDIN else os.path.realpath(path)


def _config_dnc(
    run: _Run, kinds: list[tuple[Source, FileKind]], region: str
) -> list[tuple[Source, FileKind]]:
    """The files to read, with the do-not-call files the configs name: read as such when
    given, added when not; one that cannot be read is a problem at its name in its config."""
    given = {_same(source.path): index for index, (source, _) in enumerate(kinds)}
    read = list(kinds)
    loaded: set[str] = set()
    for report in run.configs:
        campaign = report.campaign
        if campaign is None:
            continue
        for path, where in zip(campaign.do_not_call, campaign.do_not_call_at, strict=True):
            index = given.get(_same(path))
            if index is not None:
                read[index] = (read[index][0], FileKind.DNC)
                continue
            if _same(path) in loaded:
                continue
            loaded.add(_same(path))
            try:
                found = check_dnc(path, region)
            except UnreadableError as error:
                run.unreadable = True
                run.problems.extend(
                    replace(
                        problem,
                        location=where,
                        message=Message(
                            "config.dnc_file", {"file": path, "reason": problem.message}
                        ),
                    )
                    for problem in error.problems
                )
                continue
            _keep(run, found.problems, found.dnc, run.dnc)
    return read


def _keep(run: _Run, problems: Sequence[Problem], value: T | None, into: list[T]) -> None:
    """A file's problems go to the run's; what it loaded, if anything, to `into`."""
    run.problems.extend(problems)
    if value is not None:
        into.append(value)


def _single(items: list[T]) -> T | None:
    return items[0] if len(items) == 1 else None


def _check(run: _Run) -> None:
    """Each loaded file's own rules, then the rules across files."""
    for report in run.configs:
        if report.campaign is not None:
            run.problems.extend(registry.run(Scope.CONFIG, Context(config=report)))
    # With several configs, which one the other files belong to would be a guess.
    config = _single(run.configs)
    region = config.campaign.region if config and config.campaign else DEFAULT_REGION
    for contacts in run.lists:
        run.problems.extend(registry.run(Scope.LIST, Context.for_list(contacts, region)))
        together = Context(config=config, contacts=contacts, dnc=tuple(run.dnc), start=run.start)
        run.problems.extend(registry.run(Scope.CROSS, together))
    listed = _single(run.lists)
    for script in run.scripts:
        binding: list[Problem] = []
        if listed is not None:
            _, binding = bind_script(script, listed.records, listed.file, len(listed.phone_columns))
        ctx = Context(config=config, script=script, binding=tuple(binding))
        run.problems.extend(registry.run(Scope.CROSS, ctx))
    for profile in run.profiles:
        run.problems.extend(registry.run(Scope.CROSS, Context(config=config, profile=profile)))
    for dnc in run.dnc:
        run.problems.extend(registry.run(Scope.DNC, Context(dnc=(dnc,), start=run.start)))


def _inline(source: Source) -> dict[int, tuple[str, ...]]:
    """The inline ignore comments of a YAML file (none when it cannot be read as text)."""
    try:
        data = read_source(source, MAX_YAML_BYTES)
    except RecallError:
        return {}
    return inline_ignores(data.decode("utf-8", "replace"))
