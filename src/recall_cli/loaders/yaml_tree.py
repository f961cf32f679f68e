"""YAML to a tree of nodes that keep their positions, built from parser events.

We never let PyYAML construct objects: the parser's events are read one by one, so that
anchors, aliases and tags are refused before anything is expanded, nesting depth is bounded
without recursion, and every duplicate key is reported at its own position. Plain scalars
resolve by the YAML 1.2 core schema; those a YAML 1.1 tool would read differently are marked.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from recall_cli.loaders import codes
from recall_cli.loaders.files import Source, as_source, decode_utf8, position_of, read_source
from recall_cli.messages import Message
from recall_cli.problems import Location, Problem, RecallError

MAX_DEPTH = 64
# Configs are a few KiB and training scripts rarely reach 1 MiB; a bigger YAML file is a
# mistake or an attack, and is refused before it is parsed.
MAX_YAML_BYTES = 10 * 1024 * 1024
# libyaml's parser, when PyYAML was built with it, reads events some 30 times faster than the
# pure-Python one, with the same events and marks; only its error wording differs.
_PARSER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DEPTH_ERROR = "maximum nesting depth"

_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
# What YAML 1.1 (PyYAML, many dialer tools) reads as a boolean, a sexagesimal or an octal number.
_YAML11_BOOL = re.compile(r"(?i:y|yes|n|no|on|off)")
_YAML11_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")
_YAML11_OCTAL = re.compile(r"[-+]?0[0-7_]+")


class Yaml11Text(str):
    """A plain scalar kept as text that a YAML 1.1 reader would take for a bool or a number."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Scalar:
    text: str
    plain: bool
    location: Location

    def value(self) -> object:
        """The scalar's value by the YAML 1.2 core schema (quoted scalars are always text)."""
        if not self.plain:
            return self.text
        return resolve_plain(self.text)


@dataclass(slots=True)
class Mapping:
    location: Location
    items: list[tuple[Node, Node]] = field(default_factory=list)


@dataclass(slots=True)
class Sequence:
    location: Location
    items: list[Node] = field(default_factory=list)


Node = Scalar | Mapping | Sequence


def resolve_plain(text: str) -> object:
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _YAML11_OCTAL.fullmatch(text) and text.lstrip("+-") != "0":
        return Yaml11Text(text)
    if _INT.fullmatch(text):
        try:
            return int(text)
        except ValueError:
            # Beyond Python's digit limit (4300): no count or limit is that big; keep the text,
            # so that the schema reports a wrong type instead of the parser crashing.
            return text
    if _OCT.fullmatch(text):
        return int(text[2:], 8)
    if _HEX.fullmatch(text):
        return int(text[2:], 16)
    if _FLOAT.fullmatch(text):
        return float(text)
    lowered = text.lower()
    if lowered in {".inf", "+.inf"}:
        return math.inf
    if lowered == "-.inf":
        return -math.inf
    if lowered == ".nan":
        return math.nan
    if _YAML11_BOOL.fullmatch(text) or _YAML11_SEXAGESIMAL.fullmatch(text):
        return Yaml11Text(text)
    return text


@dataclass(slots=True)
class Document:
    """A parsed YAML file: its root node (None when empty or unusable) and what was wrong."""

    file: str
    root: Node | None
    problems: list[Problem]


def read_yaml(path: str | Path | Source) -> Document:
    """Read and parse a YAML file (a path, "-" for stdin, or a `Source` holding its bytes);
    unreadable files raise, everything else is a problem."""
    source = as_source(path)
    name = source.name
    data = read_source(source, MAX_YAML_BYTES)
    try:
        text = decode_utf8(name, data)
    except RecallError as error:
        return Document(name, None, list(error.problems))
    return parse_yaml(name, text)


def parse_yaml(name: str, text: str) -> Document:
    return _parse(name, text, _PARSER)


def _parse(name: str, text: str, parser: type[yaml.SafeLoader]) -> Document:
    problems: list[Problem] = []
    try:
        root = _build(name, yaml.parse(text, Loader=parser), problems)
    except yaml.MarkedYAMLError as error:
        if parser is not yaml.SafeLoader and _DEPTH_ERROR in str(error.problem):
            # libyaml scans flow collections ahead and stops at its own depth limit (1000)
            # before we see the level that passes ours; PyYAML's lazy parser reaches ours first.
            return _parse(name, text, yaml.SafeLoader)
        mark = error.problem_mark or error.context_mark
        location = Location(name, mark.line + 1, mark.column + 1) if mark else Location(name)
        reason = error.problem or error.context or "invalid YAML"
        problems.append(
            Problem(location, codes.YAML_SYNTAX, Message("yaml.syntax", {"reason": reason}))
        )
        return Document(name, None, problems)
    except yaml.reader.ReaderError as error:
        line, column = position_of(text, _char_offset(text, error.position, parser))
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else "?"
        problems.append(
            Problem(
                Location(name, line, column),
                codes.YAML_SYNTAX,
                Message("yaml.bad_character", {"character": character}),
            )
        )
        return Document(name, None, problems)
    except yaml.YAMLError as error:
        problems.append(
            Problem(Location(name), codes.YAML_SYNTAX, Message("yaml.syntax", {"reason": error}))
        )
        return Document(name, None, problems)
    except _TooDeepError as error:
        problems.append(
            Problem(error.location, codes.TOO_DEEP, Message("yaml.too_deep", {"limit": MAX_DEPTH}))
        )
        return Document(name, None, problems)
    return Document(name, root, problems)


