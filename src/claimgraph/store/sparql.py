"""SPARQL text and SPARQL results, shared by the embedded store and remote endpoints.

Strings reach SPARQL only through :func:`iri_ref` (IRIs) or as N-Triples lines that pyoxigraph
serialised (data): both are checked or produced by a parser, never pasted from user input.
Results are normalised to the shape of the SPARQL 1.1 JSON results format whichever format
the server chose to answer in (JSON, XML, or a bare ``true``/``false`` for ASK), because real
servers differ in what they offer.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")

#: What we accept as query results, best first (servers differ in what they offer).
RESULTS_ACCEPT = (
    "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
    "application/n-triples;q=0.8, text/turtle;q=0.7, text/plain;q=0.1"
)

_SRX = "{http://www.w3.org/2005/sparql-results#}"


def iri_ref(iri: str) -> str:
    """``iri`` as a SPARQL IRIREF, refusing anything that could break out of the brackets.

    >>> iri_ref("https://w3id.org/claimgraph/id/graph/seed")
    '<https://w3id.org/claimgraph/id/graph/seed>'
    >>> iri_ref("http://x/> } ; DROP ALL ; #")
    Traceback (most recent call last):
    ...
    ValueError: not an absolute IRI usable in SPARQL: 'http://x/> } ; DROP ALL ; #'
    """
    if not _SCHEME.match(iri) or _IRI_FORBIDDEN.search(iri):
        raise ValueError(f"not an absolute IRI usable in SPARQL: {iri!r}")
    return f"<{iri}>"


def values_clause(variable: str, iris: Iterable[str]) -> str:
    """A ``VALUES ?variable { <a> <b> }`` block.

    >>> values_clause("g", ["http://a/", "http://b/"])
    'VALUES ?g { <http://a/> <http://b/> }'
    """
    if not variable.isidentifier():
        raise ValueError(f"not a SPARQL variable name: {variable!r}")
    return "VALUES ?" + variable + " { " + " ".join(iri_ref(i) for i in iris) + " }"


class ResultKind(StrEnum):
    """What a query returned: solutions (SELECT), a boolean (ASK) or RDF (CONSTRUCT/DESCRIBE)."""

    BINDINGS = "bindings"
    BOOLEAN = "boolean"
    GRAPH = "graph"


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The answer to a query, whichever store gave it.

    ``bindings`` holds SPARQL-JSON term objects (``{"type": "uri", "value": …}``); ``rdf`` holds
    N-Triples for CONSTRUCT and DESCRIBE.

    >>> r = QueryResult(ResultKind.BINDINGS, ("n",), ({"n": {"type": "literal", "value": "3"}},))
    >>> r.column("n")
    ['3']
    """

    kind: ResultKind
    variables: tuple[str, ...] = ()
    bindings: tuple[Mapping[str, Mapping[str, str]], ...] = ()
    boolean: bool | None = None
    rdf: bytes | None = field(default=None, repr=False)

    def column(self, variable: str) -> list[str]:
        """The values bound to ``variable``, row by row (unbound rows skipped)."""
        return [row[variable]["value"] for row in self.bindings if variable in row]

    def to_json(self) -> dict[str, Any]:
        """The SPARQL 1.1 JSON results document (SELECT and ASK only)."""
        if self.kind is ResultKind.BOOLEAN:
            return {"head": {}, "boolean": bool(self.boolean)}
        if self.kind is ResultKind.BINDINGS:
            rows = [dict(row) for row in self.bindings]
            return {"head": {"vars": list(self.variables)}, "results": {"bindings": rows}}
        raise ValueError("a graph result has no JSON results form; use .rdf")


