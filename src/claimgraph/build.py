"""Claims datasets to RDF: deterministic IRIs, source positions, streaming.

Each dataset becomes its own named graph (plus any extra graphs its manifest declares, such as
an editorial graph), and one metadata graph describes it with PROV-O and DCTerms: creator,
licence, when it was built and by which tool, the SHA-256 of every input file, and where each
entity was written (``cg:sourceFile``/``cg:sourceLine``) so that validation can point back.

Building streams: ids are indexed in a first pass, then each file is checked and turned into
quads in turn, so memory is bounded by the largest file rather than the dataset. Extra and
metadata graphs are spooled to a temporary file and replayed after the main graph, so every
graph comes out contiguous. Problems are collected across all files and raised together as an
:class:`~claimgraph.errors.InputError` once the last file has been read: consumers that write
(``claimgraph build -o``, publish) write to a temporary place and keep nothing on failure.

The same input gives byte-identical output: files are read in sorted order, entities in file
order, fields in table order, and the build time is taken from ``SOURCE_DATE_EPOCH`` or, failing
that, from the newest input file (as in reproducible builds), never from the clock.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from claimgraph import __version__
from claimgraph.build_workers import (
    SharedBuild,
    Spill,
    jobs_wanted,
    ordered_pass,
    share_worth_it,
)
from claimgraph.emit import (
    DCT,
    PROV,
    RDFS,
    SCHEMA,
    XSD,
    XSD_INTEGER,
    A,
    Scope,
    Triple,
    date_literal,
    date_triples,
    derived_triples,
    entity_types,
    field_triples,
    node,
    wikidata_triples,
)
from claimgraph.errors import Diagnostic, InputError
from claimgraph.iris import (
    CG,
    DEFAULT_BASE,
    dataset_graph_iri,
    entity_iri,
    meta_graph_iri,
)
from claimgraph.model import Actor, Claim, Content, Figure, Investigation, Location
from claimgraph.readers import (
    DatasetContext,
    DatasetSource,
    RawFile,
    ResolvedEntity,
    discover,
    index_file,
    open_context,
    read_file,
    read_yaml_manifest,
    resolve_file,
)

DCAT = "http://www.w3.org/ns/dcat#"
OA = "http://www.w3.org/ns/oa#"
ORG = "http://www.w3.org/ns/org#"
GEO = "http://www.opengis.net/ont/geosparql#"

_SOURCE_FILE = node(CG + "sourceFile")
_SOURCE_LINE = node(CG + "sourceLine")
_SOURCE_COLUMN = node(CG + "sourceColumn")

#: Keep parsed files between the two passes when the dataset is smaller than this.
_KEEP_PARSED_BYTES = 32 << 20


#: Where an entity was written: path relative to the dataset directory, line, column.
Position = tuple[str, int | None, int | None]


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file a dataset was built from: path relative to the dataset directory, and hash."""

    path: str
    sha256: str


@dataclass
class BuiltDataset:
    """What a build knows of a dataset once it has been read."""

    id: str
    directory: Path
    graph_iri: str
    extra_graph_iris: list[str]
    meta_graph_iri: str
    inputs: list[InputFile] = field(default_factory=list)
    triple_count: int = 0
    #: Where each entity was written (IRI → relative path, line, column), when the build was
    #: asked to keep positions in memory instead of emitting them into the metadata graph.
    positions: dict[str, Position] = field(default_factory=dict)

    @property
    def graph_iris(self) -> list[str]:
        """The dataset's data graphs (main first), without its metadata graph."""
        return [self.graph_iri, *self.extra_graph_iris]


