"""Whole-store facts the engine asks for, each computed by one query and cached.

Most constraints of real shapes are on a single predicate (``sh:path cg:claimant``). Rather
than joining every constraint with its focus nodes inside a query, the engine asks global
questions once — the instances of ``cg:Actor`` and its subclasses, the subjects that have a
``cg:claimant``, the ``cg:claimant`` values that are not actors — and intersects the (small)
answers with focus-node sets in Python. Many shapes share the same predicates and classes, so
the cache also removes repeated work.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from typing import TypeVar, cast

import pyoxigraph as ox

from claimgraph.shacl.literals import Fallback
from claimgraph.shacl.paths import Inverse, Path, Predicate
from claimgraph.shacl.queries import sparql_term
from claimgraph.shacl.vocab import RDF_TYPE, RDFS_SUBCLASSOF, XSD_NS, Key

T = TypeVar("T")
Row = tuple[Key, ...]
Edge = tuple[ox.NamedNode, bool]
#: Node → its distinct values along an edge: one key, or a tuple when there are several.
Values = dict[Key, Key | tuple[Key, ...]]


def each(values: Key | tuple[Key, ...] | None) -> tuple[Key, ...]:
    """The values of one node as a tuple (see :data:`Values`)."""
    if values is None:
        return ()
    return values if isinstance(values, tuple) else (values,)


def simple_edge(path: Path | None) -> Edge | None:
    """``(predicate, inverse)`` if ``path`` is a predicate or an inverse of one."""
    inverse = False
    while isinstance(path, Inverse):
        inverse, path = not inverse, path.path
    return (path.iri, inverse) if isinstance(path, Predicate) else None


def edge_pattern(edge: Edge, subject: str, value: str) -> str:
    """The triple pattern from ``subject`` to ``value`` along ``edge``."""
    predicate, inverse = edge
    if inverse:
        return f"{value} {sparql_term(predicate)} {subject} ."
    return f"{subject} {sparql_term(predicate)} {value} ."


_SHORTHAND = {"true": "boolean", "false": "boolean"}
#: Characters TSV leaves raw inside literals but N-Triples (``str(term)``) escapes.
_RAW_IN_TSV = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SHORT_ESCAPES = {"\b": "\\b", "\f": "\\f"}


_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def _has_raw_characters(text: bytes) -> bool:
    """Whether :data:`_RAW_IN_TSV` can match; ten times faster than running the regex."""
    return (
        len(text.translate(None, _CONTROL_BYTES)) != len(text)
        or b"\xef\xbf\xbe" in text
        or b"\xef\xbf\xbf" in text
    )


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _SHORT_ESCAPES.get(char) or f"\\u{ord(char):04X}"


def key_of_tsv(token: str) -> Key:
    """A term as written in SPARQL TSV, in N-Triples syntax (TSV abbreviates some literals).

    >>> key_of_tsv("1.5")
    '"1.5"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    >>> key_of_tsv("<http://example.org/a>")
    '<http://example.org/a>'
    """
    if not token or token[0] in '<"_':
        return token
    kind = _SHORTHAND.get(token)
    if kind is None:
        kind = (
            "double" if "e" in token or "E" in token else "decimal" if "." in token else "integer"
        )
    return f'"{token}"^^<{XSD_NS}{kind}>'


class Facts:
    """Cached answers about the union graph of one store."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.query_count = 0
        self._cache: dict[tuple[object, ...], object] = {}
        #: one string object per node across all cached sets and dicts (memory at 100k incidents)
        self._shared: dict[Key, Key] = {}

    def rows(self, query: str) -> list[Row]:
        """Solutions of a ``SELECT`` over the union of all graphs; ``""`` for unbound."""
        return [
            tuple(key_of_tsv(token) for token in line.split("\t")) for line in self._lines(query)
        ]

    def _lines(self, query: str) -> list[str]:
        self.query_count += 1
        try:
            solutions = self.store.query(query, use_default_graph_as_union=True)
            assert isinstance(solutions, ox.QuerySolutions)
            text = solutions.serialize(format=ox.QueryResultsFormat.TSV)
        except (SyntaxError, ValueError, OSError) as error:
            raise Fallback(f"query failed: {error}") from error
        assert text is not None
        decoded = text.decode("utf-8")
        if _has_raw_characters(text):
            decoded = _RAW_IN_TSV.sub(_escape, decoded)
        lines = decoded.split("\n")
        return [line for line in lines[1:] if line]

    def keys(self, query: str) -> frozenset[Key]:
        """The bound values of a one-column ``SELECT``."""
        lines = self._lines(query)
        if not all(line[0] in '<"_' for line in lines):
            lines = [key_of_tsv(line) for line in lines]
        shared = self._shared.setdefault
        return frozenset([shared(line, line) for line in lines])

    def _cached(self, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = compute()
        return cast(T, found)

    def closure(self, cls: Key) -> tuple[Key, ...]:
        """``cls`` and everything ``rdfs:subClassOf*`` it, as pySHACL's transitive walk finds."""

        def compute() -> tuple[Key, ...]:
            query = f"SELECT DISTINCT ?c WHERE {{ ?c {sparql_term(RDFS_SUBCLASSOF)}* {cls} }}"
            return tuple(sorted(self.keys(query) | {cls}))

        return self._cached(("closure", cls), compute)

    def class_pattern(self, variable: str, cls: Key, hidden: str) -> str:
        """A pattern binding ``variable`` to the instances of ``cls`` (with subclasses)."""
        closure = self.closure(cls)
        rdf_type = sparql_term(RDF_TYPE)
        if any(c.startswith("_:") for c in closure):
            return f"{variable} {rdf_type}/{sparql_term(RDFS_SUBCLASSOF)}* {cls} ."
        return f"VALUES {hidden} {{ {' '.join(closure)} }} {variable} {rdf_type} {hidden} ."

    def instances(self, cls: Key) -> frozenset[Key]:
        """Nodes typed ``cls`` or a subclass of it."""

        def compute() -> frozenset[Key]:
            return self.keys(f"SELECT ?x WHERE {{ {self.class_pattern('?x', cls, '?c')} }}")

        return self._cached(("instances", cls), compute)

    def values(self, edge: Edge) -> Values:
        """Each node with values along ``edge``, and those values (each once)."""

        def compute() -> Values:
            out: dict[Key, Key] = {}
            more: dict[Key, set[Key]] = {}
            canonical: dict[Key, Key] = {}  # one string per distinct value: concepts repeat a lot
            shared = self._shared.setdefault
            query = f"SELECT ?s ?o WHERE {{ {edge_pattern(edge, '?s', '?o')} }}"
            for line in self._lines(query):
                s, _, o = line.partition("\t")
                if o[0] not in '<"_':
                    o = key_of_tsv(o)
                o = canonical.setdefault(o, o)
                known = out.setdefault(shared(s, s), o)
                if known is not o:
                    more.setdefault(s, {known}).add(o)
            values: Values = dict(out)
            for s, several in more.items():
                values[s] = tuple(several) if len(several) > 1 else next(iter(several))
            return values

        return self._cached(("values", edge), compute)

    def has_values(self, edge: Edge) -> bool:
        """Whether :meth:`values` of ``edge`` are at hand (then Python checks beat queries)."""
        return ("values", edge) in self._cache

    def subjects(self, edge: Edge) -> AbstractSet[Key]:
        """Nodes with at least one value along ``edge``."""

        if self.has_values(edge):
            return self.values(edge).keys()
        query = f"SELECT ?s WHERE {{ {edge_pattern(edge, '?s', '?o')} }}"
        return self._cached(("subjects", edge), lambda: self.keys(query))

    def not_instances(self, edge: Edge, cls: Key) -> frozenset[tuple[Key, Key]]:
        """(node, value) along ``edge`` where the value is not an instance of ``cls``: exact."""
        query = (
            f"SELECT ?s ?v WHERE {{ {edge_pattern(edge, '?s', '?v')} "
            f"MINUS {{ {self.class_pattern('?v', cls, '?c')} }} }}"
        )
        return self._cached(("not-instances", edge, cls), lambda: _pairs(self.rows(query)))

    def suspects(self, edge: Edge, condition: str) -> frozenset[tuple[Key, Key]]:
        """(node, value) along ``edge`` where the SPARQL ``condition`` is not surely true."""
        query = (
            f"SELECT ?s ?v WHERE {{ {edge_pattern(edge, '?s', '?v')} "
            f"FILTER(COALESCE(!({condition}), true)) }}"
        )
        return self._cached(("suspects", edge, condition), lambda: _pairs(self.rows(query)))


def _pairs(rows: list[Row]) -> frozenset[tuple[Key, Key]]:
    return frozenset((row[0], row[1]) for row in rows if row[0] and row[1])
