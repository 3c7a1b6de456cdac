"""Typed models of what people write in claims files.

The models check *form* (types, known fields, id syntax, dates, numbers) and nothing about
cardinality or meaning: a claim without a claimant is still read, so that validation can say
"claim 'c3' has no claimant — add …" with its file and line. Meaning is the shapes' job.

Field names follow the ontology's terms in camelCase (``statedIn``); the snake_case spelling
(``stated_in``) is accepted too. Text fields take a string (in the dataset's language) or a
mapping of language tags to strings (``{en: …, ar: …}``). Reference fields take one id or a
list of ids (in CSV: ids separated by ``|``).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
)
from pydantic.alias_generators import to_camel
from pyoxigraph import NamedNode

from claimgraph.iris import ID_PATTERN

LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
QID = re.compile(r"^Q[1-9][0-9]*$")
_DATE = re.compile(
    r"^(?P<y>-?\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?P<t>T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"(?:Z|[+-]\d{2}:\d{2})?)?)?)?$"
)


# --------------------------------------------------------------------------- value types


def _text(value: Any, info: ValidationInfo) -> dict[str, str]:
    """A string in the dataset's language, or a language → string mapping."""
    if isinstance(value, dict):
        out: dict[str, str] = {}
        for lang, text in value.items():
            if lang == "":  # a CSV column without @lang beside others with one
                lang = (info.context or {}).get("language", "en")
            if not isinstance(lang, str) or not LANG_TAG.match(lang):
                raise ValueError(f"{lang!r} is not a language tag (write e.g. en, ar, ru)")
            if not isinstance(text, str):
                raise ValueError(f"text for language {lang!r} must be a string")
            out[lang.lower()] = text
        if not out:
            raise ValueError("text is empty: give a string or {language: text}")
        return out
    if isinstance(value, str):
        language = (info.context or {}).get("language", "en")
        return {language: value}
    raise ValueError("expected text: a string or a mapping like {en: …, ar: …}")


Text = Annotated[dict[str, str], BeforeValidator(_text)]


