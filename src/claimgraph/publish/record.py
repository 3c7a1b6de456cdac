"""The publication record: what was published where, and the state idempotency compares with.

Each publish adds to a dataset's metadata graph one ``prov:Activity``: when, by which tool
version, to which target, from which input files (``cg:sha256``), and for every graph it
published a ``prov:Entity`` that is a ``prov:specializationOf`` the graph, with the SHA-256 of
the built graph and its ``void:triples``. Republishing reads the latest record back: a graph
whose hash and triple count both match is not sent again. The count is checked against the
target as it is now, so a graph someone else changed (or a half-restored backup) is repaired.

For the metadata graph itself the hash is that of the *built* metadata (without the record,
which differs every time) and the count is the total, record included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from claimgraph import __version__
from claimgraph.store import Store
from claimgraph.store.sparql import iri_ref

PROV = "http://www.w3.org/ns/prov#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
VOID = "http://rdfs.org/ns/void#"
SCHEMA = "http://schema.org/"
CG_SHA256 = "https://w3id.org/claimgraph/ns#sha256"
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@dataclass(frozen=True, slots=True)
class GraphState:
    """A graph as a record describes it: built-content hash and triple count after publishing."""

    graph: str
    sha256: str
    triples: int


@dataclass(frozen=True, slots=True)
class InputRef:
    """An input file of a publication: a path as the user knows it, and its SHA-256."""

    label: str
    sha256: str


def record_lines(
    meta_graph: str,
    *,
    states: Sequence[GraphState],
    inputs: Sequence[InputRef],
    location: str,
    when: dt.datetime,
    describe_tool: bool,
) -> list[bytes]:
    """The record's triples as canonical N-Triples lines (to go into ``meta_graph``).

    ``describe_tool`` adds the tool's own description, which a built metadata graph already
    has (as ``<meta#claimgraph>``).

    >>> when = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    >>> lines = record_lines("http://x/meta/d", states=[GraphState("http://x/d", "ab", 3)],
    ...                      inputs=[], location="http://db/query", when=when, describe_tool=False)
    >>> lines[0].decode().split()[0]
    '<http://x/meta/d#publication-20260102T030405000000Z>'
    """
    record = ox.NamedNode(f"{meta_graph}#publication-{when.strftime('%Y%m%dT%H%M%S%fZ')}")
    tool = ox.NamedNode(f"{meta_graph}#claimgraph")
    stamp = ox.Literal(
        when.isoformat().replace("+00:00", "Z"), datatype=ox.NamedNode(XSD + "dateTime")
    )
    triples: list[ox.Triple] = [
        ox.Triple(record, _TYPE, _n(PROV + "Activity")),
        ox.Triple(
            record, _n(RDFS + "label"), ox.Literal(f"published with claimgraph {__version__}")
        ),
        ox.Triple(record, _n(PROV + "startedAtTime"), stamp),
        ox.Triple(record, _n(PROV + "endedAtTime"), stamp),
        ox.Triple(record, _n(PROV + "wasAssociatedWith"), tool),
    ]
    if location:
        triples.append(ox.Triple(record, _n(PROV + "atLocation"), ox.NamedNode(location)))
    if describe_tool:
        triples += [
            ox.Triple(tool, _TYPE, _n(PROV + "SoftwareAgent")),
            ox.Triple(tool, _n(RDFS + "label"), ox.Literal(f"claimgraph {__version__}")),
            ox.Triple(tool, _n(SCHEMA + "softwareVersion"), ox.Literal(__version__)),
        ]
    for number, item in enumerate(inputs, start=1):
        used = ox.NamedNode(f"{record.value}-input-{number}")
        triples += [
            ox.Triple(record, _n(PROV + "used"), used),
            ox.Triple(used, _TYPE, _n(PROV + "Entity")),
            ox.Triple(used, _n(RDFS + "label"), ox.Literal(item.label)),
            ox.Triple(used, _n(CG_SHA256), ox.Literal(item.sha256)),
        ]
    for number, state in enumerate(states, start=1):
        entity = ox.NamedNode(f"{record.value}-graph-{number}")
        count = ox.Literal(str(state.triples), datatype=_n(XSD + "integer"))
        triples += [
            ox.Triple(record, _n(PROV + "generated"), entity),
            ox.Triple(entity, _TYPE, _n(PROV + "Entity")),
            ox.Triple(entity, _n(PROV + "specializationOf"), ox.NamedNode(state.graph)),
            ox.Triple(entity, _n(CG_SHA256), ox.Literal(state.sha256)),
            ox.Triple(entity, _n(VOID + "triples"), count),
        ]
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return data.splitlines()


def latest_states(store: Store, meta_graphs: Sequence[str]) -> dict[str, dict[str, GraphState]]:
    """``{meta graph: {graph: state}}`` from the latest record in each metadata graph."""
    if not meta_graphs:
        return {}
    sparql = (
        "SELECT ?m ?r ?end ?graph ?sha ?n WHERE { VALUES ?m { "
        + " ".join(iri_ref(m) for m in meta_graphs)
        + " } GRAPH ?m { ?r a "
        + iri_ref(PROV + "Activity")
        + " ; "
        + iri_ref(PROV + "endedAtTime")
        + " ?end ; "
        + iri_ref(PROV + "generated")
        + " ?e . ?e "
        + iri_ref(PROV + "specializationOf")
        + " ?graph ; "
        + iri_ref(CG_SHA256)
        + " ?sha ; "
        + iri_ref(VOID + "triples")
        + " ?n } }"
    )
    latest: dict[str, tuple[str, str]] = {}
    rows: list[tuple[str, str, GraphState]] = []
    for row in store.query(sparql).bindings:
        meta, record, end = row["m"]["value"], row["r"]["value"], row["end"]["value"]
        state = GraphState(row["graph"]["value"], row["sha"]["value"], int(row["n"]["value"]))
        rows.append((meta, record, state))
        if meta not in latest or (end, record) > latest[meta]:
            latest[meta] = (end, record)
    found: dict[str, dict[str, GraphState]] = {}
    for meta, record, state in rows:
        if latest[meta][1] == record:
            found.setdefault(meta, {})[state.graph] = state
    return found


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)
