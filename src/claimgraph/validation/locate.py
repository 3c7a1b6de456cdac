"""From SHACL results to findings a person can fix: where, what entity, and what to do.

Positions come from the data itself, so that the same mapping works on freshly built claims
and on published data: the build records, in each dataset's metadata graph, where every entity
was written (``cg:sourceFile``, ``cg:sourceLine``, ``cg:sourceColumn``, relative to the dataset
directory). When validation builds claims itself it asks the build to keep those positions in
memory instead (:attr:`Locator.built_positions`), which spares loading a third of the quads into the
store; built TriG handed in as RDF still carries them in its metadata graph. For RDF files
the line of the focus node's first triple is looked up in the file.
A node with no position of its own (a figure, a blank node) borrows the position of the entity
that points to it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from claimgraph.errors import Severity, SourcePos
from claimgraph.iris import CG
from claimgraph.shacl_results import SH, ShaclResult
from claimgraph.validation.rdfinput import RdfFile
from claimgraph.validation.report import SEVERITIES, Finding

#: Where a build saw each entity: IRI → (path relative to the dataset directory, line, column).
BuiltPositions = Mapping[str, tuple[str, int | None, int | None]]

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SOURCE_FILE = ox.NamedNode(CG + "sourceFile")
SOURCE_LINE = ox.NamedNode(CG + "sourceLine")
SOURCE_COLUMN = ox.NamedNode(CG + "sourceColumn")
LABELS = (
    ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
    ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
    ox.NamedNode("http://purl.org/dc/terms/title"),
)

#: cg: class → the kind word a person uses (the claims-file section), most specific first.
KINDS: tuple[tuple[str, str], ...] = (
    ("Rebuttal", "rebuttal"),
    ("Claim", "claim"),
    ("Figure", "figure"),
    ("Incident", "incident"),
    ("Campaign", "campaign"),
    ("Conflict", "conflict"),
    ("Event", "event"),
    ("Dataset", "dataset"),
    ("Evidence", "evidence"),
    ("Investigation", "investigation"),
    ("Assessment", "assessment"),
    ("MunitionType", "munition"),
    ("PlatformType", "platform"),
    ("WeaponType", "weapon type"),
    ("TargetType", "target"),
    ("LegalConcept", "legal concept"),
    ("Report", "source"),
    ("NewsArticle", "source"),
    ("OralStatement", "source"),
    ("VideoRecording", "source"),
    ("DataRecord", "source"),
    ("Source", "source"),
    ("Person", "actor"),
    ("Organization", "actor"),
    ("CollectiveActor", "actor"),
    ("Actor", "actor"),
    ("Location", "location"),
)
_KIND_RANK = {CG + name: rank for rank, (name, _) in enumerate(KINDS)}
_KIND_WORD = {CG + name: word for name, word in KINDS}
_SUBCLASSES = {
    CG + sub: CG + sup
    for sub, sup in (
        ("State", "Organization"),
        ("GovernmentBody", "Organization"),
        ("ArmedForce", "Organization"),
        ("NonStateArmedGroup", "Organization"),
        ("NGO", "Organization"),
        ("Coalition", "Organization"),
        ("MediaOutlet", "Organization"),
    )
}


@dataclass
class Locator:
    """What is needed to place findings: the data, where datasets live, the RDF inputs.

    ``meta_dirs`` maps each built dataset's metadata graph to its directory (positions there
    are relative to it); ``manifests`` maps each dataset node to its ``dataset.yaml``.
    """

    store: ox.Store
    base: str
    messages: dict[str, str] = field(default_factory=dict)
    meta_dirs: dict[str, str] = field(default_factory=dict)
    manifests: dict[str, str] = field(default_factory=dict)
    #: Positions the build kept in memory, per dataset directory; consulted before the store.
    built_positions: Sequence[tuple[str, BuiltPositions]] = ()
    rdf_files: Sequence[RdfFile] = ()
    prefixes: dict[str, str] = field(default_factory=dict)
    _positions: dict[str, tuple[SourcePos | None, SourcePos | None]] = field(
        default_factory=dict, repr=False
    )

    def findings(self, results: Sequence[ShaclResult]) -> list[Finding]:
        """Every result as a finding, sorted by file, line and column."""
        if self.rdf_files:
            wanted = self._wanted(results)
            for rdf_file in self.rdf_files:
                rdf_file.prepare(wanted)
        found = [self.finding(result) for result in results]
        found.sort(key=Finding.sort_key)
        return found

    def finding(self, result: ShaclResult) -> Finding:
        focus = parse_term(result.focus)
        pos, origin = self.position(focus)
        kind = self.kind(focus)
        entity_id, where = self.identify(focus)
        message = (
            result.message
            or self.messages.get(result.source_shape)
            or f"violates {local_name(result.constraint)}"
        )
        shown = None
        if result.value is not None and result.value != result.focus:
            shown = self.show(parse_term(result.value))
        return Finding(
            severity=SEVERITIES.get(result.severity, Severity.ERROR),
            message=message,
            kind=kind if where is None else f"{kind} in {where}",
            id=entity_id,
            focus=result.focus,
            path=result.path,
            value=result.value,
            constraint=_component(result.constraint),
            shape=result.source_shape.strip("<>"),
            pos=pos,
            label=self.label(focus),
            origin=origin,
            shown_value=shown,
            result=result,
        )

    # ----------------------------------------------------------------------- where

    def _wanted(self, results: Sequence[ShaclResult]) -> set[str]:
        """The IRIs whose lines the report needs: focus nodes, and holders of blank nodes."""
        wanted: set[str] = set()
        blank: list[ox.BlankNode] = []
        for result in results:
            if result.focus.startswith("<"):
                wanted.add(result.focus[1:-1])
            elif result.focus.startswith("_:"):
                blank.append(ox.BlankNode(result.focus[2:]))
        for _ in range(2):
            holders: list[ox.BlankNode] = []
            for node in blank:
                for quad in self.store.quads_for_pattern(None, None, node, None):
                    if isinstance(quad.subject, ox.NamedNode):
                        wanted.add(quad.subject.value)
                    elif isinstance(quad.subject, ox.BlankNode):
                        holders.append(quad.subject)
            blank = holders
        return wanted

    def position(
        self, node: ox.NamedNode | ox.BlankNode | ox.Literal, depth: int = 0
    ) -> tuple[SourcePos | None, SourcePos | None]:
        """(where to fix it, where it was first written) for a node, memoised."""
        key = str(node)
        if key in self._positions:
            return self._positions[key]
        pos: SourcePos | None = None
        origin: SourcePos | None = None
        if isinstance(node, ox.NamedNode) and node.value in self.manifests:
            pos = SourcePos(self.manifests[node.value], 1, 1)
        elif isinstance(node, ox.NamedNode) and (found := self._built(node.value)):
            pos = found
        elif not isinstance(node, ox.Literal):
            recorded, graph = self._recorded(node)
            if recorded is not None and graph in self.meta_dirs:
                directory = self.meta_dirs[graph]
                pos = SourcePos(_join(directory, recorded.path), recorded.line, recorded.column)
            else:
                origin = recorded
                if isinstance(node, ox.NamedNode):
                    for rdf_file in self.rdf_files:
                        pos = rdf_file.position(node.value)
                        if pos is not None:
                            break
            if pos is None and depth < 2:
                pos = self._parent_position(node, depth)
        self._positions[key] = (pos, origin)
        return pos, origin

    def _built(self, iri: str) -> SourcePos | None:
        for directory, table in self.built_positions:
            written = table.get(iri)
            if written is not None:
                path, line, column = written
                return SourcePos(_join(directory, path), line, column)
        return None

    def _recorded(self, node: ox.NamedNode | ox.BlankNode) -> tuple[SourcePos | None, str | None]:
        for quad in self.store.quads_for_pattern(node, SOURCE_FILE, None, None):
            graph = quad.graph_name
            line = self._integer(node, SOURCE_LINE, graph)
            column = self._integer(node, SOURCE_COLUMN, graph)
            graph_iri = graph.value if isinstance(graph, ox.NamedNode) else None
            path = quad.object.value if isinstance(quad.object, ox.Literal) else str(quad.object)
            return SourcePos(path, line, column), graph_iri
        return None, None

    def _integer(
        self, node: ox.NamedNode | ox.BlankNode, predicate: ox.NamedNode, graph: object
    ) -> int | None:
        for quad in self.store.quads_for_pattern(node, predicate, None, graph):  # type: ignore[arg-type]
            if not isinstance(quad.object, ox.Literal):
                return None
            try:
                return int(quad.object.value)
            except ValueError:
                return None
        return None

    def _parent_position(self, node: ox.NamedNode | ox.BlankNode, depth: int) -> SourcePos | None:
        for quad in self.store.quads_for_pattern(None, None, node, None):
            if quad.predicate == RDF_TYPE or not isinstance(
                quad.subject, ox.NamedNode | ox.BlankNode
            ):
                continue
            pos, _ = self.position(quad.subject, depth + 1)
            if pos is not None:
                return pos
        return None

    # ----------------------------------------------------------------------- what

    def kind(self, node: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
        """The kind word of the node's most specific claimgraph class, or its class's name."""
        if isinstance(node, ox.Literal):
            return "value"
        types = [
            q.object.value
            for q in self.store.quads_for_pattern(node, RDF_TYPE, None, None)
            if isinstance(q.object, ox.NamedNode)
        ]
        known = [_SUBCLASSES.get(t, t) for t in types if _SUBCLASSES.get(t, t) in _KIND_RANK]
        if known:
            return _KIND_WORD[min(known, key=_KIND_RANK.__getitem__)]
        if types:
            return local_name(f"<{sorted(types)[0]}>")
        return "node"

    def identify(
        self, node: ox.NamedNode | ox.BlankNode | ox.Literal
    ) -> tuple[str | None, str | None]:
        """(id, where): the local id for our IRIs, a compact IRI otherwise; for a blank node,
        no id but the entity that holds it ("claim 'C03'")."""
        if isinstance(node, ox.NamedNode):
            return self.show_iri(str(node)), None
        if isinstance(node, ox.BlankNode):
            for quad in self.store.quads_for_pattern(None, None, node, None):
                holder = quad.subject
                if isinstance(holder, ox.NamedNode):
                    return None, f"{self.kind(holder)} '{self.show_iri(str(holder))}'"
            return None, None
        return node.value, None

    def label(self, node: ox.NamedNode | ox.BlankNode | ox.Literal) -> str | None:
        if isinstance(node, ox.Literal):
            return None
        for predicate in LABELS:
            for quad in self.store.quads_for_pattern(node, predicate, None, None):
                if isinstance(quad.object, ox.Literal):
                    return quad.object.value
        return None

    def show_iri(self, term: str) -> str:
        """An IRI (N-Triples or bare) as a person reads it: local id, compact IRI, or bare IRI.

        >>> Locator(ox.Store(), "https://w3id.org/claimgraph/id/").show_iri(
        ...     "<https://w3id.org/claimgraph/id/seed/C03>")
        'C03'
        """
        iri = term[1:-1] if term.startswith("<") and term.endswith(">") else term
        if iri.startswith(self.base):
            rest = iri[len(self.base) :]
            if rest.startswith("graph/"):
                return rest.rsplit("/", 1)[-1]
            if "/" in rest:
                return rest.split("/", 1)[1]
        for rdf_file in self.rdf_files:
            compact = rdf_file.compact(iri)
            if compact:
                return compact
        best = max(
            (ns for ns in self.prefixes.values() if iri.startswith(ns)), key=len, default=None
        )
        if best is not None:
            prefix = next(p for p, ns in self.prefixes.items() if ns == best)
            local = iri[len(best) :]
            if local and all(c.isalnum() or c in "_-." for c in local):
                return f"{prefix}:{local}"
        return iri

    def show(self, term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
        """A value as a person reads it: ``"2015-12-23"`` (a string), ``C09``, an IRI."""
        if isinstance(term, ox.NamedNode):
            return self.show_iri(term.value)
        if isinstance(term, ox.BlankNode):
            return "a blank node"
        text = '"' + term.value + '"'
        if term.language:
            return f"{text}@{term.language}"
        datatype = self.show_iri(term.datatype.value)
        return text if datatype == "xsd:string" else f"{text}^^{datatype}"


def parse_term(text: str) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A term in N-Triples syntax (as ShaclResult holds them) as a pyoxigraph term.

    >>> parse_term('<http://example.org/a>'), parse_term('"1"^^<http://www.w3.org/2001/XMLSchema#integer>').value
    (<NamedNode value=http://example.org/a>, '1')
    """
    if text.startswith("<") and text.endswith(">"):
        return ox.NamedNode(text[1:-1])
    if text.startswith("_:"):
        return ox.BlankNode(text[2:])
    quad = next(iter(ox.parse(f"<urn:s> <urn:p> {text} .", format=ox.RdfFormat.N_TRIPLES)))
    obj = quad.object
    assert isinstance(obj, ox.Literal)
    return obj


def local_name(term: str) -> str:
    """The last segment of an IRI: ``MinCountConstraintComponent``, ``Claim-claimant-required``.

    >>> local_name("<http://www.w3.org/ns/shacl#MinCountConstraintComponent>")
    'MinCountConstraintComponent'
    """
    iri = term.strip("<>")
    for separator in ("#", "/"):
        if separator in iri:
            tail = iri.rsplit(separator, 1)[1]
            if tail:
                return tail
    return iri


def _component(term: str) -> str:
    """``sh:MinCountConstraintComponent`` for SHACL's own components, else the bare IRI."""
    iri = term.strip("<>")
    return "sh:" + iri[len(SH) :] if iri.startswith(SH) else iri


def _join(directory: str, relative: str) -> str:
    return relative if directory in ("", ".") else os.path.join(directory, relative)
