"""Query results as people and programs read them: a table, the W3C formats, or Turtle.

Whatever store answered, results arrive as a :class:`~claimgraph.store.QueryResult` whose rows
hold SPARQL 1.1 JSON term objects; :func:`normalise` evens out what servers legitimately vary
in (``typed-literal``, an explicit ``xsd:string``, rows listing unbound variables), so the same
query prints the same bytes from the embedded store and from any endpoint.

- ``json``, ``csv``, ``tsv``: the W3C SPARQL 1.1 results formats, written by pyoxigraph's
  serialisers (the JSON document is ``application/sparql-results+json`` exactly);
- ``table``: aligned columns for a terminal, IRIs compacted (``seed:C01``, ``cgv:Asserted``),
  long text cut with an ellipsis;
- ``turtle``: CONSTRUCT and DESCRIBE results, triples sorted, with the prefixes they use.

>>> r = QueryResult(ResultKind.BINDINGS, ("claim",),
...                 ({"claim": {"type": "uri", "value": SEED + "C01"}},))
>>> print(render(r, ResultFormat.TABLE), end="")
claim
--------
seed:C01
(1 row)
>>> render(r, ResultFormat.CSV)
'claim\\r\\nhttps://w3id.org/claimgraph/id/seed/C01\\r\\n'
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from enum import StrEnum

import pyoxigraph as ox

from claimgraph import iris
from claimgraph.query.params import VALUE_PREFIXES, XSD
from claimgraph.store import QueryResult, ResultKind

SEED = iris.entity_iri(iris.DEFAULT_BASE, "seed", "")
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

#: Prefixes the table and Turtle output use, besides one per dataset (``seed:``).
DISPLAY_PREFIXES: dict[str, str] = {
    name: VALUE_PREFIXES[name]
    for name in ("cg", "cgv", "wd", "rdf", "rdfs", "xsd", "skos", "prov", "dcterms", "org", "owl")
}
_DATASET_IRI = re.compile(
    "^" + re.escape(iris.DEFAULT_BASE) + r"(?P<dataset>[A-Za-z_][A-Za-z0-9_\-]*)/(?P<local>.+)$"
)
_NUMERIC = frozenset(XSD + n for n in ("integer", "decimal", "double", "float", "int", "long"))
_MIN_WIDTH = 20
_MAX_WIDTH = 60


class ResultFormat(StrEnum):
    """``--format`` of ``claimgraph query``."""

    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    TURTLE = "turtle"


Term = Mapping[str, str]
Row = Mapping[str, Term]


def normalise(result: QueryResult) -> QueryResult:
    """The same answer, written the one way: see the module docstring."""
    if result.kind is not ResultKind.BINDINGS:
        return result
    rows = tuple(
        {var: _term(row[var]) for var in result.variables if row.get(var)}
        for row in result.bindings
    )
    return QueryResult(ResultKind.BINDINGS, tuple(result.variables), rows)


def _term(term: Term) -> dict[str, str]:
    kind = term.get("type", "literal")
    if kind == "typed-literal":
        kind = "literal"
    out = {"type": kind, "value": term.get("value", "")}
    if kind == "literal":
        lang = term.get("xml:lang")
        datatype = term.get("datatype")
        if lang:
            out["xml:lang"] = lang
        elif datatype and datatype != XSD + "string":
            out["datatype"] = datatype
    return out


def to_oxigraph(term: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A SPARQL JSON term object as a pyoxigraph term.

    >>> to_oxigraph({"type": "literal", "value": "16", "datatype": XSD + "decimal"})
    <Literal value=16 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#decimal>>
    """
    kind = term["type"]
    if kind == "uri":
        return ox.NamedNode(term["value"])
    if kind == "bnode":
        return ox.BlankNode(term["value"])
    if term.get("xml:lang"):
        return ox.Literal(term["value"], language=term["xml:lang"])
    datatype = term.get("datatype")
    if datatype and datatype not in (XSD + "string", RDF_LANG_STRING):
        return ox.Literal(term["value"], datatype=ox.NamedNode(datatype))
    return ox.Literal(term["value"])


def render(result: QueryResult, fmt: ResultFormat, *, width: int = 120) -> str:
    """``result`` in ``fmt``; an ASK answer is ``true``/``false`` except in JSON."""
    result = normalise(result)
    if result.kind is ResultKind.GRAPH:
        return turtle(result.rdf or b"")
    if result.kind is ResultKind.BOOLEAN and fmt is not ResultFormat.JSON:
        return "true\n" if result.boolean else "false\n"
    if fmt is ResultFormat.TABLE:
        return table(result, width=width)
    if fmt is ResultFormat.TURTLE:
        raise ValueError("turtle is for CONSTRUCT and DESCRIBE results")
    document = json.dumps(result.to_json(), ensure_ascii=False)
    if fmt is ResultFormat.JSON:
        return document + "\n"
    formats = {
        ResultFormat.CSV: ox.QueryResultsFormat.CSV,
        ResultFormat.TSV: ox.QueryResultsFormat.TSV,
    }
    parsed = ox.parse_query_results(document, ox.QueryResultsFormat.JSON)
    data = parsed.serialize(format=formats[fmt])
    text = (data or b"").decode("utf-8")
    if fmt is ResultFormat.TSV and text and not text.endswith("\n"):
        text += "\n"
    return text


