"""Outcome scripts (docs/formats.md#scripts): exact dial results per record and number."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from recall_cli.engine import Contact, Status, parse_status
from recall_cli.loaders import codes
from recall_cli.loaders.files import Source
from recall_cli.loaders.profile import MAX_DURATION
from recall_cli.loaders.schema import got
from recall_cli.loaders.status_names import unknown_status
from recall_cli.loaders.yaml_tree import Mapping, Node, Scalar, Sequence, key_text, read_yaml
from recall_cli.messages import Message
from recall_cli.problems import Location, Problem, RecallError, errors_in


@dataclass(frozen=True, slots=True)
class NumberScript:
    key: Scalar
    outcomes: tuple[Status, ...]


@dataclass(frozen=True, slots=True)
class RecordScript:
    key: Scalar
    numbers: tuple[NumberScript, ...]


@dataclass(slots=True)
class Script:
    """A parsed script, not yet matched against a list."""

    file: str
    records: dict[str, RecordScript] = field(default_factory=dict)
    default: Status | None = None
    # Where each status is first named, for the missing-rule check.
    first_use: dict[Status, Location] = field(default_factory=dict)
    # Each status's dial duration in whole seconds (`durations:`); a status not named takes 0 s.
    durations: dict[Status, int] = field(default_factory=dict)


@dataclass(slots=True)
class ScriptReport:
    script: Script | None
    problems: list[Problem]


def check_script(path: str | Path | Source) -> ScriptReport:
    document = read_yaml(path)
    problems = list(document.problems)
    if errors_in(problems):
        return ScriptReport(None, problems)
    script = Script(document.file)
    root = document.root
    if not isinstance(root, Mapping):
        message = (
            Message("script.empty")
            if root is None
            else Message("script.not_mapping", {"got": got(root)})
        )
        where = root.location if root is not None else Location(document.file, 1, 1)
        problems.append(Problem(where, codes.WRONG_TYPE, message))
        return ScriptReport(None, problems)
    seen: dict[str, Scalar] = {}
    for key, value in root.items:
        name = _key(key, seen, problems)
        if name == "default":
            script.default = _status(value, script, problems)
        elif name == "records":
            _records(value, script, problems)
        elif name == "durations":
            _durations(value, script, problems)
        elif name is not None:
            allowed = "default, durations, records"
            problems.append(
                Problem(
                    key.location,
                    codes.UNKNOWN_KEY,
                    Message("schema.unknown", {"key": name, "allowed": allowed}),
                )
            )
    return ScriptReport(None if errors_in(problems) else script, problems)


def _key(node: Node, seen: dict[str, Scalar], problems: list[Problem]) -> str | None:
    if not isinstance(node, Scalar):
        problems.append(Problem(node.location, codes.WRONG_TYPE, Message("schema.complex_key")))
        return None
    first = seen.get(node.text)
    if first is not None:
        problems.append(
            Problem(
                node.location,
                codes.DUPLICATE_KEY,
                Message("yaml.duplicate_key", {"key": node.text, "line": first.location.line}),
            )
        )
        return None
    seen[node.text] = node
    return node.text


def _status(node: Node, script: Script, problems: list[Problem]) -> Status | None:
    if not isinstance(node, Scalar) or not node.text:
        problems.append(_wrong(node, "script.expected_status"))
        return None
    status = parse_status(node.text)
    if status is None:
        problems.append(unknown_status(node.location, node.text))
        return None
    script.first_use.setdefault(status, node.location)
    return status


def _wrong(node: Node, key: str) -> Problem:
    return Problem(node.location, codes.WRONG_TYPE, Message(key, {"got": got(node)}))


def _records(node: Node, script: Script, problems: list[Problem]) -> None:
    if not isinstance(node, Mapping):
        problems.append(_wrong(node, "script.records_mapping"))
        return
    seen: dict[str, Scalar] = {}
    for key, value in node.items:
        record_id = _key(key, seen, problems)
        if record_id is None or not isinstance(key, Scalar):
            continue
        if not isinstance(value, Mapping):
            problems.append(_wrong(value, "script.numbers_mapping"))
            continue
        numbers: list[NumberScript] = []
        numbers_seen: dict[str, Scalar] = {}
        for number_key, outcomes in value.items:
            if _key(number_key, numbers_seen, problems) is None or not isinstance(
                number_key, Scalar
            ):
                continue
            if not isinstance(outcomes, Sequence):
                problems.append(_wrong(outcomes, "script.outcomes_list"))
                continue
            statuses = [_status(item, script, problems) for item in outcomes.items]
            numbers.append(NumberScript(number_key, tuple(s for s in statuses if s is not None)))
        script.records[record_id] = RecordScript(key, tuple(numbers))


def _durations(node: Node, script: Script, problems: list[Problem]) -> None:
    """`durations:` — whole seconds per status, as a profile's fixed durations are bounded."""
    if not isinstance(node, Mapping):
        problems.append(_wrong_type(node, "type.mapping"))
        return
    seen: dict[str, Scalar] = {}
    for key, value in node.items:
        name = _key(key, seen, problems)
        status = None if name is None else parse_status(name)
        if name is not None and status is None:
            problems.append(unknown_status(key.location, name))
        seconds = value.value() if isinstance(value, Scalar) and value.plain else None
        if type(seconds) is not int:
            problems.append(_wrong_type(value, "type.int"))
        elif not 0 <= seconds <= MAX_DURATION:
            key_ = "profile.duration_negative" if seconds < 0 else "profile.duration_too_long"
            message = Message(key_, {"got": got(value), "limit": MAX_DURATION})
            problems.append(Problem(value.location, codes.DURATION_RANGE, message))
        elif status is not None and status in script.durations:
            problems.append(_duration_twice(key, status, node))
        elif status is not None:
            script.durations[status] = seconds