def parse_results(content: bytes, content_type: str) -> QueryResult:
    """Parse a SPARQL results document in JSON, XML or (for ASK) plain text.

    >>> parse_results(b'{"head": {}, "boolean": true}', "application/sparql-results+json").boolean
    True
    >>> parse_results(b"false", "text/plain").boolean
    False
    """
    media = content_type.split(";")[0].strip().lower()
    if media in ("application/sparql-results+json", "application/json"):
        return _parse_json(json.loads(content))
    if media in ("application/sparql-results+xml", "application/xml", "text/xml"):
        return _parse_xml(content)
    text = content.decode("utf-8", "replace").strip().lower()
    if text in ("true", "false"):
        return QueryResult(ResultKind.BOOLEAN, boolean=text == "true")
    raise ValueError(f"unsupported SPARQL results format {media or 'with no content type'}")


def _parse_json(document: Mapping[str, Any]) -> QueryResult:
    if "boolean" in document:
        return QueryResult(ResultKind.BOOLEAN, boolean=bool(document["boolean"]))
    variables = tuple(document.get("head", {}).get("vars", ()))
    rows = tuple(document.get("results", {}).get("bindings", ()))
    return QueryResult(ResultKind.BINDINGS, variables, rows)


def _parse_xml(content: bytes) -> QueryResult:
    root = ET.fromstring(content)
    boolean = root.find(f"{_SRX}boolean")
    if boolean is not None:
        return QueryResult(ResultKind.BOOLEAN, boolean=(boolean.text or "").strip() == "true")
    variables = tuple(v.get("name", "") for v in root.iter(f"{_SRX}variable"))
    rows: list[dict[str, dict[str, str]]] = []
    for result in root.iter(f"{_SRX}result"):
        row: dict[str, dict[str, str]] = {}
        for binding in result.findall(f"{_SRX}binding"):
            term = next(iter(binding), None)
            if term is None:
                continue
            tag = term.tag.removeprefix(_SRX)
            value: dict[str, str] = {"type": "uri" if tag == "uri" else tag}
            value["value"] = term.text or ""
            if tag == "literal":
                lang = term.get("{http://www.w3.org/XML/1998/namespace}lang")
                if lang:
                    value["xml:lang"] = lang
                if term.get("datatype"):
                    value["datatype"] = term.get("datatype", "")
            row[binding.get("name", "")] = value
        rows.append(row)
    return QueryResult(ResultKind.BINDINGS, variables, tuple(rows))


def count_query(graphs: Sequence[str]) -> str:
    """Triples per named graph, without relying on the default graph being their union.

    >>> print(count_query(["http://a/"]))
    SELECT ?g (COUNT(*) AS ?n) WHERE { VALUES ?g { <http://a/> } GRAPH ?g { ?s ?p ?o } } GROUP BY ?g
    """
    return (
        "SELECT ?g (COUNT(*) AS ?n) WHERE { "
        + values_clause("g", graphs)
        + " GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    )


#: Every named graph, empty ones included where the store keeps them (SPARQL 1.1 §13.3).
NAMED_GRAPHS_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"


def counts_from(result: QueryResult) -> dict[str, int]:
    """``{graph: count}`` from the answer to :func:`count_query`."""
    counts: dict[str, int] = {}
    for row in result.bindings:
        if "g" in row and "n" in row:
            counts[row["g"]["value"]] = int(row["n"]["value"])
    return counts


def data_block(keyword: str, graph: str, lines: Sequence[bytes]) -> bytes:
    """``INSERT DATA`` / ``DELETE DATA`` of N-Triples ``lines`` in ``graph`` (empty if none).

    >>> data_block("INSERT DATA", "http://g/", [b"<http://s> <http://p> <http://o> ."])
    b'INSERT DATA { GRAPH <http://g/> {\\n<http://s> <http://p> <http://o> .\\n} }'
    """
    if keyword not in ("INSERT DATA", "DELETE DATA"):
        raise ValueError(keyword)
    if not lines:
        return b""
    head = f"{keyword} {{ GRAPH {iri_ref(graph)} {{\n".encode()
    return head + b"\n".join(line.rstrip(b"\n") for line in lines) + b"\n} }"
