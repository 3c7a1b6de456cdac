"""How well a Wikidata item fits one of our entities: names, type, and context.

The score of a candidate is its **name** score, moved by **context**, and cut to zero when its
**type** is wrong:

- names (after case, accents and punctuation are set aside, so ``RBK 500`` = ``RBK-500``):
  our label = their label 1.0; a label = an alias 0.95; alias = alias 0.9; otherwise
  0.85 × the closest similarity (difflib), so a merely similar name never reaches the default
  threshold of 0.9;
- context: coordinates within 25 km +0.05, over 1,000 km apart −0.2; the item's country (P17)
  among the countries our place lies in +0.05, another country −0.2; a date (P585, P580, P582,
  P571, P576) within a month of our event's dates +0.05, all of them over a year away −0.3;
- type: the item must be an instance (P31) of one of the classes :data:`EXPECTED` lists for the
  kind (and actor or event type), directly or through subclasses (P279*, walked by
  :mod:`claimgraph.wikidata.classes`). Munitions, platforms, targets and legal concepts are
  classes themselves, so for them the item's own subclass-of (P279) counts too. An item of the
  wrong type is never accepted whatever its name; one whose type is unknown (no P31, or the
  walk missed the offline cache) goes to review.

A candidate is accepted only if its type fits, its score reaches the threshold, and no other
candidate comes within :data:`AMBIGUITY_MARGIN` of it (two battles of Aleppo with the same
label are a question for a person, not for a tie-breaker).
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from claimgraph.wikidata.entities import WikidataEntity

#: Default ``--accept``: only exact names (label or alias) of the right type, with no
#: contradicting context and no close rival, are written without review. A wrong link silently
#: merges our entity with someone else's in every dataset that joins on it; a missing link costs
#: one review. 0.9 sits between an alias-to-alias match (0.9, accepted) and the best a
#: non-identical name can reach (0.85).
DEFAULT_ACCEPT = 0.9
AMBIGUITY_MARGIN = 0.05

#: Class QIDs with their English labels and where the id was checked: "issue" = given in
#: issue 7, "design" = ONTOLOGY.md §4, "recorded" = the recorded Wikidata query in
#: shared/realdata, "unverified" = from memory, not yet looked up (a wrong one only sends
#: candidates to review; it never links a wrong item).
CLASSES: dict[str, tuple[str, str]] = {
    "Q5": ("human", "issue"),
    "Q6256": ("country", "issue"),
    "Q3624078": ("sovereign state", "issue"),
    "Q7275": ("state", "issue"),
    "Q43229": ("organization", "issue"),
    "Q79913": ("non-governmental organization", "issue"),
    "Q728": ("weapon", "issue"),
    "Q2160801": ("ammunition", "issue"),
    "Q127197": ("bomb", "issue"),
    "Q2221906": ("geographic location", "issue"),
    "Q486972": ("human settlement", "issue"),
    "Q645883": ("military operation", "issue"),
    "Q178561": ("battle", "issue"),
    "Q350604": ("armed conflict", "issue"),
    "Q8465": ("civil war", "design"),
    "Q864113": ("proxy war", "design"),
    "Q2001676": ("military offensive", "design"),
    "Q1174599": ("attack", "design"),
    "Q3199915": ("massacre", "design"),
    "Q2223653": ("terrorist attack", "design"),
    "Q135010": ("war crime", "design"),
    "Q13418847": ("historical event", "recorded"),
    "Q198": ("war", "unverified"),
    "Q831663": ("military campaign", "unverified"),
    "Q42889": ("vehicle", "unverified"),
    "Q11436": ("aircraft", "unverified"),
    "Q41176": ("building", "unverified"),
    "Q13226383": ("facility", "unverified"),
    "Q811979": ("architectural structure", "unverified"),
    "Q83267": ("crime", "unverified"),
    "Q7748": ("law", "unverified"),
}

_AGENT = ("Q5", "Q43229", "Q7275", "Q6256", "Q3624078")
_PLACE = ("Q2221906", "Q486972", "Q6256", "Q3624078", "Q7275", "Q41176")
_CONFLICT = ("Q350604", "Q198", "Q8465", "Q864113")
_CAMPAIGN = ("Q645883", "Q2001676", "Q831663", "Q178561", "Q350604")
_INCIDENT = ("Q1174599", "Q178561", "Q645883", "Q3199915", "Q2223653")

#: What an entity may link to, by kind and (for actors and events) type.
EXPECTED: dict[str, tuple[str, ...]] = {
    "actor": _AGENT,
    "actor:Person": ("Q5",),
    "actor:State": ("Q6256", "Q3624078", "Q7275"),
    "actor:NGO": ("Q79913", "Q43229"),
    "actor:Organization": ("Q43229",),
    "actor:GovernmentBody": ("Q43229",),
    "actor:ArmedForce": ("Q43229",),
    "actor:NonStateArmedGroup": ("Q43229",),
    "actor:Coalition": ("Q43229", "Q7275"),
    "actor:MediaOutlet": ("Q43229",),
    "actor:CollectiveActor": ("Q43229", "Q5"),
    "location": _PLACE,
    "event": (*_CONFLICT, *_CAMPAIGN, *_INCIDENT, "Q13418847"),
    "event:Conflict": _CONFLICT,
    "event:Campaign": _CAMPAIGN,
    "event:Incident": _INCIDENT,
    "munition": ("Q728", "Q2160801", "Q127197"),
    "platform": ("Q42889", "Q11436", "Q728"),
    "target": ("Q41176", "Q13226383", "Q811979", "Q2221906"),
    "legalConcept": ("Q135010", "Q83267", "Q7748"),
}

#: Kinds whose entities are classes (SKOS concepts), matched by the item's own P279 too.
CONCEPT_KINDS = frozenset({"munition", "platform", "target", "legalConcept"})


def expected_classes(kind: str, entity_type: str | None = None) -> tuple[str, ...]:
    """The classes an entity of this kind (and type) may be an instance of.

    >>> expected_classes("actor", "State")
    ('Q6256', 'Q3624078', 'Q7275')
    >>> expected_classes("actor", "Actor") == expected_classes("actor")
    True
    """
    return EXPECTED.get(f"{kind}:{entity_type}") or EXPECTED.get(kind, ())


def class_name(qid: str, labels: dict[str, str] | None = None) -> str:
    """``sovereign state (Q3624078)``: a class as a person reads it."""
    label = (labels or {}).get(qid) or CLASSES.get(qid, ("", ""))[0]
    return f"{label} ({qid})" if label else qid


# --------------------------------------------------------------------------- names


def normalise(text: str) -> str:
    """Case, accents, punctuation and a leading "the" set aside.

    >>> normalise("The  United-Kingdom!"), normalise("Ḥalab")
    ('united kingdom', 'halab')
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = re.sub(r"[\W_]+", " ", bare).strip()
    return re.sub(r"^the ", "", words)


