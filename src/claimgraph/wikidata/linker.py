"""The linking service: find, check and enrich Wikidata links for a dataset's entities.

:class:`Linker` does the thinking and never writes: for each entity without a ``wikidata``
value it searches every name in its language, fetches all candidates in batches, walks their
classes and scores them (:mod:`claimgraph.wikidata.scoring`); :meth:`Linker.check` verifies
existing links; :meth:`Linker.enrichments` says what Wikidata adds. The functions of
:mod:`claimgraph.wikidata.run` turn these results into file edits.

All lookups happen before anything is written, so a failure half-way (Wikidata unreachable)
leaves the user's files as they were. Offline, lookups the cache cannot answer make an entity
*unlinked* (with the misses listed) rather than sending it to review on partial evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from claimgraph.wikidata.classes import ClassWalker
from claimgraph.wikidata.client import SearchHit, WikidataClient
from claimgraph.wikidata.enrich import Enrichment
from claimgraph.wikidata.entities import WikidataEntity, qid_of
from claimgraph.wikidata.scoring import (
    DEFAULT_ACCEPT,
    Scored,
    decide,
    expected_classes,
    score_candidate,
)
from claimgraph.wikidata.targets import LinkTarget

#: Languages whose labels ``--enrich`` adds, and that entities are fetched in: the six
#: official languages of the United Nations, in which most documentation work is published.
DEFAULT_LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")
SEARCH_LIMIT = 7
MAX_CANDIDATES = 10
SHOWN_CANDIDATES = 5

LinkStatus = Literal["linked", "new", "review", "none", "unlinked", "skipped"]
CheckStatus = Literal["ok", "problem", "unverified", "none"]


@dataclass(frozen=True, slots=True)
class LinkOutcome:
    """What happened to one entity: its status, the QID, the candidates and why."""

    target: LinkTarget
    status: LinkStatus
    qid: str | None = None
    reason: str = ""
    candidates: tuple[Scored, ...] = ()


@dataclass(frozen=True, slots=True)
class CheckOutcome:
    """The verdict on one existing link."""

    target: LinkTarget
    status: CheckStatus
    qid: str | None
    message: str
    fix: str | None = None  # the QID to write instead (a redirect's target)


@dataclass
class _Searches:
    """Candidate ids found for one entity, and whether any lookup missed the cache."""

    ids: list[str] = field(default_factory=list)
    hits: dict[str, list[SearchHit]] = field(default_factory=dict)
    incomplete: bool = False


class Linker:
    """Links entities to Wikidata through a :class:`WikidataClient`."""

    def __init__(
        self,
        client: WikidataClient,
        *,
        accept: float = DEFAULT_ACCEPT,
        languages: Sequence[str] = DEFAULT_LANGUAGES,
        search_limit: int = SEARCH_LIMIT,
    ) -> None:
        if not 0 < accept <= 1:
            raise ValueError(f"accept must be in (0, 1], not {accept}")
        self.client = client
        self.accept = accept
        self.languages = tuple(languages)
        self.search_limit = search_limit
        self.walker = ClassWalker(client)

    def _fetch_languages(self) -> list[str]:
        """Languages entities are fetched in: fixed per configuration, not per dataset.

        Adding a label in a new language to the data must not change every cached request;
        names matched in other languages come from the search hits instead (:func:`_with_hits`).
        """
        return sorted(set(self.languages))

    # ----------------------------------------------------------------------- link

    def link(self, targets: Sequence[LinkTarget]) -> list[LinkOutcome]:
        """Decide for every entity without a link: accept one candidate, or ask for review."""
        outcomes: dict[int, LinkOutcome] = {}
        todo: list[int] = []
        for index, target in enumerate(targets):
            if target.wikidata == "none":
                outcomes[index] = LinkOutcome(target, "none", None, "confirmed: no Wikidata item")
            elif target.wikidata:
                outcomes[index] = LinkOutcome(target, "linked", target.qid, "already linked")
            elif target.anonymous:
                outcomes[index] = LinkOutcome(target, "skipped", None, "anonymous actor")
            elif not target.names:
                outcomes[index] = LinkOutcome(target, "unlinked", None, "it has no label to search")
            else:
                todo.append(index)
        searches = {index: self._search(targets[index]) for index in todo}
        wanted = {qid for s in searches.values() for qid in s.ids}
        entities = self.client.entities(wanted, languages=self._fetch_languages())
        for index in todo:
            outcomes[index] = self._decide(targets[index], searches[index], entities)
        return [outcomes[i] for i in range(len(targets))]

    def _search(self, target: LinkTarget) -> _Searches:
        found = _Searches()
        for name in target.names:
            hits = self.client.search(name.text, language=name.language, limit=self.search_limit)
            if hits is None:
                found.incomplete = True
                continue
            for hit in hits:
                if hit.id not in found.ids and len(found.ids) < MAX_CANDIDATES:
                    found.ids.append(hit.id)
                found.hits.setdefault(hit.id, []).append(hit)
        return found

    def _decide(
        self, target: LinkTarget, searches: _Searches, entities: dict[str, WikidataEntity]
    ) -> LinkOutcome:
        expected = expected_classes(target.kind, target.type)
        scored: dict[str, Scored] = {}
        incomplete = searches.incomplete
        for qid in searches.ids:
            entity = entities.get(qid)
            if entity is None:
                incomplete = True
                continue
            if entity.missing or entity.id in scored:
                continue
            entity = _with_hits(entity, searches.hits.get(qid, []))
            verdict = self.walker.verdict(entity, expected, kind=target.kind)
            if verdict.status == "unknown" and "missed the cache" in verdict.reason:
                incomplete = True
            scored[entity.id] = score_candidate(
                target.names, target.context, entity, verdict, languages=self._label_order(target)
            )
        ranked = tuple(sorted(scored.values(), key=lambda c: (-c.score, c.qid)))
        if incomplete:
            return LinkOutcome(
                target,
                "unlinked",
                None,
                "lookups missed the offline cache",
                ranked[:SHOWN_CANDIDATES],
            )
        decision = decide(ranked, accept=self.accept)
        if decision.accepted is not None:
            return LinkOutcome(target, "new", decision.accepted.qid, decision.reason, ranked)
        return LinkOutcome(target, "review", None, decision.reason, ranked[:SHOWN_CANDIDATES])

    @staticmethod
    def _label_order(target: LinkTarget) -> tuple[str, ...]:
        """Languages to show an item's label in: those of our labels, as written, then en."""
        return (*dict.fromkeys(n.language for n in target.names if n.is_label), "en")

    # ----------------------------------------------------------------------- check

    def check(self, targets: Sequence[LinkTarget]) -> list[CheckOutcome]:
        """Verify every existing link: it exists, is no redirect, and its type fits."""
        results: dict[int, CheckOutcome] = {}
        wanted: dict[int, str] = {}
        for index, target in enumerate(targets):
            if not target.wikidata:
                continue
            if target.wikidata == "none":
                results[index] = CheckOutcome(target, "none", None, "confirmed: no Wikidata item")
                continue
            qid, hint = qid_of(target.wikidata)
            if qid is None or hint is not None:
                results[index] = CheckOutcome(target, "problem", qid, hint or "not a QID", qid)
                continue
            wanted[index] = qid
        entities = self.client.entities(wanted.values(), languages=self._fetch_languages())
        for index, qid in wanted.items():
            results[index] = self._check_one(targets[index], qid, entities.get(qid))
        return [results[i] for i in sorted(results)]

    def _check_one(
        self, target: LinkTarget, qid: str, entity: WikidataEntity | None
    ) -> CheckOutcome:
        if entity is None:
            return CheckOutcome(target, "unverified", qid, "not in the offline cache")
        if entity.missing:
            return CheckOutcome(
                target, "problem", qid, f"{qid} does not exist (deleted, or never created)"
            )
        if entity.redirected:
            return CheckOutcome(
                target,
                "problem",
                qid,
                f"{qid} redirects to {entity.id} (merged): write {entity.id}",
                entity.id,
            )
        verdict = self.walker.verdict(
            entity, expected_classes(target.kind, target.type), kind=target.kind
        )
        label = entity.label(self._label_order(target))
        if verdict.status == "wrong":
            return CheckOutcome(target, "problem", qid, f"{qid} ({label}): {verdict.reason}")
        if verdict.status == "unknown":
            return CheckOutcome(target, "unverified", qid, f"{qid} ({label}): {verdict.reason}")
        return CheckOutcome(target, "ok", qid, f"{qid} ({label}): {verdict.reason}")

    # ----------------------------------------------------------------------- enrich

    def enrichments(
        self, targets: Sequence[LinkTarget], links: dict[str, str] | None = None
    ) -> list[tuple[LinkTarget, Enrichment]]:
        """Coordinates and labels in :attr:`languages` that linked entities lack.

        ``links`` maps entity ids to QIDs found in this run (not yet in ``targets``).
        """
        linked = []
        for target in targets:
            qid = (links or {}).get(target.id) or target.qid
            if qid:
                linked.append((target, qid))
        entities = self.client.entities([q for _, q in linked], languages=self._fetch_languages())
        out = []
        for target, qid in linked:
            entity = entities.get(qid)
            if entity is None or entity.missing:
                continue
            have = target.label_languages
            labels = {
                lang: entity.labels[lang]
                for lang in self.languages
                if lang not in have and entity.labels.get(lang)
            }
            coordinates = None
            if target.kind == "location" and not target.has_coordinates:
                coordinates = entity.coordinates
            enrichment = Enrichment(target.id, entity.id, coordinates, labels)
            if not enrichment.empty:
                out.append((target, enrichment))
        return out


def _with_hits(entity: WikidataEntity, hits: Sequence[SearchHit]) -> WikidataEntity:
    """The entity with the names its search hits matched, in languages it was not fetched in."""
    labels = dict(entity.labels)
    aliases = {lang: list(texts) for lang, texts in entity.aliases.items()}
    for hit in hits:
        if hit.match_language in entity.labels or hit.match_language in entity.aliases:
            continue
        if hit.match_type == "label":
            labels.setdefault(hit.match_language, hit.match_text)
        elif hit.match_type == "alias":
            aliases.setdefault(hit.match_language, []).append(hit.match_text)
    return replace(
        entity, labels=labels, aliases={lang: tuple(texts) for lang, texts in aliases.items()}
    )
