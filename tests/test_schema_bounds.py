"""`recall schema` and the config loader agree on every bounded number, on both sides of each bound.

The schema's verdict comes from a small checker of one property's `type`, `minimum` and `maximum`;
the loader's is whether it reports the range rule of that field.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recall_cli.loaders.config import check_config
from recall_cli.problems import Severity
from recall_cli.validate.schema import config_schema
from tests.thoroughness import examples

Number = int | float


@dataclass(frozen=True)
class Field:
    """A bounded number of the config, and how to write a config whose only doubt is its value."""

    model: str
    name: str
    low: int
    high: int
    floats: bool
    rules: frozenset[str]  # the ids the loader reports for a value out of range
    template: str  # `{v}` is the value

    def config(self, value: Number) -> str:
        return self.template.replace("{v}", _yaml(value))


_LIMITS = "limits: {max_attempts_per_record: 5, max_attempts_per_number: 3}\n"
FIELDS = (
    Field(
        "LimitsModel",
        "max_attempts_per_record",
        1,
        1000,
        False,
        frozenset({"RC013"}),
        "limits: {max_attempts_per_record: {v}, max_attempts_per_number: 3}\n",
    ),
    Field(
        "LimitsModel",
        "max_attempts_per_number",
        1,
        1000,
        False,
        frozenset({"RC013"}),
        "limits: {max_attempts_per_record: 5, max_attempts_per_number: {v}}\n",
    ),
    Field(
        "RuleModel",
        "repeats",
        0,
        100,
        False,
        frozenset({"RC013"}),
        # With no repeats the interval is only unused (a warning), never a range finding.
        _LIMITS + "rules:\n  busy: {action: stop_number, repeats: {v}, interval_minutes: 5}\n",
    ),
    Field(
        "RuleModel",
        "interval_minutes",
        1,
        10,
        False,
        frozenset({"RC104"}),
        # The loader checks the interval of a rule that repeats.
        _LIMITS + "rules:\n  busy: {action: stop_number, repeats: 1, interval_minutes: {v}}\n",
    ),
    Field(
        "RuleModel",
        "after_hours",
        1,
        8760,
        True,
        frozenset({"RC013", "RC105"}),
        _LIMITS + "rules:\n  busy: {action: callback, after_hours: {v}}\n",
    ),
    Field(
        "DialerModel",
        "lines",
        1,
        100_000,
        False,
        frozenset({"RC013"}),
        _LIMITS + "dialer: {lines: {v}}\n",
    ),
)
_IDS = [field.name for field in FIELDS]
SCHEMA = config_schema()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bounds")


def _yaml(value: Number) -> str:
    text = repr(value)
    assert text.lstrip("-").replace(".", "", 1).isdigit(), text  # plain YAML, read back exactly
    return text


def _accepts(option: dict[str, Any], value: Number) -> bool:
    """JSON Schema's verdict on `value` for one option: its `type`, `minimum` and `maximum`."""
    kind = option.get("type")
    if kind == "integer" and not isinstance(value, int):
        return False
    if kind not in {"integer", "number"}:
        return False
    return bool(option.get("minimum", -math.inf) <= value <= option.get("maximum", math.inf))


def _property(field: Field) -> dict[str, Any]:
    prop: dict[str, Any] = SCHEMA["$defs"][field.model]["properties"][field.name]
    return prop


def schema_accepts(field: Field, value: Number) -> bool:
    prop = _property(field)
    return any(_accepts(option, value) for option in prop.get("anyOf", [prop]))


def loader_refuses(field: Field, value: Number, folder: Path) -> bool:
    path = folder / "campaign.yaml"
    path.write_text(field.config(value), encoding="utf-8")
    errors = [p.code.id for p in check_config(path).problems if p.severity is Severity.ERROR]
    # The config is otherwise sound: an error of another rule would hide the range finding.
    assert set(errors) <= field.rules, errors
    return bool(errors)


def _near(bound: int) -> st.SearchStrategy[int]:
    return st.integers(bound - 3, bound + 3)


def _near_float(bound: int) -> st.SearchStrategy[float]:
    # Binary fractions within 4 of the bound print exactly, and the floats next to the bound.
    steps = st.integers(-4096, 4096).map(lambda k: bound + k / 1024)
    beside = st.sampled_from([math.nextafter(bound, -math.inf), math.nextafter(bound, math.inf)])
    return st.one_of(steps, beside, st.just(float(bound)))


def values(field: Field) -> st.SearchStrategy[Number]:
    ints = st.one_of(_near(field.low), _near(field.high), st.integers(-(10**6), 10**6))
    if not field.floats:
        return ints
    return st.one_of(ints, _near_float(field.low), _near_float(field.high))


@pytest.mark.parametrize("field", FIELDS, ids=_IDS)
def test_the_schema_publishes_both_bounds(field: Field) -> None:
    prop = _property(field)
    numeric = [o for o in prop.get("anyOf", [prop]) if o["type"] in {"integer", "number"}]
    assert [o["type"] for o in numeric] == (["number", "integer"] if field.floats else ["integer"])
    assert {(o["minimum"], o["maximum"]) for o in numeric} == {(field.low, field.high)}


@pytest.mark.parametrize("field", FIELDS, ids=_IDS)
@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_below_at_and_above_each_bound(field: Field, offset: int, folder: Path) -> None:
    for bound, inside in ((field.low, offset >= 0), (field.high, offset <= 0)):
        value = bound + offset
        assert schema_accepts(field, value) is inside
        assert loader_refuses(field, value, folder) is not inside


@settings(max_examples=examples(60), deadline=None)
@given(data=st.data())
@pytest.mark.parametrize("field", FIELDS, ids=_IDS)
def test_schema_and_loader_agree_around_every_bound(
    field: Field, data: st.DataObject, folder: Path
) -> None:
    value = data.draw(values(field))
    assert schema_accepts(field, value) is not loader_refuses(field, value, folder)
