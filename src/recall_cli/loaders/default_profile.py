"""The built-in outcome profile: what `recall simulate` draws from without --script or --profile.

It is `sample_configs/realistic.profile.yaml`, word for word (a test keeps the two the same), so
people can read, copy and adapt it; it lives here as text because the package ships no data
files besides its modules.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recall_cli.engine import Profile

NAME = "<built-in profile>"
"""How problems and outputs name the built-in profile."""

TEXT = """\
# A realistic outcome profile for a consumer outbound campaign (docs/formats.md#profiles), and
# the one `recall simulate` uses when it is given neither --script nor --profile.
#
# The numbers are an informed assumption, not a measurement: they sit inside the ranges that
# contact-centre vendors and industry surveys commonly report for consumer outbound calling
# (roughly a fifth to a quarter of dials answered by a person, a third unanswered, one in six
# reaching an answering machine, a few per cent busy or invalid). Replace them with your own
# dialler's statistics (its report of dial results by status) before drawing conclusions.

# The status of a number's first dial.
outcomes:
  answered: 0.22
  no_answer: 0.34
  answering_machine: 0.17
  busy: 0.08
  invalid_number: 0.06
  silence: 0.03
  ivr: 0.02
  congestion: 0.02
  failed: 0.02
  wrong_person: 0.02
  connection_problem: 0.01
  no_agent: 0.01

# The status of a later dial of the same number, given that number's previous status. A status
# without a row here is followed by `outcomes` again.
after:
  # An invalid number stays invalid.
  invalid_number: {invalid_number: 1.0}
  # Busy clusters: someone on the phone is often still on it minutes later.
  busy: {busy: 0.40, answered: 0.25, no_answer: 0.25, answering_machine: 0.10}
  # An answering machine tends to answer again.
  answering_machine: {answering_machine: 0.55, answered: 0.15, no_answer: 0.30}
  # A company's switchboard stays a switchboard.
  ivr: {ivr: 0.60, answered: 0.10, no_answer: 0.30}
  # The number belongs to someone else; now and then the right person is there.
  wrong_person: {wrong_person: 0.60, no_answer: 0.25, answered: 0.10, answering_machine: 0.05}
  no_answer:
    no_answer: 0.45
    answered: 0.22
    answering_machine: 0.15
    busy: 0.08
    silence: 0.03
    failed: 0.02
    congestion: 0.02
    ivr: 0.01
    no_agent: 0.01
    connection_problem: 0.01

# Seconds from the start of a dial until the line is free again: ringing, and for `answered`
# the conversation. A fixed value, or [min, max] for a whole number of seconds drawn evenly.
durations:
  answered: [60, 300]
  no_answer: 30
  answering_machine: [20, 45]
  busy: [3, 8]
  invalid_number: [2, 6]
  silence: [5, 15]
  ivr: [10, 30]
  congestion: [1, 4]
  failed: [1, 5]
  wrong_person: [15, 60]
  connection_problem: [1, 10]
  no_agent: [10, 20]
"""


@cache
def default_profile() -> Profile:
    """The built-in profile, parsed once."""
    from recall_cli.loaders.profile import parse_profile  # noqa: PLC0415 (imports pydantic)

    report = parse_profile(NAME, TEXT)
    assert report.profile is not None, report.problems
    return report.profile