@dataclass(frozen=True, slots=True)
class Name:
    """One of our names for an entity."""

    language: str
    text: str
    is_label: bool = True


def _same(a: str, b: str) -> bool:
    return a == b or a.replace(" ", "") == b.replace(" ", "")


def name_score(ours: Sequence[Name], entity: WikidataEntity) -> tuple[float, str]:
    """The best match between our names and the item's labels and aliases, with a reason."""
    theirs: list[tuple[str, str, bool]] = [(lang, t, True) for lang, t in entity.labels.items()]
    theirs += [(lang, t, False) for lang, ts in entity.aliases.items() for t in ts]
    best, reason = 0.0, "no similar name"
    for name in ours:
        mine = normalise(name.text)
        if not mine:
            continue
        for lang, text, is_label in theirs:
            other = normalise(text)
            if not other:
                continue
            if _same(mine, other):
                value = 1.0 - 0.05 * ((not name.is_label) + (not is_label))
                what = "label" if is_label else "alias"
                why = f'{what} "{text}" ({lang}) = "{name.text}"'
            elif lang in {name.language, "mul", "en"}:
                ratio = difflib.SequenceMatcher(None, mine, other).ratio()
                value = 0.85 * ratio
                why = f'"{text}" ({lang}) is like "{name.text}"'
            else:
                continue
            if value > best:
                best, reason = value, why
    return round(best, 4), reason


# --------------------------------------------------------------------------- context


