"""Writing quads in the RDF syntaxes users ask for, through pyoxigraph's strict serializers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import IO

import pyoxigraph as ox

from claimgraph.iris import CG, CGV

PREFIXES: dict[str, str] = {
    "cg": CG,
    "cgv": CGV,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "org": "http://www.w3.org/ns/org#",
    "oa": "http://www.w3.org/ns/oa#",
    "geo": "http://www.opengis.net/ont/geosparql#",
    "schema": "http://schema.org/",
    "wd": "http://www.wikidata.org/entity/",
}


class RdfFormat(StrEnum):
    """Output syntaxes of ``claimgraph build``; Turtle and N-Triples merge the named graphs."""

    TRIG = "trig"
    NQUADS = "nquads"
    TURTLE = "turtle"
    NTRIPLES = "ntriples"
    JSONLD = "jsonld"

    @property
    def oxigraph(self) -> ox.RdfFormat:
        return {
            RdfFormat.TRIG: ox.RdfFormat.TRIG,
            RdfFormat.NQUADS: ox.RdfFormat.N_QUADS,
            RdfFormat.TURTLE: ox.RdfFormat.TURTLE,
            RdfFormat.NTRIPLES: ox.RdfFormat.N_TRIPLES,
            RdfFormat.JSONLD: ox.RdfFormat.JSON_LD,
        }[self]

    @property
    def keeps_graphs(self) -> bool:
        return self in (RdfFormat.TRIG, RdfFormat.NQUADS, RdfFormat.JSONLD)

    @classmethod
    def from_path(cls, path: str) -> RdfFormat | None:
        """Guess from a file name: ``out.trig`` → TRIG.

        >>> RdfFormat.from_path("x.nq"), RdfFormat.from_path("x.txt")
        (<RdfFormat.NQUADS: 'nquads'>, None)
        """
        suffixes = {
            ".trig": cls.TRIG,
            ".nq": cls.NQUADS,
            ".nquads": cls.NQUADS,
            ".ttl": cls.TURTLE,
            ".nt": cls.NTRIPLES,
            ".jsonld": cls.JSONLD,
            ".json": cls.JSONLD,
        }
        for suffix, fmt in suffixes.items():
            if path.endswith(suffix):
                return fmt
        return None


def _triples(quads: Iterable[ox.Quad]) -> Iterator[ox.Triple]:
    for quad in quads:
        yield quad.triple


def write_rdf(
    quads: Iterable[ox.Quad],
    output: IO[bytes],
    fmt: RdfFormat,
    *,
    prefixes: dict[str, str] | None = None,
) -> None:
    """Stream ``quads`` to ``output`` in ``fmt``."""
    items: Iterable[ox.Quad] | Iterable[ox.Triple] = quads if fmt.keeps_graphs else _triples(quads)
    if fmt in (RdfFormat.TRIG, RdfFormat.TURTLE):
        ox.serialize(items, output, fmt.oxigraph, prefixes={**PREFIXES, **(prefixes or {})})
    else:
        ox.serialize(items, output, fmt.oxigraph)
