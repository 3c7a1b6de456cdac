"""The exact per-value test of each value-local constraint, as pySHACL performs it.

Queries only narrow down the candidates (see :mod:`claimgraph.shacl.queries`); this module has
the last word on every candidate, so it mirrors pySHACL's code paths one for one: ``sh:class``
through ``rdf:type/rdfs:subClassOf*`` in the data, ``sh:datatype`` and friends through rdflib's
reading of literals, ``sh:pattern`` with Python's ``re.search`` on pySHACL's string form.
"""

from __future__ import annotations

from typing import Protocol

import pyoxigraph as ox

from claimgraph.shacl.literals import datatype_matches, range_holds, string_of
from claimgraph.shacl.model import (
    ClassIs,
    DatatypeIs,
    InValues,
    LanguageIn,
    LengthLimit,
    Logical,
    NodeKindIs,
    PatternMatch,
    RangeBound,
    Shape,
    ValueCheck,
)
from claimgraph.shacl.vocab import SH_NS, Key, Term, term_of


class ClassFacts(Protocol):
    """What the checks need to know about the store: the instances of a class."""

    def instances(self, cls: Key) -> frozenset[Key]: ...


_NODE_KINDS: dict[str, str] = {
    "IRI": "<",
    "BlankNode": "_",
    "Literal": '"',
    "BlankNodeOrIRI": "_<",
    "BlankNodeOrLiteral": '_"',
    "IRIOrLiteral": '<"',
}


def conforms(
    check: ValueCheck | Logical,
    value: Key,
    facts: ClassFacts,
    allowed: frozenset[Term] = frozenset(),
) -> bool:
    """Whether pySHACL finds ``value`` (N-Triples syntax) conforming to one value-local constraint.

    >>> iri_kind = NodeKindIs(ox.NamedNode(SH_NS + "IRI"))
    >>> conforms(iri_kind, "<http://example.org/x>", None)  # type: ignore[arg-type]
    True

    ``allowed`` holds the severities pySHACL was told to tolerate (``allow_warnings``,
    ``allow_infos``): a member shape of such a severity always conforms there.
    """
    if isinstance(check, Logical):
        # sh:node fails on any report, even one of a tolerated severity
        tolerated = frozenset() if check.name == "node" else allowed
        results = (_member_conforms(m, value, facts, tolerated) for m in check.members)
        return any(results) if check.name == "or" else all(results)
    if isinstance(check, ClassIs):
        return value[0] != '"' and value in facts.instances(str(check.cls))
    if isinstance(check, NodeKindIs):
        kind = check.kind
        name = (
            kind.value[len(SH_NS) :]
            if isinstance(kind, ox.NamedNode) and kind.value.startswith(SH_NS)
            else ""
        )
        return value[0] in _NODE_KINDS.get(name, "")
    if isinstance(check, InValues):
        return value in check.values
    if isinstance(check, LengthLimit) and check.name == "minLength" and check.limit == 0:
        return True
    term = term_of(value)
    if isinstance(check, DatatypeIs):
        return datatype_matches(term, check.datatype)
    if isinstance(check, RangeBound):
        return range_holds(term, check.bound, check.name)
    if isinstance(check, LengthLimit):
        if isinstance(term, ox.BlankNode):
            return False
        length = len(string_of(term))
        return length >= check.limit if check.name == "minLength" else length <= check.limit
    if isinstance(check, PatternMatch):
        return (
            not isinstance(term, ox.BlankNode) and check.regex.search(string_of(term)) is not None
        )
    return _language_in(check, term)


def _language_in(check: LanguageIn, value: Term) -> bool:
    if not isinstance(value, ox.Literal) or not value.language:
        return False
    if "*" in check.tags:
        return True
    language = value.language.lower()
    return language in check.tags or language.split("-")[0] in check.tags


def _member_conforms(shape: Shape, value: Key, facts: ClassFacts, allowed: frozenset[Term]) -> bool:
    if shape.deactivated or shape.severity in allowed:
        return True
    checks: list[ValueCheck] = shape.constraints  # type: ignore[assignment]
    return all(conforms(c, value, facts, allowed) for c in checks)
