"""The output formats of `recall validate`, apart from the reporters so that the CLI can name
them without importing Rich."""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"
