"""Evaluate compiled shapes against a store, producing pySHACL's results.

A shape is evaluated on a *focus source*: its targets, or the value nodes of another shape.
Each constraint yields :class:`Found` records; a shape's non-conforming focus nodes (what
``sh:or``, ``sh:not``, ``sh:node``… need from their member shapes) are the focus nodes of those
records. Everything is cached per (shape, focus source), so a member shape shared by many
shapes is evaluated once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import pyoxigraph as ox

from claimgraph.shacl.checks import conforms
from claimgraph.shacl.facts import Facts, Values, each, edge_pattern, simple_edge
from claimgraph.shacl.literals import Fallback
from claimgraph.shacl.messages import generic_message, shape_message
from claimgraph.shacl.model import (
    VALUE_CHECKS,
    ClassIs,
    Closed,
    Constraint,
    HasValue,
    InValues,
    Logical,
    MaxCount,
    MinCount,
    NodeKindIs,
    PairWith,
    PropertyRef,
    Shape,
    SparqlSelect,
    Targets,
    UniqueLang,
    ValueCheck,
)
from claimgraph.shacl.pair_run import closed_hits, pair_hits
from claimgraph.shacl.paths import Path, query_path
from claimgraph.shacl.queries import value_ok, values_block
from claimgraph.shacl.sparql_run import sparql_results
from claimgraph.shacl.vocab import Key, Term, term_of


@dataclass(frozen=True, slots=True)
class TargetFocus:
    """The focus nodes a shape's own targets select."""

    targets: Targets


@dataclass(frozen=True, slots=True)
class DerivedFocus:
    """The value nodes of ``path`` from the nodes of ``parent``."""

    parent: Focus
    path: Path


Focus = TargetFocus | DerivedFocus


@dataclass(frozen=True, slots=True)
class Found:
    """One validation result, with terms in N-Triples syntax."""

    focus: Key
    value: Key | None
    shape: Shape
    component: str
    path: Path | None
    message: str | None


#: What a constraint yields before messages are attached: (focus, value, path, message). The
#: path is only given where it differs from the shape's (``sh:closed``, SPARQL ``?path``).
Hit = tuple[Key, Key | None, Path | None, str | None]


