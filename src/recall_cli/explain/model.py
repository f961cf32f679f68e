"""An explanation as structured text: what the renderers lay out, with no layout of its own."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Tone(StrEnum):
    """How a piece of text should stand out; renderers map each tone to a style."""

    PLAIN = "plain"
    KEY = "key"
    GOOD = "good"
    BAD = "bad"
    WARN = "warn"
    MUTED = "muted"


@dataclass(frozen=True, slots=True)
class Line:
    """One piece of text with its tone."""

    text: str
    tone: Tone = Tone.PLAIN


@dataclass(frozen=True, slots=True)
class Paragraph:
    line: Line


@dataclass(frozen=True, slots=True)
class Bullets:
    """A list; `numbered` when the order is the point (the dials of a trace)."""

    items: tuple[Line, ...]
    numbered: bool = False


@dataclass(frozen=True, slots=True)
class Step:
    """One numbered step of a narration: a heading line and the sentences under it."""

    heading: Line
    sentences: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Steps:
    items: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table of text cells; `title` names it."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Line, ...], ...]


Block = Paragraph | Bullets | Steps | Table


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Explanation:
    """A whole explanation: a title, a line under it, and its sections in order."""

    title: str
    subtitle: str
    sections: tuple[Section, ...]
