"""pySHACL's ``ont_graph`` mixing, reproduced for a pyoxigraph store.

Given an ontology, pySHACL does not add all of it to the data: it copies the nodes typed as an
RDFS/OWL class-like term (``owl:Class``, ``owl:ObjectProperty``…) with that type, and the
triples of RDFS/OWL axiom predicates (``rdfs:subClassOf``, ``rdfs:label``, ``owl:inverseOf``…).
Blank nodes are deep-copied with fresh ids and ``owl:NamedIndividual`` instances with all their
triples; those two cases are left to pySHACL (:func:`mixed_in_triples` returns ``None``).

The triples are added to a temporary named graph of the caller's store for the duration of the
validation (:func:`mixed_in`), so that queries over the union graph see what pySHACL sees.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import pyoxigraph as ox

from claimgraph.shacl.vocab import OWL_NS, RDF_TYPE, RDFS_NS, ShapesGraph

_RDFS_CLASSES = [
    "Class",
    "Container",
    "ContainerMembershipProperty",
    "Datatype",
    "Literal",
    "Resource",
]
_OWL_CLASSES = [
    "AllDifferent",
    "AllDisjointClasses",
    "AllDisjointProperties",
    "Annotation",
    "AnnotationProperty",
    "AsymmetricProperty",
    "Axiom",
    "Class",
    "DataRange",
    "DatatypeProperty",
    "DeprecatedClass",
    "DeprecatedProperty",
    "FunctionalProperty",
    "InverseFunctionalProperty",
    "IrreflexiveProperty",
    "NamedIndividual",
    "NegativePropertyAssertion",
    "ObjectProperty",
    "Ontology",
    "OntologyProperty",
    "ReflexiveProperty",
    "Restriction",
    "SymmetricProperty",
    "TransitiveProperty",
]
_RDFS_PROPERTIES = [
    "comment",
    "domain",
    "isDefinedBy",
    "label",
    "member",
    "range",
    "seeAlso",
    "subClassOf",
    "subPropertyOf",
]
_OWL_PROPERTIES = [
    "allValuesFrom",
    "annotatedProperty",
    "annotatedSource",
    "annotatedTarget",
    "assertionProperty",
    "cardinality",
    "complementOf",
    "datatypeComplementOf",
    "differentFrom",
    "disjointUnionOf",
    "disjointWith",
    "distinctMembers",
    "equivalentClass",
    "equivalentProperty",
    "hasKey",
    "hasSelf",
    "hasValue",
    "intersectionOf",
    "inverseOf",
    "maxCardinality",
    "maxQualifiedCardinality",
    "members",
    "minCardinality",
    "minQualifiedCardinality",
    "onClass",
    "onDataRange",
    "onDatatype",
    "onProperties",
    "onProperty",
    "oneOf",
    "propertyChainAxiom",
    "propertyDisjointWith",
    "qualifiedCardinality",
    "sameAs",
    "someValuesFrom",
    "sourceIndividual",
    "targetIndividual",
    "targetValue",
    "unionOf",
    "withRestrictions",
    "backwardCompatibleWith",
    "deprecated",
    "incompatibleWith",
    "priorVersion",
    "versionInfo",
    "bottomDataProperty",
    "topDataProperty",
    "bottomObjectProperty",
    "topObjectProperty",
    "imports",
    "versionIRI",
]

CLASS_TERMS = [ox.NamedNode(RDFS_NS + n) for n in _RDFS_CLASSES] + [
    ox.NamedNode(OWL_NS + n) for n in _OWL_CLASSES
]
AXIOM_PREDICATES = [ox.NamedNode(RDFS_NS + n) for n in _RDFS_PROPERTIES] + [
    ox.NamedNode(OWL_NS + n) for n in _OWL_PROPERTIES
]
_NAMED_INDIVIDUAL = ox.NamedNode(OWL_NS + "NamedIndividual")


def mixed_in_triples(ontology: Iterable[ox.Triple | ox.Quad]) -> list[ox.Triple] | None:
    """The triples pySHACL adds to the data graph, or ``None`` if blank nodes or named
    individuals are involved (pySHACL clones those; the clones are left to it)."""
    graph = ShapesGraph(t.triple if isinstance(t, ox.Quad) else t for t in ontology)
    out: list[ox.Triple] = []
    for cls in CLASS_TERMS:
        for subject in graph.subjects(RDF_TYPE, cls):
            if isinstance(subject, ox.BlankNode) or cls == _NAMED_INDIVIDUAL:
                return None
            out.append(ox.Triple(subject, RDF_TYPE, cls))
    for predicate in AXIOM_PREDICATES:
        for subject, obj in graph.pairs(predicate):
            if isinstance(subject, ox.BlankNode) or isinstance(obj, ox.BlankNode):
                return None
            out.append(ox.Triple(subject, predicate, obj))
    return out


@contextmanager
def mixed_in(store: ox.Store, triples: list[ox.Triple]) -> Iterator[None]:
    """Make ``triples`` part of the store's union graph until the block ends."""
    missing = [
        t
        for t in dict.fromkeys(triples)
        if not any(store.quads_for_pattern(t.subject, t.predicate, t.object))
    ]
    if not missing:
        yield
        return
    graph = ox.NamedNode(f"urn:claimgraph:shacl:mixed-in:{uuid.uuid4()}")
    store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in missing)
    try:
        yield
    finally:
        store.remove_graph(graph)
