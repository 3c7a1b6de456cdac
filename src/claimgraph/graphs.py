"""Built graphs spooled to disk, one N-Triples file per named graph.

Build streams quads; publishing and validation need them grouped by graph, hashed (for
idempotent republishing) and counted, without holding millions of triples in memory. Each
named graph is therefore written once to an N-Triples file while its SHA-256 is computed.
Because the build is deterministic, the same input gives the same bytes and the same hash.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox


@dataclass(frozen=True, slots=True)
class GraphPayload:
    """One named graph ready to upload: its IRI, its N-Triples file, size and content hash."""

    iri: str
    path: Path
    triple_count: int
    sha256: str

    def chunks(self, size: int = 1 << 20) -> Iterator[bytes]:
        """The N-Triples bytes in pieces of about ``size`` bytes, split at line ends."""
        with self.path.open("rb") as handle:
            while True:
                block = handle.read(size)
                if not block:
                    return
                if not block.endswith(b"\n"):
                    block += handle.readline()
                yield block

    def triples(self) -> Iterator[ox.Triple]:
        """Parse the file back (strictly) as triples."""
        for quad in ox.parse(path=str(self.path), format=ox.RdfFormat.N_TRIPLES):
            yield quad.triple


class _GraphWriter:
    def __init__(self, iri: str, path: Path) -> None:
        self.iri = iri
        self.path = path
        self.handle: IO[bytes] = path.open("wb")
        self.digest = hashlib.sha256()
        self.count = 0

    def write(self, triples: list[ox.Triple]) -> None:
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        assert data is not None
        self.handle.write(data)
        self.digest.update(data)
        self.count += len(triples)

    def close(self) -> GraphPayload:
        self.handle.close()
        return GraphPayload(self.iri, self.path, self.count, self.digest.hexdigest())


def spool_graphs(
    quads: Iterable[ox.Quad], directory: Path, *, batch: int = 4096
) -> list[GraphPayload]:
    """Write ``quads`` to one N-Triples file per named graph under ``directory``.

    Graphs are returned in the order they first appear. Quads in the default graph are
    rejected: everything claimgraph builds lives in a named graph.
    """
    writers: dict[str, _GraphWriter] = {}
    pending: dict[str, list[ox.Triple]] = {}
    for quad in quads:
        graph = quad.graph_name
        if not isinstance(graph, ox.NamedNode):
            raise ValueError(f"quad outside a named graph: {quad}")
        key = graph.value
        bucket = pending.get(key)
        if bucket is None:
            writers[key] = _GraphWriter(key, directory / f"graph-{len(writers):04d}.nt")
            bucket = pending[key] = []
        bucket.append(quad.triple)
        if len(bucket) >= batch:
            writers[key].write(bucket)
            bucket.clear()
    payloads = []
    for key, writer in writers.items():
        if pending[key]:
            writer.write(pending[key])
        payloads.append(writer.close())
    return payloads
