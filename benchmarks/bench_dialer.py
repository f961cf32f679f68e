"""The dialer benchmark: `recall simulate` against benchmarks/simpy_dialer.py on the dialer job.

    .venv/bin/python benchmarks/bench_dialer.py              # 100,000 records, 100 lines, 5 rounds
    .venv/bin/python benchmarks/bench_dialer.py --no-lines   # the same run without `dialer`
    .venv/bin/python benchmarks/bench_dialer.py --million    # 1,000,000 records, 1,000 lines
    .venv/bin/python benchmarks/bench_dialer.py --simpy-only # the SimPy model alone

The job is benchmarks/dialer_job/campaign.yaml (the source's default rule table, calling hours
09:00–21:00 on weekdays, 10:00–18:00 on Saturdays, closed on Sundays, 100 lines) with
sample_configs/realistic.profile.yaml (which gives every dial a duration), on a list of records
with one to three phones across Russia's regions (benchmarks/make_list.py --regions, seed 2026).
`--no-lines` drops `dialer` from the config, `--million` sets `lines: 1000`; the configs of
those runs are written to benchmarks/out/.

Both programs run as whole processes (interpreter start, imports, reading, the simulation,
writing) from the same inputs, each round in a rotated order; the bytecode of recall and of the
benchmarks is compiled before the first round, and children keep Python's bytecode cache on
(see benchmarks/bench.py). Reported per program: each round's wall time and peak RSS (the
child's own, from wait4), the medians, the ratio of the medians (SimPy / recall) and the median
of the rounds' ratios; the SimPy model's SimPy events and dials per second of simulation; the
reach rates and how many standard errors apart they are. A round during which the 1-minute load
average rose above the CPU count is flagged: its times are not to be trusted.

A recall that does not know the config keys `hours` and `dialer` refuses them; recall then runs
on a copy of the config without the keys it named (written to benchmarks/out/), and the harness
says so. A recall that reads them but does not play them yet reports no `lines` in its summary.
Either way the harness prints which of `lines`, `held_by_hours`, `zone_fallback` and `end` each
program's summary reported, and says when recall's lacks one the SimPy model's has: a ratio
measured on different jobs is to be read as such.
Files go to benchmarks/out/ (not committed); the figures to benchmarks/out/NAME_results.json
(NAME: dialer_100_lines, dialer_no_lines or dialer_1000_lines).
"""

from __future__ import annotations

import argparse
import compileall
import json
import math
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench import CHILD_ENV, Measured, run
from make_list import write_list

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
JOB = ROOT / "benchmarks" / "dialer_job" / "campaign.yaml"
PROFILE = ROOT / "sample_configs" / "realistic.profile.yaml"
SEED = 42
START = "2026-12-01T09:00"  # a Tuesday
LIST_SEED = 2026
PART_II_KEYS = ("hours", "dialer")
PART_II_SUMMARY = ("lines", "held_by_hours", "zone_fallback", "end")
"""The summary keys of a run with calling hours or lines, as both programs write them."""


@dataclass(frozen=True)
class Job:
    """One benchmarked run: its name, records, and the config each program reads."""

    name: str
    records: int
    config: Path
    recall_config: Path
    recall_ignores: tuple[str, ...]


def make_list(count: int) -> Path:
    path = OUT / f"regions_{count}.csv"
    if not path.exists():
        write_list(path, count, LIST_SEED, regions=True)
    return path


def variant(name: str, lines: int | None) -> Path:
    """The job's config with `lines` lines (no `dialer` at all for None), in benchmarks/out/."""
    config = yaml.safe_load(JOB.read_text(encoding="utf-8"))
    if lines is None:
        del config["dialer"]
    else:
        config["dialer"] = {**config["dialer"], "lines": lines}
    path = OUT / f"{name}.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def validates(config: Path) -> tuple[bool, str]:
    """Whether `recall validate` accepts `config`, and what it said."""
    done = subprocess.run(
        [sys.executable, "-m", "recall_cli", "validate", str(config)],
        capture_output=True,
        text=True,
        env=CHILD_ENV,
        check=False,
    )
    return done.returncode == 0, done.stdout + done.stderr


