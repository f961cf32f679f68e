"""The pure retry engine: statuses, policy, counters and the decision on each dial."""

from recall_cli.engine.contact import Contact
from recall_cli.engine.decide import (
    Decision,
    MissingRuleError,
    advance,
    decide,
    next_number,
    withdraw,
)
from recall_cli.engine.phonebook import Phonebook
from recall_cli.engine.policy import Action, Limits, NumberOrder, Policy, Rule, StopScope
from recall_cli.engine.profile import Profile
from recall_cli.engine.progress import Progress, begin_dial, first_number, start
from recall_cli.engine.states import RecordState, Then
from recall_cli.engine.status import LABELS, NOT_REACHED, Status, label, parse_status

__all__ = [
    "LABELS",
    "NOT_REACHED",
    "Action",
    "Contact",
    "Decision",
    "Limits",
    "MissingRuleError",
    "NumberOrder",
    "Phonebook",
    "Policy",
    "Profile",
    "Progress",
    "RecordState",
    "Rule",
    "Status",
    "StopScope",
    "Then",
    "advance",
    "begin_dial",
    "decide",
    "first_number",
    "label",
    "next_number",
    "parse_status",
    "start",
    "withdraw",
]
