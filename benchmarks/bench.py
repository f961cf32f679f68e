"""The benchmark: `recall simulate` against its SimPy peers, and against itself at scale.

    .venv/bin/python benchmarks/bench.py                     # start part1 dialer dnc, 3 rounds
    .venv/bin/python benchmarks/bench.py part1 dialer --rounds 7
    .venv/bin/python benchmarks/bench.py million             # 1 M records vs 100k, 1 round
    .venv/bin/python benchmarks/bench.py all --rounds 5
    .venv/bin/python benchmarks/bench.py part1 --against /tmp/old/src   # and another checkout

The jobs (each a set of commands run against each other):
  start    the fixed cost: `recall simulate` on a 1-record list (`--format json --no-events`)
           against the bare interpreter (`python -c pass`);
  part1    100,000 records (make_list.py --count 100000 --seed 2026), the source's default table
           (sample_configs/cloud_contact_default.yaml), the realistic profile, `--format json
           --no-events`, against benchmarks/simpy_model.py;
  dialer   the dialer job (benchmarks/dialer_job/campaign.yaml: calling hours, `lines: 100`) on
           100,000 records across Russia's zones (make_list.py --regions --seed 2026), against
           benchmarks/simpy_dialer.py;
  dnc      the dialer job with a cap of one dial a day per record, with a 10,000-number
           do-not-call file (`--dnc`; the first phone of every tenth record) against the same
           without it; skipped, and said so, while recall does not accept `--dnc`;
  million  1,000,000 records against 100,000, `--format json --no-events` and `--format jsonl`
           (every event), wall time and peak RSS: the ratio should stay at or below 11 (linear)
           and the peak at or below 300 MiB.

The method:
- Every command runs as a whole process (interpreter start, imports, reading, simulating,
  writing, exit), its output to a file in benchmarks/out/ (not committed).
- Bytecode is compiled first (`python -m compileall -q src benchmarks`), and every recall
  command runs once unmeasured (the file cache, and a first output to compare with). Children
  keep Python's bytecode cache on even when PYTHONDONTWRITEBYTECODE is set here, as an
  installed copy does.
- Rounds are paired and rotated: each round runs every command of the job once, each round in
  the next rotation of their order (A B, B A, …), so that a slow spell of the machine falls on
  all of them alike.
- Measured per run, from `os.wait4`: wall time, CPU time (user + system) and peak RSS.
- A run is disturbed when it got less than 90 % of a CPU over its wall time (it waited for a
  CPU, or for the disk: a single-threaded run that is not disturbed stays near 100 %), or took
  over 1.25 × its command's median; a round is disturbed when any run in it is. Medians and
  ratios are of the undisturbed rounds (of every round, and said so, when none is). The 1-minute
  load average at each round's start is shown too: it lags, and counts this benchmark itself,
  so it is not used to judge.
- Every repeated run of a recall command must write the same bytes (also a command run with
  `--against` against ours): the harness says which differ and exits 1.
- The SimPy models are fixed yardsticks: a change to one changes every ratio measured with it.
  Their reach rate must agree with recall's within sampling error; the harness prints both.
Results go to benchmarks/out/results.json; a Markdown table of them is printed at the end.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
OUT = BENCH / "out"
CONFIG = ROOT / "sample_configs" / "cloud_contact_default.yaml"
PROFILE = ROOT / "sample_configs" / "realistic.profile.yaml"
DIALER_JOB = BENCH / "dialer_job" / "campaign.yaml"
ONE_RECORD = ROOT / "sample_lists" / "source_record.csv"
SEED = 42
START = "2026-12-01T09:00"  # a Tuesday
LIST_SEED = 2026
RECORDS = 100_000
MILLION = 1_000_000
DNC_NUMBERS = 10_000
JOBS = ("start", "part1", "dialer", "dnc", "million")
QUICK = ("start", "part1", "dialer", "dnc")
CPU_SHARE = 0.90
"""Below this share of a CPU over its wall time, a run waited for the machine: disturbed."""
SLOW = 1.25
"""Above this multiple of its command's median, a run is disturbed."""
LINEAR = 11.0
"""1 M records may take at most this multiple of 100k's time."""
PEAK_MIB = 300.0
"""1 M records may take at most this peak RSS."""

CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
"""The environment of measured children: this one, with the bytecode cache on."""


