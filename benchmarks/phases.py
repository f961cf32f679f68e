"""Where the time of one benchmark run goes, phase by phase, for recall and the SimPy model.

    .venv/bin/python benchmarks/phases.py benchmarks/out/list_100000.csv

Each phase runs in this one process (imports of each program in a fresh child, so that they
are not shared): recall's are the calls `recall simulate … --format json --no-events`
makes, in one process. Its YAML loaders (and pydantic) are imported when a config is first
read, so their import is part of "config and profile".
The last phase frees what the run made, as the process does when the command returns; the
interpreter's own shutdown after that is not measured here.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "sample_configs" / "cloud_contact_default.yaml"
PROFILE = ROOT / "sample_configs" / "realistic.profile.yaml"


CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
"""With the bytecode cache on, as `bench.py` runs its children."""


def import_seconds(statement: str) -> float:
    """Interpreter start and imports, in a fresh child (run once before, to cache bytecode)."""
    subprocess.run([sys.executable, "-c", statement], check=True, env=CHILD_ENV)
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", statement], check=True, env=CHILD_ENV)
    return time.perf_counter() - began


def recall_phases(contacts: Path) -> dict[str, float]:
    from recall_cli.loaders.gc_pause import paused_gc  # noqa: PLC0415

    times = {"start and imports": import_seconds("import recall_cli.cli")}
    with paused_gc():  # as the command does
        times.update(_recall_run(contacts))
    return times


def _recall_run(contacts: Path) -> dict[str, float]:
    from recall_cli.loaders.contacts import load_list  # noqa: PLC0415
    from recall_cli.render import documents  # noqa: PLC0415
    from recall_cli.render.run import RunInfo  # noqa: PLC0415
    from recall_cli.simulate.clock import Clock  # noqa: PLC0415
    from recall_cli.simulate.random_outcomes import ProfileSource  # noqa: PLC0415
    from recall_cli.simulate.runner import Runner  # noqa: PLC0415

    times: dict[str, float] = {}
    began = time.perf_counter()
    from recall_cli.loaders.config import load_config  # noqa: PLC0415
    from recall_cli.loaders.profile import load_profile  # noqa: PLC0415

    campaign = load_config(CONFIG)
    profile = load_profile(PROFILE)
    times["config and profile"] = time.perf_counter() - began
    began = time.perf_counter()
    listed = load_list(contacts, campaign.columns, fields=False)
    times["contact list"] = time.perf_counter() - began
    began = time.perf_counter()
    runner = Runner(campaign.policy, listed.records, ProfileSource(profile, 42))
    results, summary = runner.play()
    times["simulation and figures"] = time.perf_counter() - began
    began = time.perf_counter()
    zone = ZoneInfo(campaign.policy.timezone)
    clock = Clock(datetime(2026, 12, 1, 9, tzinfo=zone), zone)
    run = RunInfo(campaign.policy, listed.records, clock, 42, None, profile.timed, str(PROFILE))
    documents.write_json(io.StringIO(), run, summary, documents.json_records(results, run), None)
    times["JSON output"] = time.perf_counter() - began
    began = time.perf_counter()
    del listed, runner, results, summary, run
    times["freeing the list and results"] = time.perf_counter() - began
    return times


def simpy_phases(contacts: Path) -> dict[str, float]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import simpy_model  # noqa: PLC0415

    times = {"start and imports": import_seconds("import simpy, yaml")}
    began = time.perf_counter()
    model = simpy_model.load_model(CONFIG, PROFILE)
    times["config and profile"] = time.perf_counter() - began
    began = time.perf_counter()
    rows = simpy_model.read_list(contacts)
    times["contact list"] = time.perf_counter() - began
    began = time.perf_counter()
    results = simpy_model.run(model, rows, 42)
    times["simulation and figures"] = time.perf_counter() - began
    began = time.perf_counter()
    zone = ZoneInfo("Europe/Moscow")
    start = datetime(2026, 12, 1, 9, tzinfo=zone)
    with tempfile.TemporaryDirectory() as folder:
        simpy_model.write(Path(folder) / "out.json", rows, results, start, zone)
    times["JSON output"] = time.perf_counter() - began
    began = time.perf_counter()
    del rows, results
    times["freeing the list and results"] = time.perf_counter() - began
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("contacts", type=Path)
    args = parser.parse_args(argv)
    ours, theirs = recall_phases(args.contacts), simpy_phases(args.contacts)
    print("| phase | recall, s | SimPy model, s |")
    print("|---|---:|---:|")
    for phase, seconds in ours.items():
        other = theirs.get(phase)
        print(f"| {phase} | {seconds:.2f} | {'—' if other is None else f'{other:.2f}'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
