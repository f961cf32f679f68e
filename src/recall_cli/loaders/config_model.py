"""The campaign config's file models (what the YAML may say) and the bounds of its numbers,
declared once: the loader checks them by hand, with positions; `recall schema` publishes them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    SkipValidation,
    StrictBool,
    StrictFloat,
    StrictInt,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from recall_cli.loaders.hours import HoursModel, Preset
from recall_cli.loaders.schema import Text

DEFAULT_TIMEZONE = "Europe/Moscow"
DEFAULT_REGION = "RU"


@dataclass(frozen=True, slots=True)
class Bounds:
    """The range, ends included, that a number in the config must lie in.

    The loader checks it by hand, so that each bound keeps its own rule and message; `recall
    schema` publishes it as the field's `minimum` and `maximum`.
    """

    low: int
    high: int

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # Pydantic only asks the metadata for the schema: it never enforces these bounds itself.
        json_schema = handler(schema)
        for option in json_schema.get("anyOf", [json_schema]):
            option.update(minimum=self.low, maximum=self.high)
        return json_schema


@dataclass(frozen=True, slots=True)
class NonEmpty:
    """A list that must hold at least one item: checked by the loader, published as `minItems`."""

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema.update(minItems=1)
        return json_schema


# The upper bounds of attempts, repeats and waits are the project's own: beyond them a value is
# a typo, not a policy, and would let a single record dial without end or wait past the
# calendar's end.
ATTEMPTS = Bounds(1, 1000)
REPEATS = Bounds(0, 100)
INTERVAL = Bounds(1, 10)
AFTER_HOURS = Bounds(1, 8760)  # a year
# Far beyond any contact centre's trunks; more is a typo.
LINES = Bounds(1, 100_000)
# More dials than a record could make in a month of back-to-back seconds is a typo.
CAP_MAX = Bounds(1, 10_000)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


Hours = Annotated[StrictFloat | StrictInt, AFTER_HOURS]


class RuleModel(_Model):
    action: Literal["callback", "stop_number", "stop_record"]
    repeats: Annotated[StrictInt, REPEATS] = 0
    interval_minutes: Annotated[StrictInt, INTERVAL] | None = None
    after_hours: Hours | Annotated[list[Hours], NonEmpty()] | None = Field(
        default=None,
        description="A callback's wait in hours, or its schedule: the k-th callback of the rule "
        "waits the k-th value, the last value once the list is used up.",
    )
    scenario: Text | None = None
    scope: Literal["record", "campaign"] | None = Field(
        default=None,
        description="Where a stop_number stops its phone: in this record (default) or in every "
        "record that holds it.",
    )


class LimitsModel(_Model):
    max_attempts_per_record: Annotated[StrictInt, ATTEMPTS]
    max_attempts_per_number: Annotated[StrictInt, ATTEMPTS]
    dial_all_numbers: StrictBool = False
    number_order: Literal["first", "next", "least_attempted"] = Field(
        default="first",
        description="Which number a new attempt dials; next and least_attempted need "
        "dial_all_numbers.",
    )


class ListModel(_Model):
    id_column: Text | None = None
    phone_columns: list[Text] | None = None
    timezone_column: Text | None = Field(
        default=None, description="The column of each record's time zone."
    )


def _lines_required(schema: dict[str, Any]) -> None:
    """`lines` is optional to the model, so that a dialer without it is a rule of its own
    (RC117); the published schema requires it, as the loader does."""
    schema["required"] = ["lines"]
    lines = schema["properties"]["lines"]
    (number,) = (option for option in lines.pop("anyOf") if option["type"] != "null")
    del lines["default"]
    lines.update(number)


class DialerModel(_Model):
    model_config = ConfigDict(json_schema_extra=_lines_required)

    lines: Annotated[StrictInt, LINES] | None = Field(
        default=None, description="Dials in progress at once."
    )
    order: Literal["retries_first", "due_time"] = "retries_first"


class CapModel(_Model):
    max: Annotated[StrictInt, CAP_MAX] = Field(description="Counted dials allowed per period.")
    per: Text = Field(
        description="day, week or month (calendar, local time; weeks start on Monday), "
        "or a rolling Nh / Nd."
    )
    count: Literal["dials", "attempts"] = "dials"
    scope: Literal["record", "phone"] = Field(
        default="record",
        description="record: all numbers of a record together; phone: one phone across every "
        "record that holds it.",
    )


# `ConfigModel` has a field named `list`, which hides the builtin in its body.
CapsModel = list[CapModel]
DncFiles = list[Text]


class ConfigModel(_Model):
    """A campaign config file."""

    campaign: Text | None = None
    timezone: Text = DEFAULT_TIMEZONE
    region: Text = Field(default=DEFAULT_REGION, description="Phone numbering region (ISO code).")
    limits: LimitsModel
    rules: dict[str, RuleModel] = Field(default_factory=dict)
    list: ListModel | None = None
    # Read by hand (`loaders.hours`), so that a preset and a week each report their own
    # problems at their own places; the annotation gives `recall schema` the shape.
    hours: SkipValidation[Preset | HoursModel | None] = Field(
        default=None, description="When a dial may start; no hours = any time."
    )
    dialer: DialerModel | None = None
    caps: CapsModel | None = Field(
        default=None, description="Frequency caps: a dial starts only if no cap is exceeded."
    )
    do_not_call: DncFiles | None = Field(
        default=None,
        description="Do-not-call files (CSV, or one number a line), relative to the config's "
        "folder: a listed number is never dialled.",
    )
