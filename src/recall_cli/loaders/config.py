"""The campaign config (docs/formats.md#config): YAML → file model → `engine.Policy`, every problem
positioned."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path

from recall_cli.engine import Action, Limits, NumberOrder, Policy, Rule, Status, parse_status
from recall_cli.engine.caps import Cap
from recall_cli.engine.dialer import Dialer
from recall_cli.engine.hours import Hours, LocalTime
from recall_cli.engine.policy import StopScope
from recall_cli.loaders import codes
from recall_cli.loaders.config_dialer import read_caps, read_dialer, within
from recall_cli.loaders.config_model import (
    AFTER_HOURS,
    ATTEMPTS,
    INTERVAL,
    REPEATS,
    ConfigModel,
    LimitsModel,
    ListModel,
    RuleModel,
)
from recall_cli.loaders.contacts import ListColumns
from recall_cli.loaders.files import Source, as_source
from recall_cli.loaders.hours import read_hours
from recall_cli.loaders.schema import Tree, got, key_location, to_python, validate
from recall_cli.loaders.status_names import unknown_status
from recall_cli.loaders.yaml_tree import Document, Mapping, read_yaml
from recall_cli.messages import Message
from recall_cli.problems import Code, Location, Problem, RecallError, errors_in


@dataclass(frozen=True, slots=True)
class Campaign:
    """A loaded config: the engine's policy and what the edges need besides."""

    policy: Policy
    file: str
    region: str
    columns: ListColumns
    rule_locations: dict[Status, Location]
    # Each rule's status as the config writes it (an id or a label), for messages to its author.
    rule_names: dict[Status, str] = field(default_factory=dict)
    hours: Hours | None = None
    dialer: Dialer | None = None
    timezone_column: str | None = None
    caps: tuple[Cap, ...] = ()
    do_not_call: tuple[str, ...] = ()
    """The config's do-not-call files, as paths resolved against the config's folder."""
    do_not_call_at: tuple[Location, ...] = ()
    """Where the config names each of `do_not_call`, for a problem with the file."""

    def status_name(self, status: Status) -> str:
        return self.rule_names.get(status, status.value)


@dataclass(slots=True)
class ConfigReport:
    """Everything a config file yields: the campaign when usable, and all problems found."""

    campaign: Campaign | None
    problems: list[Problem]
    document: Document


def load_config(path: str | Path) -> Campaign:
    """The campaign of a config file, or a `RecallError` with every error in it."""
    report = check_config(path)
    errors = errors_in(report.problems)
    if errors or report.campaign is None:
        raise RecallError(errors)
    return report.campaign


def check_config(path: str | Path | Source) -> ConfigReport:
    """Read a config, collecting every problem (warnings included) instead of stopping."""
    document = read_yaml(path)
    problems = list(document.problems)
    campaign = None
    if document.root is not None and not errors_in(problems):
        campaign = _campaign(document, problems, Path(as_source(path).path).stem)
    elif document.root is None and not problems:
        problems.append(
            Problem(Location(document.file, 1, 1), codes.WRONG_TYPE, Message("config.empty"))
        )
    return ConfigReport(campaign, sorted(problems, key=lambda p: p.location), document)


