"""The SHACL engines behind ``claimgraph validate``; the only module that imports pySHACL.

pySHACL is the reference: correct, complete, and slow on large data. A faster engine may live
in :mod:`claimgraph.shacl` (``validate_fast(data, shapes) -> list[ShaclResult] | None``); it is
tried first and may decline (``None``) shapes that use features it does not support. Both
produce :class:`~claimgraph.shacl_results.ShaclResult`, so nothing downstream knows which ran.

Both engines get the same input:

* ``data``: a :class:`pyoxigraph.Store` holding the data (named graphs, read as their union)
  plus the ontology's ``rdfs:subClassOf`` triples in the ontology graph, so that
  ``cg:Rebuttal ⊑ cg:Claim`` reaches the claim shapes and ``sh:class cg:Actor`` accepts a
  ``cg:NGO``. This is pySHACL's ``ont_graph`` mix-in without copying the data, and it keeps
  RDFS inference off (``inference="none"``): only the class hierarchy is visible.
* ``shapes``: the triples of our shapes and the user's extra shapes (a list of
  :class:`pyoxigraph.Triple`); pySHACL gets them as an rdflib graph.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from claimgraph.errors import ConfigError, Diagnostic, InputError, SourcePos
from claimgraph.iris import ONTOLOGY_GRAPH
from claimgraph.resources import ONTOLOGY_FILES, ontology_file, shapes_files
from claimgraph.shacl_results import SH, ShaclResult
from claimgraph.validation.rdfinput import rdf_format, syntax_diagnostic

if TYPE_CHECKING:
    import rdflib

RDFS_SUBCLASS_OF = "http://www.w3.org/2000/01/rdf-schema#subClassOf"

FastEngine = Callable[[ox.Store, list[ox.Triple]], "list[ShaclResult] | None"]


class Engine(StrEnum):
    """Which engine to run: the fast one when it accepts the shapes, or one of them by force."""

    AUTO = "auto"
    FAST = "fast"
    PYSHACL = "pyshacl"


# --------------------------------------------------------------------------- inputs


def ontology_quads() -> list[ox.Quad]:
    """The bundled ontology's subclass axioms, in the ontology graph."""
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    quads: list[ox.Quad] = []
    for name in ONTOLOGY_FILES:
        with ontology_file(name).open("rb") as handle:
            for quad in ox.parse(handle, format=ox.RdfFormat.TURTLE):
                if quad.predicate.value == RDFS_SUBCLASS_OF:
                    quads.append(ox.Quad(quad.subject, quad.predicate, quad.object, graph))
    return quads


class Shapes:
    """A shapes graph: pyoxigraph triples for the fast engine, rdflib for pySHACL (lazily).

    Also answers what the report needs from the shapes: each shape's ``sh:message``.
    """

    def __init__(self, triples: Iterable[ox.Triple]) -> None:
        self.triples: list[ox.Triple] = list(dict.fromkeys(triples))
        self._graph: rdflib.Graph | None = None
        self.messages: dict[str, str] = {}
        message = SH + "message"
        for triple in self.triples:
            if triple.predicate.value == message and isinstance(triple.object, ox.Literal):
                key = str(triple.subject)
                if key not in self.messages or triple.object.language == "en":
                    self.messages[key] = triple.object.value

    def as_rdflib(self) -> rdflib.Graph:
        """The same triples as an rdflib graph (blank node ids kept), built once."""
        if self._graph is None:
            import rdflib

            self._graph = rdflib.Graph()
            add_quads(self._graph, self.triples)
        return self._graph

    def __len__(self) -> int:
        return len(self.triples)


