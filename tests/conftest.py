"""Hermetic tests: no locale, CI flavour or terminal settings leak in from the machine."""

from __future__ import annotations

import pytest

import tests.thoroughness  # noqa: F401 (loads the Hypothesis profile)

_LEAKY = ("LC_ALL", "LC_MESSAGES", "LANG", "GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR", "COLUMNS")


@pytest.fixture(autouse=True)
def _hermetic_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _LEAKY:
        monkeypatch.delenv(name, raising=False)
