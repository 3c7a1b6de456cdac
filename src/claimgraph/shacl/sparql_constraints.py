"""SPARQL-based constraints (``sh:sparql`` with ``sh:select``), run by oxigraph.

pySHACL runs the ``SELECT`` once per focus node with ``$this`` pre-bound. Doing that here
costs a query per focus node, so a query that is a plain group of triple patterns and
``FILTER``s, and that binds ``$this`` in a triple pattern, is run *once* with ``$this`` free and
its rows grouped by ``$this``: for such queries pre-binding and grouping give the same rows.
Anything else runs per focus node with ``$this`` substituted, which is pySHACL's semantics.

Queries pySHACL refuses (``MINUS``, ``VALUES``, ``SERVICE``, nested ``SELECT``, ``AS $this``),
``$shapesGraph``, and aggregates (oxigraph's union graph keeps a triple once per named graph,
rdflib's once, so counts could differ) are :class:`~claimgraph.shacl.compile.Unsupported`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from claimgraph.shacl.literals import python_value
from claimgraph.shacl.model import Shape, SparqlSelect
from claimgraph.shacl.paths import render_path
from claimgraph.shacl.vocab import (
    OWL_NS,
    OWL_ONTOLOGY,
    RDF_NS,
    RDF_TYPE,
    RDFS_NS,
    ShapesGraph,
    Term,
    sh,
)

_DEFAULT_PREFIXES = (("rdf", RDF_NS), ("rdfs", RDFS_NS), ("owl", OWL_NS))
_REFUSED = re.compile(r"\b(MINUS|VALUES|SERVICE)\b|\bAS\s+[?$]this\b", re.IGNORECASE)
_AGGREGATES = re.compile(
    r"\b(COUNT|SUM|AVG|MIN|MAX|SAMPLE|GROUP_CONCAT|GROUP\s+BY|HAVING)\b", re.IGNORECASE
)
_SELECTS = re.compile(r"\bSELECT\b", re.IGNORECASE)
_PATH_VAR = re.compile(r"([\s{}()])[$?]PATH")
_THIS_VAR = re.compile(r"([\s{}()])[$?]this\b")
_SHAPES_GRAPH_VAR = re.compile(r"[$?]shapesGraph\b")
_CURRENT_SHAPE_VAR = re.compile(r"([\s{}()])[$?]currentShape\b")
_NOT_BATCHABLE = re.compile(
    r"\b(OPTIONAL|UNION|GRAPH|BIND|EXISTS|FROM|LIMIT|OFFSET|ORDER|SERVICE|MINUS|VALUES)\b"
    r"|[$?]currentShape\b",
    re.IGNORECASE,
)


def _unsupported(message: str) -> Exception:
    from claimgraph.shacl.compile import Unsupported

    return Unsupported(message)


def compile_sparql(graph: ShapesGraph, node: Term, shape: Shape) -> list[SparqlSelect]:
    """The active ``sh:sparql`` constraint at ``node`` (none if it is deactivated)."""
    if isinstance(node, ox.Literal):
        raise _unsupported("sh:sparql must point to a node")
    selects = graph.objects(node, sh("select"))
    if len(selects) != 1 or not isinstance(python_value(selects[0]), str):
        raise _unsupported("sh:sparql needs exactly one sh:select string")
    messages = graph.objects(node, sh("message"))
    if not all(isinstance(python_value(m), str) for m in messages):
        raise _unsupported("sh:message of a SPARQL constraint must be a string")
    deactivated = graph.objects(node, sh("deactivated"))
    if deactivated:
        flag = python_value(deactivated[0])
        if len(deactivated) > 1 or not isinstance(flag, bool):
            raise _unsupported("sh:deactivated of a SPARQL constraint must be one boolean")
        if flag:
            return []
    text = str(python_value(selects[0]))
    if _REFUSED.search(text) or _AGGREGATES.search(text) or len(_SELECTS.findall(text)) != 1:
        raise _unsupported("a SPARQL constraint pySHACL refuses or that may count duplicates")
    if _SHAPES_GRAPH_VAR.search(text):
        raise _unsupported("$shapesGraph is not supported by pySHACL")
    if shape.path is None and _PATH_VAR.search(text):
        raise _unsupported("$PATH in a SPARQL constraint of a node shape")
    return [SparqlSelect(node, text, _prefixes(graph, node), tuple(messages))]


def _prefixes(graph: ShapesGraph, node: Term) -> tuple[tuple[str, str], ...]:
    """pySHACL's prefix collection: ``sh:prefixes`` declarations, plus those of any ontology."""
    prefixes = dict(_DEFAULT_PREFIXES)
    owners = graph.objects(node, sh("prefixes"))
    if not owners:
        return tuple(prefixes.items())
    ontologies = set(graph.subjects(RDF_TYPE, OWL_ONTOLOGY))
    global_declares = {d for o in ontologies for d in graph.objects(o, sh("declare"))}
    declared: dict[str, str] = {}
    for owner in owners:
        own = set(graph.objects(owner, sh("declare")))
        declares = own if own and owner in ontologies else global_declares | own
        for declare in declares:
            names = graph.objects(declare, sh("prefix"))
            spaces = graph.objects(declare, sh("namespace"))
            if len(names) != 1 or len(spaces) != 1 or not isinstance(spaces[0], ox.Literal):
                raise _unsupported("sh:declare needs one sh:prefix and one sh:namespace")
            name, space = str(python_value(names[0])), spaces[0].value
            try:
                ox.NamedNode(space)
            except ValueError as error:
                raise _unsupported(f"bad namespace {space!r}") from error
            if declared.get(name, space) != space:
                raise _unsupported(f"prefix {name!r} declared twice")
            declared[name] = space
    prefixes.update(declared)
    return tuple(prefixes.items())


