"""SHACL property paths: read from a shapes graph, written as SPARQL.

Two renderings exist on purpose:

* :func:`render_path` writes the path *as declared*, in SPARQL property-path syntax. It is what
  :class:`~claimgraph.shacl_results.ShaclResult` carries as ``path``, so both engines (and the
  conversion of pySHACL's report) must use it.
* :func:`query_path` writes the path *as pySHACL evaluates it*, for use inside queries. pySHACL
  pushes ``sh:inversePath`` down to the predicates without reversing sequences, so it reads
  ``^(a/b)`` as ``^a/^b``; matching its answers means matching that reading.

>>> p = ox.NamedNode("http://example.org/p")
>>> q = ox.NamedNode("http://example.org/q")
>>> render_path(Inverse(Sequence((Predicate(p), Predicate(q)))))
'^(<http://example.org/p>/<http://example.org/q>)'
>>> query_path(Inverse(Sequence((Predicate(p), Predicate(q)))))
'(^<http://example.org/p>/^<http://example.org/q>)'
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from claimgraph.shacl.vocab import RDF_FIRST, ShapesGraph, Term, sh


class UnsupportedPath(ValueError):
    """The path node is not a SHACL path pySHACL would accept."""


@dataclass(frozen=True, slots=True)
class Predicate:
    """A single IRI."""

    iri: ox.NamedNode


@dataclass(frozen=True, slots=True)
class Inverse:
    """``sh:inversePath``."""

    path: Path


@dataclass(frozen=True, slots=True)
class Sequence:
    """An RDF list of paths."""

    steps: tuple[Path, ...]


@dataclass(frozen=True, slots=True)
class Alternative:
    """``sh:alternativePath``."""

    options: tuple[Path, ...]


@dataclass(frozen=True, slots=True)
class Repeat:
    """``sh:zeroOrMorePath`` (``*``), ``sh:oneOrMorePath`` (``+``), ``sh:zeroOrOnePath`` (``?``)."""

    path: Path
    modifier: str


Path = Predicate | Inverse | Sequence | Alternative | Repeat

_REPEATS = (("zeroOrMorePath", "*"), ("oneOrMorePath", "+"), ("zeroOrOnePath", "?"))


def parse_path(graph: ShapesGraph, node: Term, *, depth: int = 0) -> Path:
    """Read the path at ``node``, in the order of precedence pySHACL uses.

    Raises :class:`UnsupportedPath` wherever pySHACL would raise, so the caller falls back.
    """
    if isinstance(node, ox.NamedNode):
        return Predicate(node)
    if isinstance(node, ox.Literal) or depth > 10:
        raise UnsupportedPath(f"not a path: {node}")
    if graph.objects(node, RDF_FIRST):
        members = graph.items(node)
        if members is None or len(members) < 2:
            raise UnsupportedPath("a sequence path needs a list of at least two paths")
        return Sequence(tuple(parse_path(graph, m, depth=depth + 1) for m in members))
    inverse = graph.objects(node, sh("inversePath"))
    if inverse:
        return Inverse(parse_path(graph, _only(inverse), depth=depth + 1))
    alternatives = graph.objects(node, sh("alternativePath"))
    if alternatives:
        members = graph.items(_only(alternatives))
        if members is None or len(members) < 2:
            raise UnsupportedPath("an alternative path needs a list of at least two paths")
        return Alternative(tuple(parse_path(graph, m, depth=depth + 1) for m in members))
    for name, modifier in _REPEATS:
        inner = graph.objects(node, sh(name))
        if inner:
            return Repeat(parse_path(graph, _only(inner), depth=depth + 1), modifier)
    raise UnsupportedPath(f"unknown path construct at {node}")


def _only(values: list[Term]) -> Term:
    if len(values) != 1:
        raise UnsupportedPath("a path construct must have exactly one value")
    return values[0]


def render_path(path: Path) -> str:
    """The path as declared, in SPARQL syntax; compound parts are parenthesised."""
    if isinstance(path, Predicate):
        return str(path.iri)
    if isinstance(path, Inverse):
        inner = render_path(path.path)
        return "^" + (inner if isinstance(path.path, Predicate) else f"({inner})")
    if isinstance(path, Sequence):
        return "/".join(_grouped(step) for step in path.steps)
    if isinstance(path, Alternative):
        return "|".join(_grouped(option) for option in path.options)
    inner = render_path(path.path)
    return (inner if isinstance(path.path, Predicate) else f"({inner})") + path.modifier


def _grouped(path: Path) -> str:
    text = render_path(path)
    return f"({text})" if isinstance(path, Sequence | Alternative) else text


def query_path(path: Path, *, inverse: bool = False) -> str:
    """The path as pySHACL evaluates it, for a SPARQL triple pattern."""
    if isinstance(path, Predicate):
        return ("^" if inverse else "") + str(path.iri)
    if isinstance(path, Inverse):
        return query_path(path.path, inverse=not inverse)
    if isinstance(path, Sequence):
        return "(" + "/".join(query_path(s, inverse=inverse) for s in path.steps) + ")"
    if isinstance(path, Alternative):
        return "(" + "|".join(query_path(o, inverse=inverse) for o in path.options) + ")"
    return "(" + query_path(path.path, inverse=inverse) + ")" + path.modifier


def path_predicate(path: Path) -> ox.NamedNode | None:
    """The IRI if ``path`` is a plain predicate path."""
    return path.iri if isinstance(path, Predicate) else None
