"""claimgraph benchmarks: throughput and peak memory of each step, beside a reference tool.

    python bench/run.py generate --incidents 10000 --out /tmp/syn10k [--format yaml]
    python bench/run.py run [--sizes 1000,10000,100000] [--steps build,validate,publish,import]

Every measurement runs in a child process, timed with the wall clock, its peak memory read
from the kernel (``os.wait4``'s ru_maxrss) so that what the benchmark itself holds does not
count. Results are printed as a table; paste them into bench/README.md with the machine line.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import generate  # noqa: E402

PYTHON = sys.executable
CLAIMGRAPH = [PYTHON, "-m", "claimgraph"]


@dataclass
class Measurement:
    step: str
    size: int
    tool: str
    seconds: float
    peak_mib: float
    items: int
    unit: str

    @property
    def rate(self) -> float:
        return self.items / self.seconds if self.seconds else 0.0

    def row(self) -> str:
        return (
            f"| {self.step} | {self.size:,} | {self.tool} | {self.seconds:.2f} s | "
            f"{self.rate:,.0f} {self.unit}/s | {self.peak_mib:,.0f} MiB |"
        )


def measure(
    command: Sequence[str], *, cwd: Path | None = None, stdin: Path | None = None
) -> tuple[float, float]:
    """Wall time and peak RSS (MiB) of one child process; raises if it fails."""
    started = time.perf_counter()
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as source:
        process = subprocess.Popen(
            command, cwd=cwd, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        assert process.stderr is not None
        _, status, usage = os.wait4(process.pid, 0)
        error = process.stderr.read().decode(errors="replace")
        process.stderr.close()
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {error.strip()[-400:]}")
    return seconds, usage.ru_maxrss / 1024


def count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))


# --------------------------------------------------------------------------- steps


def bench_build(dataset: Path, size: int, work: Path) -> list[Measurement]:
    out = work / f"build-{size}.nq"
    seconds, peak = measure([*CLAIMGRAPH, "build", str(dataset), "-o", str(out), "-q"])
    triples = count_lines(out)
    rows = [
        Measurement("build", size, "claimgraph build → N-Quads", seconds, peak, triples, "triples")
    ]
    parse = (
        "import sys, pyoxigraph as ox; "
        "print(sum(1 for _ in ox.parse(path=sys.argv[1], format=ox.RdfFormat.N_QUADS)))"
    )
    seconds, peak = measure([PYTHON, "-c", parse, str(out)])
    rows.append(
        Measurement(
            "build",
            size,
            "ref: pyoxigraph parse of the same N-Quads",
            seconds,
            peak,
            triples,
            "triples",
        )
    )
    if size <= 10_000:  # rdflib needs ~4 GiB and a minute per 3 M triples: skip at 100k
        parse = (
            "import sys, rdflib; d = rdflib.Dataset(); d.parse(sys.argv[1], format='nquads');"
            "print(len(d))"
        )
        seconds, peak = measure([PYTHON, "-c", parse, str(out)])
        rows.append(
            Measurement(
                "build",
                size,
                "ref: rdflib parse of the same N-Quads",
                seconds,
                peak,
                triples,
                "triples",
            )
        )
    return rows


def _script_step(script: str, step: str) -> Callable[[Path, int, Path], list[Measurement]]:
    """A step whose benchmark is its own script, printing tab-separated rows.

    Each row: tool, seconds, peak MiB, items, unit.
    """

    def run(dataset: Path, size: int, work: Path) -> list[Measurement]:
        path = HERE / script
        if not path.exists():
            print(f"  ({step}: {script} not present, skipped)")
            return []
        done = subprocess.run(
            [
                PYTHON,
                str(path),
                "--dataset",
                str(dataset),
                "--incidents",
                str(size),
                "--work",
                str(work),
                "--tsv",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            print(f"  ({step} failed: {done.stderr.strip()[-300:]})")
            return []
        rows = []
        for line in done.stdout.splitlines():
            parts = line.split("\t")
            if len(parts) == 5:
                tool, seconds, peak, items, unit = parts
                rows.append(
                    Measurement(step, size, tool, float(seconds), float(peak), int(items), unit)
                )
        return rows

    return run


#: Jena's ``shacl`` on 10k synthetic incidents as issue #4 measured it "on this kind of machine"
#: (10 node shapes over 328,541 triples). Used for the ratio only where Jena is not installed.
JENA_REFERENCE_SECONDS = {10_000: 3.8}
#: The issue's target: ``claimgraph validate`` within this factor of Jena's time.
JENA_TARGET_RATIO = 1.5
#: ``claimgraph validate`` runs this many times; the median is reported (a shared machine's
#: speed drifts by tens of percent between runs).
VALIDATE_RUNS = 3


def bench_validate(dataset: Path, size: int, work: Path) -> list[Measurement]:
    """``claimgraph validate`` end to end, then the engines alone on the same synthetic RDF.

    pySHACL takes minutes from 10k incidents on, so it runs only up to 10k; Jena's ``shacl``
    runs where it is installed (validate_bench.py looks for it on PATH). Ratios to both are
    printed under the table.
    """
    report = work / f"validate-{size}.json"
    command = [*CLAIMGRAPH, "validate", str(dataset), "--format", "json", "-o", str(report)]
    runs: list[tuple[float, float]] = []
    for _ in range(VALIDATE_RUNS if size <= 10_000 else 1):
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        runs.append((time.perf_counter() - started, usage.ru_maxrss / 1024))
        if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: the data has findings
            raise RuntimeError(f"claimgraph validate failed with {status}")
    runs.sort()
    seconds, peak = runs[len(runs) // 2]
    triples = count_lines(work / f"build-{size}.nq") if (work / f"build-{size}.nq").exists() else 0
    label = "claimgraph validate (build + SHACL + report)"
    if len(runs) > 1:
        label += f", median of {len(runs)} ({runs[0][0]:.1f}-{runs[-1][0]:.1f} s)"
    rows = [
        Measurement(
            "validate",
            size,
            label,
            seconds,
            peak,
            triples or size,
            "triples" if triples else "incidents",
        )
    ]
    engines = "fast,pyshacl,jena" if size <= 10_000 else "fast,jena"
    done = subprocess.run(
        [
            PYTHON,
            str(HERE / "validate_bench.py"),
            "--incidents",
            str(size),
            "--engines",
            engines,
            "--json",
            "--timeout",
            "900",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        print(f"  (validate engines failed: {done.stderr.strip()[-300:]})")
        return rows
    import json

    result = json.loads(done.stdout)
    for name, label in (
        ("fast", "claimgraph fast engine (same shapes, synthetic RDF)"),
        ("pyshacl", "ref: pySHACL (same shapes and RDF)"),
        ("jena", "ref: Jena shacl (same shapes and RDF)"),
    ):
        entry = result.get(name)
        if isinstance(entry, dict) and "wall" in entry:
            rows.append(
                Measurement(
                    "validate",
                    size,
                    label,
                    entry["wall"],
                    entry["peak_rss_mib"],
                    result["triples"],
                    "triples",
                )
            )
    for line in validate_ratios(size, seconds, result):
        print(line)
    return rows


def validate_ratios(size: int, seconds: float, engines: dict[str, object]) -> list[str]:
    """How ``claimgraph validate`` compares with pySHACL and with Jena (measured or reference)."""
    lines = []
    digests = {
        name: entry["digest"]
        for name, entry in engines.items()
        if isinstance(entry, dict) and "digest" in entry
    }
    if len(digests) > 1:
        same = len(set(digests.values())) == 1
        verdict = "equal" if same else "DIFFER"
        lines.append(f"  {size:,}: results of {', '.join(digests)}: {verdict}")
    pyshacl = engines.get("pyshacl")
    if isinstance(pyshacl, dict) and "wall" in pyshacl:
        lines.append(
            f"  {size:,}: claimgraph validate / pySHACL = {seconds / pyshacl['wall']:.3f} "
            f"({pyshacl['wall'] / seconds:.0f}x faster)"
        )
    jena = engines.get("jena")
    if isinstance(jena, dict) and "wall" in jena:
        ratio, source = seconds / jena["wall"], "Jena measured in this run"
    elif size in JENA_REFERENCE_SECONDS:
        reference = JENA_REFERENCE_SECONDS[size]
        ratio = seconds / reference
        source = f"Jena not installed: against issue #4's reference {reference} s"
    else:
        return lines
    verdict = "meets" if ratio <= JENA_TARGET_RATIO else "misses"
    lines.append(
        f"  {size:,}: claimgraph validate / Jena shacl = {ratio:.2f} ({source}); "
        f"{verdict} the {JENA_TARGET_RATIO}x target"
    )
    return lines


STEPS: dict[str, Callable[[Path, int, Path], list[Measurement]]] = {
    "build": bench_build,
    "validate": bench_validate,
    "publish": _script_step("publish_bench.py", "publish"),
    "import": _script_step("import_bench.py", "import"),
}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = next(
            line
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        mem_gib = int(memory.split()[1]) / 1024 / 1024
    except (OSError, StopIteration):
        mem_gib = 0.0
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem_gib:.0f} GiB, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )


def run(sizes: list[int], steps: list[str], keep: Path | None) -> None:
    work = keep or Path(tempfile.mkdtemp(prefix="claimgraph-bench-"))
    print(f"machine: {machine()}")
    print("| step | incidents | tool | time | throughput | peak memory |")
    print("| --- | ---: | --- | ---: | ---: | ---: |")
    try:
        for size in sizes:
            dataset = work / f"synthetic-{size}"
            if not dataset.exists():
                generate(size, dataset)
            for step in steps:
                for measurement in STEPS[step](dataset, size, work):
                    print(measurement.row(), flush=True)
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write a synthetic dataset")
    gen.add_argument("--incidents", type=int, required=True)
    gen.add_argument("--out", type=Path, required=True)
    gen.add_argument("--format", choices=["json", "yaml"], default="json")
    bench = sub.add_parser("run", help="generate 1k/10k/100k datasets and measure every step")
    bench.add_argument("--sizes", default="1000,10000,100000")
    bench.add_argument("--steps", default=",".join(STEPS))
    bench.add_argument("--keep", type=Path, help="keep generated data and outputs here")
    args = parser.parse_args(argv)
    if args.command == "generate":
        generate(args.incidents, args.out, fmt=args.format)
        print(f"wrote {args.incidents} incidents to {args.out}")
        return
    steps = [s for s in args.steps.split(",") if s]
    unknown = set(steps) - set(STEPS)
    if unknown:
        parser.error(f"unknown steps: {', '.join(sorted(unknown))}")
    run([int(s) for s in args.sizes.split(",")], steps, args.keep)


if __name__ == "__main__":
    main()
