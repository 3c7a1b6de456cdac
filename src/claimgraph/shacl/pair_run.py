"""The constraints that look beyond one value: property pairs and closed shapes.

``sh:lessThan`` & co. compare each value with the values of another predicate of the same
focus node; SPARQL narrows the pairs down (numbers, strings and plain dates it can order the
way rdflib does) and :func:`~claimgraph.shacl.literals.less_than_holds` decides the rest.
``sh:closed`` reports every triple of a value node whose predicate is not allowed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

import pyoxigraph as ox

from claimgraph.shacl.facts import Edge, each, edge_pattern, simple_edge
from claimgraph.shacl.literals import Fallback, less_than_holds
from claimgraph.shacl.model import Closed, PairWith, Shape
from claimgraph.shacl.paths import Predicate, query_path
from claimgraph.shacl.queries import less_than_ok, sparql_term
from claimgraph.shacl.vocab import RDF_TYPE, RDFS_RESOURCE, Key, term_of

if TYPE_CHECKING:
    from claimgraph.shacl.run import Evaluator, Focus, Hit


def pair_hits(ev: Evaluator, shape: Shape, c: PairWith, focus: Focus) -> list[Hit]:
    """``sh:equals``/``sh:disjoint``/``sh:lessThan``/``sh:lessThanOrEquals``, pySHACL's way."""
    nodes, edge = ev.nodes(focus), simple_edge(shape.path)
    or_equal = c.name == "lessThanOrEquals"
    if c.name.startswith("less") and edge is not None:
        _refuse_blank_comparisons(ev, edge, c, nodes)
        condition = less_than_ok("?v", "?w", or_equal=or_equal)
        query = (
            f"SELECT ?s ?v ?w WHERE {{ {edge_pattern(edge, '?s', '?v')} "
            f"?s {sparql_term(c.predicate)} ?w "
            f"FILTER(COALESCE(!({condition}), true)) }}"
        )
        rows = {(s, v, w) for s, v, w in ev.facts.rows(query) if s in nodes}
        return [(s, v, None, None) for s, v, w in rows if not _ordered(v, w, or_equal)]
    mine_by_focus: dict[Key, set[Key]] = defaultdict(set)
    for f, v in ev.value_pairs(shape, focus):
        mine_by_focus[f].add(v)
    others = ev.facts.values((c.predicate, False))
    out: list[Hit] = []
    for f in nodes:
        mine, theirs = mine_by_focus.get(f, set()), set(each(others.get(f)))
        if c.name == "equals":
            out += [(f, x, None, None) for x in (mine - theirs) | (theirs - mine)]
        elif c.name == "disjoint":
            out += [(f, x, None, None) for x in mine & theirs]
        else:
            if any(x.startswith("_:") for x in mine) or (
                mine and any(x.startswith("_:") for x in theirs)
            ):
                raise Fallback("pySHACL cannot compare blank nodes")
            out += [
                (f, v, None, None) for v in mine for w in theirs if not _ordered(v, w, or_equal)
            ]
    return out


def _refuse_blank_comparisons(
    ev: Evaluator, edge: Edge, c: PairWith, nodes: AbstractSet[Key]
) -> None:
    """pySHACL raises when it meets a blank node to compare; so does this, to fall back."""
    query = (
        f"SELECT DISTINCT ?s WHERE {{ {{ {edge_pattern(edge, '?s', '?v')} "
        "FILTER(isBlank(?v)) } UNION "
        f"{{ {edge_pattern(edge, '?s', '?v0')} ?s {sparql_term(c.predicate)} ?v "
        "FILTER(isBlank(?v)) } }"
    )
    if any(s in nodes for s in ev.facts.keys(query)):
        raise Fallback("pySHACL cannot compare blank nodes")


def closed_hits(ev: Evaluator, shape: Shape, c: Closed, focus: Focus) -> list[Hit]:
    """``sh:closed``: every (predicate, object) of a value node outside the allowed predicates."""
    allowed = (
        " || ".join(f"sameTerm(?p, {sparql_term(p)})" for p in sorted(c.allowed, key=str))
        or "false"
    )
    values = (
        "BIND(?this AS ?value)"
        if shape.path is None
        else f"?this {query_path(shape.path)} ?value ."
    )
    query = (
        f"SELECT DISTINCT ?this ?value ?p ?o WHERE {{ {ev.pattern(focus, '?this')} "
        f"{values} ?value ?p ?o FILTER(!({allowed})) "
        f"FILTER(!(sameTerm(?p, {sparql_term(RDF_TYPE)}) && "
        f"sameTerm(?o, {sparql_term(RDFS_RESOURCE)}))) }}"
    )
    return [(f, o, Predicate(ox.NamedNode(p[1:-1])), None) for f, _, p, o in ev.facts.rows(query)]


def _ordered(v: Key, w: Key, or_equal: bool) -> bool:
    return less_than_holds(term_of(v), term_of(w), or_equal=or_equal)
