"""Outcome profiles (docs/formats.md#profiles): what loads, and every refusal at its
file:line:column."""

from __future__ import annotations

from pathlib import Path

import pytest

from recall_cli.engine import Status
from recall_cli.engine.profile import Profile
from recall_cli.loaders.default_profile import TEXT, default_profile
from recall_cli.loaders.profile import check_profile, load_profile
from recall_cli.messages import Lang
from recall_cli.problems import Location, RecallError, Severity

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "sample_configs").glob("*.profile.yaml"))


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "p.profile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def findings(path: Path) -> list[str]:
    """Each problem as `line:column severity rule message` (English)."""
    return [
        f"{p.location.line}:{p.location.column} {p.severity.value} {p.code.id} "
        f"{p.message.render(Lang.EN)}"
        for p in check_profile(path).problems
    ]


def test_outcomes_after_and_durations_load(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "outcomes:\n"
        "  Дозвон: 0.3\n"
        "  нет  ОТВЕТА: 0.6\n"
        "  invalid_number: 0.1\n"
        "  busy: 0\n"
        "after:\n"
        "  invalid_number: {invalid_number: 1}\n"
        "  no_answer: {no_answer: 0.5, busy: 0.25, answered: 0.25}\n"
        "durations:\n"
        "  answered: [60, 300]\n"
        "  no_answer: 30\n",
    )
    report = check_profile(path)
    assert report.problems == []
    profile = report.profile
    assert profile == Profile(
        str(path),
        {
            Status.ANSWERED: 0.3,
            Status.NO_ANSWER: 0.6,
            Status.INVALID_NUMBER: 0.1,
            Status.BUSY: 0.0,
        },
        {
            Status.INVALID_NUMBER: {Status.INVALID_NUMBER: 1.0},
            Status.NO_ANSWER: {Status.NO_ANSWER: 0.5, Status.BUSY: 0.25, Status.ANSWERED: 0.25},
        },
        {Status.ANSWERED: (60, 300), Status.NO_ANSWER: (30, 30)},
    )
    # busy has probability 0 in `outcomes` but can follow no_answer.
    assert profile.statuses() == {
        Status.ANSWERED,
        Status.NO_ANSWER,
        Status.INVALID_NUMBER,
        Status.BUSY,
    }
    assert profile.first_use == {
        Status.ANSWERED: Location(str(path), 2, 3),
        Status.NO_ANSWER: Location(str(path), 3, 3),
        Status.INVALID_NUMBER: Location(str(path), 4, 3),
        Status.BUSY: Location(str(path), 8, 31),
    }
    assert profile.timed


def test_a_status_with_zero_probability_everywhere_cannot_occur(tmp_path: Path) -> None:
    profile = load_profile(write(tmp_path, "outcomes: {answered: 1, busy: 0.0}\n"))
    assert profile.statuses() == {Status.ANSWERED}
    assert not profile.timed


def test_sums_within_one_millionth_pass(tmp_path: Path) -> None:
    assert findings(write(tmp_path, "outcomes: {answered: 0.3, busy: 0.7000009}\n")) == []


