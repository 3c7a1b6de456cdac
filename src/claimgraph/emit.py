"""How each model field becomes triples: one table per kind, one converter per value type.

The tables are the single place where the claims format meets the ontology; the build test
checks that every predicate named here is defined in ``ontology/``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

import pyoxigraph as ox
from pydantic import BaseModel

from claimgraph.iris import CG, CGV, entity_iri
from claimgraph.model import (
    Actor,
    Assessment,
    Claim,
    Concept,
    Content,
    Event,
    Evidence,
    Figure,
    Investigation,
    LegalConcept,
    Linkable,
    Location,
    Munition,
    PartialDate,
    Platform,
    Source,
    Target,
)
from claimgraph.vocab import FIELD_SCHEMES, Vocabulary

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
ORG = "http://www.w3.org/ns/org#"
OA = "http://www.w3.org/ns/oa#"
GEO = "http://www.opengis.net/ont/geosparql#"
SCHEMA = "http://schema.org/"
WD = "http://www.wikidata.org/entity/"

_nodes: dict[str, ox.NamedNode] = {}


def node(iri: str) -> ox.NamedNode:
    """A NamedNode, interned: the same predicates are made millions of times."""
    found = _nodes.get(iri)
    if found is None:
        found = _nodes[iri] = ox.NamedNode(iri)
    return found


A = node(RDF + "type")
XSD_DECIMAL = node(XSD + "decimal")
XSD_INTEGER = node(XSD + "integer")
XSD_BOOLEAN = node(XSD + "boolean")
XSD_DATE = node(XSD + "date")
DATE_TYPES = {
    "year": node(XSD + "gYear"),
    "month": node(XSD + "gYearMonth"),
    "day": XSD_DATE,
    "time": node(XSD + "dateTime"),
}
DATE_PRECISIONS = {"year": "Year", "month": "Month", "day": "Day", "time": "Day"}
TRUE = ox.Literal("true", datatype=XSD_BOOLEAN)


def decimal_literal(number: Decimal) -> ox.Literal:
    """xsd:decimal in the XSD 1.1 canonical form that stores return (``100``, ``-0.5``).

    Writing what a store gives back keeps republishing byte-stable and diffs empty.

    >>> decimal_literal(Decimal("1E+2")).value, decimal_literal(Decimal("16.50")).value
    ('100', '16.5')
    """
    text = format(number.normalize(), "f")
    if text in ("-0", "-0.0"):
        text = "0"
    return ox.Literal(text, datatype=XSD_DECIMAL)


def date_literal(date: PartialDate) -> ox.Literal:
    return ox.Literal(date.text, datatype=DATE_TYPES[date.precision])


@dataclass
class Scope:
    """What converters need: where ids live, and the vocabulary."""

    base: str
    dataset: str
    vocabulary: Vocabulary

    def entity(self, local_id: str) -> ox.NamedNode:
        # not interned: a large dataset has millions of entities, and ids are checked already
        return ox.NamedNode(entity_iri(self.base, self.dataset, local_id))


Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]
Converter = Callable[[Scope, Any], Iterator[ox.NamedNode | ox.Literal]]


def _refs(scope: Scope, value: Any) -> Iterator[ox.NamedNode]:
    for ref in value if isinstance(value, list) else [value]:
        yield scope.entity(ref)


def _text(_scope: Scope, value: dict[str, str]) -> Iterator[ox.Literal]:
    for lang in sorted(value):
        yield ox.Literal(value[lang], language=lang)


def _texts(scope: Scope, value: list[dict[str, str]]) -> Iterator[ox.Literal]:
    for text in value:
        yield from _text(scope, text)


def _plain(_scope: Scope, value: Any) -> Iterator[ox.Literal]:
    for item in value if isinstance(value, list) else [value]:
        yield ox.Literal(str(item))


def _date(_scope: Scope, value: PartialDate) -> Iterator[ox.Literal]:
    yield date_literal(value)


def _bound(first: bool) -> Converter:
    """earliestDate / latestDate are xsd:date so that comparisons work (ONTOLOGY.md §1.9)."""

    def convert(_scope: Scope, value: PartialDate) -> Iterator[ox.Literal]:
        bounds = value.bounds()
        if bounds is None or value.precision == "time":
            yield date_literal(value)
        else:
            yield ox.Literal((bounds[0] if first else bounds[1]).isoformat(), datatype=XSD_DATE)

    return convert


def _decimal(_scope: Scope, value: Decimal) -> Iterator[ox.Literal]:
    yield decimal_literal(value)


def _bool(_scope: Scope, value: bool) -> Iterator[ox.Literal]:
    yield ox.Literal("true" if value else "false", datatype=XSD_BOOLEAN)


def _iri(_scope: Scope, value: str) -> Iterator[ox.NamedNode]:
    yield ox.NamedNode(value)


def _vocab(field: str) -> Converter:
    scheme = FIELD_SCHEMES.get(field)

    def convert(scope: Scope, value: Any) -> Iterator[ox.NamedNode]:
        for item in value if isinstance(value, list) else [value]:
            iri = scope.vocabulary.resolve(scheme, item) if scheme else None
            if iri is None:  # fields without a closed scheme: an IRI, or a cgv: name
                iri = item if item.startswith(("http://", "https://")) else CGV + item
            yield node(iri)  # a vocabulary is small: interning pays

    return convert


Row = tuple[str, str, Converter]  # model field, predicate IRI, converter

ENTITY: list[Row] = [
    ("description", RDFS + "comment", _text),
    ("note", SKOS + "editorialNote", _text),
]
LABELLED: list[Row] = [("label", RDFS + "label", _text), *ENTITY]
LINKABLE: list[Row] = [
    ("alt_labels", SKOS + "altLabel", _texts),
    ("names_as_written", CG + "nameAsWritten", _plain),
]
CONTENT: list[Row] = [
    ("location", CG + "location", _refs),
    ("date", CG + "date", _date),
    ("start_date", CG + "startDate", _date),
    ("end_date", CG + "endDate", _date),
    ("earliest_date", CG + "earliestDate", _bound(True)),
    ("latest_date", CG + "latestDate", _bound(False)),
    ("date_precision", CG + "datePrecision", _vocab("date_precision")),
    ("date_as_written", CG + "dateAsWritten", _plain),
    ("munition_type", CG + "munitionType", _refs),
    ("platform_type", CG + "platformType", _refs),
    ("target_type", CG + "targetType", _refs),
    ("participant", CG + "participant", _refs),
]

ROWS: dict[type[BaseModel], list[Row]] = {
    Actor: [
        *LABELLED,
        *LINKABLE,
        ("anonymous", CG + "anonymous", _bool),
        ("sub_organization_of", ORG + "subOrganizationOf", _refs),
        ("acted_on_behalf_of", PROV + "actedOnBehalfOf", _refs),
        ("location_precision", CG + "locationPrecision", _vocab("location_precision")),
    ],
    Location: [
        *LABELLED,
        *LINKABLE,
        ("within", CG + "withinLocation", _refs),
        ("country", CG + "withinLocation", _refs),
        ("controlled_by", CG + "controlledBy", _refs),
        ("location_precision", CG + "locationPrecision", _vocab("location_precision")),
    ],
    Event: [
        *LABELLED,
        *LINKABLE,
        *CONTENT,
        ("part_of", CG + "partOf", _refs),
        ("event_type", CG + "eventType", _vocab("event_type")),
    ],
    Claim: [
        *LABELLED,
        *CONTENT,
        ("claimant", CG + "claimant", _refs),
        ("claimant_as_written", CG + "claimantNameAsWritten", _plain),
        ("speaker", CG + "speaker", _refs),
        ("stated_in", CG + "statedIn", _refs),
        ("reported_in", CG + "reportedIn", _refs),
        ("quote", CG + "quote", _text),
        ("paraphrase", CG + "paraphrase", _text),
        ("claim_type", CG + "claimType", _vocab("claim_type")),
        ("modality", CG + "modality", _vocab("modality")),
        ("attribution", CG + "attributionCertainty", _vocab("attribution")),
        ("about", CG + "about", _refs),
        ("claimed_subject", CG + "claimedSubject", _refs),
        ("claimed_predicate", CG + "claimedPredicate", _iri),
        ("claimed_object", CG + "claimedObject", _refs),
        ("addressee", CG + "addressee", _refs),
        ("based_on", CG + "basedOn", _refs),
        ("supports", CG + "supports", _refs),
        ("responds_to", CG + "respondsTo", _refs),
        ("restates", CG + "restates", _refs),
        ("rebuts", CG + "rebuts", _refs),
        ("rebuttal_type", CG + "rebuttalType", _vocab("rebuttal_type")),
    ],
    Source: [
        *LABELLED,
        *LINKABLE,
        ("title", DCT + "title", _text),
        ("publisher", DCT + "publisher", _refs),
        ("creator", DCT + "creator", _refs),
        ("issued", DCT + "issued", _date),
        ("earliest_date", CG + "earliestDate", _bound(True)),
        ("latest_date", CG + "latestDate", _bound(False)),
        ("date_precision", CG + "datePrecision", _vocab("date_precision")),
        ("date_as_written", CG + "dateAsWritten", _plain),
        ("url", SCHEMA + "url", _iri),
        ("language", DCT + "language", _plain),
        ("references", DCT + "references", _refs),
        ("generated_by", PROV + "wasGeneratedBy", _refs),
    ],
    Evidence: [
        *LABELLED,
        ("evidence_type", CG + "evidenceType", _vocab("evidence_type")),
        ("attributed_to", PROV + "wasAttributedTo", _refs),
        ("url", SCHEMA + "url", _iri),
    ],
    Investigation: [
        *LABELLED,
        ("by", PROV + "wasAssociatedWith", _refs),
        ("method", CG + "method", _vocab("method")),
        ("used", PROV + "used", _refs),
    ],
    Assessment: [
        *LABELLED,
        ("assesses", CG + "assesses", _refs),
        ("grade", CG + "grade", _vocab("grade")),
        ("rationale", CG + "rationale", _text),
        ("author", SCHEMA + "author", _refs),
        ("date", DCT + "date", _date),
    ],
    Figure: [
        ("measure", CG + "measure", _vocab("measure")),
        ("value", CG + "value", _decimal),
        ("min", CG + "minValue", _decimal),
        ("max", CG + "maxValue", _decimal),
        ("approx", CG + "approximation", _vocab("approx")),
        ("verbatim", CG + "verbatim", _text),
        ("population", CG + "populationCategory", _vocab("population")),
        ("numerator", CG + "numeratorCategory", _vocab("numerator")),
        ("denominator", CG + "denominatorCategory", _vocab("denominator")),
        ("unit", CG + "unitText", _text),
        ("subset_of", CG + "subsetOf", _refs),
        ("note", SKOS + "editorialNote", _text),
    ],
}
CONCEPT_ROWS: list[Row] = [
    ("label", SKOS + "prefLabel", _text),
    *ENTITY,
    ("alt_labels", SKOS + "altLabel", _texts),
    ("hidden_labels", SKOS + "hiddenLabel", _texts),
    ("names_as_written", CG + "nameAsWritten", _plain),
    ("broader", SKOS + "broader", _refs),
    ("armament", CG + "armament", _refs),
    ("definition", SKOS + "definition", _text),
]
for _concept in (Munition, Platform, Target, LegalConcept):
    ROWS[_concept] = CONCEPT_ROWS

CONCEPT_CLASSES = {
    Munition: "MunitionType",
    Platform: "PlatformType",
    Target: "TargetType",
    LegalConcept: "LegalConcept",
}


def entity_types(model: BaseModel) -> list[str]:
    """The classes an entity is typed with (a State is also a Location, as in Wikidata)."""
    if isinstance(model, Actor):
        return [CG + model.type, CG + "Location"] if model.type == "State" else [CG + model.type]
    if isinstance(model, Claim):
        return [CG + ("Rebuttal" if model.is_rebuttal else "Claim")]
    if isinstance(model, Event | Source):
        return [CG + model.type]
    if isinstance(model, Concept):
        return [CG + CONCEPT_CLASSES[type(model)]]
    if isinstance(model, Location):
        return [CG + "Location"]
    return [CG + type(model).__name__]


@cache
def _compiled_rows(cls: type[BaseModel]) -> tuple[tuple[str, ox.NamedNode, Converter], ...]:
    return tuple((name, node(predicate), convert) for name, predicate, convert in ROWS[cls])


def field_triples(
    scope: Scope, subject: ox.NamedNode, model: BaseModel, *, only_set: bool = False
) -> list[Triple]:
    """The triples of a model's own fields, in table order (deterministic)."""
    chosen = model.model_fields_set if only_set else None
    values = model.__dict__  # where pydantic keeps field values: cheaper than getattr per row
    out: list[Triple] = []
    for name, predicate, convert in _compiled_rows(type(model)):
        value = values[name]
        if value is None or (not value and value.__class__ in _CONTAINERS):
            continue
        if chosen is not None and name not in chosen:
            continue
        out.extend([(subject, predicate, obj) for obj in convert(scope, value)])
    return out


