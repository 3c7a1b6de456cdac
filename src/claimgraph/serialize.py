"""Writing quads in the RDF syntaxes users ask for, through pyoxigraph's strict serializers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import IO

import pyoxigraph as ox

from claimgraph.iris import PREFIXES as ALL_PREFIXES

#: The prefixes written at the top of Turtle and TriG output: those the built data uses.
PREFIXES: dict[str, str] = {
    name: ALL_PREFIXES[name]
    for name in (
        "cg",
        "cgv",
        "rdf",
        "rdfs",
        "xsd",
        "skos",
        "prov",
        "dcterms",
        "dcat",
        "org",
        "oa",
        "geo",
        "schema",
        "wd",
    )
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
