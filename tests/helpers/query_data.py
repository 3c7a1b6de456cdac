"""Loading the seed (and the cross-dataset fixture) into a store, and reading rows back.

Shared by the embedded tests (``tests/unit/test_bundled_queries.py``) and the remote ones
(``tests/integration/test_query_remote.py``), so that both load the same data the same way:
through the publishing API, as ``claimgraph publish`` does, with a fixed clock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pyoxigraph as ox

from claimgraph.build import build_paths
from claimgraph.graphs import spool_graphs
from claimgraph.publish import bundled_schema_unit, dataset_units, publish
from claimgraph.query import bundled_query, compact, prepare, run
from claimgraph.store import EmbeddedTarget, QueryResult, Store, open_store

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
INCIDENTS = REPO / "tests" / "fixtures" / "queries" / "incidents.trig"
PUBLISHED_AT = dt.datetime(2026, 2, 1, 12, 0, tzinfo=dt.UTC)
BUILT_AT = "1767225600"  # 2026-01-01T00:00:00Z, as the autouse fixture sets it

Row = tuple[str | None, ...]


def publish_seed(store: Store, workdir: Path) -> None:
    """Build ``data/`` and publish it, with the schema graphs, as of :data:`PUBLISHED_AT`."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = BUILT_AT
    try:
        workdir.mkdir(parents=True, exist_ok=True)
        units = dataset_units(build_paths([DATA]), workdir)
        units.append(bundled_schema_unit(workdir))
        publish(store, units, workdir=workdir, clock=lambda: PUBLISHED_AT)
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


@contextlib.contextmanager
def seeded_embedded_store(root: Path) -> Iterator[Store]:
    """An embedded store at ``root/store`` with the seed published in it; closed afterwards."""
    store = open_store(EmbeddedTarget(root / "store"))
    try:
        publish_seed(store, root / "work")
        yield store
    finally:
        store.close()


def load_incidents(store: Store, workdir: Path) -> None:
    """Add the graphs of ``tests/fixtures/queries/incidents.trig``."""
    workdir.mkdir(parents=True, exist_ok=True)
    quads = ox.parse(path=str(INCIDENTS), format=ox.RdfFormat.TRIG)
    for payload in spool_graphs(quads, workdir):
        store.create_graph(payload)


def plain(term: Mapping[str, str] | None) -> str | None:
    """A result term as the expectations write it: IRIs compacted, literals by their text."""
    if term is None:
        return None
    if term["type"] == "uri":
        return compact(term["value"])
    return term["value"]


def rows(result: QueryResult) -> list[Row]:
    """The rows of a SELECT result, in order, as tuples of :func:`plain` values."""
    return [tuple(plain(row.get(v)) for v in result.variables) for row in result.bindings]


def ask(store: Store, name: str, params: Mapping[str, Sequence[str]] | None = None) -> list[Row]:
    """Run bundled query ``name`` with ``params`` on ``store``; its rows."""
    query = bundled_query(name)
    return rows(run(store, prepare(query.text, source=query.source, params=params or {})))