def job(name: str, records: int, config: Path) -> Job:
    """The job, with a copy of its config without `hours` and `dialer` for recall if recall
    does not know them yet."""
    accepted, said = validates(config)
    if accepted:
        return Job(name, records, config, config, ())
    loaded = yaml.safe_load(config.read_text(encoding="utf-8"))
    # The keys recall named as unknown; all of them if it named none (its words may change).
    ignored = tuple(key for key in PART_II_KEYS if key in loaded and f"'{key}'" in said)
    ignored = ignored or tuple(key for key in PART_II_KEYS if key in loaded)
    for key in ignored:
        del loaded[key]
    stripped = OUT / f"{name}.recall.yaml"
    stripped.write_text(yaml.safe_dump(loaded, allow_unicode=True, sort_keys=False), "utf-8")
    if not validates(stripped)[0]:
        raise SystemExit(f"recall refuses {config}:\n{said}")
    print(
        f"recall refuses {', '.join(ignored)} in {config.name} (it does not know them yet): "
        f"it runs on {stripped.relative_to(ROOT)}, without them — NOT the same job.\n"
        + "".join(f"  {line}\n" for line in said.splitlines() if "error" in line),
        end="",
        flush=True,
    )
    return Job(name, records, config, stripped, ignored)


def recall(current: Job, contacts: Path, output: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "recall_cli",
        "simulate",
        str(current.recall_config),
        str(contacts),
        "--profile",
        str(PROFILE),
        "--seed",
        str(SEED),
        "--start",
        START,
        "--format",
        "json",
        "--no-events",
        "--output",
        str(output),
    ]


def simpy(current: Job, contacts: Path, output: Path, stats: Path) -> list[str]:
    return [
        sys.executable,
        str(ROOT / "benchmarks" / "simpy_dialer.py"),
        str(current.config),
        str(contacts),
        str(PROFILE),
        "--seed",
        str(SEED),
        "--start",
        START,
        "--output",
        str(output),
        "--stats",
        str(stats),
    ]


def measured(command: list[str]) -> tuple[Measured, float]:
    """The run, and the 1-minute load average when it ended (the higher of before and after)."""
    before = os.getloadavg()[0]
    result = run(command)
    return result, max(before, os.getloadavg()[0])


def summary(output: Path) -> dict[str, Any]:
    document: dict[str, dict[str, Any]] = json.loads(output.read_text(encoding="utf-8"))
    return document["summary"]


def reach_rates(ours: dict[str, Any], theirs: dict[str, Any]) -> tuple[float, float, float]:
    """Both reach rates and how many standard errors apart they are."""
    p, q = ours["reached"] / ours["records"], theirs["reached"] / theirs["records"]
    error = math.sqrt(p * (1 - p) / ours["records"] + q * (1 - q) / theirs["records"])
    return p, q, abs(p - q) / error if error else 0.0


def keys_line(name: str, found: dict[str, Any]) -> str:
    extras = [key for key in PART_II_SUMMARY if key in found]
    lines = "`lines` present" if "lines" in found else "NO `lines`"
    return f"{name} summary: {lines}; Part II keys: {', '.join(extras) or 'none'}"


