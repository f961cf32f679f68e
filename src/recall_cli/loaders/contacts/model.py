"""What loading a contact list answers with: the list, its report, and the columns a config
names for it."""

from __future__ import annotations

from dataclasses import dataclass, field

from recall_cli.engine.contact import Contact
from recall_cli.loaders.files import Source
from recall_cli.problems import Problem

MAX_LIST_BYTES = 2 * 1024 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ListColumns:
    """Columns a config names for its list, overriding detection; and whether each record's
    time zone cell is read at all (only when calling hours are judged in the record's local
    time)."""

    id_column: str | None = None
    phone_columns: tuple[str, ...] | None = None
    timezone_column: str | None = None
    zones: bool = False


@dataclass(frozen=True, slots=True)
class ContactList:
    """A usable contact list: its records and how the file was read."""

    file: str
    records: tuple[Contact, ...]
    columns: tuple[str, ...]
    id_column: str | None
    phone_columns: tuple[str, ...]
    encoding: str
    delimiter: str
    source: Source | None = field(default=None, compare=False, repr=False)
    """What it was read from, for `locate_cells`: the bytes only when they were handed to the
    loader (a stream read once before); None when made by hand."""
    timezone_column: str | None = None
    """The header of the time zone column read into each record's `zone`; None when none
    was read."""


@dataclass(slots=True)
class ListReport:
    """Everything a list file yields: the list when usable, and all problems found."""

    contacts: ContactList | None
    problems: list[Problem]


class UnusableError(Exception):
    """Problems after which there is nothing more to read."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__()
        self.problems = problems