def compact(iri: str, prefixes: Mapping[str, str] = DISPLAY_PREFIXES) -> str:
    """``iri`` as ``prefix:local`` where a known or dataset prefix fits, else unchanged.

    >>> compact("https://w3id.org/claimgraph/vocab#Asserted"), compact(SEED + "C01")
    ('cgv:Asserted', 'seed:C01')
    >>> compact("https://w3id.org/claimgraph/id/graph/seed")
    'https://w3id.org/claimgraph/id/graph/seed'
    """
    for prefix, namespace in prefixes.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            local = iri[len(namespace) :]
            if re.fullmatch(r"[\w.\-]+", local):
                return f"{prefix}:{local}"
    match = _DATASET_IRI.match(iri)
    if match and match["dataset"] not in iris.RESERVED_DATASET_IDS:
        return f"{match['dataset']}:{match['local']}"
    return iri


def display(term: Term | None) -> str:
    """How a table shows a term: IRIs compacted, literals by their text, nothing for unbound."""
    if term is None:
        return ""
    if term["type"] == "uri":
        return compact(term["value"])
    if term["type"] == "bnode":
        return "_:" + term["value"]
    return " ".join(term["value"].split())


def table(result: QueryResult, *, width: int = 120) -> str:
    """Aligned columns fitting ``width`` characters, numbers right-aligned, then a row count."""
    names = list(result.variables)
    cells = [[display(row.get(name)) for name in names] for row in result.bindings]
    numeric = [
        bool(cells) and all(_numeric(row.get(name)) for row in result.bindings if name in row)
        for name in names
    ]
    natural = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    widths = _fit(natural, [len(n) for n in names], width)
    lines = [_line(names, widths, [False] * len(names)), "  ".join("-" * w for w in widths)]
    lines += [_line(row, widths, numeric) for row in cells]
    count = len(cells)
    lines.append(f"({count} row{'' if count == 1 else 's'})")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _numeric(term: Term | None) -> bool:
    return term is not None and term.get("datatype") in _NUMERIC


def _fit(natural: list[int], headers: list[int], width: int) -> list[int]:
    """Column widths: at most 60 each, long ones cut (widest first) until the row fits ``width``.

    No column is cut below its header or 20 characters: on a narrow terminal a table that
    overflows (``less -S``) reads better than one cut to stubs.
    """
    widths = [min(w, _MAX_WIDTH) for w in natural]
    floors = [min(w, max(h, _MIN_WIDTH)) for w, h in zip(widths, headers, strict=True)]
    budget = width - 2 * (len(widths) - 1)
    while sum(widths) > budget:
        shrinkable = [i for i in range(len(widths)) if widths[i] > floors[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def _line(values: Sequence[str], widths: Sequence[int], right: Sequence[bool]) -> str:
    out = []
    for value, size, align_right in zip(values, widths, right, strict=True):
        text = value if len(value) <= size else value[: size - 1] + "…"
        out.append(text.rjust(size) if align_right else text.ljust(size))
    return "  ".join(out)


def turtle(ntriples: bytes) -> str:
    """N-Triples as Turtle: triples sorted (the same bytes from any store), used prefixes only."""
    triples = sorted(
        (q.triple for q in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)), key=_triple_key
    )
    prefixes = dict(DISPLAY_PREFIXES)
    for triple in triples:
        for term in (triple.subject, triple.predicate, triple.object):
            if isinstance(term, ox.NamedNode):
                match = _DATASET_IRI.match(term.value)
                if match and match["dataset"] not in iris.RESERVED_DATASET_IDS:
                    name = match["dataset"]
                    if name.isidentifier() and name not in prefixes:
                        prefixes[name] = iris.entity_iri(iris.DEFAULT_BASE, name, "")
    used = {
        name: namespace
        for name, namespace in prefixes.items()
        if any(
            isinstance(term, ox.NamedNode) and term.value.startswith(namespace)
            for triple in triples
            for term in (triple.subject, triple.predicate, triple.object)
        )
    }
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=used)
    return (data or b"").decode("utf-8")


def _triple_key(triple: ox.Triple) -> tuple[str, str, str]:
    return (str(triple.subject), str(triple.predicate), str(triple.object))


__all__ = ["DISPLAY_PREFIXES", "ResultFormat", "compact", "normalise", "render", "to_oxigraph"]
