"""`recall validate` (lands with the validator)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    del app
