"""What gets published, grouped in units that each carry their own publication record.

A unit is a dataset (its data graphs and its metadata graph, from a build) or the schema
(ontology, vocabularies, alignments and shapes, each in a graph of its own so that queries can
use ``rdfs:subClassOf*``). The schema's record lives in :data:`SCHEMA_META_GRAPH`; its graphs
are hashed from the source files' bytes (their blank nodes get fresh labels at every parse),
so an unchanged schema is never re-sent.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from claimgraph.graphs import GraphPayload, spool_graphs
from claimgraph.iris import (
    ALIGN_GRAPH,
    ONTOLOGY_GRAPH,
    SCHEMA_META_GRAPH,
    SHAPES_GRAPH,
    VOCAB_GRAPH,
)
from claimgraph.publish.record import InputRef

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


@dataclass(frozen=True, slots=True)
class PublishUnit:
    """Graphs published and recorded together; ``meta`` is the built metadata, if any."""

    name: str
    meta_graph: str
    graphs: tuple[GraphPayload, ...]
    meta: GraphPayload | None = None
    inputs: tuple[InputRef, ...] = field(default=())

    @property
    def describe_tool(self) -> bool:
        """A built metadata graph describes the tool already; the schema's record does it."""
        return self.meta is None


class _Input(Protocol):
    @property
    def path(self) -> str: ...
    @property
    def sha256(self) -> str: ...


class _Dataset(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def graph_iris(self) -> list[str]: ...
    @property
    def meta_graph_iri(self) -> str: ...
    @property
    def inputs(self) -> Sequence[_Input]: ...


class BuildLike(Protocol):
    """What publishing needs of :class:`claimgraph.build.BuildResult`."""

    @property
    def datasets(self) -> Sequence[_Dataset]: ...
    def quads(self) -> object: ...


def dataset_units(build: BuildLike, directory: Path) -> list[PublishUnit]:
    """Spool a build to ``directory`` (one N-Triples file per graph) and group it by dataset.

    Raises the build's :class:`~claimgraph.errors.InputError` if the input is broken.
    """
    payloads = {p.iri: p for p in spool_graphs(build.quads(), directory)}  # type: ignore[arg-type]
    units = []
    for dataset in build.datasets:
        graphs = tuple(payloads.get(g) or _empty(g, directory) for g in dataset.graph_iris)
        meta = payloads.get(dataset.meta_graph_iri) or _empty(dataset.meta_graph_iri, directory)
        inputs = tuple(InputRef(i.path, i.sha256) for i in dataset.inputs)
        units.append(PublishUnit(dataset.id, dataset.meta_graph_iri, graphs, meta, inputs))
    return units


def schema_unit(
    directory: Path,
    *,
    ontology: Sequence[tuple[str, bytes]],
    vocab: Sequence[tuple[str, bytes]],
    align: Sequence[tuple[str, bytes]],
    shapes: Sequence[tuple[str, bytes]],
) -> PublishUnit:
    """The schema graphs from Turtle sources given as ``(name, bytes)``.

    >>> import tempfile
    >>> ttl = b"<http://ex/C> a <http://www.w3.org/2002/07/owl#Class> ."
    >>> unit = schema_unit(Path(tempfile.mkdtemp()), ontology=[("o.ttl", ttl)], vocab=[],
    ...                    align=[], shapes=[])
    >>> [(g.iri, g.triple_count) for g in unit.graphs]
    [('https://w3id.org/claimgraph/ns', 1)]
    """
    graphs: list[GraphPayload] = []
    inputs: list[InputRef] = []
    sources = (
        (ONTOLOGY_GRAPH, ontology),
        (VOCAB_GRAPH, vocab),
        (ALIGN_GRAPH, align),
        (SHAPES_GRAPH, shapes),
    )
    for number, (graph, files) in enumerate(sources):
        if not files:
            continue
        digest = hashlib.sha256()
        path = directory / f"schema-{number}.nt"
        count = 0
        with path.open("wb") as out:
            for name, data in files:
                digest.update(hashlib.sha256(data).digest())
                inputs.append(InputRef(name, hashlib.sha256(data).hexdigest()))
                triples = [q.triple for q in ox.parse(data, format=ox.RdfFormat.TURTLE)]
                out.write(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
                count += len(triples)
        graphs.append(GraphPayload(graph, path, count, digest.hexdigest()))
    return PublishUnit("schema", SCHEMA_META_GRAPH, tuple(graphs), None, tuple(inputs))


def bundled_schema_unit(directory: Path) -> PublishUnit:
    """The schema shipped with the package (``ontology/*.ttl``, ``shapes/*.ttl``)."""
    from claimgraph.resources import ontology_file, shapes_files

    def read(name: str) -> list[tuple[str, bytes]]:
        item = ontology_file(name)
        return [(f"ontology/{name}", item.read_bytes())] if item.is_file() else []

    shapes = [(f"shapes/{f.name}", f.read_bytes()) for f in shapes_files()]
    return schema_unit(
        directory,
        ontology=read("claimgraph.ttl"),
        vocab=read("vocab.ttl"),
        align=read("align.ttl"),
        shapes=shapes,
    )


def _empty(graph: str, directory: Path) -> GraphPayload:
    """A declared graph with no triples: publishing it empties the target's copy."""
    path = directory / f"empty-{hashlib.sha256(graph.encode()).hexdigest()[:16]}.nt"
    path.write_bytes(b"")
    return GraphPayload(graph, path, 0, EMPTY_SHA256)
