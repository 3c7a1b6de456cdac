"""Wikidata ids and entity documents, as the linker needs them.

An entity document (what ``wbgetentities`` returns under ``entities[QID]``) is large and loosely
shaped; :class:`WikidataEntity` is the small typed view the scoring reads: labels, aliases,
classes (P31/P279), country (P17), coordinates (P625) and dates, with deprecated statements
left out. A redirect and a deleted (missing) item are states of the view, not errors, because
``--check`` must report them rather than stop.

QIDs reach SPARQL only through :func:`sparql_item`, which refuses anything but a QID.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

QID_PATTERN = re.compile(r"^Q[1-9][0-9]*$")
_ENTITY_IRI = re.compile(r"^https?://www\.wikidata\.org/entity/(Q[1-9][0-9]*)$")
_PAGE_URL = re.compile(r"^https?://(?:m\.)?www\.wikidata\.org/wiki/(?:Item:)?(Q[1-9][0-9]*)$")
_TIME = re.compile(r"^([+-]?)(\d{1,16})-(\d{2})-(\d{2})T")
ENTITY_PREFIX = "http://www.wikidata.org/entity/"


def is_qid(text: str) -> bool:
    """True for an item id such as ``Q159``.

    >>> is_qid("Q159"), is_qid("q159"), is_qid("Q0159"), is_qid("P31")
    (True, False, False, False)
    """
    return bool(QID_PATTERN.match(text))


def qid_of(value: str) -> tuple[str | None, str | None]:
    """The QID a ``wikidata:`` value names, and a fix to suggest when it is written oddly.

    Entity IRIs are fine; page URLs name the item but are not ids, so they come with a hint.

    >>> qid_of("Q159")
    ('Q159', None)
    >>> qid_of("http://www.wikidata.org/entity/Q159")
    ('Q159', None)
    >>> qid_of("https://www.wikidata.org/wiki/Q159")
    ('Q159', 'write Q159, not the page URL')
    >>> qid_of("Russia")
    (None, "'Russia' is not a Wikidata id (write e.g. Q159)")
    """
    text = value.strip()
    if is_qid(text):
        return text, None
    match = _ENTITY_IRI.match(text)
    if match:
        return match.group(1), None
    match = _PAGE_URL.match(text)
    if match:
        return match.group(1), f"write {match.group(1)}, not the page URL"
    return None, f"{text!r} is not a Wikidata id (write e.g. Q159)"


def sparql_item(qid: str) -> str:
    """``wd:Q…`` for a query; the only way a QID enters SPARQL text.

    >>> sparql_item("Q5")
    'wd:Q5'
    >>> sparql_item("Q5 } DROP ALL {")
    Traceback (most recent call last):
    ...
    ValueError: not a QID: 'Q5 } DROP ALL {'
    """
    if not is_qid(qid):
        raise ValueError(f"not a QID: {qid!r}")
    return f"wd:{qid}"


def qid_from_iri(iri: str) -> str | None:
    """The QID of an entity IRI from a SPARQL result, or None for anything else."""
    if iri.startswith(ENTITY_PREFIX):
        rest = iri[len(ENTITY_PREFIX) :]
        return rest if is_qid(rest) else None
    return None


@dataclass(frozen=True, slots=True)
class WikidataDate:
    """A Wikidata time value reduced to the days it may mean (None bounds for BCE dates)."""

    first: dt.date
    last: dt.date

    @classmethod
    def parse(cls, value: Mapping[str, Any]) -> WikidataDate | None:
        """Read a ``time`` datavalue; precision 9 = year, 10 = month, 11+ = day."""
        match = _TIME.match(str(value.get("time", "")))
        if not match or match.group(1) == "-":
            return None
        year, month, day = int(match.group(2)), int(match.group(3)), int(match.group(4))
        if not 1 <= year <= 9999:
            return None
        precision = int(value.get("precision", 11))
        try:
            if precision <= 9 or month == 0:
                return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))
            if precision == 10 or day == 0:
                nxt = dt.date(year + month // 12, month % 12 + 1, 1)
                return cls(dt.date(year, month, 1), nxt - dt.timedelta(days=1))
            day_value = dt.date(year, month, day)
        except ValueError:
            return None
        return cls(day_value, day_value)


@dataclass(frozen=True, slots=True)
class WikidataEntity:
    """The parts of an item the linker reads.

    ``requested`` is the id that was asked for; ``id`` the item answered (they differ for a
    redirect). A missing item has ``missing=True`` and nothing else.
    """

    requested: str
    id: str
    missing: bool = False
    labels: Mapping[str, str] = field(default_factory=dict)
    descriptions: Mapping[str, str] = field(default_factory=dict)
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    instance_of: tuple[str, ...] = ()
    subclass_of: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    coordinates: tuple[float, float] | None = None
    dates: tuple[WikidataDate, ...] = ()

    @property
    def redirected(self) -> bool:
        return not self.missing and self.requested != self.id

    def label(self, languages: Iterable[str] = ("en",)) -> str:
        """The label in the first of ``languages`` that has one, else any label, else the id."""
        return _first(self.labels, languages) or self.id

    def description(self, languages: Iterable[str] = ("en",)) -> str:
        return _first(self.descriptions, languages) or ""

    @classmethod
    def from_document(cls, requested: str, doc: Mapping[str, Any]) -> WikidataEntity:
        """Read one ``entities[QID]`` value of a ``wbgetentities`` answer.

        >>> WikidataEntity.from_document("Q1", {"id": "Q1", "missing": ""}).missing
        True
        >>> doc = {"id": "Q2", "redirects": {"from": "Q1", "to": "Q2"},
        ...        "labels": {"en": {"language": "en", "value": "Earth"}}}
        >>> e = WikidataEntity.from_document("Q1", doc)
        >>> (e.id, e.redirected, e.label())
        ('Q2', True, 'Earth')
        """
        if "missing" in doc:
            return cls(requested=requested, id=requested, missing=True)
        claims = doc.get("claims") or {}
        return cls(
            requested=requested,
            id=str(doc.get("id") or requested),
            labels=_texts(doc.get("labels")),
            descriptions=_texts(doc.get("descriptions")),
            aliases={
                lang: tuple(str(a.get("value", "")) for a in values if isinstance(a, dict))
                for lang, values in (doc.get("aliases") or {}).items()
                if isinstance(values, list)
            },
            instance_of=tuple(_item_values(claims, "P31")),
            subclass_of=tuple(_item_values(claims, "P279")),
            countries=tuple(_item_values(claims, "P17")),
            coordinates=_coordinates(claims),
            dates=tuple(
                date
                for prop in ("P585", "P580", "P582", "P571", "P576")
                for value in _values(claims, prop)
                if isinstance(value, dict) and (date := WikidataDate.parse(value)) is not None
            ),
        )


def _first(texts: Mapping[str, str], languages: Iterable[str]) -> str | None:
    for lang in (*languages, "mul", "en"):
        if texts.get(lang):
            return texts[lang]
    return next((text for _, text in sorted(texts.items()) if text), None)


def _texts(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {
        lang: str(text["value"])
        for lang, text in value.items()
        if isinstance(text, dict) and "value" in text
    }


def _values(claims: Mapping[str, Any], prop: str) -> Iterable[Any]:
    """Values of the non-deprecated statements of ``prop`` with a value (not some/no value)."""
    for statement in claims.get(prop) or []:
        if not isinstance(statement, dict) or statement.get("rank") == "deprecated":
            continue
        snak = statement.get("mainsnak") or {}
        if snak.get("snaktype", "value") != "value":
            continue
        datavalue = snak.get("datavalue") or {}
        if "value" in datavalue:
            yield datavalue["value"]


def _item_values(claims: Mapping[str, Any], prop: str) -> Iterable[str]:
    seen: set[str] = set()
    for value in _values(claims, prop):
        qid = value.get("id") if isinstance(value, dict) else None
        if isinstance(qid, str) and is_qid(qid) and qid not in seen:
            seen.add(qid)
            yield qid


def _coordinates(claims: Mapping[str, Any]) -> tuple[float, float] | None:
    for value in _values(claims, "P625"):
        if not isinstance(value, dict):
            continue
        globe = value.get("globe", ENTITY_PREFIX + "Q2")
        if globe != ENTITY_PREFIX + "Q2":  # only places on Earth
            continue
        try:
            return float(value["latitude"]), float(value["longitude"])
        except (KeyError, TypeError, ValueError):
            continue
    return None
