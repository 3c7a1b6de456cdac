"""The Python names of the vocabulary cannot drift from the Turtle files, and typos fail loudly."""

from __future__ import annotations

import inspect
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import URIRef
from rdflib.namespace import DefinedNamespace

from claimgraph import iris
from claimgraph.namespaces import CG, CGV, PREFIXES
from claimgraph.resources import ONTOLOGY_FILES

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _defined_terms(file_name: str, namespace: str) -> set[str]:
    """Local names of the namespace's terms that the file types (defines)."""
    return {
        quad.subject.value[len(namespace) :]
        for quad in ox.parse(path=ONTOLOGY_DIR / file_name, format=ox.RdfFormat.TURTLE)
        if quad.predicate.value == RDF_TYPE
        and isinstance(quad.subject, ox.NamedNode)
        and quad.subject.value.startswith(namespace)
    }


def _members(namespace: type[DefinedNamespace]) -> set[str]:
    return set(inspect.get_annotations(namespace))


@pytest.mark.parametrize(
    ("namespace", "file_name", "iri"),
    [(CG, "claimgraph.ttl", iris.CG), (CGV, "vocab.ttl", iris.CGV)],
)
def test_members_equal_the_terms_defined_in_turtle(
    namespace: type[DefinedNamespace], file_name: str, iri: str
) -> None:
    in_python = _members(namespace)
    in_turtle = _defined_terms(file_name, iri)
    assert in_python - in_turtle == set(), "in namespaces.py but not defined in Turtle"
    assert in_turtle - in_python == set(), "defined in Turtle but missing from namespaces.py"


@pytest.mark.parametrize("namespace", [CG, CGV])
def test_closed_namespace_raises_on_an_unknown_term(namespace: type[DefinedNamespace]) -> None:
    with pytest.raises(AttributeError, match="not in namespace"):
        _ = namespace.Claimm
    with pytest.raises(AttributeError, match="not in namespace"):
        _ = namespace["Claimm"]


def test_terms_are_iris_of_the_project_namespaces() -> None:
    assert CG.Claim == URIRef("https://w3id.org/claimgraph/ns#Claim")
    assert CG.claimantNameAsWritten == URIRef(iris.CG + "claimantNameAsWritten")
    assert CGV.Day == URIRef("https://w3id.org/claimgraph/vocab#Day")
    assert str(CG) == iris.CG
    assert str(CGV) == iris.CGV


def test_members_are_runtime_types_so_rdflib_can_build_a_jsonld_context() -> None:
    """Guards against ``from __future__ import annotations`` creeping into namespaces.py."""
    context = CG.as_jsonld_context("cg")["@context"]
    assert context["cg"] == iris.CG
    assert context["rebuts"] == "cg:rebuts"


def test_prefixes_cover_every_vocabulary_the_design_uses() -> None:
    expected = (
        "cg cgv prov schema sem dcterms skos rdfs rdf owl xsd oa geo org sh dcat void wd crm aif "
        "time wikibase"
    )
    assert set(expected.split()) <= set(PREFIXES)
    assert PREFIXES["cg"] == iris.CG
    assert PREFIXES["cgv"] == iris.CGV


@pytest.mark.parametrize("file_name", ONTOLOGY_FILES)
def test_prefixes_agree_with_the_turtle_files(file_name: str) -> None:
    """One prefix, one IRI everywhere: ``schema:`` is http, not https, in every file."""
    parser = ox.parse(path=ONTOLOGY_DIR / file_name, format=ox.RdfFormat.TURTLE)
    for _ in parser:
        pass
    declared = dict(parser.prefixes)
    assert {p: PREFIXES.get(p) for p in declared} == declared
