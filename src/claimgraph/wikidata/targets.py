"""What to link: the entities of the datasets under some paths, with what the linker needs.

Datasets are read by :func:`claimgraph.readers.load_paths`, so a malformed file stops the run
with every problem listed (exit 3) before anything is searched or written. Each linkable entity
becomes a :class:`LinkTarget`: its names (labels and alternative labels, in their languages),
its current ``wikidata`` value, the file to write back to, and context for scoring: coordinates,
the Wikidata ids of the countries it lies in, and the dates of an event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from claimgraph.errors import ConfigError, SourcePos
from claimgraph.wikidata.entities import qid_of
from claimgraph.wikidata.scoring import Context, Name

#: Linkable kinds and the top-level key of a claims file that holds them.
KIND_KEYS: dict[str, str] = {
    "actor": "actors",
    "location": "locations",
    "event": "events",
    "munition": "munitions",
    "platform": "platforms",
    "target": "targets",
    "legalConcept": "legalConcepts",
}
#: Names accepted by ``--kinds`` (``place`` is what people call a location).
KIND_NAMES: dict[str, str] = {
    **{kind: kind for kind in KIND_KEYS},
    "place": "location",
    "legal-concept": "legalConcept",
    "legalconcept": "legalConcept",
}
DEFAULT_KINDS = tuple(KIND_KEYS)


def parse_kinds(text: str | None) -> tuple[str, ...]:
    """``actor,place`` → ``('actor', 'location')``; unknown names are a usage error.

    >>> parse_kinds("place, actor")
    ('actor', 'location')
    """
    if not text:
        return DEFAULT_KINDS
    wanted = {part.strip() for part in text.split(",") if part.strip()}
    unknown = sorted(w for w in wanted if w not in KIND_NAMES)
    if unknown:
        choices = "actor, place, event, munition, platform, target, legalConcept"
        raise ConfigError(f"unknown kind {', '.join(unknown)} in --kinds (choose from {choices})")
    chosen = {KIND_NAMES[w] for w in wanted}
    return tuple(kind for kind in KIND_KEYS if kind in chosen)


@dataclass(frozen=True, slots=True)
class LinkTarget:
    """One entity the linker may search for, check or enrich."""

    kind: str
    kind_key: str
    id: str
    type: str | None
    names: tuple[Name, ...]
    wikidata: str | None
    anonymous: bool
    pos: SourcePos
    path: Path
    dataset_dir: Path
    context: Context = field(default_factory=Context)
    has_coordinates: bool = False

    @property
    def label(self) -> str:
        """The first label, for reports."""
        return next((n.text for n in self.names if n.is_label), self.id)

    @property
    def label_languages(self) -> frozenset[str]:
        return frozenset(n.language for n in self.names if n.is_label)

    @property
    def qid(self) -> str | None:
        """The linked QID, or None when unlinked, marked ``none`` or not an id."""
        if not self.wikidata or self.wikidata == "none":
            return None
        return qid_of(self.wikidata)[0]

    def __str__(self) -> str:
        return f"{self.kind} '{self.id}'"


def collect_targets(
    paths: Sequence[Path], kinds: Iterable[str] = DEFAULT_KINDS
) -> list[LinkTarget]:
    """Every entity of ``kinds`` in the datasets under ``paths``, in file order."""
    from claimgraph.readers import load_paths

    wanted = set(kinds)
    targets: list[LinkTarget] = []
    for dataset in load_paths(list(paths)):
        files = {raw.display: raw.path for raw in dataset.files}
        models = {e.id: e.model for e in dataset.entities}
        states = {
            qid
            for e in dataset.entities
            if e.kind == "actor" and getattr(e.model, "type", None) == "State"
            for qid in [_qid(e.model)]
            if qid
        }
        for entity in dataset.entities:
            if entity.kind not in wanted or entity.kind not in KIND_KEYS:
                continue
            model = entity.model
            path = files.get(entity.pos.path, Path(entity.pos.path))
            targets.append(
                LinkTarget(
                    kind=entity.kind,
                    kind_key=entity.entry.kind_key,
                    id=entity.id,
                    type=getattr(model, "type", None),
                    names=tuple(_names(model)),
                    wikidata=getattr(model, "wikidata", None),
                    anonymous=bool(getattr(model, "anonymous", False)),
                    pos=entity.pos,
                    path=path,
                    dataset_dir=dataset.directory,
                    context=Context(
                        coordinates=_coordinates(model),
                        countries=frozenset(_countries(model, models, states)),
                        period=_period(model),
                    ),
                    has_coordinates=getattr(model, "coordinates", None) is not None,
                )
            )
    return targets


def _qid(model: BaseModel) -> str | None:
    value = getattr(model, "wikidata", None)
    return qid_of(value)[0] if isinstance(value, str) and value != "none" else None


def _names(model: BaseModel) -> Iterable[Name]:
    seen: set[tuple[str, str]] = set()
    labels: dict[str, str] = getattr(model, "label", None) or {}
    alternatives: list[dict[str, str]] = getattr(model, "alt_labels", None) or []
    pairs = [(lang, text, True) for lang, text in labels.items()]
    pairs += [(lang, text, False) for alt in alternatives for lang, text in alt.items()]
    for lang, text, is_label in pairs:
        if text.strip() and (lang, text) not in seen:
            seen.add((lang, text))
            yield Name(lang, text.strip(), is_label)


def _coordinates(model: BaseModel) -> tuple[float, float] | None:
    value = getattr(model, "coordinates", None)
    return (float(value[0]), float(value[1])) if value else None


def _countries(model: BaseModel, models: dict[str, BaseModel], states: set[str]) -> Iterable[str]:
    """QIDs of the countries a place (or an event's places) lies in, following ``within``.

    A place up the chain counts as a country when it is named by a ``country:`` field or is
    linked to the same item as one of the dataset's State actors.
    """
    named: set[str] = set()
    todo: list[str] = []
    for holder in [model]:
        if getattr(holder, "country", None):
            named.add(holder.country)  # type: ignore[attr-defined]
            todo.append(holder.country)  # type: ignore[attr-defined]
        todo.extend(getattr(holder, "within", None) or [])
        todo.extend(getattr(holder, "location", None) or [])
    seen: set[str] = set()
    while todo:
        local = todo.pop()
        if local in seen or local not in models:
            continue
        seen.add(local)
        place = models[local]
        country = getattr(place, "country", None)
        if country:
            named.add(country)
            todo.append(country)
        todo.extend(getattr(place, "within", None) or [])
        qid = _qid(place)
        if qid and (qid in states or local in named):
            yield qid


def _period(model: BaseModel) -> tuple[dt.date, dt.date] | None:
    bounds = []
    for name in ("date", "start_date", "end_date", "earliest_date", "latest_date"):
        value = getattr(model, name, None)
        span = value.bounds() if value is not None and hasattr(value, "bounds") else None
        if span:
            bounds.append(span)
    if not bounds:
        return None
    return min(b[0] for b in bounds), max(b[1] for b in bounds)
