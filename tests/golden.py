"""Golden files: compare text with a file in tests/golden/, or rewrite it when asked.

Refresh every golden file after an intended change with:
    RECALL_UPDATE_GOLDEN=1 .venv/bin/python -m pytest
and review the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(text: str, name: str) -> None:
    path = GOLDEN / name
    if os.environ.get("RECALL_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with RECALL_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")