def _id(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise ValueError(
            f"{value!r} is not an id: use letters, digits, '_', '-', '.' (e.g. C01, amnesty-uk)"
        )
    return value


Id = Annotated[str, BeforeValidator(_id)]


def _ids(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [part.strip() for part in value.split("|") if part.strip()]
    elif not isinstance(value, list):
        value = [value]
    return [_id(v) for v in value]


Ids = Annotated[list[str], BeforeValidator(_ids)]


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ValueError("expected a string or a list of strings")


Strings = Annotated[list[str], BeforeValidator(_strings)]


def _texts(value: Any, info: ValidationInfo) -> list[dict[str, str]]:
    """Alternative labels: a string, a list of strings, or a language → string(s) mapping."""
    if value is None:
        return []
    if isinstance(value, dict):
        out = []
        for lang, texts in value.items():
            for text in texts if isinstance(texts, list) else [texts]:
                out.append(_text({lang: text}, info))
        return out
    items = value if isinstance(value, list) else [value]
    return [_text(item, info) for item in items]


Texts = Annotated[list[dict[str, str]], BeforeValidator(_texts)]


class PartialDate(BaseModel):
    """A date known to a year, a month, a day, or a time: ``2015``, ``2015-12``, ``2015-12-23``.

    >>> PartialDate.parse("2015-12").precision
    'month'
    """

    model_config = ConfigDict(frozen=True)

    text: str
    precision: Literal["year", "month", "day", "time"]

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            stamp = value.isoformat()
            if value.tzinfo is None:
                stamp += "Z"
            return cls._make(stamp.replace("+00:00", "Z"), "time")
        if isinstance(value, dt.date):
            return cls._make(value.isoformat(), "day")
        if isinstance(value, int) and not isinstance(value, bool):
            value = f"{value:04d}"
        if not isinstance(value, str):
            raise ValueError("expected a date: 2015, 2015-12, 2015-12-23 or 2015-12-23T10:00:00Z")
        match = _DATE.match(value.strip())
        if not match:
            raise ValueError(
                f"{value!r} is not a date: write 2015, 2015-12, 2015-12-23 or 2015-12-23T10:00:00Z"
            )
        text = value.strip()
        try:
            if match["t"]:
                dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
                return cls._make(text, "time")
            if match["d"]:
                dt.date.fromisoformat(text)
                return cls._make(text, "day")
            if match["m"]:
                dt.date(int(match["y"]), int(match["m"]), 1)
                return cls._make(text, "month")
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a calendar date ({exc})") from None
        return cls._make(text, "year")

    @classmethod
    def _make(cls, text: str, precision: Literal["year", "month", "day", "time"]) -> PartialDate:
        # checked above; skipping a second validation matters when building millions of dates
        return cls.model_construct(text=text, precision=precision)

    def bounds(self) -> tuple[dt.date, dt.date] | None:
        """First and last day this date may mean; None for BCE or time values."""
        if self.text.startswith("-"):
            return None
        year = int(self.text[:4])
        if self.precision == "year":
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        month = int(self.text[5:7])
        if self.precision == "month":
            nxt = dt.date(year + month // 12, month % 12 + 1, 1)
            return dt.date(year, month, 1), nxt - dt.timedelta(days=1)
        day = dt.date.fromisoformat(self.text[:10])
        return day, day


DateValue = Annotated[PartialDate, BeforeValidator(PartialDate.parse)]


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise ValueError("expected a number, not true/false")
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            number = Decimal(value.strip().replace(",", ""))
        except InvalidOperation:
            raise ValueError(f"{value!r} is not a number") from None
        if not number.is_finite():
            raise ValueError(f"{value!r} is not a finite number")
        return number
    raise ValueError("expected a number")


Number = Annotated[Decimal, BeforeValidator(_decimal)]


_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+$")


def _iri(value: Any) -> str:
    """An absolute IRI, checked here so that a bad one is a reading error, not a crash.

    >>> _iri("https://example.org/a?b=c")
    'https://example.org/a?b=c'
    """
    if isinstance(value, str) and _IRI.match(value.strip()):
        try:
            NamedNode(value.strip())  # the strict parser's own IRI rules decide the rest
        except ValueError:
            pass
        else:
            return value.strip()
    raise ValueError(
        f'{value!r} is not an IRI: write an absolute address without spaces or <>"{{}}|^`'
    )


Iri = Annotated[str, BeforeValidator(_iri)]


def _wikidata(value: Any) -> str:
    """``Q159``, an IRI (checked later by the shapes, so page URLs get a fix), or ``none``."""
    if value is False or (isinstance(value, str) and value.strip().lower() in {"none", "no"}):
        return "none"
    if isinstance(value, str):
        text = value.strip()
        if QID.match(text):
            return text
        if text.startswith(("http://", "https://")):
            return _iri(text)
    raise ValueError(
        f"{value!r} is not a Wikidata id: write Q159, or 'none' when there is no match"
    )


Wikidata = Annotated[str, BeforeValidator(_wikidata)]


def _coordinates(value: Any) -> tuple[Decimal, Decimal]:
    if isinstance(value, str):
        parts = [p for p in re.split(r"[,\s]+", value.strip()) if p]
        if len(parts) != 2:
            raise ValueError("coordinates are 'latitude, longitude' in decimal degrees")
        value = {"lat": parts[0], "lon": parts[1]}
    if isinstance(value, list) and len(value) == 2:
        value = {"lat": value[0], "lon": value[1]}
    if not isinstance(value, dict) or set(value) != {"lat", "lon"}:
        raise ValueError("coordinates are {lat: …, lon: …} in decimal degrees")
    lat, lon = _decimal(value["lat"]), _decimal(value["lon"])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: lat {lat}, lon {lon}")
    return lat, lon


Coordinates = Annotated[tuple[Decimal, Decimal], BeforeValidator(_coordinates)]


# --------------------------------------------------------------------------- entities


class Record(BaseModel):
    """Base of every model: unknown fields are errors, both spellings of a field are accepted."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
    )


class Entity(Record):
    """Anything with a local id that other entries can refer to."""

    kind: ClassVar[str] = "entity"
    id: Id
    label: Text | None = None
    description: Text | None = None
    note: Text | None = Field(default=None, description="editorial note (skos:editorialNote)")
    input_record: str | None = Field(
        default=None, description="'file:line' of the foreign record an import made this from"
    )


class Linkable(Entity):
    """Entities that the Wikidata linker reconciles."""

    wikidata: Wikidata | None = None
    names_as_written: Strings = Field(default_factory=list)
    alt_labels: Texts = Field(default_factory=list)


ActorType = Literal[
    "Actor", "Person", "Organization", "State", "GovernmentBody", "ArmedForce",
    "NonStateArmedGroup", "NGO", "Coalition", "MediaOutlet", "CollectiveActor",
]  # fmt: skip


class Role(Record):
    organization: Id
    role: Text


class Actor(Linkable):
    kind: ClassVar[str] = "actor"
    type: ActorType = "Actor"
    anonymous: bool | None = None
    sub_organization_of: Ids = Field(default_factory=list)
    acted_on_behalf_of: Ids = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    location_precision: str | None = None


class Location(Linkable):
    kind: ClassVar[str] = "location"
    within: Ids = Field(default_factory=list)
    controlled_by: Ids = Field(default_factory=list)
    location_precision: str | None = None
    coordinates: Coordinates | None = None
    accuracy: Number | None = Field(default=None, description="metres")
    country: Id | None = None


class Figure(Record):
    """A number as claimed. Never invent a point value: "hundreds" is ``min: 100``."""

    kind: ClassVar[str] = "figure"
    id: Id | None = None
    of: Id | None = None
    measure: str | None = None
    value: Number | None = None
    min: Number | None = None
    max: Number | None = None
    approx: str | None = Field(
        default=None, validation_alias=AliasChoices("approx", "approximation")
    )
    verbatim: Text | None = None
    population: str | None = None
    numerator: str | None = None
    denominator: str | None = None
    unit: Text | None = None
    subset_of: Id | None = None
    note: Text | None = Field(default=None, description="why the figure reads as it does")


class Content(Entity):
    """Content properties shared by events and claims (design decision 2)."""

    location: Ids = Field(default_factory=list)
    date: DateValue | None = None
    start_date: DateValue | None = None
    end_date: DateValue | None = None
    earliest_date: DateValue | None = None
    latest_date: DateValue | None = None
    date_precision: str | None = None
    date_as_written: str | None = None
    munition_type: Ids = Field(default_factory=list)
    platform_type: Ids = Field(default_factory=list)
    target_type: Ids = Field(default_factory=list)
    participant: Ids = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)


EventType = Literal["Event", "Conflict", "Campaign", "Incident"]


class Event(Content, Linkable):
    kind: ClassVar[str] = "event"
    type: EventType = "Event"
    part_of: Ids = Field(default_factory=list)
    event_type: str | None = None


class QuoteAnchor(Record):
    source: Id
    exact: str
    prefix: str | None = None
    suffix: str | None = None


class Claim(Content):
    """A claim; with ``rebuts`` it is a rebuttal (a claim that attacks a claim or evidence)."""

    kind: ClassVar[str] = "claim"
    claimant: Id | None = None
    claimant_as_written: str | None = None
    speaker: Id | None = None
    stated_in: Id | None = None
    reported_in: Ids = Field(default_factory=list)
    quote: Text | None = None
    paraphrase: Text | None = None
    quote_anchor: QuoteAnchor | None = None
    claim_type: str | None = None
    modality: str | None = None
    attribution: str | None = None
    about: Ids = Field(default_factory=list)
    claimed_subject: Ids = Field(default_factory=list)
    claimed_predicate: Iri | None = None
    claimed_object: Ids = Field(default_factory=list)
    addressee: Ids = Field(default_factory=list)
    based_on: Ids = Field(default_factory=list)
    supports: Ids = Field(default_factory=list)
    responds_to: Ids = Field(default_factory=list)
    restates: Ids = Field(default_factory=list)
    rebuts: Ids = Field(default_factory=list)
    rebuttal_type: str | None = None
    rebuttal: bool | None = None

    @property
    def is_rebuttal(self) -> bool:
        return bool(self.rebuttal) or bool(self.rebuts) or self.rebuttal_type is not None


SourceType = Literal[
    "Source", "Report", "NewsArticle", "OralStatement", "VideoRecording", "DataRecord"
]


class Source(Linkable):
    kind: ClassVar[str] = "source"
    type: SourceType = "Source"
    title: Text | None = None
    publisher: Ids = Field(default_factory=list)
    creator: Ids = Field(default_factory=list)
    issued: DateValue | None = None
    earliest_date: DateValue | None = None
    latest_date: DateValue | None = None
    date_precision: str | None = None
    date_as_written: str | None = None
    url: Iri | None = None
    language: str | None = None
    references: Ids = Field(default_factory=list)
    generated_by: Ids = Field(default_factory=list)


class Evidence(Entity):
    kind: ClassVar[str] = "evidence"
    evidence_type: str | None = None
    attributed_to: Ids = Field(default_factory=list)
    url: Iri | None = None


class Investigation(Entity):
    kind: ClassVar[str] = "investigation"
    by: Ids = Field(default_factory=list)
    method: Strings = Field(default_factory=list)
    used: Ids = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)


class Concept(Linkable):
    """A munition, platform, target or legal concept (SKOS concepts with ``broader``)."""

    kind: ClassVar[str] = "concept"
    broader: Ids = Field(default_factory=list)
    hidden_labels: Texts = Field(default_factory=list)
    armament: Ids = Field(default_factory=list)
    definition: Text | None = None


class Munition(Concept):
    kind: ClassVar[str] = "munition"


class Platform(Concept):
    kind: ClassVar[str] = "platform"


class Target(Concept):
    kind: ClassVar[str] = "target"


class LegalConcept(Concept):
    kind: ClassVar[str] = "legalConcept"


class Assessment(Entity):
    kind: ClassVar[str] = "assessment"
    assesses: Ids = Field(default_factory=list)
    grade: str | None = None
    rationale: Text | None = None
    author: Ids = Field(default_factory=list)
    date: DateValue | None = None


class Annotation(BaseModel):
    """Editorial facts about an entity defined elsewhere, kept in another graph.

    ``about`` names the entity; the other fields are that entity's fields, checked against
    its kind once references are resolved.
    """

    model_config = ConfigDict(extra="allow", frozen=True)
    kind: ClassVar[str] = "annotation"
    about: Id


class Creator(Record):
    name: str
    url: Iri | None = None


def _creators(value: Any) -> list[Any]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [{"name": item} if isinstance(item, str) else item for item in items]


class Manifest(Record):
    """``dataset.yaml``: what the dataset is, who made it, under which licence."""

    id: Id | None = None
    title: Text | None = None
    description: Text | None = None
    creator: Annotated[list[Creator], BeforeValidator(_creators)] = Field(default_factory=list)
    license: Iri | None = None
    created: DateValue | None = None
    modified: DateValue | None = None
    language: str = "en"
    source: Id | None = None
    graphs: dict[str, Text] = Field(default_factory=dict)
    base: str | None = None
    keywords: Strings = Field(default_factory=list)


#: Top-level keys of a claims file, and the model each list holds.
KINDS: dict[str, type[BaseModel]] = {
    "actors": Actor,
    "locations": Location,
    "events": Event,
    "sources": Source,
    "claims": Claim,
    "rebuttals": Claim,
    "evidence": Evidence,
    "investigations": Investigation,
    "munitions": Munition,
    "platforms": Platform,
    "targets": Target,
    "legalConcepts": LegalConcept,
    "assessments": Assessment,
    "figures": Figure,
    "annotations": Annotation,
}

#: Keys a claims file may hold besides entity lists.
FILE_KEYS = frozenset({"graph"})