def _char_offset(text: str, position: int, parser: type[yaml.SafeLoader]) -> int:
    """The character offset of a reader error: libyaml counts UTF-8 bytes, PyYAML characters."""
    if parser is yaml.SafeLoader:
        return position
    return len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))


class _TooDeepError(Exception):
    def __init__(self, location: Location) -> None:
        super().__init__(str(location))
        self.location = location


def _location(name: str, event: yaml.Event) -> Location:
    mark = event.start_mark
    if mark is None:
        return Location(name)
    return Location(name, mark.line + 1, mark.column + 1)


def _build(name: str, events: Iterator[yaml.Event], problems: list[Problem]) -> Node | None:
    """Assemble nodes from events with an explicit stack (no recursion, bounded depth)."""
    tree = _Tree()
    documents = 0
    for event in events:
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                problems.append(
                    Problem(_location(name, event), codes.YAML_SYNTAX, Message("yaml.documents"))
                )
                return tree.root
            continue
        if isinstance(event, yaml.AliasEvent):
            problems.append(
                Problem(_location(name, event), codes.YAML_ALIAS, Message("yaml.alias"))
            )
            tree.attach(Scalar("", plain=True, location=_location(name, event)))
            continue
        if isinstance(event, yaml.NodeEvent | yaml.CollectionEndEvent):
            problems.extend(_marked(name, event))
            tree.take(name, event)
    return tree.root


def _marked(name: str, event: yaml.NodeEvent | yaml.CollectionEndEvent) -> Iterator[Problem]:
    """The anchor and the explicit tag an event carries, each a problem."""
    if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
        yield Problem(_location(name, event), codes.YAML_ALIAS, Message("yaml.anchor"))
    if isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent) and _explicit_tag(event):
        yield Problem(
            _location(name, event),
            codes.YAML_TAG,
            Message("yaml.tag", {"tag": event.tag}),
        )


class _Tree:
    """The nodes built so far: the root, the collections still open and, for each open
    mapping, the key waiting for its value."""

    def __init__(self) -> None:
        self.root: Node | None = None
        self.stack: list[Mapping | Sequence] = []
        self.pending_keys: list[Node | None] = []

    def take(self, name: str, event: yaml.NodeEvent | yaml.CollectionEndEvent) -> None:
        """Add a scalar, open a collection or close the innermost one."""
        if isinstance(event, yaml.ScalarEvent):
            plain = event.implicit[0] and not event.style  # libyaml says "" where PyYAML says None
            self.attach(Scalar(event.value, plain=plain, location=_location(name, event)))
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            if len(self.stack) >= MAX_DEPTH:
                raise _TooDeepError(_location(name, event))
            node: Mapping | Sequence = (
                Mapping(_location(name, event))
                if isinstance(event, yaml.MappingStartEvent)
                else Sequence(_location(name, event))
            )
            self.stack.append(node)
            self.pending_keys.append(None)
        elif isinstance(event, yaml.CollectionEndEvent):
            done = self.stack.pop()
            self.pending_keys.pop()
            self.attach(done)

    def attach(self, node: Node) -> None:
        if not self.stack:
            self.root = node
            return
        parent, key = self.stack[-1], self.pending_keys[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
        elif key is None:
            self.pending_keys[-1] = node
        else:
            parent.items.append((key, node))
            self.pending_keys[-1] = None


def _explicit_tag(event: yaml.ScalarEvent | yaml.CollectionStartEvent) -> bool:
    if event.tag is None or event.tag == "!":
        return False
    if isinstance(event, yaml.ScalarEvent):
        return not (event.implicit[0] or event.implicit[1])
    return not event.implicit


def duplicate_keys(node: Mapping) -> Iterator[tuple[Scalar, Scalar]]:
    """Each key that repeats an earlier one in the same mapping, with that first key."""
    seen: dict[object, Scalar] = {}
    for key, _ in node.items:
        if not isinstance(key, Scalar):
            continue
        marker = (type(key.value()), key.value())
        first = seen.get(marker)
        if first is None:
            seen[marker] = key
        else:
            yield key, first


def key_text(node: Node) -> str:
    return node.text if isinstance(node, Scalar) else "?"


def kind_key(node: Node) -> str:
    """The message key naming what a node is in YAML: text, a whole number, a list, …"""
    if isinstance(node, Mapping):
        return "kind.mapping"
    if isinstance(node, Sequence):
        return "kind.list"
    value = node.value()
    if value is None:
        return "kind.null"
    if isinstance(value, bool):
        return "kind.bool"
    if isinstance(value, int) or (node.plain and _INT.fullmatch(node.text)):
        return "kind.int"  # a whole number past Python's digit limit is kept as text
    if isinstance(value, float):
        return "kind.number"
    return "kind.text"
