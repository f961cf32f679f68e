"""An explanation laid out with Rich for the terminal, and exported as SVG, HTML or Markdown."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import assert_never

from rich.console import Console, Group, RenderableType
from rich.constrain import Constrain
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from recall_cli.explain.model import (
    Block,
    Bullets,
    Explanation,
    Line,
    Paragraph,
    Section,
    Steps,
    Tone,
)
from recall_cli.explain.model import Table as TextTable
from recall_cli.messages.visible import visible

# The width of handouts and golden files: a slide's table fits without wrapping its cells.
EXPORT_WIDTH = 150
# Prose wraps narrower than tables: long lines of text are hard to read.
PROSE_WIDTH = 100

_STYLE = {
    Tone.PLAIN: "",
    Tone.KEY: "bold",
    Tone.GOOD: "green",
    Tone.BAD: "red",
    Tone.WARN: "yellow",
    Tone.MUTED: "dim",
}


class ExportFormat(StrEnum):
    """The handout formats of `--export`, chosen by the file's extension."""

    SVG = ".svg"
    HTML = ".html"
    MD = ".md"


def export_format(path: Path) -> ExportFormat | None:
    """The format a file name asks for (`.htm` is HTML too), or None."""
    suffix = path.suffix.lower()
    if suffix == ".htm":
        return ExportFormat.HTML
    try:
        return ExportFormat(suffix)
    except ValueError:
        return None


def _text(line: Line) -> Text:
    # Messages already show users' text through `visible`; a line made otherwise is too.
    return Text(visible(line.text), style=_STYLE[line.tone])


def _cell(line: Line) -> Text:
    # A cell may hold lines of its own (a held dial's "due → start" above its "then"); each is
    # shown through `visible`, which would otherwise show the line break as an escape.
    shown = "\n".join(visible(part) for part in line.text.split("\n"))
    return Text(shown, style=_STYLE[line.tone])


def _block(block: Block) -> RenderableType:
    if isinstance(block, Paragraph):
        return Constrain(_text(block.line), PROSE_WIDTH)
    if isinstance(block, Bullets):
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, justify="right")
        grid.add_column()
        for index, item in enumerate(block.items, start=1):
            grid.add_row(f"{index}." if block.numbered else "•", _text(item))
        return Constrain(grid, PROSE_WIDTH)
    if isinstance(block, Steps):
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, justify="right")
        grid.add_column()
        for index, step in enumerate(block.items, start=1):
            if index > 1:
                grid.add_row()
            lines = [_text(step.heading), *(_text(sentence) for sentence in step.sentences)]
            grid.add_row(f"{index}.", Group(*lines))
        return Constrain(grid, PROSE_WIDTH)
    if isinstance(block, TextTable):
        table = Table(title=Text(visible(block.title), style="bold"), title_justify="left")
        for number, column in enumerate(block.columns):
            # Only the time stays whole: on a narrow terminal, headers and words wrap rather
            # than vanish behind an ellipsis.
            table.add_column(visible(column), no_wrap=number == 0, overflow="fold")
        for row in block.rows:
            table.add_row(*(_cell(cell) for cell in row))
        return table
    assert_never(block)


def _section(section: Section) -> Iterator[RenderableType]:
    yield Constrain(Rule(Text(visible(section.title), style="bold"), align="left"), PROSE_WIDTH)
    for block in section.blocks:
        yield _block(block)
        yield Text()


def render_explanation(console: Console, explanation: Explanation) -> None:
    """Print `explanation` on `console`."""
    console.print(Text(visible(explanation.title), style="bold"))
    console.print(Text(visible(explanation.subtitle), style="dim"))
    console.print()
    for section in explanation.sections:
        for renderable in _section(section):
            console.print(renderable)


def export(explanation: Explanation, fmt: ExportFormat, width: int = EXPORT_WIDTH) -> str:
    """The explanation as a handout in `fmt`: Rich's SVG or HTML export, or Markdown."""
    if fmt is ExportFormat.MD:
        return to_markdown(explanation)
    console = Console(
        file=io.StringIO(), width=width, record=True, color_system="truecolor", force_terminal=True
    )
    render_explanation(console, explanation)
    if fmt is ExportFormat.SVG:
        return console.export_svg(title=explanation.title)
    if fmt is ExportFormat.HTML:
        return console.export_html()
    assert_never(fmt)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", visible(text))


def _md_line(line: Line) -> str:
    shown = _md(line.text)
    return f"**{shown}**" if line.tone is Tone.KEY else shown


def _md_cell(line: Line) -> str:
    # A pipe table's row is one line: a cell's own lines are joined by HTML line breaks.
    return "<br>".join(_md(part) for part in line.text.split("\n"))


def _md_block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [_md_line(block.line)]
    if isinstance(block, Bullets):
        return [
            f"{index}. {_md_line(item)}" if block.numbered else f"- {_md_line(item)}"
            for index, item in enumerate(block.items, start=1)
        ]
    if isinstance(block, Steps):
        return [
            f"{index}. **{_md(step.heading.text)}**: "
            + " ".join(_md(sentence.text) for sentence in step.sentences)
            for index, step in enumerate(block.items, start=1)
        ]
    if isinstance(block, TextTable):
        lines = [f"**{_md(block.title)}**", ""]
        lines.append("| " + " | ".join(_md(column) for column in block.columns) + " |")
        lines.append("|" + "---|" * len(block.columns))
        lines.extend("| " + " | ".join(_md_cell(cell) for cell in row) + " |" for row in block.rows)
        return lines
    assert_never(block)


def to_markdown(explanation: Explanation) -> str:
    """The explanation as Markdown (CommonMark with pipe tables)."""
    lines = [f"# {_md(explanation.title)}", "", _md(explanation.subtitle), ""]
    for section in explanation.sections:
        lines += [f"## {_md(section.title)}", ""]
        for block in section.blocks:
            lines += [*_md_block(block), ""]
    return "\n".join(lines)