@dataclass(frozen=True, slots=True)
class PreparedQuery:
    """Query text ready for oxigraph, and whether it may run once for all focus nodes."""

    text: str
    batch: bool
    binds_this: bool


def prepare(constraint: SparqlSelect, shape: Shape) -> PreparedQuery:
    """Apply prefixes and ``$PATH`` as pySHACL does; decide between batch and per-focus runs."""
    text = constraint.select
    if shape.path is not None:
        path_text = render_path(shape.path)
        text = _PATH_VAR.sub(lambda m: m.group(1) + path_text, text)
    binds_this = bool(_THIS_VAR.search(text))
    header = "".join(f"PREFIX {name}: <{space}>\n" for name, space in constraint.prefixes)
    return PreparedQuery(header + text, binds_this and _batchable(text), binds_this)


def _batchable(text: str) -> bool:
    """A single group of triple patterns and filters that binds and selects ``$this``."""
    if _NOT_BATCHABLE.search(text):
        return False
    match = re.match(
        r"\s*SELECT\s+(DISTINCT\s+)?(?P<vars>[^{]*?)\s*(WHERE\s*)?\{(?P<body>.*)\}\s*$",
        text,
        re.S | re.I,
    )
    if match is None or "{" in match.group("body") or "}" in match.group("body"):
        return False
    projected = match.group("vars")
    if projected.strip() != "*" and not re.search(r"[$?]this\b", projected):
        return False
    return bool(_THIS_VAR.search(_without_filters(match.group("body"))))


def _without_filters(body: str) -> str:
    """The body with ``FILTER(...)`` expressions cut out, to see where ``$this`` is bound."""
    out, i = [], 0
    for match in re.finditer(r"\bFILTER\s*", body, re.I):
        if match.start() < i:
            continue
        out.append(body[i : match.start()])
        j, depth = match.end(), 0
        while j < len(body):
            depth += {"(": 1, ")": -1}.get(body[j], 0)
            j += 1
            if depth == 0 and body[j - 1] == ")":
                break
        i = j
    out.append(body[i:])
    return " ".join(out)


def format_message(message: Term, bindings: dict[str, Term]) -> str:
    """pySHACL's ``{?var}`` / ``{$var}`` substitution in a SPARQL constraint's message."""
    text = str(python_value(message)) if isinstance(message, ox.Literal) else str(message)
    for name, value in bindings.items():
        text = re.sub(r"{[?$]" + re.escape(name) + "}", _replacement(value.value), text)
    return text


def _replacement(text: str) -> Callable[[re.Match[str]], str]:
    """A ``re.sub`` replacement inserting ``text`` verbatim (no backslash processing)."""
    return lambda _match: text


def current_shape_substitution(
    text: str, shape: Shape
) -> dict[ox.Variable, ox.NamedNode | ox.BlankNode]:
    """pySHACL binds ``$currentShape`` to the shape node when the query mentions it."""
    if _CURRENT_SHAPE_VAR.search(text):
        return {ox.Variable("currentShape"): shape.node}
    return {}
