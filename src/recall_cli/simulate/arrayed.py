"""Whether a run is stepped as arrays (enough records to pay for numpy's import, the table's draws
in range), and the array steps' module, imported on first use.
"""

from __future__ import annotations

import os
from types import ModuleType

from recall_cli.simulate.fast import Machine

ARRAYED = 30_000
"""The fewest records a run steps as arrays: below it, importing numpy costs more than it saves."""


def arrayed(machine: Machine, count: int) -> bool:
    """Whether a run of `count` records on `machine`'s table is stepped as arrays: enough of
    them to pay for numpy's import, and its draws in range. A caller that plays one run in
    parts asks with the run's count."""
    if count < ARRAYED:
        return False
    fitting: bool = _arrays().fits(machine)
    return fitting


ARRAYED_BYTES = 4 * 1024 * 1024
"""The smallest list file a run read a chunk at a time steps as arrays: about 30,000 records of
the usual width (the records are not counted before they are played)."""


def arrayed_file(machine: Machine, size: int | None) -> bool:
    """Whether a run of a list file of `size` bytes (None: not a file), played a chunk at a
    time, is stepped as arrays, every chunk of it."""
    return size is not None and size >= ARRAYED_BYTES and arrayed(machine, ARRAYED)


def _arrays() -> ModuleType:
    """The array steps' module, numpy imported with it (on first use: a large run pays for it)."""
    # numpy loads OpenBLAS, whose pool of threads costs a third of numpy's import in CPU; the
    # array steps never multiply matrices, so one thread does, unless the user says otherwise.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from recall_cli.simulate import arrays  # noqa: PLC0415

    return arrays
