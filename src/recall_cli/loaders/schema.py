"""Validate a YAML tree against a pydantic file model, turning each error into a positioned
problem; the models describe the file formats and nothing else."""

from __future__ import annotations

import difflib
from collections.abc import Sequence as Seq
from dataclasses import dataclass, field
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ValidationError
from pydantic_core import PydanticCustomError

from recall_cli.loaders import codes
from recall_cli.loaders.yaml_tree import (
    Mapping,
    Node,
    Scalar,
    Sequence,
    Yaml11Text,
    key_text,
    kind_key,
)
from recall_cli.messages import Message
from recall_cli.problems import Location, Problem

M = TypeVar("M", bound=BaseModel)
_SHOWN_MAX = 40
Path = tuple[object, ...]


def _no_yaml11(value: object) -> object:
    if isinstance(value, Yaml11Text):
        raise PydanticCustomError("yaml11", "read differently by YAML 1.1")
    return value


Text = Annotated[str, BeforeValidator(_no_yaml11)]
"""A string field that refuses plain scalars a YAML 1.1 reader would take for a bool or number."""


@dataclass(slots=True)
class Tree:
    """Plain Python data of a YAML tree, with the node behind every path."""

    data: object
    values: dict[Path, Node] = field(default_factory=dict)
    keys: dict[Path, Scalar] = field(default_factory=dict)


def to_python(node: Node, problems: list[Problem]) -> Tree:
    """Plain data for pydantic; duplicate keys are reported and the first one kept."""
    tree = Tree(None)
    tree.data = _convert(node, (), tree, problems)
    return tree


def _convert(node: Node, path: Path, tree: Tree, problems: list[Problem]) -> object:
    tree.values[path] = node
    if isinstance(node, Scalar):
        return node.value()
    if isinstance(node, Sequence):
        return [_convert(item, (*path, i), tree, problems) for i, item in enumerate(node.items)]
    result: dict[str, object] = {}
    for key, value in node.items:
        if not isinstance(key, Scalar):
            problems.append(Problem(key.location, codes.WRONG_TYPE, Message("schema.complex_key")))
            continue
        # Keys in our formats are names (fields, statuses), so a key is its text: `5:` is the
        # name "5" (an unknown status), not a number that no schema could place.
        name = key.text
        if name in result:
            first = tree.keys[(*path, name)]
            problems.append(
                Problem(
                    key.location,
                    codes.DUPLICATE_KEY,
                    Message("yaml.duplicate_key", {"key": key.text, "line": first.location.line}),
                )
            )
            continue
        tree.keys[(*path, name)] = key
        result[name] = _convert(value, (*path, name), tree, problems)
    return result


_EXPECTED = {
    "int_type": "type.int",
    "int_from_float": "type.int",
    "bool_type": "type.bool",
    "float_type": "type.number",
    "string_type": "type.text",
    "dict_type": "type.mapping",
    "model_type": "type.mapping",
    "model_attributes_type": "type.mapping",
    "list_type": "type.list",
    "literal_error": "type.choice",
    "enum": "type.choice",
    "finite_number": "type.number",
}


def validate(model: type[M], tree: Tree, file: str) -> tuple[M | None, list[Problem]]:
    """The model instance, or None with a problem for each validation error."""
    try:
        return model.model_validate(tree.data), []
    except ValidationError as error:
        problems = []
        seen: set[Path] = set()
        for err in error.errors():
            loc: Path = tuple(err["loc"])
            if err["type"] not in {"missing", "extra_forbidden"}:
                # A union's alternatives each refuse the value under a loc of their own
                # (`after_hours.float`, `after_hours.int`): one value, one problem.
                loc = _in_tree(tree, loc)
                if loc in seen:
                    continue
                seen.add(loc)
            problems.append(_problem(model, tree, file, {**err, "loc": loc}))
        return None, sorted(problems, key=lambda p: p.location)


def _in_tree(tree: Tree, loc: Path) -> Path:
    """The longest start of `loc` that names a node of the file."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in tree.values:
            return loc[:end]
    return ()


def _problem(model: type[BaseModel], tree: Tree, file: str, err: dict[str, Any]) -> Problem:
    loc: Path = tuple(err["loc"])
    kind: str = err["type"]
    if kind == "missing":
        parent = _nearest(tree, loc[:-1], file)
        return Problem(parent, codes.MISSING_KEY, Message("schema.missing", {"key": loc[-1]}))
    if kind == "extra_forbidden":
        key = tree.keys.get(loc)
        where = key.location if key else _nearest(tree, loc, file)
        allowed = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        params = {"key": loc[-1], "allowed": ", ".join(allowed)}
        if close:
            return Problem(
                where,
                codes.UNKNOWN_KEY,
                Message("schema.unknown_hint", {**params, "hint": close[0]}),
            )
        return Problem(where, codes.UNKNOWN_KEY, Message("schema.unknown", params))
    where = _nearest(tree, loc, file)
    node = tree.values[loc]  # `validate` moved loc onto a node of the file
    if kind == "yaml11":
        return Problem(where, codes.YAML11_TRAP, Message("yaml.yaml11", {"value": _shown(node)}))
    expected = _EXPECTED.get(kind)
    if expected is not None:
        choices = err.get("ctx", {}).get("expected", "")
        return Problem(
            where,
            codes.WRONG_TYPE,
            Message(
                "schema.wrong_type",
                {"expected": Message(expected, {"choices": choices}), "got": got(node)},
            ),
        )
    return Problem(
        where, codes.WRONG_TYPE, Message("schema.invalid", {"got": got(node), "reason": err["msg"]})
    )


def got(node: Node) -> Message:
    """The offending value as written and what YAML reads it as, e.g. `'2' (text)`."""
    if isinstance(node, Scalar) and node.plain and not node.text:
        return Message("value.empty")
    return Message("value.got", {"value": _shown(node), "kind": Message(kind_key(node))})


def _shown(node: Node) -> str:
    """The offending value as written, cut short: a 5,000-digit number is not a message."""
    if isinstance(node, Scalar):
        shown = node.text if node.plain else repr(node.text)
        return shown if len(shown) <= _SHOWN_MAX else shown[: _SHOWN_MAX - 1] + "…"
    if isinstance(node, Mapping):
        return "{…}"
    return "[…]"


def _nearest(tree: Tree, loc: Path, file: str) -> Location:
    for end in range(len(loc), -1, -1):
        node = tree.values.get(loc[:end])
        if node is not None:
            return node.location
    return Location(file, 1, 1)


def _fields_at(model: type[BaseModel], loc: Path) -> list[str]:
    """Field names of the model found by following `loc` through nested models."""
    current: Any = model
    for part in loc:
        fields = getattr(current, "model_fields", None)
        if fields is None or part not in fields:
            # A dict of models: the part is a free key; keep the model of the values.
            args = getattr(current, "__args__", ())
            current = args[-1] if args else current
            continue
        current = _unwrap(fields[part].annotation)
    fields = getattr(current, "model_fields", None)
    return sorted(fields) if fields else []


def _unwrap(annotation: Any) -> Any:
    args: Seq[Any] = getattr(annotation, "__args__", ())
    for arg in args:
        if getattr(arg, "model_fields", None) is not None:
            return arg
        inner = _unwrap(arg)
        if getattr(inner, "model_fields", None) is not None:
            return inner
    return annotation


def key_location(tree: Tree, path: Path, file: str) -> Location:
    key = tree.keys.get(path)
    return key.location if key else _nearest(tree, path, file)


__all__ = ["Text", "Tree", "key_location", "key_text", "to_python", "validate"]
