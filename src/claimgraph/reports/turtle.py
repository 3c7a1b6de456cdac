"""The report as RDF: a SHACL ``sh:ValidationReport`` in Turtle, whichever engine ran.

It is rebuilt from the engine-independent results, so it is the same for pySHACL and the fast
engine. ``sh:conforms`` follows the run's verdict (warnings allowed unless ``--strict``), as
pySHACL's ``allow_warnings`` does. A complex result path (a sequence, an inverse …) is given in
SPARQL syntax as an ``rdfs:comment`` of the result; a simple one as ``sh:resultPath``.
"""

from __future__ import annotations

import pyoxigraph as ox

from claimgraph.shacl_results import SH
from claimgraph.validation.locate import parse_term
from claimgraph.validation.report import ValidationReport

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
PREFIXES = {
    "sh": SH,
    "xsd": XSD,
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "cg": "https://w3id.org/claimgraph/ns#",
    "cgv": "https://w3id.org/claimgraph/vocab#",
    "cgsh": "https://w3id.org/claimgraph/shapes#",
}


def _sh(name: str) -> ox.NamedNode:
    return ox.NamedNode(SH + name)


def render_turtle(report: ValidationReport) -> str:
    """``[] a sh:ValidationReport ; sh:conforms … ; sh:result …`` in Turtle."""
    root = ox.BlankNode("report")
    triples = [
        ox.Triple(root, RDF_TYPE, _sh("ValidationReport")),
        ox.Triple(
            root,
            _sh("conforms"),
            ox.Literal(
                "true" if report.conforms else "false", datatype=ox.NamedNode(XSD + "boolean")
            ),
        ),
    ]
    triples += [
        ox.Triple(root, _sh("result"), ox.BlankNode(f"r{number}"))
        for number in range(1, len(report.findings) + 1)
    ]
    for number, finding in enumerate(report.findings, start=1):
        result = finding.result
        node = ox.BlankNode(f"r{number}")
        triples.append(ox.Triple(node, RDF_TYPE, _sh("ValidationResult")))
        focus = parse_term(finding.focus)
        if not isinstance(focus, ox.Literal):
            triples.append(ox.Triple(node, _sh("focusNode"), focus))
        severity = result.severity if result else f"<{SH}Violation>"
        triples.append(ox.Triple(node, _sh("resultSeverity"), parse_term(severity)))
        if result is not None:
            triples.append(
                ox.Triple(node, _sh("sourceConstraintComponent"), parse_term(result.constraint))
            )
            shape = parse_term(result.source_shape)
            if not isinstance(shape, ox.Literal):
                triples.append(ox.Triple(node, _sh("sourceShape"), shape))
        if finding.value is not None:
            triples.append(ox.Triple(node, _sh("value"), parse_term(finding.value)))
        if finding.path is not None:
            simple = finding.path.startswith("<") and finding.path.count("<") == 1
            if simple and finding.path.endswith(">"):
                triples.append(ox.Triple(node, _sh("resultPath"), parse_term(finding.path)))
            else:
                triples.append(ox.Triple(node, RDFS_COMMENT, ox.Literal(f"path: {finding.path}")))
        triples.append(
            ox.Triple(node, _sh("resultMessage"), ox.Literal(finding.message, language="en"))
        )
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    assert data is not None
    return data.decode("utf-8").rstrip("\n")