def compare(current: Job, pairs: int, simpy_only: bool) -> dict[str, Any]:
    """recall and the SimPy dialer, each round in a rotated order."""
    contacts = make_list(current.records)
    outputs = {
        "recall": OUT / f"{current.name}.recall.json",
        "simpy": OUT / f"{current.name}.simpy.json",
    }
    stats = OUT / f"{current.name}.simpy.stats.json"
    commands = {
        "recall": recall(current, contacts, outputs["recall"]),
        "simpy": simpy(current, contacts, outputs["simpy"], stats),
    }
    names = ["simpy"] if simpy_only else ["recall", "simpy"]
    cpus = os.cpu_count() or 1
    seconds: dict[str, list[float]] = {name: [] for name in names}
    rss: dict[str, list[float]] = {name: [] for name in names}
    rates: list[float] = []
    dial_rates: list[float] = []
    loaded_rounds = []
    for round_ in range(pairs):
        load = 0.0
        for name in names[round_ % 2 :] + names[: round_ % 2]:
            timed, seen = measured(commands[name])
            load = max(load, seen)
            seconds[name].append(timed.seconds)
            rss[name].append(timed.peak_rss_mib)
            if name == "simpy":
                figures = json.loads(stats.read_text(encoding="utf-8"))
                rates.append(figures["events_per_second"])
                dial_rates.append(figures["dials_per_second"])
        shown = ", ".join(
            f"{name} {seconds[name][-1]:.2f} s {rss[name][-1]:.0f} MiB" for name in names
        )
        note = (
            f"  (load average {load:.1f} > {cpus} CPUs: not to be trusted)" if load > cpus else ""
        )
        if note:
            loaded_rounds.append(round_ + 1)
        print(f"{current.name} round {round_ + 1}: {shown}{note}", flush=True)
    medians = {name: statistics.median(values) for name, values in seconds.items()}
    theirs = summary(outputs["simpy"])
    result: dict[str, Any] = {
        "records": current.records,
        "rounds": pairs,
        "seconds": seconds,
        "peak_rss_mib": rss,
        "medians": medians,
        "median_peak_rss_mib": {name: statistics.median(v) for name, v in rss.items()},
        "simpy_events_per_second": statistics.median(rates),
        "simpy_dials_per_second": statistics.median(dial_rates),
        "rounds_under_load": loaded_rounds,
        "recall_ignores": list(current.recall_ignores),
        "simpy_summary": theirs,
        "commands": {name: " ".join(commands[name]) for name in names},
    }
    print(keys_line("SimPy", theirs))
    print(
        f"SimPy: {theirs['dials']} dials, {result['simpy_events_per_second']:,.0f} SimPy events/s "
        f"and {result['simpy_dials_per_second']:,.0f} dials/s of simulation; lines "
        f"{theirs.get('lines')}; end {theirs.get('end')}"
    )
    if simpy_only:
        print(
            f"{current.name} median: SimPy {medians['simpy']:.2f} s, "
            f"peak RSS {result['median_peak_rss_mib']['simpy']:.0f} MiB"
        )
        return result
    ours = summary(outputs["recall"])
    p, q, apart = reach_rates(ours, theirs)
    result |= {
        "ratio": medians["simpy"] / medians["recall"],
        "median_round_ratio": statistics.median(
            t / o for o, t in zip(seconds["recall"], seconds["simpy"], strict=True)
        ),
        "reach_rate_recall": p,
        "reach_rate_simpy": q,
        "reach_rate_standard_errors_apart": apart,
        "recall_summary_keys": sorted(ours),
        "recall_summary": ours,
    }
    print(keys_line("recall", ours))
    if current.recall_ignores:
        print(
            f"recall ran without {', '.join(current.recall_ignores)}: its time and figures are "
            "of a campaign with no calling hours and no lines"
        )
    missing = [key for key in PART_II_SUMMARY if key in theirs and key not in ours]
    if missing and not current.recall_ignores:
        print(
            f"recall read the config but reported no {', '.join(missing)}: it did not play "
            "what they measure, so the ratio is not of the same job"
        )
    print(
        f"{current.name} medians: recall {medians['recall']:.2f} s, SimPy {medians['simpy']:.2f} s;"
        f" ratio {result['ratio']:.1f}×; reach rate {p:.4f} vs {q:.4f} ({apart:.1f} standard "
        "errors apart)"
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--records", type=int, help="records (100,000; 1,000,000 with --million)")
    parser.add_argument("--pairs", type=int, help="rounds (5; 1 with --million)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--no-lines", action="store_true", help="the same job without `dialer`")
    mode.add_argument("--million", action="store_true", help="1,000,000 records on 1,000 lines")
    parser.add_argument("--simpy-only", action="store_true", help="time the SimPy model alone")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    records = args.records or (1_000_000 if args.million else 100_000)
    pairs = args.pairs or (1 if args.million else 5)
    if args.million:
        name, config = "dialer_1000_lines", variant("dialer_1000_lines", 1000)
    elif args.no_lines:
        name, config = "dialer_no_lines", variant("dialer_no_lines", None)
    else:
        name, config = "dialer_100_lines", JOB
    quiet = compileall.compile_dir(ROOT / "src", quiet=1)
    quiet &= compileall.compile_dir(ROOT / "benchmarks", quiet=1, maxlevels=0)
    if not quiet:
        raise SystemExit("bytecode could not be compiled")
    # The SimPy model alone needs no copy for recall (nor recall's word on the config).
    current = (
        Job(name, records, config, config, ()) if args.simpy_only else job(name, records, config)
    )
    results = {
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        name: compare(current, pairs, args.simpy_only),
    }
    (OUT / f"{name}_results.json").write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
