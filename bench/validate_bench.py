"""Benchmark SHACL validation: claimgraph's fast engine vs pySHACL vs Jena's ``shacl``.

Usage::

    python bench/validate_bench.py --incidents 10000
    python bench/validate_bench.py --incidents 100000 --engines fast
    python bench/validate_bench.py --incidents 10000 --shapes my-shapes.ttl --json

Each engine validates the same files — synthetic incidents with injected violations
(``tests/helpers/synthetic_rdf.py``) plus the ontology's ``rdfs:subClassOf`` axioms, written as
one N-Triples file — against the same shapes, in a child process of its own, so that the
reported wall time (parsing and loading included, as a user would see it) and peak RSS belong
to that engine alone. Results are compared by (focus, path, constraint component, severity).
Jena runs only if ``shacl`` is on ``PATH``.

Measured on the project's 2-core machine while other jobs ran (load average 2-4), 10,000
incidents (329,057 triples with the subclass axioms), Jena not installed:

    shapes                        engine    wall s  valid. s  peak MiB  results
    ONTOLOGY.md Appendix D (7)    fast         5.1       2.4       225       96
                                  pyshacl    144.3     107.2       781       96
    project (68 node shapes)      fast         4.7       2.6       225    12350
                                  pyshacl    361.8     322.6       882    12350

``fast2`` (two forked workers) only helps when the second core is idle; on the busy machine
it was no faster. 100,000 incidents, ``--engines fast``: see the package docstring of
:mod:`claimgraph.shacl`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY_FILES = ("claimgraph.ttl", "vocab.ttl", "align.ttl")
SUBCLASS_OF = "http://www.w3.org/2000/01/rdf-schema#subClassOf"


def write_data(path: Path, incidents: int, violation_rate: float) -> int:
    """Synthetic data plus the ontology's subclass axioms, as one N-Triples file."""
    import pyoxigraph as ox

    sys.path.insert(0, str(ROOT))
    from tests.helpers.synthetic_rdf import synthetic_quads

    triples = [q.triple for q in synthetic_quads(incidents, violation_rate=violation_rate)]
    for name in ONTOLOGY_FILES:
        for quad in ox.parse(path=ROOT / "ontology" / name, format=ox.RdfFormat.TURTLE):
            if quad.predicate.value == SUBCLASS_OF:
                triples.append(quad.triple)
    with path.open("wb") as handle:
        ox.serialize(triples, handle, format=ox.RdfFormat.N_TRIPLES)
    return len(triples)


def digest(keys: Sequence[Sequence[str | None]]) -> str:
    """A fingerprint of a multiset of result keys."""
    text = "\n".join(sorted("\t".join(k or "" for k in key) for key in keys))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# ------------------------------------------------------------------ engines (run in a child)


def run_fast(data: Path, shapes: Path, workers: int = 1) -> dict[str, object]:
    """Load with pyoxigraph's bulk loader; validate with :func:`claimgraph.shacl.validate_fast`."""
    import pyoxigraph as ox

    from claimgraph.shacl import validate_fast

    start = time.perf_counter()
    store = ox.Store()
    store.bulk_load(path=data, format=ox.RdfFormat.N_TRIPLES)
    loaded = time.perf_counter()
    results = validate_fast(store, shapes, workers=workers)
    if results is None:
        return {"error": "the fast engine declined these shapes"}
    done = time.perf_counter()
    return {
        "load": loaded - start,
        "validate": done - loaded,
        "results": len(results),
        "digest": digest([r.key for r in results]),
    }


def run_pyshacl(data: Path, shapes: Path) -> dict[str, object]:
    """Parse with rdflib and validate with pySHACL (no inference, advanced mode)."""
    import logging
    import warnings

    import pyoxigraph as ox
    import pyshacl
    import rdflib

    from claimgraph.shacl import results_from_report

    logging.getLogger("rdflib.term").disabled = True  # ill-typed literals are injected on purpose
    warnings.simplefilter("ignore")
    start = time.perf_counter()
    graph = rdflib.Graph().parse(data, format="nt")
    shapes_graph = rdflib.Graph().parse(shapes, format="turtle")
    loaded = time.perf_counter()
    _, report, _ = pyshacl.validate(
        graph, shacl_graph=shapes_graph, inference="none", advanced=True
    )
    done = time.perf_counter()
    text = report.serialize(format="nt", encoding="utf-8")
    results = results_from_report(q.triple for q in ox.parse(text, format=ox.RdfFormat.N_TRIPLES))
    return {
        "load": loaded - start,
        "validate": done - loaded,
        "results": len(results),
        "digest": digest([r.key for r in results]),
    }


ENGINES = {
    "fast": run_fast,
    "fast2": lambda data, shapes: run_fast(data, shapes, workers=2),
    "pyshacl": run_pyshacl,
}