class Evaluator:
    """Evaluates shapes with cached facts about one store."""

    def __init__(self, facts: Facts, *, allowed: frozenset[Term] = frozenset()) -> None:
        self.facts = facts
        #: severities pySHACL tolerates (``allow_warnings``/``allow_infos``): a shape of such a
        #: severity conforms whatever its results, which matters where shapes are nested.
        self.allowed = allowed
        self._nodes: dict[Focus, AbstractSet[Key]] = {}
        self._pairs: dict[tuple[Focus, Path], frozenset[tuple[Key, Key]]] = {}
        self._hits: dict[tuple[int, int, Focus], list[Hit]] = {}
        self._failing: dict[tuple[int, Focus, bool], frozenset[Key]] = {}

    def prefetch(self, shapes: Iterable[Shape]) -> None:
        """Fetch the values of predicates that counting constraints need whole.

        ``sh:maxCount`` needs every value; once fetched, the same values answer the other
        constraints on the predicate in Python, faster than one query each.
        """
        for shape in shapes:
            edge = simple_edge(shape.path)
            counting = (MaxCount, UniqueLang)
            if (
                edge is not None
                and not shape.deactivated
                and any(isinstance(c, counting) for c in shape.constraints)
            ):
                self.facts.values(edge)

    # ------------------------------------------------------------------ focus sources
    def nodes(self, focus: Focus) -> AbstractSet[Key]:
        """The focus nodes of a source."""
        if focus not in self._nodes:
            if isinstance(focus, TargetFocus):
                t = focus.targets
                parts: list[AbstractSet[Key]] = (
                    [frozenset(str(n) for n in t.nodes)] if t.nodes else []
                )
                parts += [self.facts.instances(str(cls)) for cls in t.classes]
                parts += [self.facts.subjects((_iri(p), False)) for p in t.subjects_of]
                parts += [self.facts.subjects((_iri(p), True)) for p in t.objects_of]
                # one source: share the cached set rather than copy it (memory at scale)
                self._nodes[focus] = parts[0] if len(parts) == 1 else frozenset().union(*parts)
            else:
                self._nodes[focus] = frozenset(v for _, v in self.pairs(focus.parent, focus.path))
        return self._nodes[focus]

    def pattern(self, focus: Focus, variable: str, depth: int = 0) -> str:
        """A group pattern binding ``variable`` to the focus nodes, each once."""
        if isinstance(focus, DerivedFocus):
            inner = f"?_d{depth}"
            parent = self.pattern(focus.parent, inner, depth + 1)
            body = f"{parent} {inner} {query_path(focus.path)} {variable} ."
        else:
            t, parts = focus.targets, []
            if t.nodes:
                parts.append(values_block(variable, t.nodes))
            for i, cls in enumerate(t.classes):
                parts.append(self.facts.class_pattern(variable, str(cls), f"?_t{depth}c{i}"))
            for i, p in enumerate(t.subjects_of):
                parts.append(edge_pattern((_iri(p), False), variable, f"?_t{depth}s{i}"))
            for i, p in enumerate(t.objects_of):
                parts.append(edge_pattern((_iri(p), True), variable, f"?_t{depth}o{i}"))
            body = " UNION ".join(f"{{ {p} }}" for p in parts)
        return f"{{ SELECT DISTINCT {variable} WHERE {{ {body} }} }}"

    def pairs(
        self, focus: Focus, path: Path
    ) -> AbstractSet[tuple[Key, Key]] | list[tuple[Key, Key]]:
        """(focus node, value node) along ``path``.

        Pairs along a predicate are read off the cached values each time rather than kept:
        at 100,000 incidents, a kept copy per (focus, predicate) would cost gigabytes.
        """
        edge = simple_edge(path)
        if edge is not None:
            nodes, values = self.nodes(focus), self.facts.values(edge)
            return [(f, v) for f in _smaller(nodes, values) for v in each(values[f])]
        key = (focus, path)
        if key not in self._pairs:
            steps = f"?f {query_path(path)} ?v"
            query = f"SELECT DISTINCT ?f ?v WHERE {{ {self.pattern(focus, '?f')} {steps} }}"
            self._pairs[key] = frozenset((f, v) for f, v in self.facts.rows(query) if f and v)
        return self._pairs[key]

    def value_pairs(
        self, shape: Shape, focus: Focus
    ) -> AbstractSet[tuple[Key, Key]] | list[tuple[Key, Key]]:
        """(focus node, value node) of a shape: the node itself for node shapes."""
        if shape.path is None:
            return [(f, f) for f in self.nodes(focus)]
        return self.pairs(focus, shape.path)

    def inner_focus(self, shape: Shape, focus: Focus) -> Focus:
        """The focus source of shapes that a shape's value nodes must conform to."""
        return focus if shape.path is None else DerivedFocus(focus, shape.path)

    # ------------------------------------------------------------------ shapes
    def results(self, shape: Shape, focus: Focus) -> list[Found]:
        """Every result pySHACL reports for ``shape`` on ``focus``, nested shapes' included."""
        if shape.deactivated:
            return []
        out: list[Found] = []
        for c in shape.constraints:
            if isinstance(c, PropertyRef):
                out += self.results(c.shape, self.inner_focus(shape, focus))
                continue
            fixed = shape_message(shape)
            for f, v, path, message in self.hits(shape, c, focus):
                text = message or fixed or generic_message(c, shape, f, v)
                out.append(Found(f, v, shape, c.component, path or shape.path, text))
        return out

    def failing(self, shape: Shape, focus: Focus, *, reporting: bool = False) -> frozenset[Key]:
        """Focus nodes that do not conform to ``shape``.

        With ``reporting``, the focus nodes for which the shape reports anything: pySHACL's
        ``sh:node`` asks that, its other logical constraints ask for conformance, and the two
        differ when severities are tolerated (:attr:`allowed`).
        """
        key = (id(shape), focus, reporting)
        if key not in self._failing:
            bad: set[Key] = set()
            if not shape.deactivated and (reporting or shape.severity not in self.allowed):
                for c in shape.constraints:
                    if isinstance(c, PropertyRef):
                        sub = self.failing(
                            c.shape, self.inner_focus(shape, focus), reporting=reporting
                        )
                        if sub:
                            bad |= {f for f, v in self.value_pairs(shape, focus) if v in sub}
                    else:
                        bad |= {hit[0] for hit in self.hits(shape, c, focus)}
            self._failing[key] = frozenset(bad)
        return self._failing[key]

    # ------------------------------------------------------------------ constraints
    def hits(self, shape: Shape, c: Constraint, focus: Focus) -> list[Hit]:
        """What one constraint (not ``sh:property``) of ``shape`` finds on ``focus``."""
        key = (id(shape), id(c), focus)
        if key not in self._hits:
            self._hits[key] = self._evaluate(shape, c, focus)
        return self._hits[key]

    def _evaluate(self, shape: Shape, c: Constraint, focus: Focus) -> list[Hit]:
        if isinstance(c, VALUE_CHECKS) or _inline(c):
            return self._value_check(shape, c, focus)  # type: ignore[arg-type]
        if isinstance(c, MinCount | MaxCount | HasValue | UniqueLang):
            return [(f, None, None, None) for f in self._per_focus(shape, c, focus)]
        if isinstance(c, PairWith):
            return pair_hits(self, shape, c, focus)
        if isinstance(c, Logical):
            return self._logical(shape, c, focus)
        if isinstance(c, Closed):
            return closed_hits(self, shape, c, focus)
        if isinstance(c, SparqlSelect):
            return list(sparql_results(self, shape, c, focus))
        raise Fallback(f"no evaluation for {c}")  # pragma: no cover

    def _value_check(self, shape: Shape, c: ValueCheck | Logical, focus: Focus) -> list[Hit]:
        """Values failing a per-value test: narrowed down by a query, decided in Python."""
        edge = simple_edge(shape.path)
        quick = isinstance(c, ClassIs | NodeKindIs | InValues)
        if shape.path is None or (edge is not None and quick and self.facts.has_values(edge)):
            # node shapes test their focus nodes; fetched values are tested in Python
            accept = self._acceptor(c) if quick else self._tester(c)  # type: ignore[arg-type]
            return [(f, v, None, None) for f, v in self.value_pairs(shape, focus) if not accept(v)]
        nodes = self.nodes(focus)
        if edge is not None and isinstance(c, ClassIs):
            # exact in SPARQL, and a MINUS of the class's instances is the fastest way to ask
            found = self.facts.not_instances(edge, str(c.cls))
            return [(f, v, None, None) for f, v in found if f in nodes]
        closures = {str(cls): self.facts.closure(str(cls)) for cls in _classes(c)}
        condition = value_ok(c, "?v", closures, self.allowed)
        if edge is not None:
            candidates = self.facts.suspects(edge, condition)
        else:
            path = query_path(shape.path)
            query = (
                f"SELECT DISTINCT ?s ?v WHERE {{ {self.pattern(focus, '?s')} ?s {path} ?v "
                f"FILTER(COALESCE(!({condition}), true)) }}"
            )
            candidates = frozenset((f, v) for f, v in self.facts.rows(query) if f and v)
        test = self._tester(c)
        return [(f, v, None, None) for f, v in candidates if f in nodes and not test(v)]

    def _tester(self, c: ValueCheck | Logical) -> Callable[[Key], bool]:
        return lambda value: conforms(c, value, self.facts, self.allowed)

    def _acceptor(self, c: ClassIs | NodeKindIs | InValues) -> Callable[[Key], bool]:
        """A fast exact test for constraints decided by set membership or the term's kind."""
        if isinstance(c, ClassIs):
            return self.facts.instances(str(c.cls)).__contains__
        if isinstance(c, InValues):
            return c.values.__contains__
        return lambda value: conforms(c, value, self.facts)

    def _per_focus(
        self, shape: Shape, c: MinCount | MaxCount | HasValue | UniqueLang, focus: Focus
    ) -> list[Key]:
        """Focus nodes with a result (repeated when pySHACL reports several, as uniqueLang may)."""
        nodes, edge = self.nodes(focus), simple_edge(shape.path)
        if isinstance(c, HasValue) and shape.path is None:
            return [f for f in nodes if f != c.value]
        if edge is not None and isinstance(c, MinCount) and c.n == 1:
            subjects = self.facts.subjects(edge)
            return [f for f in nodes if f not in subjects]
        if edge is not None and isinstance(c, MaxCount):
            values = self.facts.values(edge)
            return [f for f in _smaller(nodes, values) if len(each(values[f])) > c.n]
        assert shape.path is not None
        grouped: dict[Key, set[Key]] = defaultdict(set)
        for f, v in self.pairs(focus, shape.path):
            grouped[f].add(v)
        return [f for f in nodes for _ in range(_breaches(c, grouped.get(f, set())))]

    def _logical(self, shape: Shape, c: Logical, focus: Focus) -> list[Hit]:
        inner = self.inner_focus(shape, focus)
        failing = [self.failing(m, inner, reporting=c.name == "node") for m in c.members]
        if c.name == "or":
            bad = frozenset.intersection(*failing)
        elif c.name in ("and", "node"):
            bad = frozenset.union(*failing)
        elif c.name == "not":
            bad = frozenset(v for v in self.nodes(inner) if v not in failing[0])
        else:  # xone: exactly one member must conform
            total = len(c.members)
            bad = frozenset(
                v for v in self.nodes(inner) if total - sum(v in f for f in failing) != 1
            )
        if not bad:
            return []
        return [(f, v, None, None) for f, v in self.value_pairs(shape, focus) if v in bad]


