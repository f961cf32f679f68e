"""The benchmark of issue 3: `recall simulate` against a SimPy model, and a million records.

    .venv/bin/python benchmarks/bench.py                 # 100,000 records, 5 rounds
    .venv/bin/python benchmarks/bench.py --million       # and the 1,000,000-record runs

Both programs run as whole processes (interpreter start, imports, reading the files, the
simulation, writing the output) on the same config, list and profile: recall and the SimPy
model, each round in a rotated order. Reported: each one's median wall time, the ratio of the
medians and the median of the rounds' ratios. The SimPy model's reach rate must agree with
recall's within sampling error, or the comparison would be of different things.

Children run with Python's default bytecode cache even when PYTHONDONTWRITEBYTECODE is set
in the calling shell (as in some sandboxes): otherwise the unmeasured warm-up run could not
cache recall's bytecode, and every measured run would compile every module it imports that
changed since its cache was last written — a cost no installed copy pays.

The million-record part runs `--format jsonl` with every event streamed, and `--format json
--no-events`, and reports wall time and peak RSS (the child's own, from wait4) of each: if
memory grew with events, the first would need far more than the second.
Files go to benchmarks/out/ (not committed).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
CONFIG = ROOT / "sample_configs" / "cloud_contact_default.yaml"
PROFILE = ROOT / "sample_configs" / "realistic.profile.yaml"
SEED = 42
START = "2026-12-01T09:00"
LIST_SEED = 2026


@dataclass(frozen=True)
class Measured:
    seconds: float
    peak_rss_mib: float


CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
"""The environment of measured children: this one, with the bytecode cache on (see above)."""


def run(command: list[str]) -> Measured:
    """Wall time and peak resident memory of one child process (which must succeed)."""
    began = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=CHILD_ENV)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"failed ({child.returncode}): {' '.join(command)}")
    return Measured(seconds, usage.ru_maxrss / 1024)


def make_list(count: int) -> Path:
    path = OUT / f"list_{count}.csv"
    if not path.exists():
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks" / "make_list.py"),
                "--count",
                str(count),
                "--seed",
                str(LIST_SEED),
                str(path),
            ],
            check=True,
        )
    return path


def recall(contacts: Path, output: Path, *options: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "recall_cli",
        "simulate",
        str(CONFIG),
        str(contacts),
        "--profile",
        str(PROFILE),
        "--seed",
        str(SEED),
        "--start",
        START,
        *options,
        "--output",
        str(output),
    ]


def simpy(contacts: Path, output: Path) -> list[str]:
    return [
        sys.executable,
        str(ROOT / "benchmarks" / "simpy_model.py"),
        str(CONFIG),
        str(contacts),
        str(PROFILE),
        "--seed",
        str(SEED),
        "--start",
        START,
        "--output",
        str(output),
    ]


def reach_rates(recall_out: Path, simpy_out: Path) -> tuple[float, float, float]:
    """Both reach rates and how many standard errors apart they are."""
    ours = json.loads(recall_out.read_text(encoding="utf-8"))["summary"]
    theirs = json.loads(simpy_out.read_text(encoding="utf-8"))["summary"]
    p, q = ours["reached"] / ours["records"], theirs["reached"] / theirs["records"]
    error = math.sqrt(p * (1 - p) / ours["records"] + q * (1 - q) / theirs["records"])
    return p, q, abs(p - q) / error


def compare(count: int, pairs: int) -> dict[str, object]:
    """recall and the SimPy model, each round in a rotated order."""
    contacts = make_list(count)
    outputs = {"recall": OUT / "recall.json", "simpy": OUT / "simpy.json"}
    commands = {
        "recall": recall(contacts, outputs["recall"], "--format", "json", "--no-events"),
        "simpy": simpy(contacts, outputs["simpy"]),
    }
    run(commands["recall"])  # warm the file cache and the bytecode cache once, unmeasured
    times: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for round_ in range(pairs):
        for name in names[round_ % 2 :] + names[: round_ % 2]:
            times[name].append(run(commands[name]).seconds)
        shown = ", ".join(f"{name} {times[name][-1]:.2f} s" for name in names)
        print(f"round {round_ + 1}: {shown}", flush=True)
    p, q, apart = reach_rates(outputs["recall"], outputs["simpy"])
    medians = {name: statistics.median(seconds) for name, seconds in times.items()}
    result: dict[str, object] = {
        "records": count,
        "rounds": pairs,
        "seconds": times,
        "medians": medians,
        "ratio": medians["simpy"] / medians["recall"],
        "median_round_ratio": statistics.median(
            t / o for o, t in zip(times["recall"], times["simpy"], strict=True)
        ),
        "reach_rate_recall": p,
        "reach_rate_simpy": q,
        "reach_rate_standard_errors_apart": apart,
        "commands": {name: " ".join(command) for name, command in commands.items()},
    }
    print(
        f"medians: recall {medians['recall']:.2f} s, SimPy {medians['simpy']:.2f} s; ratio "
        f"{result['ratio']:.1f}×; reach rate {p:.4f} vs {q:.4f} ({apart:.1f} standard errors "
        "apart)"
    )
    return result


def million() -> dict[str, object]:
    contacts = make_list(1_000_000)
    streamed = OUT / "million.jsonl"
    summary = OUT / "million.json"
    events = run(recall(contacts, streamed, "--format", "jsonl"))
    lines = sum(1 for _ in streamed.open(encoding="utf-8"))
    figures = run(recall(contacts, summary, "--format", "json", "--no-events"))
    result: dict[str, object] = {
        "records": 1_000_000,
        "jsonl_seconds": events.seconds,
        "jsonl_peak_rss_mib": events.peak_rss_mib,
        "jsonl_lines": lines,
        "jsonl_bytes": streamed.stat().st_size,
        "no_events_seconds": figures.seconds,
        "no_events_peak_rss_mib": figures.peak_rss_mib,
    }
    print(
        f"1M jsonl with events: {events.seconds:.1f} s, peak RSS {events.peak_rss_mib:.0f} MiB, "
        f"{lines} lines; json without events: {figures.seconds:.1f} s, peak RSS "
        f"{figures.peak_rss_mib:.0f} MiB"
    )
    streamed.unlink()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--pairs", type=int, default=5, help="rounds of the three runs")
    parser.add_argument("--million", action="store_true", help="also the 1,000,000-record runs")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "compare": compare(args.records, args.pairs),
    }
    if args.million:
        results["million"] = million()
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