def load_shapes(extra: Sequence[Path] = ()) -> Shapes:
    """Our bundled shapes plus the user's ``--shapes`` files, parsed strictly.

    Every unreadable or malformed extra file is reported, with its line and column, in one
    :class:`InputError`. Blank nodes are renamed per file, so files cannot collide.
    """
    triples: list[ox.Triple] = []
    for resource in shapes_files():
        with resource.open("rb") as handle:
            triples.extend(q.triple for q in ox.parse(handle, format=ox.RdfFormat.TURTLE))
    problems: list[Diagnostic] = []
    for path in extra:
        display = str(path)
        syntax = rdf_format(path.suffix) or ox.RdfFormat.TURTLE
        try:
            parser = ox.parse(
                path=path,
                format=syntax,
                base_iri=path.resolve().as_uri(),
                rename_blank_nodes=True,
            )
            triples.extend(q.triple for q in parser)
        except SyntaxError as exc:
            problems.append(syntax_diagnostic(display, exc, syntax.name))
        except OSError as exc:
            problems.append(
                Diagnostic(SourcePos(display), f"cannot read shapes file: {exc.strerror}")
            )
    if problems:
        raise InputError(problems)
    return Shapes(triples)


# --------------------------------------------------------------------------- term conversion


def to_rdflib(term: Any) -> Any:
    """A pyoxigraph term as an rdflib term, keeping literals' lexical forms and bnode ids."""
    import rdflib

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language, normalize=False)
        return rdflib.Literal(
            term.value, datatype=rdflib.URIRef(term.datatype.value), normalize=False
        )
    raise TypeError(f"unsupported RDF term {term!r}")


def nt(term: Any) -> str:
    """An rdflib term in N-Triples syntax, exactly as pyoxigraph writes it.

    >>> import rdflib
    >>> nt(rdflib.Literal("16.0", datatype=rdflib.XSD.decimal))
    '"16.0"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    """
    import rdflib

    if isinstance(term, rdflib.URIRef):
        return str(ox.NamedNode(str(term)))
    if isinstance(term, rdflib.BNode):
        return str(ox.BlankNode(str(term)))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return str(ox.Literal(str(term), language=term.language))
        datatype = term.datatype or rdflib.XSD.string
        return str(ox.Literal(str(term), datatype=ox.NamedNode(str(datatype))))
    raise TypeError(f"unsupported RDF term {term!r}")


def add_quads(graph: rdflib.Graph, quads: Iterable[ox.Quad] | Iterable[ox.Triple]) -> None:
    """Add quads (or triples) to an rdflib graph as triples, converting each term once."""
    cache: dict[Any, Any] = {}

    def convert(term: Any) -> Any:
        found = cache.get(term)
        if found is None:
            found = cache[term] = to_rdflib(term)
        return found

    graph.addN((convert(q.subject), convert(q.predicate), convert(q.object), graph) for q in quads)


def path_sparql(graph: rdflib.Graph, node: Any) -> str:
    """A SHACL property path in SPARQL syntax, written as declared.

    The rendering is the one both engines use for ``ShaclResult.path``: a predicate is
    ``<p>``; inverse, repeat, sequence and alternative parts are parenthesised only when they
    are compound (``^(<a>/<b>)``, ``(<a>|<b>)/<c>``, ``<p>+``).
    """
    return _render(*_parse_path(graph, node))


def _parse_path(graph: rdflib.Graph, node: Any) -> tuple[str, Any]:
    """(kind, content): kind is pred, inv, seq, alt or a repeat modifier (``*``, ``+``, ``?``)."""
    import rdflib
    from rdflib.collection import Collection

    sh = rdflib.Namespace(SH)
    if isinstance(node, rdflib.URIRef):
        return "pred", nt(node)
    if graph.value(node, rdflib.RDF.first) is not None:
        return "seq", [_parse_path(graph, step) for step in Collection(graph, node)]
    inverse = graph.value(node, sh.inversePath)
    if inverse is not None:
        return "inv", _parse_path(graph, inverse)
    alternatives = graph.value(node, sh.alternativePath)
    if alternatives is not None:
        return "alt", [_parse_path(graph, o) for o in Collection(graph, alternatives)]
    for predicate, modifier in (
        (sh.zeroOrMorePath, "*"),
        (sh.oneOrMorePath, "+"),
        (sh.zeroOrOnePath, "?"),
    ):
        inner = graph.value(node, predicate)
        if inner is not None:
            return modifier, _parse_path(graph, inner)
    return "pred", nt(node)