def _wrong_type(node: Node, expected: str) -> Problem:
    message = Message("schema.wrong_type", {"expected": Message(expected), "got": got(node)})
    return Problem(node.location, codes.WRONG_TYPE, message)


def _duration_twice(key: Node, status: Status, node: Mapping) -> Problem:
    """A status named twice (by its id and by its label, say)."""
    first = next(
        k for k, _ in node.items if isinstance(k, Scalar) and parse_status(k.text) is status
    )
    return Problem(
        key.location,
        codes.DUPLICATE_OUTCOME,
        Message(
            "profile.duplicate_status",
            {"name": key_text(key), "status": status.value, "line": first.location.line},
        ),
    )


ScriptOutcomes = dict[str, dict[int, tuple[Status, ...]]]
"""Outcomes per record id and 0-based number index."""


def bind_script(
    script: Script, contacts: tuple[Contact, ...], list_file: str, phone_columns: int
) -> tuple[ScriptOutcomes | None, list[Problem]]:
    """Match a script's records and numbers against a list (docs/formats.md#scripts)."""
    problems: list[Problem] = []
    by_id = {contact.id: contact for contact in contacts}
    records: dict[str, dict[int, tuple[Status, ...]]] = {}
    for record_id, record in script.records.items():
        contact = by_id.get(record_id)
        if contact is None:
            problems.append(
                Problem(
                    record.key.location,
                    codes.SCRIPT_UNKNOWN_RECORD,
                    Message("script.unknown_record", {"record": record_id}),
                )
            )
            continue
        numbers: dict[int, tuple[Status, ...]] = {}
        keys: dict[int, Scalar] = {}
        for number in record.numbers:
            index = _number_index(number.key, contact, phone_columns)
            if index is None:
                problems.append(
                    Problem(
                        number.key.location,
                        codes.SCRIPT_UNKNOWN_NUMBER,
                        Message(
                            "script.unknown_number",
                            {"record": record_id, "number": number.key.text},
                        ),
                    )
                )
                continue
            first = keys.get(index)
            if first is not None:
                problems.append(_number_twice(record_id, number.key, index, first))
                continue
            numbers[index] = number.outcomes
            keys[index] = number.key
        records[record_id] = numbers
    if script.default is None:
        problems.extend(
            Problem(
                Location(list_file, contact.line, 1),
                codes.SCRIPT_MISSING_RECORD,
                Message("script.missing_record", {"record": contact.id, "script": script.file}),
            )
            for contact in contacts
            if contact.id not in script.records and any(contact.dialable)
        )
    if problems:
        return None, problems
    return records, []


def _number_twice(record_id: str, key: Scalar, index: int, first: Scalar) -> Problem:
    """A second key for one number (by index and by phone, say): which outcomes would play is
    not for the file's order to decide."""
    return Problem(
        key.location,
        codes.SCRIPT_NUMBER_TWICE,
        Message(
            "script.number_twice",
            {
                "record": record_id,
                "number": key.text,
                "index": index + 1,
                "first": first.text,
                "line": first.location.line,
            },
        ),
    )


def _number_index(key: Scalar, contact: Contact, phone_columns: int) -> int | None:
    value = key.value()
    if key.plain and type(value) is int and 1 <= value <= phone_columns:
        return value - 1
    for index, phone in enumerate(contact.phones):
        if phone and phone == key.text:
            return index
    return None


def load_script(path: str | Path) -> Script:
    report = check_script(path)
    errors = errors_in(report.problems)
    if errors or report.script is None:
        raise RecallError(errors)
    return report.script
