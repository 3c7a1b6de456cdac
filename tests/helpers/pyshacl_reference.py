"""pySHACL, called the documented way, as the reference answer for the fast engine's tests.

The data and shapes reach pySHACL as claimgraph hands them over in production
(:func:`claimgraph.validation.engine.to_rdflib`): the union of the store's graphs as one rdflib
graph, literals with their stored lexical form (``normalize=False``) and strings typed
``xsd:string``, blank nodes keeping their ids. Its report is read back through
:func:`claimgraph.shacl.results_from_report`, so that result paths and terms are written the
same way for both engines.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable

import pyoxigraph as ox
import pyshacl
import rdflib

from claimgraph.shacl import results_from_report
from claimgraph.shacl_results import ShaclResult


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> rdflib.term.Identifier:
    """A pyoxigraph term as the rdflib term claimgraph gives pySHACL."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language, normalize=False)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value), normalize=False)


def rdflib_graph(triples: Iterable[ox.Triple | ox.Quad]) -> rdflib.Graph:
    """The triples (graph names dropped) as an rdflib graph."""
    graph = rdflib.Graph()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for t in triples:
            graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))  # type: ignore[arg-type]
    return graph


def pyshacl_results(
    data: ox.Store,
    shapes: Iterable[ox.Triple | ox.Quad],
    *,
    ontology: Iterable[ox.Triple | ox.Quad] | None = None,
    allow_warnings: bool = False,
    allow_infos: bool = False,
) -> list[ShaclResult]:
    """pySHACL's results for the union of ``data`` against ``shapes``."""
    rdflib_log = logging.getLogger("rdflib.term")
    previous, rdflib_log.disabled = rdflib_log.disabled, True  # ill-typed literals are expected
    try:
        data_graph = rdflib_graph(data)
        shapes_graph = rdflib_graph(shapes)
        ont_graph = rdflib_graph(ontology) if ontology is not None else None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _, report, _ = pyshacl.validate(
                data_graph,
                shacl_graph=shapes_graph,
                ont_graph=ont_graph,
                inference="none",
                advanced=True,
                allow_warnings=allow_warnings,
                allow_infos=allow_infos,
            )
    finally:
        rdflib_log.disabled = previous
    assert isinstance(report, rdflib.Graph), report
    text = report.serialize(format="nt", encoding="utf-8")
    return results_from_report(q.triple for q in ox.parse(text, format=ox.RdfFormat.N_TRIPLES))