class BuildResult:
    """A build of one or more datasets; :meth:`quads` streams it (and may be called again).

    With ``positions_in_memory``, where each entity was written is kept in
    :attr:`BuiltDataset.positions` rather than emitted as ``cg:sourceFile``/``cg:sourceLine``
    quads: validation needs the positions but not as RDF, and a third of a build's quads (and
    their trip through the spool) are those.
    """

    def __init__(
        self, sources: list[DatasetSource], base: str, *, positions_in_memory: bool = False
    ) -> None:
        self.sources = sources
        self.base = base
        self.positions_in_memory = positions_in_memory
        self.datasets: list[BuiltDataset] = []
        self._spill: Spill | None = None

    def load_into(self, store: ox.Store) -> None:
        """Every quad into ``store`` (in no particular order); raises InputError as quads() does.

        With two or more cores a forked worker builds part of each large dataset, and its
        quads reach the store as N-Quads parsed by pyoxigraph (:mod:`claimgraph.build_workers`).
        """
        with tempfile.TemporaryDirectory(prefix="claimgraph-build-") as directory:
            self._spill = Spill(Path(directory))
            try:
                store.bulk_extend(self.quads())
                self._spill.load_into(store)
            finally:
                self._spill = None

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of every dataset; raises InputError at the end if anything was wrong."""
        self.datasets = []
        problems: list[Diagnostic] = []
        for source in self.sources:
            yield from _build_dataset(
                source, self.base, self.datasets, problems, self.positions_in_memory, self._spill
            )
        if problems:
            raise InputError(problems)

    def prefixes(self) -> dict[str, str]:
        """A Turtle prefix per dataset (``seed:`` for ``…/id/seed/``), for readable output."""
        found: dict[str, str] = {}
        for source in self.sources:
            manifest = read_yaml_manifest(source)
            problems: list[Diagnostic] = []
            ctx = open_context(source.directory, manifest, problems)
            if not problems and ctx.id.isidentifier():
                found[ctx.id] = entity_iri(ctx.manifest.base or self.base, ctx.id, "")
        return found


def build_paths(
    paths: Sequence[Path], *, base: str = DEFAULT_BASE, positions_in_memory: bool = False
) -> BuildResult:
    """Find the datasets under ``paths`` (nothing is read until :meth:`BuildResult.quads`).

    >>> result = build_paths([Path("data")])  # doctest: +SKIP
    >>> sum(1 for _ in result.quads())  # doctest: +SKIP
    """
    return BuildResult(discover(paths), base, positions_in_memory=positions_in_memory)


# --------------------------------------------------------------------------- one dataset


def _build_time(paths: list[Path]) -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    newest = max((p.stat().st_mtime for p in paths if p.exists()), default=0.0)
    return dt.datetime.fromtimestamp(int(newest), tz=dt.UTC)


class _Spool:
    """Quads of graphs other than the main one, parked on disk until the main graph is done.

    One temporary file per graph, so that replaying streams each graph in turn instead of
    sorting millions of metadata quads in memory.
    """

    def __init__(self) -> None:
        self.files: dict[str, IO[bytes]] = {}
        self.pending: dict[str, list[ox.Quad]] = {}
        self.size = 0

    def add(self, quad: ox.Quad) -> None:
        graph = quad.graph_name.value  # type: ignore[union-attr]
        bucket = self.pending.get(graph)
        if bucket is None:
            bucket = self.pending[graph] = []
        bucket.append(quad)
        self.size += 1
        if self.size >= 8192:
            self.flush()

    def _file(self, graph: str) -> IO[bytes]:
        handle = self.files.get(graph)
        if handle is None:
            handle = self.files[graph] = tempfile.TemporaryFile()
        return handle

    def flush(self) -> None:
        for graph, quads in self.pending.items():
            if quads:
                data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
                assert data is not None
                self._file(graph).write(data)
                quads.clear()
        self.size = 0

    def drain(self) -> dict[str, bytes]:
        """Everything spooled so far, as N-Quads bytes per graph (the spool is closed)."""
        self.flush()
        out: dict[str, bytes] = {}
        for graph, handle in self.files.items():
            handle.seek(0)
            out[graph] = handle.read()
            handle.close()
        return out

    def extend(self, spooled: dict[str, bytes]) -> None:
        """Append N-Quads bytes spooled elsewhere (by a worker)."""
        self.flush()
        for graph, data in spooled.items():
            self._file(graph).write(data)

    def replay(self) -> Iterator[ox.Quad]:
        """Graph by graph: the extra graphs, then the metadata graph."""
        self.flush()
        for graph in sorted(self.files, key=lambda g: ("/graph/meta/" in g, g)):
            handle = self.files[graph]
            handle.seek(0)
            yield from ox.parse(handle, format=ox.RdfFormat.N_QUADS)
            handle.close()


def _build_dataset(
    source: DatasetSource,
    base: str,
    built: list[BuiltDataset],
    problems: list[Diagnostic],
    positions_in_memory: bool = False,
    spill: Spill | None = None,
) -> Iterator[ox.Quad]:
    manifest_raw = read_yaml_manifest(source)
    ctx = open_context(source.directory, manifest_raw, problems)
    if manifest_raw is not None and manifest_raw.problems:
        return
    base = ctx.manifest.base or base
    size = sum(p.stat().st_size for p in source.files)
    keep = size <= _KEEP_PARSED_BYTES
    graph = dataset_graph_iri(base, ctx.id)
    extra = {name: dataset_graph_iri(base, ctx.id, name) for name in ctx.manifest.graphs}
    meta = meta_graph_iri(base, ctx.id)
    emitter = _Emitter(ctx, base, graph, extra, meta)
    if positions_in_memory:
        emitter.positions = {}
    inputs: list[InputFile] = []
    if manifest_raw is not None:
        inputs.append(InputFile(ctx.rel_path(manifest_raw), manifest_raw.sha256))
    dataset = BuiltDataset(ctx.id, source.directory, graph, list(extra.values()), meta, inputs)
    if spill is not None and jobs_wanted(source.files) == 1 and share_worth_it(source.files, size):
        with SharedBuild(emitter, source.files, spill, keep_parsed=keep) as shared:
            files = shared.first_pass(problems)
            if files is None:
                return  # syntax errors or duplicates: the second pass would only repeat them
            inputs += [InputFile(rel_path, sha256) for rel_path, sha256 in files]
            built.append(dataset)
            yield from shared.second_pass(problems)
    else:
        parsed: dict[Path, RawFile] = {}
        before = len(problems)
        for path in source.files:
            raw = read_file(path)
            inputs.append(InputFile(ctx.rel_path(raw), raw.sha256))
            index_file(ctx, raw, problems)
            if keep:
                parsed[path] = raw
        if len(problems) > before:
            return  # syntax errors or duplicates: the second pass would only repeat them
        built.append(dataset)
        jobs = jobs_wanted(source.files)
        if jobs > 1:
            yield from ordered_pass(emitter, source.files, jobs, problems)
        else:
            for path in source.files:
                raw = parsed.pop(path) if path in parsed else read_file(path)
                yield from emitter.file(raw, problems)
    if emitter.positions is not None:
        dataset.positions = emitter.positions
    yield from emitter.dataset_description(inputs, _build_time([*source.files, source.manifest]))
    yield from emitter.spool.replay()
    dataset.triple_count = emitter.count


class _Emitter:
    def __init__(
        self, ctx: DatasetContext, base: str, graph: str, extra: dict[str, str], meta: str
    ) -> None:
        self.ctx = ctx
        self.base = base
        self.scope = Scope(base, ctx.id, ctx.vocabulary)
        self.graph = node(graph)
        self.extra = {name: node(iri) for name, iri in extra.items()}
        self.meta = node(meta)
        self.spool = _Spool()
        self.count = 0
        self._file_literals: dict[str, ox.Literal] = {}
        self.positions: dict[str, Position] | None = None

    def fresh(self) -> _Emitter:
        """An emitter for the same dataset with its own spool and count (for a worker)."""
        other = _Emitter.__new__(_Emitter)
        other.__dict__.update(self.__dict__)
        other.spool = _Spool()
        other.count = 0
        other._file_literals = {}
        other.positions = None if self.positions is None else {}
        return other

    def file(self, raw: RawFile, problems: list[Diagnostic]) -> Iterator[ox.Quad]:
        """Check one file's entries and emit them."""
        entities, annotations = resolve_file(self.ctx, raw, problems)
        for resolved in entities:
            yield from self.entity(resolved)
        for resolved in annotations:
            yield from self.annotation(resolved)

    def _graph_of(self, resolved: ResolvedEntity) -> ox.NamedNode:
        return self.extra[resolved.graph] if resolved.graph else self.graph

    def _out(self, triples: Iterable[Triple], graph: ox.NamedNode) -> list[ox.Quad]:
        """Quads of the main graph are returned to stream now; others are spooled."""
        if graph is self.graph:
            quads = [ox.Quad(s, p, o, graph) for s, p, o in triples]
            self.count += len(quads)
            return quads
        for s, p, o in triples:
            self.spool.add(ox.Quad(s, p, o, graph))
        return []

    def _position(
        self,
        subject: ox.NamedNode,
        resolved: ResolvedEntity,
        pos_line: int | None,
        pos_col: int | None,
    ) -> None:
        if self.positions is not None:
            self.positions[subject.value] = (resolved.rel_path, pos_line, pos_col)
            return
        file_literal = self._file_literals.get(resolved.rel_path)
        if file_literal is None:
            file_literal = self._file_literals[resolved.rel_path] = ox.Literal(resolved.rel_path)
        add = self.spool.add
        add(ox.Quad(subject, _SOURCE_FILE, file_literal, self.meta))
        if pos_line is not None:
            add(
                ox.Quad(
                    subject,
                    _SOURCE_LINE,
                    ox.Literal(str(pos_line), datatype=XSD_INTEGER),
                    self.meta,
                )
            )
        if pos_col is not None:
            add(
                ox.Quad(
                    subject,
                    _SOURCE_COLUMN,
                    ox.Literal(str(pos_col), datatype=XSD_INTEGER),
                    self.meta,
                )
            )

    def entity(self, resolved: ResolvedEntity) -> Iterator[ox.Quad]:
        model = resolved.model
        graph = self._graph_of(resolved)
        if isinstance(model, Figure):
            assert model.of is not None
            owner = self.scope.entity(model.of)
            yield from self._figure(model, owner, resolved, graph, index=None)
            return
        subject = self.scope.entity(resolved.id)
        self._position(subject, resolved, resolved.pos.line, resolved.pos.column)
        record = getattr(model, "input_record", None)
        if record:
            self.spool.add(
                ox.Quad(subject, node(CG + "inputRecord"), ox.Literal(record), self.meta)
            )
        yield from self._out(self._entity_triples(subject, resolved), graph)
        for index, figure in enumerate(getattr(model, "figures", None) or []):
            yield from self._figure(figure, subject, resolved, graph, index=index)

    def _entity_triples(self, subject: ox.NamedNode, resolved: ResolvedEntity) -> Iterator[Triple]:
        model = resolved.model
        for cls in entity_types(model):
            yield subject, A, node(cls)
        yield from field_triples(self.scope, subject, model)
        yield from derived_triples(self.scope, subject, model)
        if isinstance(model, Actor):
            yield from self._roles(subject, model)
        elif isinstance(model, Location) and model.coordinates is not None:
            yield from self._geometry(subject, model)
        elif isinstance(model, Claim) and model.quote_anchor is not None:
            yield from self._anchor(subject, model)

    def _figure(
        self,
        figure: Figure,
        owner: ox.NamedNode,
        resolved: ResolvedEntity,
        graph: ox.NamedNode,
        *,
        index: int | None,
    ) -> Iterator[ox.Quad]:
        if figure.id:
            subject = self.scope.entity(figure.id)
        else:
            subject = ox.NamedNode(f"{owner.value}/figure-{(index or 0) + 1}")
        if index is None:
            self._position(subject, resolved, resolved.pos.line, resolved.pos.column)
        else:
            pos = resolved.entry.where(f"figures.{index}")
            self._position(subject, resolved, pos.line, pos.column)

        def triples() -> Iterator[Triple]:
            yield owner, node(CG + "hasFigure"), subject
            yield subject, A, node(CG + "Figure")
            yield from field_triples(self.scope, subject, figure)
            yield from derived_triples(self.scope, subject, figure)

        yield from self._out(triples(), graph)

    def _roles(self, subject: ox.NamedNode, actor: Actor) -> Iterator[Triple]:
        for number, role in enumerate(actor.roles, start=1):
            membership = ox.NamedNode(f"{subject.value}/membership-{number}")
            role_node = ox.NamedNode(f"{membership.value}/role")
            yield membership, A, node(ORG + "Membership")
            yield membership, node(ORG + "member"), subject
            yield membership, node(ORG + "organization"), self.scope.entity(role.organization)
            yield membership, node(ORG + "role"), role_node
            yield role_node, A, node(ORG + "Role")
            for lang in sorted(role.role):
                yield role_node, node(RDFS + "label"), ox.Literal(role.role[lang], language=lang)

    def _geometry(self, subject: ox.NamedNode, location: Location) -> Iterator[Triple]:
        assert location.coordinates is not None
        lat, lon = location.coordinates
        geometry = ox.NamedNode(f"{subject.value}/geometry")
        yield subject, node(GEO + "hasGeometry"), geometry
        yield geometry, A, node(GEO + "Geometry")
        wkt = ox.Literal(f"POINT({lon} {lat})", datatype=node(GEO + "wktLiteral"))
        yield geometry, node(GEO + "asWKT"), wkt
        if location.accuracy is not None:
            from claimgraph.emit import decimal_literal

            yield (
                geometry,
                node(GEO + "hasMetricSpatialAccuracy"),
                decimal_literal(location.accuracy),
            )

    def _anchor(self, subject: ox.NamedNode, claim: Claim) -> Iterator[Triple]:
        anchor = claim.quote_anchor
        assert anchor is not None
        target = ox.NamedNode(f"{subject.value}/anchor")
        selector = ox.NamedNode(f"{target.value}/selector")
        yield subject, node(CG + "quoteAnchor"), target
        yield target, A, node(OA + "SpecificResource")
        yield target, node(OA + "hasSource"), self.scope.entity(anchor.source)
        yield target, node(OA + "hasSelector"), selector
        yield selector, A, node(OA + "TextQuoteSelector")
        yield selector, node(OA + "exact"), ox.Literal(anchor.exact)
        if anchor.prefix is not None:
            yield selector, node(OA + "prefix"), ox.Literal(anchor.prefix)
        if anchor.suffix is not None:
            yield selector, node(OA + "suffix"), ox.Literal(anchor.suffix)

    def annotation(self, resolved: ResolvedEntity) -> Iterator[ox.Quad]:
        """Editorial facts about an entity: only what was written, into the note's graph.

        No types and no defaults are added (the entity has them where it is defined), but
        what a written field stands for is: a Wikidata link, a date's precision, roles,
        coordinates, a quote anchor, figures.
        """
        subject = self.scope.entity(resolved.id)
        graph = self._graph_of(resolved)
        model = resolved.model
        written = model.model_fields_set
        triples = field_triples(self.scope, subject, model, only_set=True)
        triples.extend(wikidata_triples(subject, model))
        if written & {"date", "start_date", "issued"}:
            triples.extend(date_triples(subject, model))
        if isinstance(model, Actor) and "roles" in written:
            triples.extend(self._roles(subject, model))
        if isinstance(model, Location) and "coordinates" in written:
            triples.extend(self._geometry(subject, model))
        if isinstance(model, Claim) and "quote_anchor" in written:
            triples.extend(self._anchor(subject, model))
        yield from self._out(triples, graph)
        if isinstance(model, Content | Investigation):
            for index, figure in enumerate(model.figures):
                yield from self._figure(figure, subject, resolved, graph, index=index)

    def dataset_description(self, inputs: list[InputFile], when: dt.datetime) -> Iterator[ox.Quad]:
        manifest = self.ctx.manifest
        meta = self.meta
        build = ox.NamedNode(f"{meta.value}#build")
        tool = ox.NamedNode(f"{meta.value}#claimgraph")
        stamp = ox.Literal(when.strftime("%Y-%m-%dT%H:%M:%SZ"), datatype=node(XSD + "dateTime"))
        triples: list[Triple] = []
        creators: list[ox.NamedNode] = []
        for number, creator in enumerate(manifest.creator, start=1):
            agent = ox.NamedNode(creator.url or f"{meta.value}#creator-{number}")
            creators.append(agent)
            triples.append((agent, A, node(PROV + "Agent")))
            triples.append((agent, node(RDFS + "label"), ox.Literal(creator.name)))
        graphs = [(self.graph, manifest.title)] + [
            (graph, manifest.graphs[name]) for name, graph in self.extra.items()
        ]
        for graph, title in graphs:
            triples.append((graph, A, node(CG + "Dataset")))
            for lang in sorted(title or {}):
                assert title is not None
                triples.append((graph, node(DCT + "title"), ox.Literal(title[lang], language=lang)))
            if graph is not self.graph:
                triples.append((graph, node(DCT + "isPartOf"), self.graph))
            for agent in creators:
                triples.append((graph, node(DCT + "creator"), agent))
            if manifest.license:
                triples.append((graph, node(DCT + "license"), ox.NamedNode(manifest.license)))
            if manifest.created:
                triples.append((graph, node(DCT + "created"), date_literal(manifest.created)))
            triples.append((graph, node(PROV + "wasGeneratedBy"), build))
        for lang in sorted(manifest.description or {}):
            assert manifest.description is not None
            text = ox.Literal(manifest.description[lang], language=lang)
            triples.append((self.graph, node(DCT + "description"), text))
        if manifest.modified:
            triples.append((self.graph, node(DCT + "modified"), date_literal(manifest.modified)))
        if manifest.source:
            triples.append((self.graph, node(DCT + "source"), self.scope.entity(manifest.source)))
        for keyword in manifest.keywords:
            triples.append((self.graph, node(DCAT + "keyword"), ox.Literal(keyword)))
        triples.append((build, A, node(PROV + "Activity")))
        triples.append((build, node(PROV + "wasAssociatedWith"), tool))
        triples.append((build, node(PROV + "startedAtTime"), stamp))
        triples.append((tool, A, node(PROV + "SoftwareAgent")))
        triples.append((tool, node(RDFS + "label"), ox.Literal(f"claimgraph {__version__}")))
        triples.append((tool, node(SCHEMA + "softwareVersion"), ox.Literal(__version__)))
        for number, item in enumerate(inputs, start=1):
            used = ox.NamedNode(f"{meta.value}#input-{number}")
            triples.append((build, node(PROV + "used"), used))
            triples.append((used, A, node(PROV + "Entity")))
            triples.append((used, node(RDFS + "label"), ox.Literal(item.path)))
            triples.append((used, node(CG + "sha256"), ox.Literal(item.sha256)))
        for s, p, o in triples:
            self.spool.add(ox.Quad(s, p, o, meta))
        return iter(())


__all__ = ["BuildResult", "BuiltDataset", "InputFile", "build_paths"]
