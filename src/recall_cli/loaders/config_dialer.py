"""The dialer's share of a campaign config — its lines and its frequency caps — each value
checked by hand at its own place; and the range check every bounded config value shares."""

from __future__ import annotations

from recall_cli.engine.caps import Cap, Count, Scope, parse_per
from recall_cli.engine.dialer import Dialer, Order
from recall_cli.loaders import codes
from recall_cli.loaders.config_model import CAP_MAX, LINES, Bounds, CapModel, DialerModel
from recall_cli.loaders.schema import Tree, got, key_location
from recall_cli.messages import Message
from recall_cli.problems import Problem


def within(
    problems: list[Problem],
    tree: Tree,
    file: str,
    path: tuple[object, ...],
    value: float,
    bounds: Bounds,
) -> bool:
    """Whether `value`, at `path` of the file, is within `bounds`; when not, a problem at its
    node says which bound it passed."""
    if bounds.low <= value <= bounds.high:
        return True
    bound = f"≥ {bounds.low}" if value < bounds.low else f"≤ {bounds.high}"
    node = tree.values[path]  # the model holds the value, so the file has its node
    problems.append(
        Problem(
            node.location,
            codes.OUT_OF_RANGE,
            Message("schema.range", {"key": path[-1], "got": got(node), "bound": bound}),
        )
    )
    return False


def read_caps(
    models: list[CapModel] | None, tree: Tree, file: str, problems: list[Problem]
) -> tuple[Cap, ...]:
    """The caps, each field checked by hand at its own place: `max` in range, `per` a
    period."""
    caps: list[Cap] = []
    for index, model in enumerate(models or ()):
        path = ("caps", index)
        usable = within(problems, tree, file, (*path, "max"), model.max, CAP_MAX)
        per = parse_per(model.per)
        if per is None:
            node = tree.values[(*path, "per")]
            problems.append(
                Problem(
                    node.location, codes.WRONG_TYPE, Message("config.cap_per", {"got": got(node)})
                )
            )
            usable = False
        if usable and per is not None:
            caps.append(Cap(model.max, per, Count(model.count), Scope(model.scope)))
    return tuple(caps)


def read_dialer(
    model: DialerModel | None, tree: Tree, file: str, problems: list[Problem]
) -> Dialer | None:
    if model is None:
        return None
    if model.lines is None:
        problems.append(
            Problem(
                key_location(tree, ("dialer",), file),
                codes.DIALER_WITHOUT_LINES,
                Message("config.dialer_without_lines", {"high": LINES.high}),
            )
        )
        return None
    if within(problems, tree, file, ("dialer", "lines"), model.lines, LINES):
        return Dialer(model.lines, Order(model.order))
    return None