def _render(kind: str, content: Any) -> str:
    if kind == "pred":
        return str(content)
    if kind in ("seq", "alt"):
        parts = (
            f"({_render(*part)})" if part[0] in ("seq", "alt") else _render(*part)
            for part in content
        )
        return ("/" if kind == "seq" else "|").join(parts)
    inner = _render(*content)
    if content[0] != "pred":
        inner = f"({inner})"
    return "^" + inner if kind == "inv" else inner + kind


# --------------------------------------------------------------------------- engines


def run_pyshacl(data: ox.Store, shapes: Shapes) -> list[ShaclResult]:
    """Validate with pySHACL (no inference; the class hierarchy is in ``data``)."""
    import pyshacl
    import rdflib

    graph = rdflib.Graph()
    add_quads(graph, data.quads_for_pattern(None, None, None, None))
    try:
        _, results_graph, _ = pyshacl.validate(
            graph,
            shacl_graph=shapes.as_rdflib(),
            inference="none",
            abort_on_first=False,
            allow_warnings=True,
            allow_infos=True,
            advanced=False,
            inplace=True,
        )
    except (pyshacl.errors.ShapeLoadError, pyshacl.errors.ConstraintLoadError) as exc:
        raise InputError(
            Diagnostic(SourcePos("--shapes"), f"the shapes are not valid SHACL: {exc.message}")
        ) from None
    return results_from_graph(results_graph)


def results_from_graph(results: rdflib.Graph) -> list[ShaclResult]:
    """pySHACL's ``sh:ValidationReport`` graph as ShaclResults (top-level results only)."""
    import rdflib

    sh = rdflib.Namespace(SH)
    found: list[ShaclResult] = []
    for report in results.subjects(rdflib.RDF.type, sh.ValidationReport):
        for result in results.objects(report, sh.result):
            path = results.value(result, sh.resultPath)
            value = results.value(result, sh.value)
            found.append(
                ShaclResult(
                    focus=nt(results.value(result, sh.focusNode)),
                    path=None if path is None else path_sparql(results, path),
                    value=None if value is None else nt(value),
                    constraint=nt(results.value(result, sh.sourceConstraintComponent)),
                    source_shape=nt(results.value(result, sh.sourceShape)),
                    severity=nt(results.value(result, sh.resultSeverity)),
                    message=_message(results.objects(result, sh.resultMessage)),
                )
            )
    found.sort(key=lambda r: (r.focus, r.source_shape, r.path or "", r.value or ""))
    return found


def _message(messages: Iterable[Any]) -> str | None:
    """The English message if there is one, else any (pySHACL may give several)."""
    chosen: str | None = None
    for message in messages:
        language = getattr(message, "language", None)
        if chosen is None or language == "en":
            chosen = str(message)
    return chosen


def fast_engine() -> FastEngine:
    """``claimgraph.shacl.validate_fast`` with the same tolerance settings pySHACL runs with.

    pySHACL runs with warnings and infos allowed (they do not make a node fail a nested
    ``sh:or``/``sh:node``); the fast engine must judge nested shapes the same way.
    """
    from claimgraph.shacl import validate_fast

    return functools.partial(validate_fast, allow_warnings=True, allow_infos=True)


def run_engines(
    data: ox.Store,
    shapes: Shapes,
    *,
    engine: Engine = Engine.AUTO,
    fast: FastEngine | None = None,
) -> tuple[list[ShaclResult], str]:
    """Results and the name of the engine that produced them (``fast`` or ``pyshacl``).

    ``fast`` replaces the lookup of :func:`fast_engine` (tests pass a stand-in).
    """
    if engine is not Engine.PYSHACL:
        chosen = fast if fast is not None else fast_engine()
        if chosen is not None:
            results = chosen(data, shapes.triples)
            if results is not None:
                return list(results), Engine.FAST.value
        if engine is Engine.FAST:
            raise ConfigError(
                "--engine fast: the fast engine is not available for these shapes "
                "(use --engine auto to fall back to pySHACL)"
            )
    return run_pyshacl(data, shapes), Engine.PYSHACL.value