def run_child(command: list[str], timeout: float) -> dict[str, object]:
    """Run ``command``: wall time, peak RSS (MiB), exit code and output of that process alone."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, cwd=ROOT)
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                child.kill()
                os.wait4(child.pid, 0)
                return {"error": f"timed out after {timeout:.0f} s"}
            time.sleep(0.02)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return {
            "wall": wall,
            "cpu": usage.ru_utime + usage.ru_stime,
            "peak_rss_mib": usage.ru_maxrss / 1024,
            "exit": os.waitstatus_to_exitcode(status),
            "stdout": out.read(),
            "stderr": err.read().decode(errors="replace"),
        }


def measure_python(engine: str, data: Path, shapes: Path, timeout: float) -> dict[str, object]:
    """One of :data:`ENGINES`, in a fresh interpreter."""
    child = run_child(
        [sys.executable, str(Path(__file__).resolve()), "--child", engine, str(data), str(shapes)],
        timeout,
    )
    if "exit" not in child:
        return child
    record = {key: child[key] for key in ("wall", "cpu", "peak_rss_mib")}
    if child["exit"] != 0:
        record["error"] = (str(child["stderr"]).strip().splitlines() or ["failed"])[-1]
        return record
    stdout = child["stdout"]
    assert isinstance(stdout, bytes)
    record.update(json.loads(stdout.decode().strip().splitlines()[-1]))
    return record


def measure_jena(data: Path, shapes: Path, timeout: float) -> dict[str, object]:
    """Jena's ``shacl validate``; results are counted in its Turtle report."""
    child = run_child(
        [str(shutil.which("shacl")), "validate", "--shapes", str(shapes), "--data", str(data)],
        timeout,
    )
    if "exit" not in child:
        return child
    record = {key: child[key] for key in ("wall", "cpu", "peak_rss_mib")}
    stdout = child["stdout"]
    assert isinstance(stdout, bytes)
    record["results"] = stdout.count(b"sh:ValidationResult") or stdout.count(b"ValidationResult>")
    if child["exit"] not in (0, 1):
        record["error"] = f"exit status {child['exit']}"
    return record


# ------------------------------------------------------------------ main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--incidents", type=int, default=10_000, help="synthetic incidents (~33 triples each)"
    )
    parser.add_argument(
        "--violation-rate", type=float, default=0.01, help="share of incidents broken on purpose"
    )
    parser.add_argument("--shapes", type=Path, default=ROOT / "shapes" / "claimgraph.shapes.ttl")
    parser.add_argument(
        "--engines",
        default="fast,fast2,pyshacl,jena",
        help="comma-separated: fast, fast2 (fast with two worker processes), pyshacl, jena",
    )
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per engine")
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object instead of a table"
    )
    parser.add_argument(
        "--child", nargs=3, metavar=("ENGINE", "DATA", "SHAPES"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.child:
        engine, data, shapes = args.child
        print(json.dumps(ENGINES[engine](Path(data), Path(shapes))))
        return 0

    with tempfile.TemporaryDirectory(prefix="claimgraph-bench-") as tmp:
        data = Path(tmp) / "data.nt"
        triples = write_data(data, args.incidents, args.violation_rate)
        report: dict[str, object] = {
            "incidents": args.incidents,
            "triples": triples,
            "shapes": str(args.shapes),
        }
        for engine in args.engines.split(","):
            if engine == "jena":
                if shutil.which("shacl") is None:
                    report[engine] = {"error": "Jena's shacl is not on PATH"}
                    continue
                report[engine] = measure_jena(data, args.shapes, args.timeout)
            else:
                report[engine] = measure_python(engine, data, args.shapes, args.timeout)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    return 0


COLUMNS = (
    ("cpu", "cpu s", 8),
    ("wall", "wall s", 9),
    ("load", "load s", 9),
    ("validate", "valid. s", 10),
    ("peak_rss_mib", "peak MiB", 10),
)


def print_table(report: dict[str, object]) -> None:
    """The report as a small table, one engine per line."""
    print(
        f"{report['incidents']} incidents, {report['triples']} triples, shapes: {report['shapes']}"
    )
    header = "".join(f"{title:>{width}}" for _, title, width in COLUMNS)
    print(f"{'engine':<9}{header}{'results':>9}  digest / note")
    digests: list[object] = []
    for engine in ("fast", "fast2", "pyshacl", "jena"):
        row = report.get(engine)
        if not isinstance(row, dict):
            continue
        cells = "".join(
            f"{row[name]:>{width}.2f}" if isinstance(row.get(name), float) else f"{'-':>{width}}"
            for name, _, width in COLUMNS
        )
        note = str(row.get("error") or row.get("digest") or "")
        if "digest" in row:
            digests.append(row["digest"])
        print(f"{engine:<9}{cells}{row.get('results', '-')!s:>9}  {note}")
    if len(set(digests)) > 1:
        print("RESULTS DIFFER between engines")
    elif len(digests) > 1:
        print("results equal (same multiset of focus/path/component/severity)")


if __name__ == "__main__":
    sys.exit(main())
