"""One interface over the embedded store and remote SPARQL 1.1 endpoints.

A researcher publishes to the store on their laptop (:mod:`~claimgraph.store.embedded`,
pyoxigraph on disk, no set-up) or to their organisation's triple store
(:mod:`~claimgraph.store.remote`, any SPARQL 1.1 endpoint over httpx) with the same code:
both implement :class:`Store`. The protocol has the read side the ``query`` command needs
(:meth:`~Store.query`, :meth:`~Store.ask`, :meth:`~Store.named_graphs`,
:meth:`~Store.triple_counts`) and the write side publishing needs, where every write is
*atomic per call*: a reader sees a graph as it was before the call or after it, never between.

- :meth:`~Store.create_graph` — one transactional request for a graph that does not exist;
- :meth:`~Store.apply_changes` — removed and added triples of several graphs, one transaction;
- :meth:`~Store.replace_graph` — a wholesale replacement, for changes too big for the above;
- :meth:`~Store.append_graph` — adds, removes nothing.

Queries never rely on the default graph being the union of the named graphs: plain
``oxigraph serve`` does not make it one, so graphs are always named with ``GRAPH``.

>>> import tempfile, pathlib
>>> store = open_store(EmbeddedTarget(pathlib.Path(tempfile.mkdtemp()) / "store"))
>>> store.ask("ASK { GRAPH ?g { ?s ?p ?o } }")
False
>>> store.close()
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from claimgraph.graphs import GraphPayload
from claimgraph.store.auth import AuthKind, AuthSpec, Redactor, redact_url
from claimgraph.store.sparql import QueryResult, ResultKind

if TYPE_CHECKING:
    import httpx

__all__ = [
    "DEFAULT_STORE_PATH",
    "STAGING_PREFIX",
    "AuthKind",
    "AuthSpec",
    "EmbeddedTarget",
    "GraphChanges",
    "Progress",
    "QueryResult",
    "Redactor",
    "RemoteTarget",
    "ReplaceStrategy",
    "ResultKind",
    "Store",
    "Target",
    "open_store",
    "redact_url",
]

#: Where the embedded store lives when neither ``--store`` nor the config file says.
DEFAULT_STORE_PATH = Path(".claimgraph") / "store"

#: Staging graphs are named under this prefix, so a leftover one is recognisable.
STAGING_PREFIX = "https://w3id.org/claimgraph/staging/"

#: Called with (bytes sent, bytes in total) while a graph is uploaded.
Progress = Callable[[int, int], None]


class ReplaceStrategy(StrEnum):
    """How a graph is replaced wholesale when a diff is too big (see ``remote.py`` for numbers).

    ``put``: one Graph Store ``PUT`` (atomic on Oxigraph 0.5, Fuseki, RDF4J); ``update``: one
    Update request ``DROP`` + ``INSERT DATA``; ``staged``: upload to a staging graph in chunks,
    then one ``MOVE``, for servers whose ``PUT`` is not atomic or that cap request sizes.
    """

    PUT = "put"
    UPDATE = "update"
    STAGED = "staged"


@dataclass(frozen=True, slots=True)
class GraphChanges:
    """Triples to remove from and add to one graph, as canonical N-Triples lines."""

    graph: str
    removed: Sequence[bytes] = ()
    added: Sequence[bytes] = ()

    @property
    def size(self) -> int:
        """Bytes these changes take in an Update request (roughly)."""
        return sum(len(x) + 1 for x in self.removed) + sum(len(x) + 1 for x in self.added)


@dataclass(frozen=True, slots=True)
class EmbeddedTarget:
    """The pyoxigraph store on disk at ``path``."""

    path: Path = DEFAULT_STORE_PATH


@dataclass(frozen=True, slots=True)
class RemoteTarget:
    """A SPARQL 1.1 endpoint; with all three URLs given, nothing is guessed.

    ``update_url`` defaults to the query URL with a final ``/query`` changed to ``/update``
    (Oxigraph), or else to the query URL itself (Virtuoso, GraphDB, Oxigraph's ``/sparql``).
    Without ``graph_store_url``, ``…/store`` then ``…/data`` next to the query URL are probed
    (Oxigraph, Fuseki); without any, uploads go through SPARQL Update.
    """

    query_url: str
    update_url: str | None = None
    graph_store_url: str | None = None
    auth: AuthSpec | None = None
    timeout: float = 60.0
    retries: int = 3
    backoff: float = 0.5
    max_update_bytes: int = 64 << 20
    upload_chunk_bytes: int = 64 << 20
    replace: ReplaceStrategy = ReplaceStrategy.PUT
    headers: Mapping[str, str] = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"RemoteTarget({redact_url(self.query_url)!r})"


Target = EmbeddedTarget | RemoteTarget


class Store(Protocol):
    """What publishing and querying need from a store; see the module docstring."""

    @property
    def label(self) -> str:
        """How to name the store in a message: a URL (credentials masked) or a directory."""

    @property
    def location(self) -> str:
        """An IRI for the publication record: the query URL, or ``file:`` of the store."""

    @property
    def max_update_bytes(self) -> int:
        """The largest :meth:`apply_changes` worth sending in one request."""

    def query(self, sparql: str, *, timeout: float | None = None) -> QueryResult:
        """Run a SPARQL query; SELECT/ASK as SPARQL JSON rows, CONSTRUCT as N-Triples."""

    def ask(self, sparql: str, *, timeout: float | None = None) -> bool:
        """Run an ASK query."""

    def named_graphs(self) -> list[str]:
        """Every named graph's IRI, sorted."""

    def triple_counts(self, graphs: Sequence[str]) -> dict[str, int]:
        """Triples in each of ``graphs``; 0 for an empty or absent graph."""

    def export_graph(self, graph: str, destination: Path) -> None:
        """Write ``graph`` to ``destination`` as canonical (pyoxigraph) N-Triples."""

    def create_graph(self, payload: GraphPayload, *, progress: Progress | None = None) -> None:
        """Write a graph that does not exist yet, in one transaction."""

    def append_graph(self, payload: GraphPayload, *, progress: Progress | None = None) -> None:
        """Add ``payload``'s triples to its graph, removing nothing."""

    def apply_changes(self, changes: Sequence[GraphChanges]) -> None:
        """Remove and add triples in several graphs in one transaction."""

    def replace_graph(self, payload: GraphPayload, *, progress: Progress | None = None) -> str:
        """Replace a graph wholesale, atomically; returns the strategy used."""

    def close(self) -> None:
        """Release the store (the embedded one holds a lock on its directory)."""


def open_store(
    target: Target,
    *,
    env: Mapping[str, str] | None = None,
    transport: httpx.BaseTransport | None = None,
) -> Store:
    """Open the store ``target`` names; ``env`` supplies credentials (``os.environ`` in the CLI).

    ``transport`` replaces httpx's network transport (``httpx.MockTransport`` in tests).
    """
    if isinstance(target, EmbeddedTarget):
        from claimgraph.store.embedded import EmbeddedStore

        return EmbeddedStore(target.path)
    from claimgraph.store.remote import RemoteStore

    return RemoteStore(target, env=env or {}, transport=transport)