@dataclass(frozen=True)
class Measured:
    """One run of one command."""

    seconds: float
    cpu_seconds: float
    peak_rss_mib: float

    @property
    def cpu_share(self) -> float:
        return self.cpu_seconds / self.seconds if self.seconds else 1.0


@dataclass(frozen=True)
class Command:
    """One program on one input: what it runs, and the output its runs must agree on."""

    label: str
    argv: tuple[str, ...]
    output: Path | None = None
    """Checked byte for byte between runs (recall's); None for a peer or a bare interpreter."""
    env: dict[str, str] = field(default_factory=dict)
    same_as: str | None = None
    """Another command whose output this one's must equal (the same run on another checkout)."""


@dataclass(frozen=True)
class Ratio:
    """`slow` ÷ `fast`, what it means, and the bound it must keep if any."""

    slow: str
    fast: str
    meaning: str
    at_most: float | None = None


@dataclass(frozen=True)
class Job:
    name: str
    title: str
    commands: tuple[Command, ...]
    ratios: tuple[Ratio, ...]
    rounds: int
    check: Callable[[], list[str]] | None = None
    """Notes on what the job's outputs say (reach rates), after its rounds."""


def run(command: Command) -> Measured:
    """Wall time, CPU time and peak RSS of one run of `command`, which must succeed."""
    environment = CHILD_ENV | command.env
    said = OUT / "stderr.txt"  # a run's notes (records with no number…) shown only if it fails
    with said.open("wb") as stderr:
        began = time.perf_counter()
        child = subprocess.Popen(
            command.argv, stdout=subprocess.DEVNULL, stderr=stderr, env=environment
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - began
    code = os.waitstatus_to_exitcode(status)
    if code:
        told = said.read_text(encoding="utf-8", errors="replace")
        raise SystemExit(f"failed ({code}): {' '.join(command.argv)}\n{told}")
    return Measured(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def digest(path: Path) -> str:
    hashed = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            hashed.update(chunk)
    return hashed.hexdigest()


def compile_bytecode(sources: Sequence[Path]) -> None:
    folders = [str(folder) for folder in sources]
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", *folders], cwd=ROOT, env=CHILD_ENV, check=True
    )


# Inputs


def make_list(count: int, *, regions: bool = False) -> Path:
    path = OUT / f"{'regions' if regions else 'list'}_{count}.csv"
    if not path.exists():
        flags = ["--regions"] if regions else []
        flags += ["--count", str(count), "--seed", str(LIST_SEED)]
        subprocess.run(
            [sys.executable, str(BENCH / "make_list.py"), *flags, str(path)],
            check=True,
        )
    return path


def make_dnc(contacts: Path, numbers: int) -> Path:
    """A do-not-call file (a `phone` column) of the first phone of every tenth record of
    `contacts` that has one, `numbers` of them at most."""
    path = OUT / f"dnc_{numbers}.csv"
    with contacts.open(encoding="utf-8", newline="") as source:
        rows = csv.reader(source)
        header = next(rows)
        phones = [i for i, name in enumerate(header) if name.startswith("Телефон")]
        listed: list[str] = []
        for index, row in enumerate(rows):
            if index % 10 == 0:
                listed.extend([cell for i in phones if (cell := row[i].strip())][:1])
            if len(listed) == numbers:
                break
    path.write_text("phone\n" + "".join(f"{phone}\n" for phone in listed), encoding="utf-8")
    return path


def capped_dialer_job() -> Path:
    """The dialer job with a cap of one dial a calendar day per record."""
    config = yaml.safe_load(DIALER_JOB.read_text(encoding="utf-8"))
    config["caps"] = [{"max": 1, "per": "day"}]
    path = OUT / "dialer_capped.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def recall_help() -> str:
    done = subprocess.run(
        [sys.executable, "-m", "recall_cli", "simulate", "--help"],
        capture_output=True,
        text=True,
        env=CHILD_ENV,
        check=False,
    )
    return done.stdout


# Commands


def recall(
    label: str, config: Path, contacts: Path, output: Path, *options: str, against: Path | None
) -> list[Command]:
    """`recall simulate` on this checkout, and on `against`'s source too when given."""
    argv = (
        *(sys.executable, "-m", "recall_cli", "simulate", str(config), str(contacts)),
        *("--profile", str(PROFILE), "--seed", str(SEED), "--start", START, *options),
    )
    ours = Command(label, (*argv, "--output", str(output)), output)
    if against is None:
        return [ours]
    theirs_output = output.with_name(f"against.{output.name}")
    theirs = Command(
        f"{label} [{against}]",
        (*argv, "--output", str(theirs_output)),
        theirs_output,
        {"PYTHONPATH": str(against)},
        same_as=label,
    )
    return [ours, theirs]


def peer(label: str, model: str, config: Path, contacts: Path, output: Path) -> Command:
    argv = (sys.executable, str(BENCH / model), str(config), str(contacts), str(PROFILE))
    return Command(label, (*argv, "--seed", str(SEED), "--start", START, "--output", str(output)))


def summary(path: Path) -> dict[str, Any]:
    document: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return document["summary"]


def reach_check(ours: Path, theirs: Path) -> Callable[[], list[str]]:
    def check() -> list[str]:
        a, b = summary(ours), summary(theirs)
        p, q = a["reached"] / a["records"], b["reached"] / b["records"]
        error = math.sqrt(p * (1 - p) / a["records"] + q * (1 - q) / b["records"])
        apart = abs(p - q) / error if error else 0.0
        verdict = "agree" if apart < 3 else "DISAGREE: not the same job"
        return [
            f"reach rate: recall {p:.4f}, SimPy {q:.4f}, {apart:.1f} standard errors ({verdict})"
        ]

    return check


def against_ratios(commands: Sequence[Command]) -> tuple[Ratio, ...]:
    return tuple(
        Ratio(c.label, c.same_as, "the other checkout ÷ this one")
        for c in commands
        if c.same_as is not None
    )


JSON_NO_EVENTS = ("--format", "json", "--no-events")


def start_job(rounds: int, against: Path | None) -> Job:
    label = "recall, 1 record"
    commands = recall(
        label, CONFIG, ONE_RECORD, OUT / "start.json", *JSON_NO_EVENTS, against=against
    )
    bare = Command("python -c pass", (sys.executable, "-c", "pass"))
    return Job(
        "start",
        "fixed cost: `recall simulate` on 1 record vs the bare interpreter",
        (*commands, bare),
        (Ratio(label, bare.label, "recall's start ÷ Python's"), *against_ratios(commands)),
        rounds,
    )


def part1_job(rounds: int, against: Path | None) -> Job:
    contacts = make_list(RECORDS)
    ours, theirs = OUT / "part1.recall.json", OUT / "part1.simpy.json"
    commands = recall("recall", CONFIG, contacts, ours, *JSON_NO_EVENTS, against=against)
    model = peer("SimPy model", "simpy_model.py", CONFIG, contacts, theirs)
    return Job(
        "part1",
        "Part I job, 100k records, `--format json --no-events`",
        (*commands, model),
        (Ratio(model.label, "recall", "SimPy ÷ recall, target ≥ 10"), *against_ratios(commands)),
        rounds,
        reach_check(ours, theirs),
    )


def dialer_job(rounds: int, against: Path | None) -> Job:
    contacts = make_list(RECORDS, regions=True)
    ours, theirs = OUT / "dialer.recall.json", OUT / "dialer.simpy.json"
    commands = recall("recall", DIALER_JOB, contacts, ours, *JSON_NO_EVENTS, against=against)
    model = peer("SimPy dialer", "simpy_dialer.py", DIALER_JOB, contacts, theirs)
    return Job(
        "dialer",
        "dialer job, 100k records, `lines: 100`, calling hours",
        (*commands, model),
        (Ratio(model.label, "recall", "SimPy ÷ recall, target ≥ 10"), *against_ratios(commands)),
        rounds,
        reach_check(ours, theirs),
    )


def dnc_job(rounds: int) -> Job | None:
    """None, said so, while recall does not accept `--dnc`."""
    if "--dnc" not in recall_help():
        print("dnc: recall does not accept --dnc yet (it comes with branch i-dnc): skipped")
        return None
    contacts = make_list(RECORDS, regions=True)
    config, dnc = capped_dialer_job(), make_dnc(contacts, DNC_NUMBERS)
    listed = recall(
        "with --dnc", config, contacts, OUT / "dnc.json", *JSON_NO_EVENTS, "--dnc", str(dnc),
        against=None,
    )  # fmt: skip
    unlisted = recall(
        "without", config, contacts, OUT / "nodnc.json", *JSON_NO_EVENTS, against=None
    )
    return Job(
        "dnc",
        f"dialer job capped 1 a day, 100k records, a {DNC_NUMBERS:,}-number DNC file",
        (*listed, *unlisted),
        (Ratio("with --dnc", "without", "the DNC file's cost"),),
        rounds,
    )


def million_job(rounds: int) -> Job:
    small, large = make_list(RECORDS), make_list(MILLION)
    commands: list[Command] = []
    ratios: list[Ratio] = []
    for name, options in (("json", ("--no-events",)), ("jsonl", ())):
        for count, contacts in ((RECORDS, small), (MILLION, large)):
            label, output = f"{count:,} {name}", OUT / f"million.{count}.{name}"
            formatted = ("--format", name, *options)
            commands += recall(label, CONFIG, contacts, output, *formatted, against=None)
        ratios.append(Ratio(f"{MILLION:,} {name}", f"{RECORDS:,} {name}", "1 M ÷ 100k", LINEAR))
    return Job(
        "million",
        "1 M records vs 100k, `--format json --no-events` and `--format jsonl` (every event)",
        tuple(commands),
        tuple(ratios),
        rounds,
    )


def jobs(names: Sequence[str], rounds: int | None, against: Path | None) -> list[Job]:
    quick = rounds or 3
    chosen = [
        start_job(quick, against) if "start" in names else None,
        part1_job(quick, against) if "part1" in names else None,
        dialer_job(quick, against) if "dialer" in names else None,
        dnc_job(quick) if "dnc" in names else None,
        million_job(rounds or 1) if "million" in names else None,
    ]
    return [job for job in chosen if job is not None]


# Rounds


@dataclass
class Runs:
    """A command's runs, round by round."""

    command: Command
    measured: list[Measured] = field(default_factory=list)
    digests: set[str] = field(default_factory=set)

    def seconds(self, rounds: Sequence[int]) -> float:
        return statistics.median(self.measured[i].seconds for i in rounds)

    def cpu(self, rounds: Sequence[int]) -> float:
        return statistics.median(self.measured[i].cpu_seconds for i in rounds)

    def rss(self, rounds: Sequence[int]) -> float:
        return statistics.median(self.measured[i].peak_rss_mib for i in rounds)

    def note_output(self) -> None:
        output = self.command.output
        if output is not None:
            self.digests.add(digest(output))
            if output.suffix == ".jsonl" or output.stat().st_size > 100 << 20:
                output.unlink()  # a gigabyte of events is not kept


def disturbed(runs: Sequence[Runs], rounds: int) -> list[bool]:
    """Per round: whether any of its runs got too little CPU or was too slow for its command."""
    flags = []
    for index in range(rounds):
        flag = False
        for each in runs:
            median = statistics.median(m.seconds for m in each.measured)
            one = each.measured[index]
            flag |= one.cpu_share < CPU_SHARE or one.seconds > SLOW * median
        flags.append(flag)
    return flags


def play(job: Job) -> dict[str, Any]:
    """Warm up, then run the job's rounds, rotated; its figures and what they say."""
    print(f"\n## {job.name}: {job.title}", flush=True)
    runs = [Runs(command) for command in job.commands]
    for each in runs:
        if each.command.output is not None:
            run(each.command)  # unmeasured: the file cache, and the output compared with
            each.note_output()
    loads = []
    count = len(runs)
    for index in range(job.rounds):
        loads.append(os.getloadavg()[0])
        order = [runs[(index + k) % count] for k in range(count)]
        for each in order:
            each.measured.append(run(each.command))
            each.note_output()
        shown = ", ".join(
            f"{each.command.label} {each.measured[-1].seconds:.2f} s "
            f"({each.measured[-1].cpu_share:.0%} CPU, {each.measured[-1].peak_rss_mib:.0f} MiB)"
            for each in order
        )
        print(f"round {index + 1} (load {loads[-1]:.1f}): {shown}", flush=True)
    flags = disturbed(runs, job.rounds)
    clean = [i for i, flag in enumerate(flags) if not flag]
    counted = clean or list(range(job.rounds))
    by_label = {each.command.label: each for each in runs}
    notes = []
    if not clean:
        notes.append("every round was disturbed: the medians are of all rounds")
    elif len(clean) < job.rounds:
        notes.append(f"rounds disturbed (left out): {[i + 1 for i, f in enumerate(flags) if f]}")
    differ = [
        each.command.label
        for each in runs
        if len(each.digests) > 1
        or (each.command.same_as and each.digests != by_label[each.command.same_as].digests)
    ]
    if differ:
        notes.append(f"OUTPUTS DIFFER between runs of: {', '.join(differ)}")
    if job.check is not None:
        notes.extend(job.check())
    ratios = []
    for ratio in job.ratios:
        slow, fast = by_label[ratio.slow], by_label[ratio.fast]
        of_medians = slow.seconds(counted) / fast.seconds(counted)
        per_round = statistics.median(
            slow.measured[i].seconds / fast.measured[i].seconds for i in counted
        )
        of_cpu = slow.cpu(counted) / fast.cpu(counted)
        kept = ratio.at_most is None or of_medians <= ratio.at_most
        ratios.append(
            {
                "slow": ratio.slow,
                "fast": ratio.fast,
                "meaning": ratio.meaning,
                "ratio_of_medians": of_medians,
                "median_round_ratio": per_round,
                "cpu_ratio_of_medians": of_cpu,
                "at_most": ratio.at_most,
                "kept": kept,
            }
        )
    for note in notes:
        print(note)
    return {
        "job": job.name,
        "title": job.title,
        "rounds": job.rounds,
        "clean_rounds": [i + 1 for i in clean],
        "load_averages": loads,
        "commands": {
            each.command.label: {
                "argv": " ".join(each.command.argv),
                "seconds": [m.seconds for m in each.measured],
                "cpu_seconds": [m.cpu_seconds for m in each.measured],
                "peak_rss_mib": [m.peak_rss_mib for m in each.measured],
                "median_seconds": each.seconds(counted),
                "median_cpu_seconds": each.cpu(counted),
                "median_peak_rss_mib": each.rss(counted),
                "identical_outputs": len(each.digests) <= 1 if each.command.output else None,
            }
            for each in runs
        },
        "ratios": ratios,
        "notes": notes,
        "outputs_differ": differ,
    }


def markdown(results: Sequence[dict[str, Any]]) -> str:
    """The figures as a Markdown table, one row a command, then one a ratio."""
    lines = [
        "| job | command | wall (median) | CPU | peak RSS | clean rounds |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for result in results:
        clean = f"{len(result['clean_rounds'])} of {result['rounds']}"
        for label, figures in result["commands"].items():
            lines.append(
                f"| {result['job']} | {label} | {figures['median_seconds']:.2f} s | "
                f"{figures['median_cpu_seconds']:.2f} s | {figures['median_peak_rss_mib']:.0f} MiB"
                f" | {clean} |"
            )
    lines += [
        "",
        "| job | ratio | of medians | median of rounds | of CPU medians | bound |",
        "|---|---|---:|---:|---:|---|",
    ]
    for result in results:
        for ratio in result["ratios"]:
            bound = "" if ratio["at_most"] is None else f"≤ {ratio['at_most']:g}: "
            bound += "" if ratio["at_most"] is None else ("kept" if ratio["kept"] else "EXCEEDED")
            lines.append(
                f"| {result['job']} | {ratio['slow']} ÷ {ratio['fast']} ({ratio['meaning']}) | "
                f"{ratio['ratio_of_medians']:.2f}× | {ratio['median_round_ratio']:.2f}× | "
                f"{ratio['cpu_ratio_of_medians']:.2f}× | {bound} |"
            )
    for result in results:
        if result["job"] == "million":
            for label, figures in result["commands"].items():
                if label.startswith(f"{MILLION:,}"):
                    peak = figures["median_peak_rss_mib"]
                    verdict = "kept" if peak <= PEAK_MIB else "EXCEEDED"
                    lines.append(f"\n{label}: peak RSS {peak:.0f} MiB (≤ {PEAK_MIB:g}: {verdict})")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "jobs", nargs="*", choices=(*JOBS, "all"), help=f"default: {' '.join(QUICK)}"
    )
    parser.add_argument("--rounds", type=int, help="rounds per job (3; million: 1)")
    parser.add_argument(
        "--against", type=Path, help="also run recall from this source folder (PYTHONPATH)"
    )
    args = parser.parse_args(argv)
    names = JOBS if "all" in args.jobs else tuple(args.jobs) or QUICK
    OUT.mkdir(parents=True, exist_ok=True)
    compile_bytecode([Path("src"), Path("benchmarks"), *([args.against] if args.against else [])])
    results = [play(job) for job in jobs(names, args.rounds, args.against)]
    document = {
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "jobs": results,
    }
    (OUT / "results.json").write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print()
    print(markdown(results))
    return 1 if any(result["outputs_differ"] for result in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
