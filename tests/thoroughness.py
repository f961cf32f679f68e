"""How hard the property tests look: Hypothesis' `dev` profile (quick, the default) or `ci`
(thorough), chosen by the environment variable HYPOTHESIS_PROFILE; `.ci/run` sets `ci`."""

from __future__ import annotations

import os

from hypothesis import settings

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "dev")
if PROFILE not in {"dev", "ci"}:
    raise SystemExit(f"HYPOTHESIS_PROFILE must be dev or ci, not {PROFILE!r}")
DEV_SHARE = 5
"""A test that asks for n examples gets n in `ci`, and n // DEV_SHARE (at least 10) in `dev`."""

settings.register_profile("ci", deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, max_examples=20)
settings.load_profile(PROFILE)


def examples(wanted: int) -> int:
    """The examples a test that asks for `wanted` runs under the active profile."""
    return wanted if PROFILE == "ci" else max(10, wanted // DEV_SHARE)