def _iri(term: Term) -> ox.NamedNode:
    if not isinstance(term, ox.NamedNode):
        raise Fallback(f"target predicate {term} is not an IRI")
    return term


def _inline(c: Constraint) -> bool:
    """An ``sh:or``/``sh:and``/``sh:node`` whose members test each value on its own."""
    return (
        isinstance(c, Logical)
        and c.name in ("or", "and", "node")
        and all(m.deactivated or m.is_value_local() for m in c.members)
    )


def _classes(c: ValueCheck | Logical) -> list[Term]:
    if isinstance(c, ClassIs):
        return [c.cls]
    if isinstance(c, Logical):
        return [x.cls for m in c.members for x in m.constraints if isinstance(x, ClassIs)]
    return []


def _smaller(nodes: AbstractSet[Key], values: Values) -> Iterable[Key]:
    """The nodes that are in both, iterating over the smaller collection."""
    if len(nodes) < len(values):
        return [f for f in nodes if f in values]
    return [f for f in values if f in nodes]


def _breaches(c: MinCount | MaxCount | HasValue | UniqueLang, values: set[Key]) -> int:
    """How many results pySHACL reports for one focus node with these value nodes."""
    if isinstance(c, MinCount):
        return int(len(values) < c.n)
    if isinstance(c, MaxCount):
        return int(len(values) > c.n)
    if isinstance(c, HasValue):
        return int(c.value not in values)
    seen: dict[str, int] = defaultdict(int)
    for v in values:
        term = term_of(v) if v.startswith('"') else None
        if isinstance(term, ox.Literal) and term.language:
            seen[term.language.lower()] += 1
    return sum(1 for n in seen.values() if n > 1)
