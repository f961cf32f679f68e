"""What the rules look at: the files of one `recall validate` run that loaded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from recall_cli.engine import Status
from recall_cli.loaders.config import Campaign, ConfigReport
from recall_cli.loaders.config_model import DEFAULT_REGION
from recall_cli.loaders.contacts import ContactList, locate_cells
from recall_cli.loaders.dnc import DncList
from recall_cli.loaders.script import Script
from recall_cli.loaders.yaml_tree import Mapping, Node, Scalar
from recall_cli.problems import Location, Problem
from recall_cli.validate.phones import PhoneCell, phone_cells
from recall_cli.validate.profiles import Profile


@dataclass(frozen=True, slots=True)
class Context:
    """The inputs of a check; a rule reads those of its scope and ignores the rest."""

    config: ConfigReport | None = None
    contacts: ContactList | None = None
    phones: tuple[PhoneCell, ...] = ()
    script: Script | None = None
    profile: Profile | None = None
    # The problems of matching the script against the list (RC301–RC303), found once.
    binding: tuple[Problem, ...] = ()
    region: str = DEFAULT_REGION
    """The phone numbering region the list's numbers are read in."""
    dnc: tuple[DncList, ...] = ()
    """The do-not-call lists of the run (the one checked, for a rule of scope `dnc`)."""
    start: date | None = None
    """The run's first day, when `--start` gives it: rules that judge dates need it."""

    @classmethod
    def for_list(cls, contacts: ContactList, region: str = DEFAULT_REGION) -> Context:
        return cls(contacts=contacts, phones=phone_cells(contacts.records, region), region=region)

    @property
    def campaign(self) -> Campaign | None:
        return None if self.config is None else self.config.campaign


def child(node: Node | None, key: str) -> tuple[Scalar, Node] | None:
    """The key and value named `key` in a mapping node (first one when repeated)."""
    if not isinstance(node, Mapping):
        return None
    for item_key, value in node.items:
        if isinstance(item_key, Scalar) and item_key.text == key:
            return item_key, value
    return None


def config_location(report: ConfigReport, *path: str) -> Location:
    """Where the scalar at `path` (keys from the root) is; for a mapping or a list, or a path
    that stops short, the deepest key found on the way (the file's start when none)."""
    node: Node | None = report.document.root
    where = Location(report.document.file, 1, 1)
    for key in path:
        found = child(node, key)
        if found is None:
            return where
        where, node = found[0].location, found[1]
    # A scalar is shown at its value; a mapping or list at its key, which starts its block.
    return node.location if isinstance(node, Scalar) else where


def rule_location(campaign: Campaign, report: ConfigReport, status: Status, key: str) -> Location:
    """Where field `key` of the rule for `status` is written, else where its status is."""
    status_at = campaign.rule_locations[status]
    rules = child(report.document.root, "rules")
    if rules is None or not isinstance(rules[1], Mapping):
        return status_at
    for item_key, value in rules[1].items:
        if item_key.location == status_at:
            found = child(value, key)
            return found[1].location if found is not None else status_at
    return status_at


def phone_locations(contacts: ContactList, cells: Sequence[PhoneCell]) -> tuple[Location, ...]:
    """Where each of `cells` starts in the list file, in the order given (one re-reading)."""
    keys = [(cell.contact.line, contacts.phone_columns[cell.index]) for cell in cells]
    found = locate_cells(contacts, keys)
    return tuple(found[key] for key in keys)
