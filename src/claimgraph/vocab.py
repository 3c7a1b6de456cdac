"""The controlled vocabularies of ``ontology/vocab.ttl``, as the readers and the builder need them.

People write concept names (``claimType: CasualtyClaim``); the builder needs IRIs. The names
come from the vocabulary file itself, so adding a concept there is all it takes to accept it.
A full IRI is accepted as is, so groups can use concepts of their own.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache

from claimgraph.iris import CGV
from claimgraph.model import _iri
from claimgraph.resources import ontology_file

SKOS_IN_SCHEME = "http://www.w3.org/2004/02/skos/core#inScheme"

#: Which concept scheme each vocabulary-valued field draws from.
FIELD_SCHEMES: dict[str, str] = {
    "claim_type": "ClaimTypes",
    "modality": "Modalities",
    "attribution": "AttributionCertainty",
    "rebuttal_type": "RebuttalTypes",
    "measure": "Measures",
    "approx": "Approximations",
    "population": "Populations",
    "numerator": "Populations",
    "denominator": "Populations",
    "date_precision": "DatePrecisions",
    "location_precision": "LocationPrecisions",
    "evidence_type": "EvidenceTypes",
    "method": "Methods",
    "grade": "Grades",
    "event_type": "EventTypes",
}


@dataclass(frozen=True)
class Vocabulary:
    """Concept names per scheme, matched case-insensitively."""

    schemes: dict[str, dict[str, str]]

    def resolve(self, scheme: str, value: str) -> str | None:
        """The IRI for ``value`` in ``scheme``, or None when it is not a concept there.

        >>> v = Vocabulary({"Modalities": {"asserted": "Asserted"}})
        >>> v.resolve("Modalities", "asserted")
        'https://w3id.org/claimgraph/vocab#Asserted'
        >>> v.resolve("Modalities", "https://example.org/mine#Rumoured")
        'https://example.org/mine#Rumoured'
        """
        if value.startswith(("http://", "https://")):
            try:
                return _iri(value)
            except ValueError:
                return None
        name = self.schemes.get(scheme, {}).get(value.strip().lower())
        return CGV + name if name else None

    def names(self, scheme: str) -> list[str]:
        return sorted(self.schemes.get(scheme, {}).values())

    def suggest(self, scheme: str, value: str) -> str | None:
        """The closest concept name, for a "did you mean" hint."""
        names = self.names(scheme)
        lowered = {n.lower(): n for n in names}
        close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.5)
        return lowered[close[0]] if close else None


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """Read the bundled vocab.ttl once per process."""
    import pyoxigraph as ox

    schemes: dict[str, dict[str, str]] = {}
    with ontology_file("vocab.ttl").open("rb") as handle:
        for quad in ox.parse(handle, format=ox.RdfFormat.TURTLE):
            if quad.predicate.value != SKOS_IN_SCHEME:
                continue
            concept, scheme = quad.subject, quad.object
            if not (isinstance(concept, ox.NamedNode) and isinstance(scheme, ox.NamedNode)):
                continue
            if concept.value.startswith(CGV) and scheme.value.startswith(CGV):
                name = concept.value[len(CGV) :]
                schemes.setdefault(scheme.value[len(CGV) :], {})[name.lower()] = name
    return Vocabulary(schemes)
