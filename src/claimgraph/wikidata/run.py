"""Whole link runs: read the datasets, look things up, then write links, review and enrichment.

These are what ``claimgraph link`` calls. Every lookup happens before the first file is
written, so a remote failure (exit 4) changes nothing; the cache keeps what was fetched, so the
next run starts where this one stopped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from claimgraph.errors import ConfigError, Diagnostic, InputError, SourcePos
from claimgraph.wikidata.cache import CacheRequest, ResponseCache
from claimgraph.wikidata.client import WikidataClient
from claimgraph.wikidata.config import LinkSettings
from claimgraph.wikidata.enrich import Enrichment, write_enrichment
from claimgraph.wikidata.linker import CheckOutcome, Linker, LinkOutcome
from claimgraph.wikidata.review import ReviewItem, read_review, write_review
from claimgraph.wikidata.targets import DEFAULT_KINDS, LinkTarget, collect_targets
from claimgraph.wikidata.writeback import LinkEdit, WriteResult, write_links


def open_client(
    settings: LinkSettings, *, transport: httpx.BaseTransport | None = None
) -> WikidataClient:
    """A client configured from ``settings`` (the transport is for tests)."""
    return WikidataClient(
        api_url=settings.api_url,
        sparql_url=settings.sparql_url,
        cache=ResponseCache(settings.cache_dir),
        offline=settings.offline,
        contact=settings.contact,
        min_interval=settings.min_interval,
        max_retries=settings.retries,
        transport=transport,
    )


@dataclass
class LinkRun:
    """The outcome of ``claimgraph link``: per entity, and what was written."""

    outcomes: list[LinkOutcome]
    written: WriteResult
    review_path: Path | None = None
    enriched: list[Path] = field(default_factory=list)
    misses: list[CacheRequest] = field(default_factory=list)
    requests_sent: int = 0


@dataclass
class CheckRun:
    """The outcome of ``claimgraph link --check``."""

    outcomes: list[CheckOutcome]
    misses: list[CacheRequest] = field(default_factory=list)
    requests_sent: int = 0

    @property
    def problems(self) -> list[CheckOutcome]:
        return [o for o in self.outcomes if o.status == "problem"]


@dataclass
class ApplyRun:
    """The outcome of ``claimgraph link --apply``."""

    applied: list[tuple[LinkTarget, str]]
    undecided: list[ReviewItem]
    unchanged: list[tuple[LinkTarget, str]]
    written: WriteResult


def run_link(
    paths: Sequence[Path],
    settings: LinkSettings,
    *,
    kinds: Sequence[str] = DEFAULT_KINDS,
    review: Path | None = None,
    enrich: bool = False,
    transport: httpx.BaseTransport | None = None,
) -> LinkRun:
    """Search and score, then write accepted links, the review file and enrichments."""
    targets = collect_targets(paths, kinds)
    _outside_datasets(targets, review=review, cache=settings.cache_dir)
    with open_client(settings, transport=transport) as client:
        linker = Linker(client, accept=settings.accept, languages=settings.languages)
        outcomes = linker.link(targets)
        found = {o.target.id: o.qid for o in outcomes if o.status == "new" and o.qid}
        enrichments = linker.enrichments(targets, found) if enrich else []
        misses, sent = list(client.misses), client.requests_sent
    by_dataset: dict[Path, list[Enrichment]] = {}
    for target, enrichment in enrichments:
        by_dataset.setdefault(target.dataset_dir, []).append(enrichment)
    for directory in by_dataset:
        if not (directory / "dataset.yaml").exists():
            raise ConfigError(
                f"--enrich needs {directory / 'dataset.yaml'} to declare the graph its facts go in"
            )
    edits = [
        LinkEdit(o.target.path, o.target.kind_key, o.target.id, o.qid)
        for o in outcomes
        if o.status == "new" and o.qid
    ]
    written = write_links(edits)
    items = [_review_item(o) for o in outcomes if o.status == "review"]
    if review is not None and (items or review.exists()):
        write_review(review, items, accept=settings.accept)
    enriched: list[Path] = []
    for directory, batch in by_dataset.items():
        enriched += write_enrichment(directory, batch)
    return LinkRun(outcomes, written, review if items else None, enriched, _unique(misses), sent)


def _review_item(outcome: LinkOutcome) -> ReviewItem:
    target = outcome.target
    return ReviewItem(
        entity=target.id,
        kind=target.kind,
        type=target.type if target.kind in {"actor", "event"} else None,
        label=target.label,
        at=str(target.pos.path) + (f":{target.pos.line}" if target.pos.line else ""),
        reason=outcome.reason,
        candidates=outcome.candidates,
    )


def run_check(
    paths: Sequence[Path],
    settings: LinkSettings,
    *,
    kinds: Sequence[str] = DEFAULT_KINDS,
    transport: httpx.BaseTransport | None = None,
) -> CheckRun:
    """Verify the links already written; nothing is changed."""
    targets = collect_targets(paths, kinds)
    _outside_datasets(targets, review=None, cache=settings.cache_dir)
    with open_client(settings, transport=transport) as client:
        outcomes = Linker(client, accept=settings.accept, languages=settings.languages).check(
            targets
        )
        return CheckRun(outcomes, _unique(client.misses), client.requests_sent)


def run_apply(
    paths: Sequence[Path], review_file: Path, *, kinds: Sequence[str] = DEFAULT_KINDS
) -> ApplyRun:
    """Write the choices of a review file into the datasets; no network is used."""
    items = read_review(review_file)
    targets = collect_targets(paths, kinds)
    index: dict[tuple[str, str], list[LinkTarget]] = {}
    for target in targets:
        index.setdefault((target.kind, target.id), []).append(target)
    problems, edits = [], []
    applied, unchanged, undecided = [], [], []
    for item in items:
        if item.choice is None:
            undecided.append(item)
            continue
        found = index.get((item.kind, item.entity), [])
        if len(found) > 1:
            found = [t for t in found if item.at.startswith(f"{t.pos.path}:")] or found[:1]
        if not found:
            problems.append(
                Diagnostic(
                    SourcePos(str(review_file)),
                    f"{item.kind} '{item.entity}' of the review file is not in the given paths",
                    hint=f"give the path that holds it (it was at {item.at})",
                    entity=item.entity,
                )
            )
            continue
        target = found[0]
        if target.wikidata == item.choice:
            unchanged.append((target, item.choice))
            continue
        edits.append(LinkEdit(target.path, target.kind_key, target.id, item.choice))
        applied.append((target, item.choice))
    if problems:
        raise InputError(problems)
    written = write_links(edits)
    skipped = {(e.path, e.entity_id) for e, _ in written.conflicts}
    applied = [(t, c) for t, c in applied if (t.path, t.id) not in skipped]
    return ApplyRun(applied, undecided, unchanged, written)


def _outside_datasets(targets: Sequence[LinkTarget], *, review: Path | None, cache: Path) -> None:
    """Refuse a review file or cache where the next run would read it as claims files.

    Every ``.yaml``/``.json`` in a dataset directory is a claims file, except hidden ones and
    those under hidden directories (such as the default ``.claimgraph/``).
    """
    for directory in {t.dataset_dir.resolve() for t in targets}:
        for what, path in (("review file", review), ("cache", cache)):
            if path is None:
                continue
            resolved = path.resolve()
            if not resolved.is_relative_to(directory):
                continue
            inside = resolved.relative_to(directory).parts
            if not any(part.startswith(".") for part in inside):
                raise ConfigError(
                    f"the {what} {path} is inside the dataset {directory.name}/, where it would "
                    "be read as claims; put it outside, or give it (or a folder above it) a "
                    "name starting with '.'"
                )


def _unique(misses: list[CacheRequest]) -> list[CacheRequest]:
    seen: set[str] = set()
    out = []
    for miss in misses:
        if miss.key not in seen:
            seen.add(miss.key)
            out.append(miss)
    return out
