"""Linking a dataset's entities to Wikidata: search, type-checked scoring, review, write-back.

The package is layered so that each part can be tested alone::

    run        whole runs for the CLI: read datasets, look up, then write
    ├── linker     decides: search → fetch → classes → score → accept / review; check; enrich
    │   ├── scoring    names, context, expected classes, the accept rule (pure)
    │   ├── classes    subclass-of walks over SPARQL
    │   └── client     the only HTTP user: etiquette, retries, cache, offline
    │       └── cache      answers on disk, content-addressed by request
    ├── targets    what to link, from claimgraph.readers
    ├── writeback  wikidata: values into YAML / JSON, nothing else changed
    │   └── csvedit    … and into CSV
    ├── review     the review file a person edits
    └── enrich     facts copied from Wikidata, in their own graph

Nothing here prints or exits; failures are :mod:`claimgraph.errors` exceptions.
"""

from __future__ import annotations

from claimgraph.wikidata.cache import CacheRequest, ResponseCache
from claimgraph.wikidata.client import (
    DEFAULT_API,
    DEFAULT_SPARQL,
    SearchHit,
    WikidataClient,
)
from claimgraph.wikidata.config import LinkSettings, load_settings
from claimgraph.wikidata.entities import WikidataEntity, is_qid, qid_of
from claimgraph.wikidata.linker import CheckOutcome, Linker, LinkOutcome
from claimgraph.wikidata.review import ReviewItem, read_review, write_review
from claimgraph.wikidata.run import ApplyRun, CheckRun, LinkRun, run_apply, run_check, run_link
from claimgraph.wikidata.scoring import DEFAULT_ACCEPT, EXPECTED, Scored
from claimgraph.wikidata.targets import LinkTarget, collect_targets, parse_kinds
from claimgraph.wikidata.writeback import LinkEdit, WriteResult, write_links

__all__ = [
    "DEFAULT_ACCEPT",
    "DEFAULT_API",
    "DEFAULT_SPARQL",
    "EXPECTED",
    "ApplyRun",
    "CacheRequest",
    "CheckOutcome",
    "CheckRun",
    "LinkEdit",
    "LinkOutcome",
    "LinkRun",
    "LinkSettings",
    "LinkTarget",
    "Linker",
    "ResponseCache",
    "ReviewItem",
    "Scored",
    "SearchHit",
    "WikidataClient",
    "WikidataEntity",
    "WriteResult",
    "collect_targets",
    "is_qid",
    "load_settings",
    "parse_kinds",
    "qid_of",
    "read_review",
    "run_apply",
    "run_check",
    "run_link",
    "write_links",
    "write_review",
]
