"""The shapes file: well-formed SHACL, stable IRIs, a message and severity everywhere."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from claimgraph.resources import ontology_file, shapes_files
from claimgraph.validation import validate_paths

CG = rdflib.Namespace("https://w3id.org/claimgraph/ns#")
CGV = rdflib.Namespace("https://w3id.org/claimgraph/vocab#")
CGSH = "https://w3id.org/claimgraph/shapes#"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    graph = rdflib.Graph()
    for resource in shapes_files():
        graph.parse(data=resource.read_text(encoding="utf-8"), format="turtle")
    return graph


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    graph = rdflib.Graph()
    for name in ("claimgraph.ttl", "vocab.ttl", "align.ttl"):
        graph.parse(data=ontology_file(name).read_text(encoding="utf-8"), format="turtle")
    return graph


def named_shapes(shapes: rdflib.Graph) -> set[rdflib.term.Node]:
    """Every node shape and property shape: typed, or the object of sh:property."""
    found = set(shapes.subjects(RDF.type, SH.NodeShape))
    found |= set(shapes.subjects(RDF.type, SH.PropertyShape))
    found |= set(shapes.objects(None, SH.property))
    return found


def test_every_shape_has_an_iri_in_our_namespace(shapes: rdflib.Graph) -> None:
    for shape in named_shapes(shapes):
        assert isinstance(shape, rdflib.URIRef), f"blank-node shape: {shape}"
        assert str(shape).startswith(CGSH), shape


def test_every_constraint_has_a_message_that_says_how_to_fix_it(shapes: rdflib.Graph) -> None:
    components = {
        SH.minCount,
        SH.maxCount,
        SH["class"],
        SH.datatype,
        SH.nodeKind,
        SH.pattern,
        SH["in"],
        SH["or"],
        SH["not"],
        SH.lessThanOrEquals,
        SH.sparql,
        SH.hasValue,
    }
    for shape in named_shapes(shapes):
        constrained = any(shapes.value(shape, c) is not None for c in components)
        if not constrained:
            continue
        messages = list(shapes.objects(shape, SH.message))
        assert len(messages) == 1, f"{shape} needs exactly one sh:message"
        assert " — " in str(messages[0]), f"{shape}: say what is wrong — and how to fix it"
        assert isinstance(messages[0], rdflib.Literal), f"{shape}: sh:message is not a literal"
        assert messages[0].language == "en"


def test_every_shape_has_an_explicit_severity(shapes: rdflib.Graph) -> None:
    allowed = {SH.Violation, SH.Warning, SH.Info}
    for shape in named_shapes(shapes):
        assert shapes.value(shape, SH.severity) in allowed, shape


def test_a_node_shape_targets_every_class_of_the_ontology(
    shapes: rdflib.Graph, ontology: rdflib.Graph
) -> None:
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(str(CG))}
    targeted = set(shapes.objects(None, SH.targetClass))
    assert classes - targeted == set()


def test_sh_in_lists_match_the_vocabulary(shapes: rdflib.Graph, ontology: rdflib.Graph) -> None:
    """The Info hints about unknown concepts list exactly the vocabulary's schemes."""
    expected = {
        "Claim-claimType-known": "ClaimTypes",
        "Claim-modality-known": "Modalities",
        "Rebuttal-rebuttalType-known": "RebuttalTypes",
        "Claim-attributionCertainty-in": "AttributionCertainty",
        "Source-datePrecision-iri": "DatePrecisions",
        "DatePrecision-known": "DatePrecisions",
    }
    for shape, scheme in expected.items():
        head = shapes.value(rdflib.URIRef(CGSH + shape), SH["in"])
        assert head is not None, f"{shape} has no sh:in list"
        listed = set(Collection(shapes, head))
        members = set(ontology.subjects(SKOS.inScheme, CGV[scheme]))
        assert listed == members, shape


def test_shapes_are_valid_shacl(shapes: rdflib.Graph) -> None:
    """pySHACL's meta-shapes (SHACL for SHACL) accept our shapes graph."""
    data = rdflib.Graph()
    data.add((CG.x, RDF.type, CG.Claim))
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, meta_shacl=True)
    assert isinstance(conforms, bool), text


def test_shapes_graph_is_declared(shapes: rdflib.Graph) -> None:
    shapes_iri = rdflib.URIRef("https://w3id.org/claimgraph/shapes")
    assert (shapes_iri, RDF.type, OWL.Ontology) in shapes
    assert shapes.value(shapes_iri, RDFS.comment) is not None


def test_the_seed_conforms() -> None:
    report = validate_paths([REPO / "data"])
    assert report.conforms, [f.text for f in report.findings if f.severity.value == "error"]
    assert report.errors == 0
