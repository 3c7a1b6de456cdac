"""Synthetic claimgraph data, with violations injected on purpose, for tests and benchmarks.

The fast SHACL engine is judged against pySHACL on data that looks like the real thing at any
scale: incidents, claims with claimant, sources, quote, claim type and modality, figures with
min/value/max, sources, actors with Wikidata links and the occasional rebuttal — about 33 triples
per incident, spread over one named graph per 1,000 incidents. ``violation_rate`` breaks that
fraction of incidents in one of the ways listed in :data:`VIOLATION_KINDS`, so every constraint
of the project's shapes fires somewhere and both engines have something to disagree about.

The output is deterministic for a given ``seed``.

>>> round(len(list(synthetic_quads(1000))) / 1000)  # triples per incident
33
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

CG = "https://w3id.org/claimgraph/ns#"
CGV = "https://w3id.org/claimgraph/vocab#"
BASE = "https://w3id.org/claimgraph/id/synth/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"

#: Each kind breaks one incident in one way; the comment names the constraint it trips.
VIOLATION_KINDS: tuple[str, ...] = (
    "claimant-missing",  # minCount
    "claimant-twice",  # maxCount
    "claimant-not-actor",  # class
    "claimtype-literal",  # nodeKind
    "certainty-unknown",  # in
    "quote-no-lang",  # datatype rdf:langString
    "figure-ill-typed",  # datatype xsd:decimal on an ill-typed literal
    "figure-min-gt-max",  # lessThanOrEquals
    "figure-no-number",  # node-level or
    "no-source",  # node-level or
    "wikidata-page-url",  # pattern
    "rebuttal-bad-target",  # or of classes on a property
    "source-no-precision",  # minCount on a source
    "date-wrong-type",  # or of datatypes on an alternative path
    "earliest-after-latest",  # lessThanOrEquals between dates
)

_ACTOR_CLASSES = ("NGO", "State", "GovernmentBody", "Person", "CollectiveActor", "Coalition")
_CLAIM_TYPES = ("CasualtyClaim", "TargetingClaim", "WeaponUseClaim", "AttributionClaim")
_MODALITIES = ("Asserted", "Concluded", "Possible", "Believed", "Doubted")
_MEASURES = ("CivilianDeaths", "Injured", "CombatantDeaths")
_REBUTTAL_TYPES = ("Rebut", "Undermine", "Undercut", "Questioning")


def cg(name: str) -> ox.NamedNode:
    """A term of the claimgraph ontology."""
    return ox.NamedNode(CG + name)


def cgv(name: str) -> ox.NamedNode:
    """A concept of the claimgraph vocabularies."""
    return ox.NamedNode(CGV + name)


def entity(kind: str, number: int) -> ox.NamedNode:
    """The IRI of a synthetic entity, e.g. ``entity("claim", 3)``."""
    return ox.NamedNode(f"{BASE}{kind}/{number}")


def _decimal(value: int | str) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "decimal"))


def _date(year: int, month: int, day: int) -> ox.Literal:
    return ox.Literal(f"{year:04d}-{month:02d}-{day:02d}", datatype=ox.NamedNode(XSD + "date"))


class _Writer:
    """Collects the triples of one named graph, minus those an injected violation removes."""

    def __init__(self, graph: ox.NamedNode) -> None:
        self.graph = graph
        self.quads: list[ox.Quad] = []

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        self.quads.append(ox.Quad(s, p, o, self.graph))


def synthetic_quads(
    incidents: int,
    *,
    seed: int = 0,
    violation_rate: float = 0.0,
    graph_size: int = 1000,
    kinds: tuple[str, ...] = VIOLATION_KINDS,
) -> Iterator[ox.Quad]:
    """Quads for ``incidents`` incidents, each dataset graph holding ``graph_size`` of them.

    A fraction ``violation_rate`` of incidents gets one defect, the kinds taken in turn from
    ``kinds`` so that small samples still cover all of them.
    """
    rng = random.Random(seed)
    n_actors = max(5, incidents // 20)
    n_sources = max(3, incidents // 10)
    n_places = max(3, incidents // 50)
    broken = 0
    for start in range(0, max(incidents, 1), graph_size):
        out = _Writer(ox.NamedNode(f"{BASE}graph/{start // graph_size}"))
        stop = min(start + graph_size, incidents)
        for i in range(start, stop):
            kind = None
            if violation_rate > 0 and rng.random() < violation_rate:
                kind = kinds[broken % len(kinds)]
                broken += 1
            _incident(out, rng, i, kind, n_actors, n_sources, n_places)
        if start == 0:
            _pools(out, n_actors, n_sources, n_places)
        _dataset(out)
        yield from out.quads


def _incident(
    out: _Writer,
    rng: random.Random,
    i: int,
    kind: str | None,
    n_actors: int,
    n_sources: int,
    n_places: int,
) -> None:
    incident, claim, figure = entity("incident", i), entity("claim", i), entity("figure", i)
    second = entity("claim2-", i)
    actor = entity("actor", rng.randrange(n_actors))
    source = entity("source", rng.randrange(n_sources))
    out.add(incident, RDF_TYPE, cg("Incident"))
    out.add(incident, RDFS_LABEL, ox.Literal(f"Incident {i}", language="en"))
    year, month, day = 2015 + i % 8, 1 + i % 12, 1 + i % 28
    if kind == "date-wrong-type":
        out.add(incident, cg("date"), ox.Literal(f"{year}"))
    else:
        out.add(incident, cg("date"), _date(year, month, day))
    if kind == "earliest-after-latest":
        out.add(incident, cg("earliestDate"), _date(year, month, day))
        out.add(incident, cg("latestDate"), _date(year - 1, month, day))
    out.add(incident, cg("location"), entity("place", rng.randrange(n_places)))
    out.add(incident, cg("partOf"), entity("campaign", 0))
    out.add(incident, cg("participant"), actor)

    out.add(claim, RDF_TYPE, cg("Claim"))
    if kind != "claimant-missing":
        target = entity("source", 0) if kind == "claimant-not-actor" else actor
        out.add(claim, cg("claimant"), target)
    if kind == "claimant-twice":
        out.add(claim, cg("claimant"), entity("actor", (i + 1) % n_actors))
    if kind != "no-source":
        out.add(claim, cg("statedIn"), source)
        out.add(claim, cg("reportedIn"), entity("source", (i + 7) % n_sources))
    words = f"{10 + i % 90} civilians were killed in incident {i}"
    quote = ox.Literal(words) if kind == "quote-no-lang" else ox.Literal(words, language="en")
    out.add(claim, cg("quote"), quote)
    if kind == "claimtype-literal":
        out.add(claim, cg("claimType"), ox.Literal("casualty"))
    else:
        out.add(claim, cg("claimType"), cgv(_CLAIM_TYPES[i % len(_CLAIM_TYPES)]))
    out.add(claim, cg("modality"), cgv(_MODALITIES[i % len(_MODALITIES)]))
    certainty = "Maybe" if kind == "certainty-unknown" else ("Explicit", "Inferred")[i % 2]
    out.add(claim, cg("attributionCertainty"), cgv(certainty))
    out.add(claim, cg("about"), incident)
    out.add(claim, cg("hasFigure"), figure)

    out.add(figure, RDF_TYPE, cg("Figure"))
    out.add(figure, cg("measure"), cgv(_MEASURES[i % len(_MEASURES)]))
    out.add(figure, cg("approximation"), cgv("Range"))
    out.add(figure, cg("verbatim"), ox.Literal(words, language="en"))
    out.add(figure, cg("populationCategory"), cgv("Civilian"))
    low = 10 + i % 90
    if kind == "figure-min-gt-max":
        out.add(figure, cg("minValue"), _decimal(low + 50))
        out.add(figure, cg("maxValue"), _decimal(low))
    elif kind == "figure-ill-typed":
        out.add(figure, cg("value"), _decimal("about-" + str(low)))
    elif kind != "figure-no-number":
        out.add(figure, cg("minValue"), _decimal(low))
        out.add(figure, cg("value"), _decimal(f"{low + 2}.5"))
        out.add(figure, cg("maxValue"), _decimal(low + 5))

    out.add(second, RDF_TYPE, cg("Claim"))
    out.add(second, cg("claimant"), entity("actor", (i * 7) % n_actors))
    out.add(second, cg("reportedIn"), source)
    out.add(
        second, cg("paraphrase"), ox.Literal(f"Strikes hit homes in incident {i}.", language="en")
    )
    out.add(second, cg("claimType"), cgv("TargetingClaim"))
    out.add(second, cg("modality"), cgv("Believed"))
    out.add(second, cg("about"), incident)
    if i % 2 == 0:
        out.add(second, cg("speaker"), entity("person", i % 50))
    if i % 10 == 0 or kind == "rebuttal-bad-target":
        _rebuttal(out, i, kind, claim, n_actors)


def _rebuttal(out: _Writer, i: int, kind: str | None, claim: ox.NamedNode, n_actors: int) -> None:
    rebuttal = entity("rebuttal", i)
    out.add(rebuttal, RDF_TYPE, cg("Rebuttal"))
    out.add(rebuttal, cg("claimant"), entity("actor", (i + 3) % n_actors))
    out.add(rebuttal, cg("reportedIn"), entity("source", 0))
    out.add(rebuttal, cg("paraphrase"), ox.Literal(f"Incident {i} did not happen.", language="en"))
    out.add(rebuttal, cg("claimType"), cgv("Denial"))
    out.add(rebuttal, cg("modality"), cgv("Doubted"))
    target = entity("place", 0) if kind == "rebuttal-bad-target" else claim
    out.add(rebuttal, cg("rebuts"), target)
    out.add(rebuttal, cg("rebuttalType"), cgv(_REBUTTAL_TYPES[i % len(_REBUTTAL_TYPES)]))


def _pools(out: _Writer, n_actors: int, n_sources: int, n_places: int) -> None:
    """Actors, sources and places shared by all incidents; they live in the first graph."""
    for a in range(n_actors):
        actor = entity("actor", a)
        out.add(actor, RDF_TYPE, cg(_ACTOR_CLASSES[a % len(_ACTOR_CLASSES)]))
        out.add(actor, RDFS_LABEL, ox.Literal(f"Actor {a}", language="en"))
        qid = f"https://www.wikidata.org/wiki/Q{a + 1}" if a == 3 else f"{_WD}Q{a + 1}"
        out.add(actor, cg("wikidata"), ox.NamedNode(qid))
    for p in range(50):
        out.add(entity("person", p), RDF_TYPE, cg("Person"))
    for s in range(n_sources):
        source = entity("source", s)
        out.add(source, RDF_TYPE, cg("Report"))
        out.add(source, ox.NamedNode(DCT + "title"), ox.Literal(f"Report {s}", language="en"))
        out.add(source, ox.NamedNode(DCT + "issued"), _date(2015 + s % 8, 1 + s % 12, 1))
        if s != 1:
            out.add(source, cg("datePrecision"), cgv("Day"))
    for p in range(n_places):
        out.add(entity("place", p), RDF_TYPE, cg("Location"))
        out.add(entity("place", p), RDFS_LABEL, ox.Literal(f"Place {p}", language="en"))
    campaign = entity("campaign", 0)
    out.add(campaign, RDF_TYPE, cg("Campaign"))
    out.add(campaign, cg("startDate"), _date(2015, 9, 30))


_WD = "http://www.wikidata.org/entity/"


def _dataset(out: _Writer) -> None:
    """The ``cg:Dataset`` node describing the graph being written."""
    out.add(out.graph, RDF_TYPE, cg("Dataset"))
    out.add(out.graph, ox.NamedNode(DCT + "creator"), entity("contributor", 1))
    created = ox.Literal("2026-01-01T00:00:00Z", datatype=ox.NamedNode(XSD + "dateTime"))
    out.add(out.graph, ox.NamedNode(DCT + "created"), created)
    out.add(out.graph, ox.NamedNode(PROV + "wasGeneratedBy"), entity("ingest", 1))


def write_nquads(path: Path, incidents: int, **options: object) -> int:
    """Write :func:`synthetic_quads` to ``path`` as N-Quads; returns the number of quads."""
    quads = list(synthetic_quads(incidents, **options))  # type: ignore[arg-type]
    with path.open("wb") as handle:
        ox.serialize(quads, handle, format=ox.RdfFormat.N_QUADS)
    return len(quads)