def _campaign(document: Document, problems: list[Problem], stem: str) -> Campaign | None:
    assert document.root is not None
    file = document.file
    if not isinstance(document.root, Mapping):
        problems.append(
            Problem(
                document.root.location,
                codes.WRONG_TYPE,
                Message("config.not_mapping", {"got": got(document.root)}),
            )
        )
        return None
    tree = to_python(document.root, problems)
    model, schema_problems = validate(ConfigModel, tree, file)
    problems.extend(schema_problems)
    hours = read_hours(tree, file, problems)
    if model is None:
        return None
    limits = _limits(model.limits, tree, file, problems)
    rules, where = _rules(model, tree, file, problems)
    _timezone(model.timezone, tree, file, problems)
    dialer = read_dialer(model.dialer, tree, file, problems)
    caps = read_caps(model.caps, tree, file, problems)
    # Every check has run, so all problems are reported; any error (a duplicate or complex key
    # included) leaves no campaign to use.
    if errors_in(problems):
        return None
    policy = Policy(
        limits=limits,
        rules=rules,
        name=model.campaign if model.campaign else stem,
        timezone=model.timezone,
    )
    listed = model.list or ListModel()
    phones = listed.phone_columns
    # A record's zone cell is read only when calling hours are judged in its local time.
    zones = hours is not None and hours.local_time is LocalTime.RECORD
    columns = ListColumns(
        listed.id_column,
        tuple(phones) if phones is not None else None,
        listed.timezone_column,
        zones,
    )
    names: dict[Status, str] = {}
    for name in model.rules:
        status = parse_status(name)
        if status in rules:
            names.setdefault(status, name)
    region = model.region.upper()
    dnc: list[str] = model.do_not_call or []
    return Campaign(
        policy,
        file,
        region,
        columns,
        where,
        names,
        hours,
        dialer,
        listed.timezone_column,
        caps,
        tuple(str(Path(file).parent / name) for name in dnc),
        tuple(tree.values[("do_not_call", index)].location for index in range(len(dnc))),
    )


def _limits(model: LimitsModel, tree: Tree, file: str, problems: list[Problem]) -> Limits:
    for name in ("max_attempts_per_record", "max_attempts_per_number"):
        within(problems, tree, file, ("limits", name), getattr(model, name), ATTEMPTS)
    order = NumberOrder(model.number_order)
    if order is not NumberOrder.FIRST and not model.dial_all_numbers:
        problems.append(
            Problem(
                tree.values[("limits", "number_order")].location,
                codes.NUMBER_ORDER_WITHOUT_ALL,
                Message("config.number_order_without_all", {"order": order.value}),
            )
        )
    return Limits(
        model.max_attempts_per_record,
        model.max_attempts_per_number,
        model.dial_all_numbers,
        order,
    )


def _rules(
    model: ConfigModel, tree: Tree, file: str, problems: list[Problem]
) -> tuple[dict[Status, Rule], dict[Status, Location]]:
    rules: dict[Status, Rule] = {}
    where: dict[Status, Location] = {}
    for name, rule_model in model.rules.items():
        location = key_location(tree, ("rules", name), file)
        status = parse_status(name)
        if status is None:
            problems.append(unknown_status(location, name))
            continue
        if status is Status.ANSWERED:
            problems.append(
                Problem(
                    location, codes.ANSWERED_RULE, Message("config.answered_rule", {"name": name})
                )
            )
            continue
        if status in where:
            problems.append(
                Problem(
                    location,
                    codes.DUPLICATE_STATUS,
                    Message(
                        "config.duplicate_status",
                        {"name": name, "status": status.value, "line": where[status].line},
                    ),
                )
            )
            continue
        where[status] = location
        rule = _rule(status, rule_model, tree, file, ("rules", name), problems)
        if rule is not None:
            rules[status] = rule
    return rules, where


def _rule(
    status: Status,
    model: RuleModel,
    tree: Tree,
    file: str,
    path: tuple[object, ...],
    problems: list[Problem],
) -> Rule | None:
    action = Action(model.action)
    start = len(errors_in(problems))
    fields = _Fields(tree, file, path, problems)
    fields.repeats(model)
    fields.wait(action, model.after_hours)
    fields.scope(action, model.scope)
    if len(errors_in(problems)) > start:
        return None
    interval = model.interval_minutes
    hours = model.after_hours
    schedule: tuple[float, ...] = ()
    if action is Action.CALLBACK and hours is not None:
        schedule = tuple(map(float, hours)) if isinstance(hours, list) else (float(hours),)
    return Rule(
        status=status,
        action=action,
        repeats=model.repeats,
        interval_minutes=interval if model.repeats > 0 and interval is not None else 0,
        after_hours=schedule,
        scenario=model.scenario,
        scope=StopScope(model.scope or StopScope.RECORD),
    )


