"""Benchmark ``claimgraph import`` (and the build of what it writes) on UCDP GED replicated.

Usage::

    python bench/import_bench.py                         # 10k, 50k, 100k rows: a table
    python bench/import_bench.py --rows 100000 --json
    python bench/run.py run --steps import               # via the harness (--incidents N rows)

The 651 events of ``../shared/realdata/ucdp-aec/validation.jsonl`` are copied until the file
has the wanted number of rows; each copy gets new event ids and new article ids, so the
dataset grows as a real one would (places and actors recur, events and articles do not).
Import and build each run in a child process of their own, timed with the wall clock, peak
memory read from the kernel (``os.wait4``), so that numbers are what a user would see.
Memory should stay flat as the input grows: the importer holds one output chunk and one id
per shared entity (actor, place, article), never the rows.

Target (issue 8): import + build at 20,000 rows/s or more. See the table this prints.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UCDP = ROOT.parent / "shared" / "realdata" / "ucdp-aec" / "validation.jsonl"
MAPPING = ROOT / "mappings" / "ucdp-ged.yaml"
CLAIMGRAPH = [sys.executable, "-m", "claimgraph"]
ID_STRIDE = 10_000_000  # GED ids are below this; copy k adds k * ID_STRIDE


@dataclass(frozen=True)
class Result:
    """One measured command: wall and CPU seconds, peak resident memory.

    CPU time (user + system) is reported beside wall time because on a shared machine the
    wall clock measures the neighbours too.
    """

    tool: str
    rows: int
    seconds: float
    cpu_seconds: float
    peak_mib: float

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0

    @property
    def cpu_rate(self) -> float:
        return self.rows / self.cpu_seconds if self.cpu_seconds else 0.0


def replicate(rows: int, target: Path, source: Path = UCDP) -> Path:
    """Write ``rows`` UCDP events to ``target``, copying the real ones with new ids."""
    events = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line]
    with target.open("w", encoding="utf-8") as out:
        for n in range(rows):
            copy, event = divmod(n, len(events))
            record = dict(events[event])
            record["id"] = int(record["id"]) + copy * ID_STRIDE
            if copy:
                record["source_article"] = f"{record['source_article']}#copy{copy}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return target


def measure(command: Sequence[str]) -> tuple[float, float, float]:
    """Wall time, CPU time and peak RSS (MiB) of one child process; raises if it fails."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    _, status, usage = os.wait4(process.pid, 0)
    error = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {error.strip()[-400:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def bench(rows: int, work: Path, *, build: bool = True) -> list[Result]:
    """Import ``rows`` replicated events (JSON output), then build the dataset."""
    source = replicate(rows, work / f"ucdp-{rows}.jsonl")
    dataset = work / f"ucdp-{rows}"
    shutil.rmtree(dataset, ignore_errors=True)
    seconds, cpu, peak = measure(
        [*CLAIMGRAPH, "import", "-q", "-m", str(MAPPING), str(source), "-o", str(dataset),
         "--format", "json"]
    )  # fmt: skip
    imported = Result("claimgraph import", rows, seconds, cpu, peak)
    if not build:
        return [imported]
    built = work / f"ucdp-{rows}.nq"
    seconds, cpu, peak = measure([*CLAIMGRAPH, "build", str(dataset), "-o", str(built), "-q"])
    building = Result("claimgraph build (imported)", rows, seconds, cpu, peak)
    both = Result(
        "import + build",
        rows,
        imported.seconds + building.seconds,
        imported.cpu_seconds + building.cpu_seconds,
        max(imported.peak_mib, building.peak_mib),
    )
    return [imported, building, both]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--rows", default="10000,50000,100000", help="row counts, comma-separated")
    parser.add_argument("--incidents", type=int, help="(bench/run.py) one row count")
    parser.add_argument("--dataset", type=Path, help="(bench/run.py) unused: UCDP is the input")
    parser.add_argument("--work", type=Path, help="where to write inputs and outputs")
    parser.add_argument("--no-build", action="store_true", help="measure the import only")
    parser.add_argument("--tsv", action="store_true", help="tool, seconds, MiB, rows, unit")
    parser.add_argument("--json", action="store_true", help="results as JSON")
    args = parser.parse_args(argv)
    if not UCDP.exists():
        parser.error(f"{UCDP} is missing (the shared real data beside the repository)")
    sizes = [args.incidents] if args.incidents else [int(n) for n in args.rows.split(",") if n]
    work = Path(tempfile.mkdtemp(prefix="claimgraph-import-", dir=args.work))
    try:
        results = [r for rows in sizes for r in bench(rows, work, build=not args.no_build)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.tsv:
        for r in results:
            print(f"{r.tool}\t{r.seconds:.3f}\t{r.peak_mib:.1f}\t{r.rows}\trows")
    elif args.json:
        rates = [
            {"rows_per_s": round(r.rate), "rows_per_cpu_s": round(r.cpu_rate)} for r in results
        ]
        print(
            json.dumps(
                [{**asdict(r), **rate} for r, rate in zip(results, rates, strict=True)], indent=2
            )
        )
    else:
        print("| step | rows | wall time | rows/s | CPU time | rows/CPU-s | peak memory |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in results:
            print(
                f"| {r.tool} | {r.rows:,} | {r.seconds:.1f} s | {r.rate:,.0f} | "
                f"{r.cpu_seconds:.1f} s | {r.cpu_rate:,.0f} | {r.peak_mib:,.0f} MiB |"
            )


if __name__ == "__main__":
    main()
