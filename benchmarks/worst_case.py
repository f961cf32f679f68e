"""The worst case for memory (issue 9): a config that drives the engine's states to the limits.

    .venv/bin/python benchmarks/worst_case.py                       # A = B = 50 and 500
    .venv/bin/python benchmarks/worst_case.py --limits 50 1000 --records 3

Every not-reached status repeats 100 times (the most a config may) and calls back, with A and
B as given (benchmarks/worst_case/limits_N.yaml); the profile never answers, and a number
that failed one way fails the same way again half of the time. A record's counters then
almost never repeat, so each dial is a state of its own: a table of every state grows with
the dials, and the fast path's table stops at its bound while records play on loose.

Each size runs `recall simulate … campaign_300.csv --format json --no-events` (all 300 records
unless --records) as a whole process, from a helper process of its own whose only child it
is: the helper's RUSAGE_CHILDREN peak RSS is then the run's and no one else's. Reported per
size: wall time, peak RSS, dials and dials per second. The dials grow with A and B; the peak
must not (only the run's length in hours adds a little: its dials by hour).
Files go to benchmarks/out/ (not committed).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "benchmarks" / "worst_case"
OUT = ROOT / "benchmarks" / "out"
PROFILE = HERE / "never_answers.profile.yaml"
LIST = ROOT / "sample_lists" / "campaign_300.csv"
SEED = 42
START = "2026-12-01T09:00"
SIZES = (50, 500, 1000)
"""The sizes with a config in benchmarks/worst_case/."""

_HELPER = """
import resource, subprocess, sys, time
began = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)
seconds = time.perf_counter() - began
print(done.returncode, seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
"""The bytecode cache on, as an installed copy has it (see bench.py)."""


def command(size: int, records: int | None, output: Path) -> list[str]:
    chosen = [] if records is None else [f"--record={n}" for n in range(1, records + 1)]
    return [
        sys.executable,
        "-m",
        "recall_cli",
        "simulate",
        str(HERE / f"limits_{size}.yaml"),
        str(LIST),
        "--profile",
        str(PROFILE),
        "--seed",
        str(SEED),
        "--start",
        START,
        "--format",
        "json",
        "--no-events",
        *chosen,
        "--output",
        str(output),
    ]


def measure(size: int, records: int | None) -> dict[str, object]:
    """Wall time, peak RSS and dials of one run (which must succeed)."""
    output = OUT / f"worst_case_{size}.json"
    run = command(size, records, output)
    helper = subprocess.run(
        [sys.executable, "-c", _HELPER, *run],
        capture_output=True,
        text=True,
        check=True,
        env=CHILD_ENV,
    )
    code, seconds, kib = helper.stdout.split()
    if code != "0":
        raise SystemExit(f"failed ({code}): {' '.join(run)}")
    summary = json.loads(output.read_text(encoding="utf-8"))["summary"]
    return {
        "a_and_b": size,
        "records": summary["records"],
        "dials": summary["dials"],
        "hours_with_dials": len(summary["dials_by_hour"]),
        "seconds": round(float(seconds), 1),
        "peak_rss_mib": round(int(kib) / 1024, 1),
        "dials_per_second": round(summary["dials"] / float(seconds)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limits", type=int, nargs="+", choices=SIZES, default=[50, 500])
    parser.add_argument("--records", type=int, help="only records 1..N (default: all 300)")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    subprocess.run(command(50, 1, OUT / "warm_up.json"), check=True, env=CHILD_ENV)
    rows = [measure(size, args.records) for size in args.limits]
    for row in rows:
        print(json.dumps(row))
    peaks = [float(str(row["peak_rss_mib"])) for row in rows]
    print(json.dumps({"peak_rss_spread_mib": round(max(peaks) - min(peaks), 1)}))


if __name__ == "__main__":
    main()
