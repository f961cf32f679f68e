"""The JSON Schema of the campaign config, for editors (yaml-language-server) and CI."""

from __future__ import annotations

from typing import Any

from recall_cli.loaders.config import MAX_INTERVAL, MIN_AFTER_HOURS, MIN_INTERVAL, ConfigModel

DIALECT = "https://json-schema.org/draft/2020-12/schema"
# The bounds the config loader checks by hand (SPEC §3), which pydantic's schema cannot know.
_BOUNDS: dict[tuple[str, str], dict[str, int]] = {
    ("LimitsModel", "max_attempts_per_record"): {"minimum": 1},
    ("LimitsModel", "max_attempts_per_number"): {"minimum": 1},
    ("RuleModel", "repeats"): {"minimum": 0},
    ("RuleModel", "interval_minutes"): {"minimum": MIN_INTERVAL, "maximum": MAX_INTERVAL},
    ("RuleModel", "after_hours"): {"minimum": MIN_AFTER_HOURS},
}


def config_schema() -> dict[str, Any]:
    """The config format's JSON Schema, generated from the loader's own pydantic model."""
    schema = ConfigModel.model_json_schema()
    for (model, field), bounds in _BOUNDS.items():
        prop = schema["$defs"][model]["properties"][field]
        for option in prop.get("anyOf", [prop]):
            if option.get("type") in {"integer", "number"}:
                option.update(bounds)
    return {"$schema": DIALECT, **schema, "title": "recall campaign config"}
