"""Both directions between SHACL validation reports and :class:`ShaclResult`.

:func:`results_from_report` reads any ``sh:ValidationReport`` (for instance pySHACL's results
graph, serialised to N-Triples and parsed with pyoxigraph) so that the reference engine's answer
and this engine's are compared in the same terms: N-Triples strings, and result paths rendered
by :func:`~claimgraph.shacl.paths.render_path`. It lives here, free of pySHACL, so that
``claimgraph.validation`` and the tests can share it.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from claimgraph.shacl.paths import UnsupportedPath, parse_path, render_path
from claimgraph.shacl.run import Found
from claimgraph.shacl.vocab import RDF_TYPE, SH_NS, ShapesGraph, Term, sh
from claimgraph.shacl_results import ShaclResult


def to_shacl_result(found: Found) -> ShaclResult:
    """One result of the fast engine, in the engine-neutral form."""
    return ShaclResult(
        focus=str(found.focus),
        path=render_path(found.path) if found.path is not None else None,
        value=str(found.value) if found.value is not None else None,
        constraint=f"<{SH_NS}{found.component}>",
        source_shape=str(found.shape.node),
        severity=str(found.shape.severity),
        message=found.message,
    )


def results_from_report(triples: Iterable[ox.Triple]) -> list[ShaclResult]:
    """Every ``sh:ValidationResult`` of a report graph (``sh:detail`` results excluded).

    >>> report = '''
    ... @prefix sh: <http://www.w3.org/ns/shacl#> .
    ... [] a sh:ValidationReport ; sh:conforms false ; sh:result [ a sh:ValidationResult ;
    ...     sh:focusNode <http://example.org/c1> ; sh:resultPath <http://example.org/p> ;
    ...     sh:sourceConstraintComponent sh:MinCountConstraintComponent ;
    ...     sh:sourceShape <http://example.org/S> ; sh:resultSeverity sh:Violation ] .'''
    >>> triples = [q.triple for q in ox.parse(report, format=ox.RdfFormat.TURTLE)]
    >>> [(r.focus, r.path, r.constraint.split("#")[1]) for r in results_from_report(triples)]
    [('<http://example.org/c1>', '<http://example.org/p>', 'MinCountConstraintComponent>')]
    """
    graph = ShapesGraph(triples)
    out: list[ShaclResult] = []
    for report in graph.subjects(RDF_TYPE, sh("ValidationReport")):
        for node in graph.objects(report, sh("result")):
            out.append(_result(graph, node))
    return out


def _one(graph: ShapesGraph, node: Term, name: str) -> Term | None:
    values = graph.objects(node, sh(name))
    if len(values) > 1:
        raise ValueError(f"result has several sh:{name}")
    return values[0] if values else None


def _result(graph: ShapesGraph, node: Term) -> ShaclResult:
    focus = _one(graph, node, "focusNode")
    component = _one(graph, node, "sourceConstraintComponent")
    if focus is None or component is None:
        raise ValueError("a validation result needs sh:focusNode and sh:sourceConstraintComponent")
    path_node = _one(graph, node, "resultPath")
    try:
        path = render_path(parse_path(graph, path_node)) if path_node is not None else None
    except UnsupportedPath:
        path = str(path_node)
    value = _one(graph, node, "value")
    messages = sorted(
        m.value if isinstance(m, ox.Literal) else str(m)
        for m in graph.objects(node, sh("resultMessage"))
    )
    return ShaclResult(
        focus=str(focus),
        path=path,
        value=str(value) if value is not None else None,
        constraint=str(component),
        source_shape=str(_one(graph, node, "sourceShape")),
        severity=str(_one(graph, node, "resultSeverity") or sh("Violation")),
        message=messages[0] if messages else None,
    )