_CONTAINERS = (list, dict)


def derived_triples(scope: Scope, subject: ox.NamedNode, model: BaseModel) -> Iterator[Triple]:
    """What the format fills in when left unsaid, each a documented default (docs/format.md).

    - a Wikidata id becomes the entity IRI; ``none`` becomes ``cg:noWikidataMatch true``;
    - a date's precision follows how it was written; month and year dates get xsd:date bounds;
    - a source with no date at all has precision UnknownDate;
    - a claim's attribution is Explicit unless written ``inferred``;
    - a figure with only a value is Exact, one with only min and max a Range.
    """
    yield from wikidata_triples(subject, model)
    yield from date_triples(subject, model)
    if isinstance(model, Source) and model.issued is None and model.date_precision is None:
        yield subject, node(CG + "datePrecision"), node(CGV + "UnknownDate")
    if isinstance(model, Claim) and model.attribution is None and model.claimant:
        yield subject, node(CG + "attributionCertainty"), node(CGV + "Explicit")
    if isinstance(model, Figure) and model.approx is None:
        if model.value is not None and model.min is None and model.max is None:
            yield subject, node(CG + "approximation"), node(CGV + "Exact")
        elif model.value is None and model.min is not None and model.max is not None:
            yield subject, node(CG + "approximation"), node(CGV + "Range")


