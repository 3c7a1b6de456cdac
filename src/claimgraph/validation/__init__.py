"""Validation: claims datasets and any contributed RDF against claimgraph's SHACL shapes.

One call, :func:`validate_paths`, does what ``claimgraph validate`` needs:

1. sort the paths into claims datasets and RDF files, and read everything, collecting *every*
   input problem (syntax errors, unknown fields, duplicate ids, dangling references, missing
   files, malformed extra shapes) before any SHACL runs; if there are any, raise one
   :class:`~claimgraph.errors.InputError` carrying them all;
2. run the fast SHACL engine if it accepts the shapes, pySHACL otherwise
   (:mod:`claimgraph.validation.engine`, the only home of pySHACL);
3. map each result back to the file and line where it can be fixed
   (:mod:`claimgraph.validation.locate`) and return a typed :class:`ValidationReport`.

Input problems are failures (exceptions, exit 3); findings are data (the report, exit 0/1).

>>> from pathlib import Path
>>> report = validate_paths([Path("data")])  # doctest: +SKIP
>>> report.conforms, report.counts  # doctest: +SKIP
(True, {'error': 0, 'warning': 11, 'info': 1})
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from claimgraph.errors import ConfigError, Diagnostic, InputError, SourcePos
from claimgraph.gc_tuning import relaxed_gc
from claimgraph.iris import DEFAULT_BASE
from claimgraph.validation.engine import Engine, Shapes, load_shapes, ontology_quads, run_engines
from claimgraph.validation.locate import BuiltPositions, Locator
from claimgraph.validation.rdfinput import EXTENSIONS, RdfFile, is_rdf_file, rdf_format
from claimgraph.validation.report import Finding, InputFile, InputKind, ValidationReport

__all__ = [
    "RDF_FORMATS",
    "Engine",
    "Finding",
    "InputFile",
    "InputKind",
    "ValidationReport",
    "collect_inputs",
    "load_shapes",
    "validate_paths",
]

#: Names accepted by ``--rdf-format`` (and file extensions recognised as RDF).
RDF_FORMATS = tuple(EXTENSIONS)

MANIFEST = "dataset.yaml"
CLAIMS_SUFFIXES = (".yaml", ".yml", ".json", ".csv")


def validate_paths(
    paths: Sequence[Path],
    *,
    shapes: Sequence[Path] = (),
    rdf_format: str | None = None,
    strict: bool = False,
    base: str = DEFAULT_BASE,
    engine: Engine = Engine.AUTO,
) -> ValidationReport:
    """Validate claims datasets and RDF files together, as one graph.

    ``shapes`` adds the user's shapes files to ours. ``rdf_format`` forces the RDF syntax of
    every file named in ``paths`` (otherwise chosen by extension). ``strict`` makes warnings
    fail conformance. Raises :class:`InputError` with every input problem found.
    """
    claims, rdf_files, problems = collect_inputs(paths, rdf_format=rdf_format)
    with contextlib.ExitStack() as cleanup:
        cleanup.enter_context(relaxed_gc())
        store = _open_store(claims, rdf_files, cleanup)
        return _validate(
            store, claims, rdf_files, problems, shapes, strict=strict, base=base, engine=engine
        )


def _validate(
    store: ox.Store,
    claims: list[Path],
    rdf_files: list[RdfFile],
    problems: list[Diagnostic],
    shapes: Sequence[Path],
    *,
    strict: bool,
    base: str,
    engine: Engine,
) -> ValidationReport:
    """The body of :func:`validate_paths`, once the store to read into exists."""
    meta_dirs: dict[str, str] = {}
    manifests: dict[str, str] = {}
    built_positions: list[tuple[str, BuiltPositions]] = []
    if claims:
        from claimgraph.build import build_paths

        try:
            result = build_paths(claims, base=base, positions_in_memory=True)
            result.load_into(store)
            for dataset in result.datasets:
                directory = _display(dataset.directory)
                meta_dirs[dataset.meta_graph_iri] = directory
                if (dataset.directory / MANIFEST).exists():
                    manifests[dataset.graph_iri] = _display(dataset.directory / MANIFEST)
                built_positions.append((directory, dataset.positions))
        except InputError as exc:
            problems.extend(exc.diagnostics)
    for rdf_file in rdf_files:
        rdf_file.load_into(store, problems)
    shapes_graph: Shapes | None = None
    try:
        shapes_graph = load_shapes(shapes)
    except InputError as exc:
        problems.extend(exc.diagnostics)
    if problems or shapes_graph is None:
        raise InputError(problems)
    triples = len(store)
    store.bulk_extend(ontology_quads())
    results, engine_used = run_engines(store, shapes_graph, engine=engine)

    from claimgraph.namespaces import PREFIXES

    prefixes = {**PREFIXES, "cgsh": "https://w3id.org/claimgraph/shapes#"}
    locator = Locator(
        store,
        base,
        messages=shapes_graph.messages,
        meta_dirs=meta_dirs,
        manifests=manifests,
        built_positions=built_positions,
        rdf_files=rdf_files,
        prefixes=prefixes,
    )
    inputs = [InputFile(_display(p), InputKind.CLAIMS) for p in claims]
    inputs += [InputFile(f.display, InputKind.RDF, f.format.name) for f in rdf_files]
    return ValidationReport(
        findings=tuple(locator.findings(results)),
        inputs=tuple(inputs),
        engine=engine_used,
        strict=strict,
        triples=triples,
        results=tuple(results),
    )


#: Inputs larger than this are loaded into an on-disk store, so memory stays bounded. Memory is
#: much faster (the fast engine runs ~10x slower on disk): 100,000 synthetic incidents (633 MB
#: of N-Quads, 3.3M triples) validate in memory within 1.8 GiB.
SPILL_BYTES = 1 << 30


def _open_store(
    claims: Sequence[Path], rdf_files: Sequence[RdfFile], cleanup: contextlib.ExitStack
) -> ox.Store:
    """An in-memory store for usual inputs; a temporary on-disk one for very large inputs."""
    size = sum(_size(f.path) for f in rdf_files) + sum(_size(p) for p in claims)
    if size <= SPILL_BYTES:
        return ox.Store()
    directory = cleanup.enter_context(tempfile.TemporaryDirectory(prefix="claimgraph-validate-"))
    return ox.Store(directory)


def _size(path: Path) -> int:
    """Bytes under ``path`` (a file or a directory tree); 0 for what cannot be read."""
    try:
        if path.is_file():
            return path.stat().st_size
        return sum(
            (Path(root) / name).stat().st_size for root, _, files in os.walk(path) for name in files
        )
    except OSError:
        return 0


def collect_inputs(
    paths: Sequence[Path], *, rdf_format: str | None = None
) -> tuple[list[Path], list[RdfFile], list[Diagnostic]]:
    """Sort ``paths`` into claims paths (for the builder) and RDF files, with the problems.

    A directory may hold claims datasets, RDF files, or both; RDF files inside a claims
    dataset are left alone (they are usually build output). A file is RDF when its extension
    says so or when ``rdf_format`` is given; anything else goes to the claims reader, which
    says what is wrong with it.
    """
    forced = None
    if rdf_format is not None:
        forced = _format_named(rdf_format)
    claims: list[Path] = []
    rdf_files: list[RdfFile] = []
    problems: list[Diagnostic] = []
    for path in paths:
        display = _display(path)
        if not path.exists():
            problems.append(Diagnostic(SourcePos(display), "no such file or directory"))
        elif path.is_dir():
            found_claims, found_rdf = _scan_directory(path)
            if found_claims:
                claims.append(path)
            rdf_files.extend(RdfFile(f, _display(f), _suffix_format(f)) for f in found_rdf)
            if not found_claims and not found_rdf:
                problems.append(
                    Diagnostic(
                        SourcePos(display),
                        "no claims dataset or RDF file here",
                        hint=f"a dataset is a directory with {MANIFEST}; RDF files end in "
                        ".ttl, .trig, .nt, .nq, .jsonld or .rdf",
                    )
                )
        elif forced is not None:
            rdf_files.append(RdfFile(path, display, forced))
        elif is_rdf_file(path):
            rdf_files.append(RdfFile(path, display, _suffix_format(path)))
        else:
            claims.append(path)
    return claims, rdf_files, problems


def _format_named(name: str) -> ox.RdfFormat:
    found = rdf_format(name)
    if found is None:
        raise ConfigError(
            f"--rdf-format {name!r} is not an RDF syntax we read: use one of "
            "turtle, trig, nt, nq, jsonld, rdfxml"
        )
    return found


def _suffix_format(path: Path) -> ox.RdfFormat:
    found = rdf_format(path.suffix)
    assert found is not None
    return found


def _scan_directory(directory: Path) -> tuple[bool, list[Path]]:
    """(has claims files or datasets, RDF files outside any dataset), in a stable order."""
    has_claims = False
    rdf: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        visible = sorted(f for f in files if not f.startswith("."))
        if MANIFEST in visible:
            has_claims = True
            dirs[:] = []  # the builder reads the dataset; its RDF files are build output
            continue
        if any(name.endswith(CLAIMS_SUFFIXES) for name in visible):
            has_claims = True
        here = Path(root)
        rdf.extend(here / name for name in visible if is_rdf_file(Path(name)))
    return has_claims, rdf


def _display(path: Path) -> str:
    """Paths as the user would write them: relative to the working directory when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative
