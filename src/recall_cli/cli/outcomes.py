"""Where a run's outcomes come from: a profile (random, seeded) or a script (exact), and the
check that the config has a rule for every status they can produce."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from recall_cli.engine import Status
from recall_cli.loaders import codes
from recall_cli.loaders.contacts import ContactList
from recall_cli.loaders.default_profile import NAME as BUILTIN_PROFILE
from recall_cli.loaders.default_profile import default_profile
from recall_cli.messages import Message
from recall_cli.problems import Location, Problem, RecallError
from recall_cli.simulate.outcomes import OutcomeSource, ScriptSource
from recall_cli.simulate.random_outcomes import ProfileSource

if TYPE_CHECKING:  # the YAML loaders import pydantic: imported when a file is read, not at start
    from recall_cli.engine import Profile
    from recall_cli.loaders.config import Campaign


@dataclass(frozen=True, slots=True)
class Outcomes:
    """Where a run's outcomes come from, and what its output says about them."""

    source: OutcomeSource
    seed: int | None
    # Where each status the source can produce is first named; empty for the built-in profile,
    # whose lines no user can open, so that a missing rule is blamed on the config.
    first_use: dict[Status, Location] = field(default_factory=dict)
    profile: str | None = None
    timed: bool = False
    scripted_durations: bool = False
    """A script gives `durations:`, a dialer's input: the output carries the dialer's keys."""

    @property
    def missing_rule_key(self) -> str:
        builtin = self.profile == BUILTIN_PROFILE
        return "outcomes.missing_rule_builtin" if builtin else "outcomes.missing_rule"


@dataclass(frozen=True, slots=True)
class RandomOutcomes:
    """A loaded profile, before it is given a seed."""

    profile: Profile
    name: str

    def source(self, seed: int) -> Outcomes:
        builtin = self.name == BUILTIN_PROFILE
        return Outcomes(
            ProfileSource(self.profile, seed),
            seed,
            {} if builtin else dict(self.profile.first_use),
            self.name,
            self.profile.timed,
        )


def profile_outcomes(path: Path | None) -> RandomOutcomes:
    """The profile in `path`, or the built-in one; refused with every problem before any run."""
    from recall_cli.loaders.profile import load_profile  # noqa: PLC0415 (see TYPE_CHECKING)

    if path is None:
        return RandomOutcomes(default_profile(), BUILTIN_PROFILE)
    return RandomOutcomes(load_profile(path), str(path))


def scripted(script: Path, contacts: ContactList) -> Outcomes:
    """The outcomes `script` gives the records of `contacts`; refused with every problem."""
    from recall_cli.loaders.script import bind_script, load_script  # noqa: PLC0415 (scripts only)

    parsed = load_script(script)
    outcomes, problems = bind_script(
        parsed, contacts.records, contacts.file, len(contacts.phone_columns)
    )
    if outcomes is None:
        raise RecallError(problems)
    timed = bool(parsed.durations)
    source = ScriptSource(outcomes, parsed.default)
    return Outcomes(source, None, parsed.first_use, None, timed, scripted_durations=timed)


def check_rules(campaigns: Iterable[Campaign], outcomes: Outcomes) -> None:
    """Refuse a run whose outcomes can produce a status a config has no rule for, telling the
    first config that lacks one."""
    statuses = set(outcomes.source.statuses())
    for campaign in campaigns:
        missing = campaign.policy.missing_rules(statuses)
        if missing:
            raise RecallError(
                Problem(
                    outcomes.first_use.get(status, Location(campaign.file)),
                    codes.MISSING_RULE,
                    Message(
                        outcomes.missing_rule_key,
                        {"status": status.value, "config": campaign.file},
                    ),
                )
                for status in missing
            )