def wikidata_triples(subject: ox.NamedNode, model: BaseModel) -> Iterator[Triple]:
    """``wikidata: Q159`` links the entity IRI; ``none`` records a confirmed miss."""
    if isinstance(model, Linkable) and model.wikidata:
        if model.wikidata == "none":
            yield subject, node(CG + "noWikidataMatch"), TRUE
        else:
            target = model.wikidata if "/" in model.wikidata else WD + model.wikidata
            yield subject, node(CG + "wikidata"), ox.NamedNode(target)


def date_triples(subject: ox.NamedNode, model: BaseModel) -> Iterator[Triple]:
    """A date's precision as written, and xsd:date bounds for month and year dates."""
    if isinstance(model, Content):
        date = model.date or model.start_date
    elif isinstance(model, Source):
        date = model.issued
    else:
        return
    if date is None:
        return
    if model.date_precision is None:
        yield subject, node(CG + "datePrecision"), node(CGV + DATE_PRECISIONS[date.precision])
    bounds = date.bounds()
    if bounds and date.precision in ("year", "month"):
        if getattr(model, "earliest_date", None) is None:
            first = ox.Literal(bounds[0].isoformat(), datatype=XSD_DATE)
            yield subject, node(CG + "earliestDate"), first
        if getattr(model, "latest_date", None) is None:
            end = getattr(model, "end_date", None)
            last = (end.bounds() if end else None) or bounds
            yield (
                subject,
                node(CG + "latestDate"),
                ox.Literal(last[1].isoformat(), datatype=XSD_DATE),
            )
