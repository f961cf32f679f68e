"""recall — see what an outbound campaign's retry policy will do before it does it."""

import gc

__version__ = "0.1.0"

GC_FREE = frozenset({"simulate", "compare"})
"""The commands that hold the cyclic garbage collector off for their whole run (`paused_gc`)."""


def hold_gc(args: list[str]) -> None:
    """Hold the cyclic garbage collector off from now on when `args` run a command of `GC_FREE`.

    Such a run holds it off anyway; holding it off from the start spares the start-up too:
    typer, pydantic and recall's own modules make some hundred thousand objects that all
    live on, and collecting while they pile up walks them again and again (some 7 % of a
    one-record run's time). Any other command, and help, starts as usual.
    """
    if args[:1] and args[0] in GC_FREE:
        gc.disable()
