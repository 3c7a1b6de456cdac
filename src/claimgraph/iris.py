"""The IRI scheme of published data: a public contract, so it lives in one place.

Entities are scoped by their dataset, because ids are local to a dataset: two contributors
may both write ``id: c1``. The same real-world entity in two datasets therefore has two IRIs,
joined through ``cg:wikidata`` (never ``owl:sameAs``)::

    entity          {base}{dataset}/{id}                 e.g. …/id/seed/C01
    dataset graph   {base}graph/{dataset}                the dataset's own named graph
    extra graph     {base}graph/{dataset}/{name}         e.g. the editorial graph of a dataset
    metadata graph  {base}graph/meta/{dataset}           PROV-O / DCTerms about that dataset:
                                                         how it was built and published

One metadata graph per dataset (rather than one shared one) lets a dataset and its description
be replaced together, atomically, without touching other datasets' records; queries read all
of them with ``GRAPH ?g { ?d a cg:Dataset }``.
"""

from __future__ import annotations

import re

CG = "https://w3id.org/claimgraph/ns#"
CGV = "https://w3id.org/claimgraph/vocab#"
DEFAULT_BASE = "https://w3id.org/claimgraph/id/"

#: Named graphs that hold the schema, published so that queries can use rdfs:subClassOf*.
ONTOLOGY_GRAPH = "https://w3id.org/claimgraph/ns"
VOCAB_GRAPH = "https://w3id.org/claimgraph/vocab"
ALIGN_GRAPH = "https://w3id.org/claimgraph/align"
SHAPES_GRAPH = "https://w3id.org/claimgraph/shapes"
#: Where the publication record of the schema graphs lives.
SCHEMA_META_GRAPH = "https://w3id.org/claimgraph/meta"

#: The prefixes claimgraph writes and reads, in one table (Turtle output, SPARQL, reports).
PREFIXES: dict[str, str] = {
    "cg": CG,
    "cgv": CGV,
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "http://schema.org/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "oa": "http://www.w3.org/ns/oa#",
    "geo": "http://www.opengis.net/ont/geosparql#",
    "org": "http://www.w3.org/ns/org#",
    "sh": "http://www.w3.org/ns/shacl#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "void": "http://rdfs.org/ns/void#",
    "wd": "http://www.wikidata.org/entity/",
    "wdt": "http://www.wikidata.org/prop/direct/",
    "crm": "http://www.cidoc-crm.org/cidoc-crm/",
    "aif": "http://www.arg.dundee.ac.uk/aif#",
    "time": "http://www.w3.org/2006/time#",
    "wikibase": "http://wikiba.se/ontology#",
}

#: What a local id or dataset id may look like; keeps IRIs readable and free of escapes.
ID_PATTERN = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")

RESERVED_DATASET_IDS = frozenset({"graph", "meta"})


def entity_iri(base: str, dataset: str, local_id: str) -> str:
    """The IRI of an entity of a dataset.

    >>> entity_iri(DEFAULT_BASE, "seed", "C01")
    'https://w3id.org/claimgraph/id/seed/C01'
    """
    return f"{base}{dataset}/{local_id}"


def dataset_graph_iri(base: str, dataset: str, name: str | None = None) -> str:
    """The named graph of a dataset, or of one of its extra graphs (``name``).

    >>> dataset_graph_iri(DEFAULT_BASE, "seed")
    'https://w3id.org/claimgraph/id/graph/seed'
    >>> dataset_graph_iri(DEFAULT_BASE, "seed", "editorial")
    'https://w3id.org/claimgraph/id/graph/seed/editorial'
    """
    iri = f"{base}graph/{dataset}"
    return f"{iri}/{name}" if name else iri


def meta_graph_iri(base: str, dataset: str) -> str:
    """The graph that describes a dataset's graphs: build provenance, input hashes, positions.

    >>> meta_graph_iri(DEFAULT_BASE, "seed")
    'https://w3id.org/claimgraph/id/graph/meta/seed'
    """
    return f"{base}graph/meta/{dataset}"


def is_valid_id(value: str) -> bool:
    """Whether ``value`` can be a local id or dataset id.

    >>> is_valid_id("C01"), is_valid_id("F-C01"), is_valid_id("has space"), is_valid_id("")
    (True, True, False, False)
    """
    return bool(ID_PATTERN.match(value))


def is_valid_base(base: str) -> bool:
    """A base must be an absolute http(s) IRI ending in ``/`` or ``#``.

    >>> is_valid_base("https://example.org/id/"), is_valid_base("example.org")
    (True, False)
    """
    return bool(re.match(r"^https?://[^\s<>\"{}|\\^`]+[/#]$", base))
