"""Terms and a small read-only triple index for shapes graphs.

Shapes graphs are small (hundreds of triples), while the data lives in a pyoxigraph ``Store``.
Compiling shapes walks the shapes graph many times (``objects(shape, sh:minCount)``, RDF lists),
so the shapes are held in plain dictionaries rather than queried through SPARQL.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import pyoxigraph as ox

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Node = ox.NamedNode | ox.BlankNode
#: A term in N-Triples syntax, exactly as ``str(term)`` writes it. The engine keeps data terms
#: in this form: set operations on strings are fast, and results are reported as strings.
Key = str


@lru_cache(maxsize=1 << 16)
def term_of(key: Key) -> Term:
    """The term written as ``key``.

    >>> term_of('"x"@en')
    <Literal value=x language=en>
    """
    if key.startswith("<"):
        return ox.NamedNode(key[1:-1])
    if key.startswith("_:"):
        return ox.BlankNode(key[2:])
    quad = next(iter(ox.parse(f"<urn:k> <urn:k> {key} .", format=ox.RdfFormat.N_TRIPLES)))
    assert isinstance(quad.object, ox.Literal)
    return quad.object


SH_NS = "http://www.w3.org/ns/shacl#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
OWL_NS = "http://www.w3.org/2002/07/owl#"


def sh(name: str) -> ox.NamedNode:
    """A term of the SHACL vocabulary."""
    return ox.NamedNode(SH_NS + name)


def xsd(name: str) -> ox.NamedNode:
    """An XML Schema datatype."""
    return ox.NamedNode(XSD_NS + name)


RDF_TYPE = ox.NamedNode(RDF_NS + "type")
RDF_FIRST = ox.NamedNode(RDF_NS + "first")
RDF_REST = ox.NamedNode(RDF_NS + "rest")
RDF_NIL = ox.NamedNode(RDF_NS + "nil")
RDF_LANGSTRING = ox.NamedNode(RDF_NS + "langString")
RDF_PROPERTY = ox.NamedNode(RDF_NS + "Property")
RDFS_CLASS = ox.NamedNode(RDFS_NS + "Class")
RDFS_SUBCLASSOF = ox.NamedNode(RDFS_NS + "subClassOf")
RDFS_RESOURCE = ox.NamedNode(RDFS_NS + "Resource")
RDFS_LITERAL = ox.NamedNode(RDFS_NS + "Literal")
RDFS_DATATYPE = ox.NamedNode(RDFS_NS + "Datatype")
OWL_CLASS = ox.NamedNode(OWL_NS + "Class")
OWL_DATATYPEPROPERTY = ox.NamedNode(OWL_NS + "DatatypeProperty")
OWL_ONTOLOGY = ox.NamedNode(OWL_NS + "Ontology")
XSD_STRING = xsd("string")
XSD_INTEGER = xsd("integer")
XSD_DECIMAL = xsd("decimal")
XSD_BOOLEAN = xsd("boolean")
SH_VIOLATION = sh("Violation")


class ShapesGraph:
    """The triples of a shapes graph, indexed by subject and by predicate.

    Duplicate triples (the same triple in several graphs of a dataset) count once, as in the
    union graph pySHACL reads.

    >>> a, p = ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p")
    >>> g = ShapesGraph([ox.Triple(a, p, ox.Literal("1")), ox.Triple(a, p, ox.Literal("1"))])
    >>> g.objects(a, p)
    [<Literal value=1 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>]
    """

    def __init__(self, triples: Iterable[ox.Triple]) -> None:
        self._spo: dict[Node, dict[ox.NamedNode, list[Term]]] = defaultdict(dict)
        self._pso: dict[ox.NamedNode, list[tuple[Node, Term]]] = defaultdict(list)
        seen: set[ox.Triple] = set()
        for triple in triples:
            if triple in seen:
                continue
            seen.add(triple)
            s, p, o = triple.subject, triple.predicate, triple.object
            if isinstance(s, ox.Triple) or isinstance(o, ox.Triple):
                continue  # RDF-star terms cannot be SHACL shapes
            self._spo[s].setdefault(p, []).append(o)
            self._pso[p].append((s, o))
        self.triple_count = len(seen)

    def objects(self, subject: Term, predicate: ox.NamedNode) -> list[Term]:
        """Objects of ``subject predicate ?o`` in document order, without duplicates."""
        if isinstance(subject, ox.Literal):
            return []
        return list(self._spo.get(subject, {}).get(predicate, []))

    def predicates(self, subject: Term) -> list[ox.NamedNode]:
        """The predicates used on ``subject``."""
        if isinstance(subject, ox.Literal):
            return []
        return list(self._spo.get(subject, {}))

    def pairs(self, predicate: ox.NamedNode) -> list[tuple[Node, Term]]:
        """(subject, object) of every triple with ``predicate``."""
        return list(self._pso.get(predicate, []))

    def subjects(self, predicate: ox.NamedNode, obj: Term) -> list[Node]:
        """Subjects of ``?s predicate obj``."""
        return [s for s, o in self._pso.get(predicate, []) if o == obj]

    def items(self, head: Term) -> list[Term] | None:
        """The members of the RDF list at ``head``, or ``None`` if it is not a well-formed list.

        rdflib's ``Graph.items`` (used by pySHACL) follows the first ``rdf:rest`` and stops at
        ``rdf:nil`` or at a node without ``rdf:rest``; anything ambiguous (branching or cyclic
        lists) is reported as ``None`` so that the caller can give up rather than guess.
        """
        members: list[Term] = []
        node: Term = head
        visited: set[Term] = set()
        while node != RDF_NIL:
            if node in visited or isinstance(node, ox.Literal):
                return None
            visited.add(node)
            firsts = self.objects(node, RDF_FIRST)
            rests = self.objects(node, RDF_REST)
            if len(firsts) > 1 or len(rests) > 1:
                return None
            if not firsts:
                return members if not rests else None
            members.append(firsts[0])
            if not rests:
                return members
            node = rests[0]
        return members
