"""The embedded store: pyoxigraph on disk, the only home of ``pyoxigraph.Store``.

It needs no set-up, so it is the default target (``.claimgraph/store``). RocksDB allows one
writer process per directory: while ``claimgraph serve --writable`` holds the store, publish to
its endpoint instead (opening fails with a message saying so).

Atomicity: RocksDB lets one process open the store, so no other reader can see a graph half
written; what matters is a crash. Writes up to :data:`BULK_BYTES` are one pyoxigraph
transaction (``Store.load``, ``Store.update``), so a process killed mid-publish leaves every
graph as it was. Transactions hold all their writes in memory, though, so bigger graphs go
through the (non-transactional) bulk loader: a crash then leaves a partial graph, which the
next publish sees (its triple count disagrees with the publication record, written last) and
repairs. Staging graphs left by a killed process are dropped the next time a graph is
replaced (one process owns the store, so none can be in use).

Measured with pyoxigraph 0.5.13 on a busy 2-core machine (load average 4–6), one graph of
417k triples: ``Store.load`` 44–77 s; publish with one changed triple (export, diff, one
``Store.update``) 25 s, peak RSS 670 MB; every triple changed, as one diff update, 49 s and
720 MB; bulk-load into a staging graph + ``MOVE`` 251 s and 2.0 GB; one ``DROP`` +
``INSERT DATA`` update 233 s and 2.1 GB. Hence a large :attr:`max_update_bytes`: the diff is
the way to replace a graph here too.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox

from claimgraph.errors import Diagnostic, InputError, RemoteError, SourcePos
from claimgraph.graphs import GraphPayload
from claimgraph.store import STAGING_PREFIX, GraphChanges, Progress, ReplaceStrategy
from claimgraph.store.sparql import (
    NAMED_GRAPHS_QUERY,
    QueryResult,
    ResultKind,
    count_query,
    counts_from,
    data_block,
    iri_ref,
    parse_results,
)

_EXPORT_BATCH = 8192

#: Above this size a graph is bulk-loaded (bounded memory, not atomic against a crash).
BULK_BYTES = 64 << 20


class EmbeddedStore:
    """A :class:`~claimgraph.store.Store` over a pyoxigraph store directory.

    >>> import tempfile
    >>> store = EmbeddedStore(Path(tempfile.mkdtemp()) / "s")
    >>> line = b'<http://s> <http://p> "1" .'
    >>> store.apply_changes([GraphChanges("http://g/", added=[line])])
    >>> store.triple_counts(["http://g/", "http://absent/"])
    {'http://g/': 1, 'http://absent/': 0}
    >>> store.close()
    """

    max_update_bytes = 256 << 20

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.mkdir(parents=True, exist_ok=True)
            self._store: ox.Store | None = ox.Store(str(path))
        except OSError as exc:
            hint = ""
            if "lock" in str(exc).lower():
                hint = (
                    " (it is in use by another process: if `claimgraph serve` runs on it, "
                    "publish to its endpoint instead)"
                )
            raise RemoteError(f"embedded store {path}: cannot open it{hint}: {exc}") from None

    # -------------------------------------------------------------------- identity

    @property
    def label(self) -> str:
        return f"embedded store {self.path}"

    @property
    def location(self) -> str:
        return self.path.resolve().as_uri()

    @property
    def store(self) -> ox.Store:
        if self._store is None:
            raise RemoteError(f"{self.label}: already closed")
        return self._store

    def close(self) -> None:
        """Flush and release the directory lock (pyoxigraph releases it when collected)."""
        if self._store is not None:
            self._store.flush()
            self._store = None

    # -------------------------------------------------------------------- reading

    def query(self, sparql: str, *, timeout: float | None = None) -> QueryResult:
        """Run a query (``timeout`` is not supported by pyoxigraph and ignored)."""
        try:
            result = self.store.query(sparql)
        except SyntaxError as exc:
            raise InputError(Diagnostic(SourcePos("<query>"), f"SPARQL syntax: {exc}")) from None
        except OSError as exc:
            raise RemoteError(f"{self.label}: {exc}") from None
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(ResultKind.BOOLEAN, boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            data = result.serialize(format=ox.QueryResultsFormat.JSON)
            assert data is not None
            return parse_results(data, "application/sparql-results+json")
        data = result.serialize(format=ox.RdfFormat.N_TRIPLES)
        return QueryResult(ResultKind.GRAPH, rdf=data or b"")

    def ask(self, sparql: str, *, timeout: float | None = None) -> bool:
        result = self.query(sparql, timeout=timeout)
        if result.kind is not ResultKind.BOOLEAN:
            raise ValueError("not an ASK query")
        return bool(result.boolean)

    def named_graphs(self) -> list[str]:
        result = self.query(NAMED_GRAPHS_QUERY)
        return sorted(result.column("g"))

    def triple_counts(self, graphs: Sequence[str]) -> dict[str, int]:
        if not graphs:
            return {}
        found = counts_from(self.query(count_query(graphs)))
        return {g: found.get(g, 0) for g in graphs}

    def export_graph(self, graph: str, destination: Path) -> None:
        with destination.open("wb") as out:
            for batch in _batches(self.store.quads_for_pattern(None, None, None, _node(graph))):
                data = ox.serialize([q.triple for q in batch], format=ox.RdfFormat.N_TRIPLES)
                out.write(data or b"")

    # -------------------------------------------------------------------- writing

    def create_graph(self, payload: GraphPayload, *, progress: Progress | None = None) -> None:
        """``Store.load``, one transaction (bulk-loaded above :data:`BULK_BYTES`)."""
        self._load(payload, payload.iri, progress)

    def append_graph(self, payload: GraphPayload, *, progress: Progress | None = None) -> None:
        self._load(payload, payload.iri, progress)

    def apply_changes(self, changes: Sequence[GraphChanges]) -> None:
        """One ``Store.update``: DELETE DATA and INSERT DATA of every graph, one transaction."""
        blocks = [data_block("DELETE DATA", c.graph, c.removed) for c in changes]
        blocks += [data_block("INSERT DATA", c.graph, c.added) for c in changes]
        text = b" ;\n".join(b for b in blocks if b)
        if text:
            self._update(text.decode("utf-8"))

    def replace_graph(self, payload: GraphPayload, *, progress: Progress | None = None) -> str:
        """Bulk-load into a staging graph, then ``MOVE`` it over the graph in one transaction.

        The bulk loader is the only way to load a big graph without holding it in memory; it
        is not transactional, hence the staging graph that only the final ``MOVE`` exposes.
        """
        self._drop_stale_staging()
        if payload.path.stat().st_size > BULK_BYTES:
            self.store.remove_graph(_node(payload.iri))
            self.store.bulk_load(
                path=str(payload.path), format=ox.RdfFormat.N_TRIPLES, to_graph=_node(payload.iri)
            )
            return "bulk"
        staging = f"{STAGING_PREFIX}{uuid.uuid4().hex}"
        try:
            self.store.bulk_load(
                path=str(payload.path), format=ox.RdfFormat.N_TRIPLES, to_graph=_node(staging)
            )
            if progress:
                size = payload.path.stat().st_size
                progress(size, size)
            self._update(f"MOVE {iri_ref(staging)} TO {iri_ref(payload.iri)}")
        except BaseException:
            self._drop_quietly(staging)
            raise
        return ReplaceStrategy.STAGED.value

    # -------------------------------------------------------------------- helpers

    def _load(self, payload: GraphPayload, graph: str, progress: Progress | None) -> None:
        load = (
            self.store.load if payload.path.stat().st_size <= BULK_BYTES else self.store.bulk_load
        )
        try:
            load(path=str(payload.path), format=ox.RdfFormat.N_TRIPLES, to_graph=_node(graph))
        except (OSError, SyntaxError) as exc:
            raise RemoteError(f"{self.label}: loading {graph} failed: {exc}") from None
        if progress:
            size = payload.path.stat().st_size
            progress(size, size)

    def _update(self, text: str) -> None:
        try:
            self.store.update(text)
        except (OSError, SyntaxError, ValueError) as exc:
            message = " ".join(str(exc).split())[:300]
            raise RemoteError(f"{self.label}: the store rejected the update: {message}") from None

    def _drop_stale_staging(self) -> None:
        for graph in self.named_graphs():
            if graph.startswith(STAGING_PREFIX):
                self._drop_quietly(graph)

    def _drop_quietly(self, graph: str) -> None:
        if self._store is not None:
            with contextlib.suppress(OSError):
                self._store.remove_graph(_node(graph))


def canonical_lines(lines: Iterable[bytes], *, batch: int = 4096) -> Iterator[bytes]:
    """N-Triples lines as Oxigraph gives them back: typed literals are stored by value.

    A build may write ``"100.0"^^xsd:decimal``; Oxigraph returns ``"100"``. Comparing the
    build with a store's copy must see those as equal, so lines with a typed literal go
    through an in-memory store (which encodes terms exactly as the on-disk one and as
    ``oxigraph serve``). Other stores may normalise differently: a diff then shows a few
    spurious changes, which are harmless to apply.

    >>> decimal = b"<http://www.w3.org/2001/XMLSchema#decimal>"
    >>> list(canonical_lines([b'<http://s> <http://p> "100.0"^^' + decimal + b" ."]))[0][:30]
    b'<http://s> <http://p> "100"^^<'

    """
    pending: list[bytes] = []
    for line in lines:
        if b"^^<" not in line:
            yield line
            continue
        pending.append(line)
        if len(pending) >= batch:
            yield from _normalised(pending)
            pending = []
    if pending:
        yield from _normalised(pending)


def _normalised(lines: list[bytes]) -> list[bytes]:
    memory = ox.Store()
    memory.load(b"\n".join(lines), format=ox.RdfFormat.N_TRIPLES)
    data = ox.serialize([q.triple for q in memory], format=ox.RdfFormat.N_TRIPLES)
    return (data or b"").splitlines()


def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _batches(quads: Iterator[ox.Quad]) -> Iterator[list[ox.Quad]]:
    batch: list[ox.Quad] = []
    for quad in quads:
        batch.append(quad)
        if len(batch) >= _EXPORT_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