@dataclass(frozen=True, slots=True)
class _Fields:
    """The hand checks of one rule's fields, each problem at the field it is about."""

    tree: Tree
    file: str
    path: tuple[object, ...]
    problems: list[Problem]

    @property
    def here(self) -> Location:
        return self.tree.values[self.path].location

    def at(self, key: str) -> Location:
        node = self.tree.values.get((*self.path, key))
        return node.location if node else self.here

    def got(self, key: str) -> Message:
        return got(self.tree.values[(*self.path, key)])

    def add(self, location: Location, code: Code, key: str, **params: object) -> None:
        self.problems.append(Problem(location, code, Message(key, params)))

    def repeats(self, model: RuleModel) -> None:
        """`repeats` in range, and an interval in range when it repeats, unused otherwise."""
        where = (*self.path, "repeats")
        within(self.problems, self.tree, self.file, where, model.repeats, REPEATS)
        interval = model.interval_minutes
        bounds = {"low": INTERVAL.low, "high": INTERVAL.high}
        if model.repeats > 0 and interval is None:
            self.add(
                self.at("repeats"),
                codes.REPEATS_WITHOUT_INTERVAL,
                "config.repeats_without_interval",
                repeats=model.repeats,
                **bounds,
            )
        elif model.repeats > 0 and interval is not None:
            if not INTERVAL.low <= interval <= INTERVAL.high:
                got_ = self.got("interval_minutes")
                self.add(
                    self.at("interval_minutes"),
                    codes.INTERVAL_RANGE,
                    "config.interval_range",
                    got=got_,
                    **bounds,
                )
        elif interval is not None:
            self.add(self.at("interval_minutes"), codes.UNUSED_FIELD, "config.unused_interval")

    def wait(self, action: Action, hours: float | list[float] | None) -> None:
        """A callback's `after_hours` given and in range (each value of a schedule, which may
        not be empty); unused on a stop action."""
        if action is not Action.CALLBACK:
            if hours is not None:
                self.add(
                    self.at("after_hours"),
                    codes.UNUSED_FIELD,
                    "config.unused_after_hours",
                    action=action.value,
                )
        elif hours is None:
            self.add(
                self.here,
                codes.CALLBACK_WITHOUT_WAIT,
                "config.callback_without_wait",
                low=AFTER_HOURS.low,
            )
        elif isinstance(hours, list):
            if not hours:
                self.add(
                    self.at("after_hours"),
                    codes.CALLBACK_WITHOUT_WAIT,
                    "config.empty_schedule",
                    low=AFTER_HOURS.low,
                )
            for index, value in enumerate(hours):
                self.hours(value, (*self.path, "after_hours", index))
        else:
            self.hours(hours, (*self.path, "after_hours"))

    def scope(self, action: Action, scope: str | None) -> None:
        """`scope` only on a `stop_number` rule: no other action stops a phone."""
        if scope is not None and action is not Action.STOP_NUMBER:
            key = self.tree.keys[(*self.path, "scope")]
            self.add(
                key.location,
                codes.SCOPE_ON_NON_STOP,
                "config.scope_on_non_stop",
                action=action.value,
            )

    def hours(self, hours: float, where: tuple[object, ...]) -> None:
        """One wait in range, at `where`."""
        node = self.tree.values[where]
        if not hours <= AFTER_HOURS.high:  # also refuses .nan
            # Named by its field, not by its place in a schedule.
            bound = f"≤ {AFTER_HOURS.high}"
            params = {"key": "after_hours", "got": got(node), "bound": bound}
            self.problems.append(
                Problem(node.location, codes.OUT_OF_RANGE, Message("schema.range", params))
            )
        elif hours < AFTER_HOURS.low:
            self.add(
                node.location,
                codes.CALLBACK_TOO_SOON,
                "config.callback_too_soon",
                got=got(node),
                low=AFTER_HOURS.low,
            )


def _timezone(name: str, tree: Tree, file: str, problems: list[Problem]) -> None:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        node = tree.values.get(("timezone",))
        location = node.location if node else Location(file, 1, 1)
        problems.append(
            Problem(location, codes.UNKNOWN_TIMEZONE, Message("config.timezone", {"name": name}))
        )
