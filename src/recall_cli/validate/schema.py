"""The JSON Schema of the campaign config, for editors (yaml-language-server) and CI."""

from __future__ import annotations

from typing import Any

from recall_cli.loaders.config_model import ConfigModel

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def config_schema() -> dict[str, Any]:
    """The config format's JSON Schema, generated from the loader's own pydantic model.

    Each bounded number carries the `minimum` and `maximum` the loader checks (`config.Bounds`).
    """
    schema = ConfigModel.model_json_schema()
    return {"$schema": DIALECT, **schema, "title": "recall campaign config"}