BAD = [
    (
        "outcomes: {answered: 0.3, busy: 0.6}\n",
        ["1:1 error RC401 the probabilities of 'outcomes' sum to 0.9, not 1"],
    ),
    (
        "outcomes: {answered: 0.3, busy: 0.7000011}\n",
        ["1:1 error RC401 the probabilities of 'outcomes' sum to 1, not 1"],
    ),
    (
        "outcomes:\n  answered: 1.1\n  busy: -0.1\n",
        ["3:9 error RC402 a probability cannot be negative, got -0.1 (number)"],
    ),
    (
        "outcomes:\n  busy: 0.5\n  Занято: 0.5\n",
        [
            "3:3 error RC403 status 'Занято' (busy) is already given on line 2; which value "
            "applies would be ambiguous"
        ],
    ),
    (
        "outcomes: {answered: 0.5, bussy: 0.5}\n",
        ["1:27 error RC102 unknown status 'bussy'; did you mean 'busy'?"],
    ),
    (
        "outcomes: {answered: 0.5, busy: 0.5}\nafter:\n  busy: {busy: 0.5, answered: 0.4}\n",
        ["3:3 error RC401 the probabilities after 'busy' sum to 0.9, not 1"],
    ),
    (
        "outcomes: {answered: 0.5, busy: 0.5}\nafter:\n  answered: {answered: 1}\n",
        ["3:3 warning RC405 the row 'answered' is never used: an answered dial closes the record"],
    ),
    (
        "outcomes: {answered: 1}\ndurations:\n  answered: -5\n  busy: [10, -1]\n",
        [
            "3:13 error RC404 a duration cannot be below zero, got -5 (whole number)",
            "4:14 error RC404 a duration cannot be below zero, got -1 (whole number)",
        ],
    ),
    (
        "outcomes: {answered: 1}\ndurations:\n  answered: [60, 86401]\n  busy: 86400\n",
        [
            "3:18 error RC404 a dial cannot take longer than a day (86400 s), "
            "got 86401 (whole number)"
        ],
    ),
    (
        "outcomes: {answered: 1}\ndurations:\n  answered: [300, 60]\n",
        ["3:13 error RC404 the range [300, 60] is reversed: min must not exceed max"],
    ),
    (
        "outcomes: {answered: 1}\ndurations:\n  answered: [1, 2, 3]\n  busy: 2.5\n",
        [
            "3:13 error RC012 expected whole seconds or a [min, max] pair of them, got […] (list)",
            "4:9 error RC012 expected whole seconds or a [min, max] pair of them, got 2.5 (number)",
        ],
    ),
    (
        "outcomes: {answered: yes, busy: .inf}\n",
        [
            "1:22 error RC012 expected a number, got yes (text)",
            "1:33 error RC012 expected a number, got .inf (number)",
        ],
    ),
    ("after: {}\n", ["1:1 error RC011 missing key 'outcomes'"]),
    (
        "outcomes: {answered: 1}\nweights: {}\n",
        ["2:1 error RC010 unknown key 'weights' (expected one of: after, durations, outcomes)"],
    ),
    (
        "- answered\n",
        [
            "1:1 error RC012 a profile must be a mapping with 'outcomes' and optional 'after' "
            "and 'durations', got […] (list)"
        ],
    ),
    (
        "",
        ["1:1 error RC011 the profile is empty: it needs 'outcomes', e.g. {answered: 0.3, ...}"],
    ),
    (
        "outcomes: {answered: 1\n",
        ["2:1 error RC004 YAML syntax error: did not find expected ',' or '}'"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), BAD)
def test_bad_profiles_are_positioned(tmp_path: Path, text: str, expected: list[str]) -> None:
    path = write(tmp_path, text)
    assert findings(path) == expected
    report = check_profile(path)
    errors = [p for p in report.problems if p.severity is Severity.ERROR]
    assert (report.profile is None) == bool(errors)


def test_load_profile_raises_with_every_error(tmp_path: Path) -> None:
    path = write(tmp_path, "outcomes: {answered: -1, busy: 2, silence: -1}\n")
    with pytest.raises(RecallError) as raised:
        load_profile(path)
    assert [str(p.location) for p in raised.value.problems] == [
        f"{path}:1:22",
        f"{path}:1:44",
    ]


def test_missing_profile_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(RecallError) as raised:
        load_profile(tmp_path / "nope.yaml")
    assert raised.value.exit_code == 2


def test_russian_messages(tmp_path: Path) -> None:
    report = check_profile(write(tmp_path, "outcomes: {answered: 0.5, busy: 0.4}\n"))
    assert [p.message.render(Lang.RU) for p in report.problems] == [
        "сумма вероятностей в 'outcomes' равна 0.9, а не 1"
    ]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_sample_profiles_load_cleanly(sample: Path) -> None:
    assert check_profile(sample).problems == []


def test_there_are_sample_profiles_with_after_and_durations() -> None:
    profiles = [load_profile(sample) for sample in SAMPLES]
    assert len(profiles) >= 2
    assert any(p.after and p.durations for p in profiles)


def test_the_built_in_profile_is_the_realistic_sample_word_for_word() -> None:
    sample = ROOT / "sample_configs" / "realistic.profile.yaml"
    assert sample.read_text(encoding="utf-8") == TEXT
    built_in, loaded = default_profile(), load_profile(sample)
    assert (built_in.outcomes, built_in.after, built_in.durations) == (
        loaded.outcomes,
        loaded.after,
        loaded.durations,
    )
