"""Whatever engine runs, the results equal plain pySHACL's on the same shapes and data.

"Plain" means pySHACL called the documented way — the shapes file, the ontology as
``ont_graph``, ``inference="none"`` — with its report read here by a SPARQL query, independently
of the conversion code under test. Results are compared by (focus node, path, constraint
component, severity), the identity of a finding.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
import rdflib
from tests.helpers.synthetic_rdf import VIOLATION_KINDS, synthetic_quads

from claimgraph.resources import ontology_file, shapes_files
from claimgraph.validation import Engine, validate_paths

Key = tuple[str, str | None, str, str]
Full = tuple[str, str | None, str, str, str | None, str]


def nt(term: rdflib.term.Node | None) -> str | None:
    """An rdflib term in N-Triples syntax as pyoxigraph writes it (as ShaclResult holds it)."""
    if term is None:
        return None
    if isinstance(term, rdflib.URIRef):
        return str(ox.NamedNode(str(term)))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return str(ox.Literal(str(term), language=term.language))
        datatype = str(term.datatype or rdflib.XSD.string)
        return str(ox.Literal(str(term), datatype=ox.NamedNode(datatype)))
    raise AssertionError(f"unexpected term in a result: {term!r}")


def plain_pyshacl(data_file: Path) -> Counter[Full]:
    # the union of the dataset's graphs, as pySHACL reads a dataset
    triples = {q.triple for q in ox.parse(path=data_file, format=ox.RdfFormat.N_QUADS)}
    data = rdflib.Graph()
    data.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    shapes = rdflib.Graph()
    for resource in shapes_files():
        shapes.parse(data=resource.read_text(encoding="utf-8"), format="turtle")
    ontology = rdflib.Graph()
    for name in ("claimgraph.ttl", "vocab.ttl", "align.ttl"):
        ontology.parse(data=ontology_file(name).read_text(encoding="utf-8"), format="turtle")
    _, report, _ = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=True
    )
    rows = report.query(
        """
        PREFIX sh: <http://www.w3.org/ns/shacl#>
        SELECT ?focus ?path ?component ?severity ?value ?shape WHERE {
            ?report sh:result ?r .
            ?r sh:focusNode ?focus ; sh:sourceConstraintComponent ?component ;
               sh:resultSeverity ?severity ; sh:sourceShape ?shape .
            OPTIONAL { ?r sh:resultPath ?path }
            OPTIONAL { ?r sh:value ?value }
        }"""
    )
    found: Counter[Full] = Counter()
    for focus, path, component, severity, value, shape in rows:
        assert path is None or isinstance(path, rdflib.URIRef), "our shapes use simple paths"
        found[(nt(focus), nt(path), nt(component), nt(severity), nt(value), nt(shape))] += 1  # type: ignore[index]
    return found


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synthetic") / "incidents.nq"
    quads = list(synthetic_quads(60, seed=7, violation_rate=0.5, graph_size=25))
    assert not any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object))
    ox.serialize(quads, output=str(path), format=ox.RdfFormat.N_QUADS)
    return path


@pytest.fixture(scope="module")
def reference(synthetic: Path) -> Counter[Full]:
    return plain_pyshacl(synthetic)


@pytest.mark.parametrize("engine", [Engine.AUTO, Engine.PYSHACL])
def test_results_equal_plain_pyshacl(
    synthetic: Path, reference: Counter[Full], engine: Engine
) -> None:
    report = validate_paths([synthetic], engine=engine)
    keys: set[Key] = {r.key for r in report.results}
    assert keys == {full[:4] for full in reference}
    # the same results one for one, with the same value and source shape
    ours = Counter((*r.key, r.value, r.source_shape) for r in report.results)
    assert ours == reference
    assert len(keys) > len(VIOLATION_KINDS)
    assert report.errors > 0


def test_every_result_is_located(synthetic: Path) -> None:
    report = validate_paths([synthetic])
    unlocated = [f.text for f in report.findings if f.pos is None]
    assert unlocated == []
    assert all(f.pos and f.pos.path.endswith("incidents.nq") for f in report.findings)
