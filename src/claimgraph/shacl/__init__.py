"""A fast SHACL engine that gives pySHACL's answers, or none at all.

pySHACL is claimgraph's reference validator, but it walks the data in Python one focus node
and one constraint at a time. :func:`validate_fast` gets the same results (equal multisets of
:attr:`ShaclResult.key <claimgraph.shacl_results.ShaclResult.key>`) by letting oxigraph do the
walking; where it cannot be sure to agree with pySHACL it returns ``None`` and the caller runs
pySHACL instead. It never guesses.

How it gets there:

1. **Compile** (:mod:`.compile`): the shapes graph is read into dictionaries and turned into
   :class:`~.model.Shape` objects by pySHACL's own discovery and loading rules. Features not
   implemented here (SHACL-AF rules and custom targets, ``sh:qualifiedValueShape``, custom
   constraint components, recursive shapes, blank-node ``sh:in`` members…) and shapes pySHACL
   would reject stop here, with ``None``.
2. **Whole-store facts, not per-node joins** (:mod:`.facts`): most constraints sit on a single
   predicate. Joining every constraint with its focus nodes inside a query costs a few
   microseconds per node and constraint. Instead the engine asks whole-store questions once —
   the instances of ``cg:Actor`` and its subclasses, each node's ``cg:claimant`` values, the
   ``cg:claimant`` values that are *not* actors — and intersects the answers with focus-node
   sets in Python. Shapes share predicates and classes, so answers are cached and reused: the
   project's 68 node shapes and 131 property shapes take about 190 queries. Answers are read
   as SPARQL TSV and handled as N-Triples strings, several times faster than materialising a
   Python object per solution.
3. **Pre-filter in SPARQL, decide in Python** (:mod:`.queries`, :mod:`.checks`,
   :mod:`.literals`): each per-value constraint has a SPARQL condition that is *sufficient* for
   conformance; only the rows where it fails come back, and those few are judged exactly as
   pySHACL judges them — through rdflib's reading of literals (``"1e5"^^xsd:decimal`` is a valid
   decimal to rdflib; literals of different datatypes are ordered by datatype IRI).
4. **Set algebra for logic** (:mod:`.run`): ``sh:or``/``sh:and``/``sh:not``/``sh:xone``/
   ``sh:node`` combine the non-conforming node sets of their members; an ``sh:or`` of per-value
   members (``sh:or ([sh:datatype xsd:date] [sh:datatype xsd:gYear])``) becomes one condition.
5. **SPARQL constraints** (:mod:`.sparql_constraints`) run once with ``$this`` free when the
   query is a plain group of triple patterns and filters, else once per focus node with
   ``$this`` substituted, as pySHACL does.
6. **Optionally two processes** (:mod:`.parallel`, ``workers=2``): threads cannot help (the
   GIL is held while solutions come back), forked workers sharing the loaded store can.

The semantics are pySHACL 0.40's where it departs from the SHACL spec: ``^(a/b)`` is read as
``^a/^b``, ``sh:pattern`` ignores flags other than ``i`` and ``m``, ``sh:node`` fails on any
nested report while the other logical constraints ask for conformance, ``allow_warnings``
changes nested conformance, ``ont_graph`` mixing copies only RDFS/OWL axioms. Data is read as
the union of all graphs of the store (a triple in two graphs counts once), as pySHACL reads a
dataset; literals are judged as rdflib reads the store's lexical forms.

Measured with ``bench/validate_bench.py`` on the project's 2-core machine while other jobs ran
(load average 2–4), wall time including interpreter start and loading the N-Triples file:

=====================================  ==========================  ==========================
10,000 incidents (329,057 triples)     fast engine                 pySHACL 0.40.1
=====================================  ==========================  ==========================
ONTOLOGY.md Appendix D shapes (7)      5.1 s (2.4 s validating)    144 s (107 s validating)
project shapes (68 node shapes)        4.7 s (2.6 s validating)    362 s (323 s validating)
=====================================  ==========================  ==========================

Results were equal in both cases (96 and 12,350 results); peak RSS 225 MiB against 780–880
MiB. Jena's ``shacl`` was not installed; the issue's ratio (pySHACL 26.3 s, Jena 3.8 s) puts
Jena at about 7× faster than pySHACL, the fast engine is 28–78× faster here. 100,000
incidents (3.3 million triples, project shapes) load in 45 s and validate in 64 s with a peak
RSS of 1.5 GiB, of which the in-memory store takes 1.3 GiB.

>>> store = ox.Store()
>>> a = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
>>> store.add(ox.Quad(ox.NamedNode("http://example.org/c1"), a, ox.NamedNode("http://example.org/Claim")))
>>> shapes = list(ox.parse(b'''
...   @prefix sh: <http://www.w3.org/ns/shacl#> .
...   <http://example.org/S> a sh:NodeShape ; sh:targetClass <http://example.org/Claim> ;
...     sh:property [ sh:path <http://example.org/claimant> ; sh:minCount 1 ] .
... ''', format=ox.RdfFormat.TURTLE))
>>> [r.focus for r in validate_fast(store, shapes)]
['<http://example.org/c1>']
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyoxigraph as ox

from claimgraph.shacl.compile import Unsupported, compile_shapes
from claimgraph.shacl.facts import Facts
from claimgraph.shacl.inoculate import mixed_in, mixed_in_triples
from claimgraph.shacl.literals import Fallback
from claimgraph.shacl.parallel import evaluate
from claimgraph.shacl.paths import parse_path, render_path
from claimgraph.shacl.report import results_from_report
from claimgraph.shacl.run import Evaluator
from claimgraph.shacl.vocab import ShapesGraph, sh
from claimgraph.shacl_results import ShaclResult

SH_INFO, SH_WARNING = sh("Info"), sh("Warning")

__all__ = ["ShapesSource", "parse_path", "render_path", "results_from_report", "validate_fast"]

#: Where shapes come from: RDF files (format from the extension), a store, or triples/quads.
ShapesSource = (
    os.PathLike[str] | Sequence[os.PathLike[str]] | ox.Store | Iterable[ox.Triple | ox.Quad]
)


def validate_fast(
    data: ox.Store,
    shapes: ShapesSource,
    *,
    ontology_quads: Iterable[ox.Quad | ox.Triple] | None = None,
    allow_warnings: bool = False,
    allow_infos: bool = False,
    workers: int = 1,
) -> list[ShaclResult] | None:
    """Validate the union graph of ``data`` against ``shapes`` as pySHACL would.

    ``ontology_quads`` plays the part of pySHACL's ``ont_graph``; its RDFS/OWL axioms are added
    to a temporary named graph of ``data`` while validating and removed afterwards. The call is
    equivalent to ``pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology,
    inference="none", advanced=True, allow_warnings=…, allow_infos=…)``; it returns ``None``
    whenever it cannot be sure to give that answer, and the caller should then run pySHACL.
    ``allow_warnings``/``allow_infos`` do not filter results: as in pySHACL they only make
    shapes of those severities count as conforming where shapes are nested (``sh:or``…).
    ``workers`` > 1 splits the shapes over forked processes (:mod:`.parallel`).
    """
    try:
        compiled = compile_shapes(ShapesGraph(_triples(shapes)))
    except (Unsupported, SyntaxError, ValueError, OSError):
        return None
    mixed = mixed_in_triples(ontology_quads) if ontology_quads is not None else []
    if mixed is None:
        return None
    try:
        with mixed_in(data, mixed):
            allowed = {SH_INFO} if allow_infos else set()
            if allow_warnings:
                allowed |= {SH_INFO, SH_WARNING}
            evaluator = Evaluator(Facts(data), allowed=frozenset(allowed))
            evaluator.prefetch(compiled)
            active = [s for s in compiled if s.targets and not s.deactivated]
            return evaluate(evaluator, active, workers=workers)
    except (Fallback, OSError):
        return None


def _triples(source: ShapesSource) -> Iterable[ox.Triple]:
    if isinstance(source, ox.Store):
        return [q.triple for q in source]
    if isinstance(source, os.PathLike):
        return _parse(Path(source))
    items = list(source)
    if all(isinstance(i, os.PathLike) for i in items):
        return [t for i in items if isinstance(i, os.PathLike) for t in _parse(Path(i))]
    return [
        i.triple if isinstance(i, ox.Quad) else i for i in items if not isinstance(i, os.PathLike)
    ]


def _parse(path: Path) -> list[ox.Triple]:
    rdf_format = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
    if rdf_format is None:
        raise ValueError(f"unknown RDF format: {path}")
    return [q.triple for q in ox.parse(path=path, format=rdf_format, rename_blank_nodes=True)]