@dataclass(frozen=True, slots=True)
class Context:
    """What else we know of the entity: where it is, which countries, when."""

    coordinates: tuple[float, float] | None = None
    countries: frozenset[str] = frozenset()
    period: tuple[dt.date, dt.date] | None = None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine) between two (lat, lon) points.

    >>> round(distance_km((36.2, 37.16), (33.51, 36.29)))  # Aleppo to Damascus
    309
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def context_adjustment(context: Context, entity: WikidataEntity) -> tuple[float, list[str]]:
    """Points for and against the item from coordinates, country and dates, with reasons."""
    total, why = 0.0, list[str]()
    if context.coordinates and entity.coordinates:
        km = distance_km(context.coordinates, entity.coordinates)
        if km <= 25:
            total, why = total + 0.05, [*why, f"coordinates {km:.0f} km apart (+0.05)"]
        elif km >= 1000:
            total, why = total - 0.2, [*why, f"coordinates {km:,.0f} km apart (-0.20)"]
    if context.countries and entity.countries:
        if context.countries & set(entity.countries):
            shared = ", ".join(sorted(context.countries & set(entity.countries)))
            total, why = total + 0.05, [*why, f"country {shared} (+0.05)"]
        else:
            theirs, ours = ", ".join(entity.countries), ", ".join(sorted(context.countries))
            total, why = total - 0.2, [*why, f"country {theirs}, not {ours} (-0.20)"]
    if context.period and entity.dates:
        lo, hi = context.period
        slack = dt.timedelta(days=31)
        if any(d.first <= hi + slack and d.last >= lo - slack for d in entity.dates):
            total, why = total + 0.05, [*why, f"date fits {_span(lo, hi)} (+0.05)"]
        elif all(_gap(d.first, d.last, lo, hi) > 366 for d in entity.dates):
            shown = ", ".join(sorted({_span(d.first, d.last) for d in entity.dates}))
            total, why = total - 0.3, [*why, f"date {shown}, far from {_span(lo, hi)} (-0.30)"]
    return total, why


def _gap(first: dt.date, last: dt.date, lo: dt.date, hi: dt.date) -> int:
    if last < lo:
        return (lo - last).days
    if first > hi:
        return (first - hi).days
    return 0


def _span(first: dt.date, last: dt.date) -> str:
    if first == last:
        return first.isoformat()
    if first.month == 1 and first.day == 1 and last == dt.date(first.year, 12, 31):
        return str(first.year)
    return f"{first.isoformat()}/{last.isoformat()}"


# --------------------------------------------------------------------------- verdicts

TypeStatus = Literal["ok", "wrong", "unknown"]


@dataclass(frozen=True, slots=True)
class TypeVerdict:
    """Whether an item's classes fit what our entity expects, and the reason in words."""

    status: TypeStatus
    reason: str


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate with its score and the reasons for it, best first when sorted."""

    qid: str
    label: str
    description: str
    score: float
    type_status: TypeStatus
    why: tuple[str, ...] = field(default_factory=tuple)


def score_candidate(
    names: Sequence[Name],
    context: Context,
    entity: WikidataEntity,
    verdict: TypeVerdict,
    *,
    languages: Iterable[str] = ("en",),
) -> Scored:
    """Score one candidate: name, plus context, zero when the type is wrong."""
    langs = tuple(languages)
    base, name_why = name_score(names, entity)
    adjust, context_why = context_adjustment(context, entity)
    score = 0.0 if verdict.status == "wrong" else max(0.0, min(1.0, base + adjust))
    why = (f"name: {name_why} ({base:.2f})", f"type: {verdict.reason}", *context_why)
    return Scored(
        qid=entity.id,
        label=entity.label(langs),
        description=entity.description(langs),
        score=round(score, 2),
        type_status=verdict.status,
        why=why,
    )


@dataclass(frozen=True, slots=True)
class Decision:
    """The accepted candidate, or None and why a person should look."""

    accepted: Scored | None
    reason: str


def decide(
    candidates: Sequence[Scored],
    *,
    accept: float = DEFAULT_ACCEPT,
    margin: float = AMBIGUITY_MARGIN,
) -> Decision:
    """Accept the best candidate of the right type if it is good enough and has no close rival.

    >>> a = Scored("Q1842866", "Battle of Aleppo", "", 1.0, "ok")
    >>> b = Scored("Q4870258", "Battle of Aleppo", "", 1.0, "ok")
    >>> decide([a, b]).reason
    'ambiguous: Q1842866 and Q4870258 score alike (1.00, 1.00)'
    >>> decide([a]).accepted.qid
    'Q1842866'
    """
    ranked = sorted(candidates, key=lambda c: (-c.score, c.qid))
    fitting = [c for c in ranked if c.type_status == "ok"]
    if not ranked:
        return Decision(None, "no candidates found")
    if not fitting:
        unknown = any(c.type_status == "unknown" for c in ranked)
        return Decision(
            None, "type of the candidates unknown" if unknown else "no candidate of the right type"
        )
    best = fitting[0]
    if best.score < accept:
        return Decision(None, f"best score {best.score:.2f} is below {accept:.2f}")
    rivals = [c for c in ranked if c is not best and c.type_status != "wrong"]
    close = [c for c in rivals if c.score >= best.score - margin]
    if close:
        return Decision(
            None,
            f"ambiguous: {best.qid} and {close[0].qid} score alike "
            f"({best.score:.2f}, {close[0].score:.2f})",
        )
    return Decision(best, f"score {best.score:.2f}")
