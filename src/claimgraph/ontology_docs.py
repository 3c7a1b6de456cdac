"""The ontology reference page (``docs/ontology.md``), generated from the bundled Turtle files.

The Turtle files are the single source of truth for every term's label, definition, domain,
range and alignment; a hand-written page would drift from them. So the page is rendered from
the files as shipped in the package (read through :mod:`claimgraph.resources`, never relative to
the repository), and a unit test fails when ``docs/ontology.md`` is not what this module renders.
The output is sorted throughout, so regenerating an unchanged ontology changes no byte.

pyoxigraph parses the files rather than rdflib: it is strict (a file it accepts is valid Turtle)
and fast enough for a test to render the page on every run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from claimgraph.errors import Diagnostic, InputError, SourcePos
from claimgraph.iris import ALIGN_GRAPH, CG, CGV, ONTOLOGY_GRAPH, VOCAB_GRAPH
from claimgraph.namespaces import PREFIXES
from claimgraph.resources import ontology_file

__all__ = ["render_ontology_markdown", "write_ontology_markdown"]

_RDF = PREFIXES["rdf"]
_RDFS = PREFIXES["rdfs"]
_OWL = PREFIXES["owl"]
_SKOS = PREFIXES["skos"]
_SCHEMA = PREFIXES["schema"]
_DCTERMS = PREFIXES["dcterms"]

_TYPE = _RDF + "type"
_LABEL = _RDFS + "label"
_COMMENT = _RDFS + "comment"
_SUBCLASS = _RDFS + "subClassOf"
_SUBPROPERTY = _RDFS + "subPropertyOf"
_DOMAIN_INCLUDES = _SCHEMA + "domainIncludes"
_RANGE_INCLUDES = _SCHEMA + "rangeIncludes"

#: The relations the alignment module may use, in the order the page explains them.
_ALIGNMENT_RELATIONS = (
    _SUBCLASS,
    _SUBPROPERTY,
    _SKOS + "exactMatch",
    _SKOS + "closeMatch",
    _SKOS + "relatedMatch",
    _SKOS + "broadMatch",
    _SKOS + "narrowMatch",
)


_Object = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass
class _Graph:
    """One Turtle file as subject → predicate → objects, enough to render it."""

    name: str
    triples: dict[str, dict[str, list[_Object]]] = field(default_factory=dict)

    def add(self, subject: str, predicate: str, obj: _Object) -> None:
        self.triples.setdefault(subject, {}).setdefault(predicate, []).append(obj)

    def objects(self, subject: str, predicate: str) -> list[_Object]:
        return self.triples.get(subject, {}).get(predicate, [])

    def iris(self, subject: str, predicate: str) -> list[str]:
        return sorted(
            o.value for o in self.objects(subject, predicate) if isinstance(o, ox.NamedNode)
        )

    def text(self, subject: str, predicate: str) -> str:
        """The English (or untagged) literal of a property; several are joined, sorted."""
        values = sorted(
            o.value
            for o in self.objects(subject, predicate)
            if isinstance(o, ox.Literal) and o.language in (None, "en")
        )
        return "; ".join(values)

    def subjects_of_type(self, rdf_type: str, namespace: str) -> list[str]:
        return sorted(
            (
                s
                for s, po in self.triples.items()
                if s.startswith(namespace)
                and any(
                    isinstance(o, ox.NamedNode) and o.value == rdf_type for o in po.get(_TYPE, [])
                )
            ),
            key=_sort_key,
        )


def _load(name: str) -> _Graph:
    """Parse a bundled ontology file strictly; a broken file is an input error with file:line."""
    resource = ontology_file(name)
    where = f"ontology/{name}"
    try:
        data = resource.read_bytes()
    except OSError as exc:
        raise InputError(
            Diagnostic(SourcePos(where), f"cannot read the ontology file: {exc}")
        ) from exc
    graph = _Graph(name)
    try:
        for quad in ox.parse(input=data, format=ox.RdfFormat.TURTLE):
            subject, obj = quad.subject, quad.object
            if isinstance(subject, ox.Triple) or isinstance(obj, ox.Triple):
                continue  # RDF 1.2 triple terms: the ontology does not use them
            graph.add(subject.value, quad.predicate.value, obj)
    except SyntaxError as exc:
        message = (exc.msg or "").split(": ", 1)[-1]
        raise InputError(
            Diagnostic(SourcePos(where, exc.lineno, exc.offset), f"invalid Turtle: {message}")
        ) from exc
    return graph


def render_ontology_markdown() -> str:
    """The reference page for the core ontology, the vocabularies and the alignments.

    >>> page = render_ontology_markdown()
    >>> page.startswith("# claimgraph ontology")
    True
    >>> "| `cg:Claim` |" in page and "`cgv:Day`" in page
    True
    """
    core = _load("claimgraph.ttl")
    vocab = _load("vocab.ttl")
    align = _load("align.ttl")
    blocks = [
        *_header(core, vocab, align),
        *_namespaces(),
        *_classes(core),
        *_properties(core, _OWL + "ObjectProperty", "Object properties", "values are nodes"),
        *_properties(core, _OWL + "DatatypeProperty", "Datatype properties", "values are literals"),
        *_schemes(vocab),
        *_alignments(align),
    ]
    return "\n\n".join(blocks) + "\n"


def write_ontology_markdown(path: Path) -> bool:
    """Write the reference page to ``path``; return whether its content changed.

    Leaving an up-to-date file untouched keeps its timestamp, so build tools and editors do not
    see a change that is not there.
    """
    text = render_ontology_markdown()
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return True


# ------------------------------------------------------------------------------- sections
# Each section is a list of Markdown blocks (heading, paragraph, table), joined by blank lines.


def _header(core: _Graph, vocab: _Graph, align: _Graph) -> list[str]:
    version = core.text(ONTOLOGY_GRAPH, _OWL + "versionInfo")
    licence = " ".join(core.iris(ONTOLOGY_GRAPH, _DCTERMS + "license"))
    modules = [
        (
            f"`{graph.name}`",
            f"<{iri}>",
            _cell(graph.text(iri, _DCTERMS + "title")),
            " ".join(f"<{v}>" for v in graph.iris(iri, _OWL + "versionIRI")),
        )
        for graph, iri in ((core, ONTOLOGY_GRAPH), (vocab, VOCAB_GRAPH), (align, ALIGN_GRAPH))
    ]
    return [
        "# claimgraph ontology",
        "<!-- Generated from ontology/*.ttl by `claimgraph ontology docs`; do not edit. -->",
        _cell(core.text(ONTOLOGY_GRAPH, _DCTERMS + "description")),
        f"Version {version}. Licence: <{licence}>.",
        "Domains and ranges are documentation (`schema:domainIncludes`, `schema:rangeIncludes`), "
        "enforced by the SHACL shapes rather than by `rdfs:domain`/`rdfs:range`, so that RDFS "
        "inference never retypes a node. Links to Wikidata use `cg:wikidata`, never `owl:sameAs`.",
        _table(("file", "ontology IRI", "title", "version IRI"), modules),
    ]


def _namespaces() -> list[str]:
    rows = [(f"`{prefix}:`", f"<{iri}>") for prefix, iri in sorted(PREFIXES.items())]
    return ["## Namespaces", _table(("prefix", "namespace"), rows)]


def _classes(core: _Graph) -> list[str]:
    rows = [
        (
            _code(cls),
            _cell(core.text(cls, _LABEL)),
            _codes(core.iris(cls, _SUBCLASS)),
            _cell(core.text(cls, _COMMENT)),
        )
        for cls in core.subjects_of_type(_OWL + "Class", CG)
    ]
    return ["## Classes", _table(("class", "label", "subclass of", "definition"), rows)]


def _properties(core: _Graph, kind: str, title: str, values: str) -> list[str]:
    rows = []
    for prop in core.subjects_of_type(kind, CG):
        name = _code(prop)
        if _OWL + "TransitiveProperty" in core.iris(prop, _TYPE):
            name += " (transitive)"
        rows.append(
            (
                name,
                _cell(core.text(prop, _LABEL)),
                _codes(core.iris(prop, _DOMAIN_INCLUDES)),
                _codes(core.iris(prop, _RANGE_INCLUDES)),
                _cell(core.text(prop, _COMMENT)),
            )
        )
    header = ("property", "label", "domain includes", "range includes", "definition")
    return [f"## {title}", f"Properties whose {values}.", _table(header, rows)]


def _schemes(vocab: _Graph) -> list[str]:
    blocks = [
        "## Concept schemes",
        "The values of the concept-valued properties, one SKOS concept scheme each. Within a "
        "scheme, narrower concepts follow their broader one.",
    ]
    members: dict[str, list[str]] = defaultdict(list)
    for subject, predicates in vocab.triples.items():
        for scheme in predicates.get(_SKOS + "inScheme", []):
            members[scheme.value].append(subject)
    for scheme_iri in vocab.subjects_of_type(_SKOS + "ConceptScheme", CGV):
        rows = [
            (
                _code(concept),
                _cell(vocab.text(concept, _SKOS + "notation")),
                _cell(vocab.text(concept, _SKOS + "prefLabel")),
                _cell(vocab.text(concept, _SKOS + "definition")),
                _codes(vocab.iris(concept, _SKOS + "broader")),
            )
            for concept in _hierarchy(vocab, members[scheme_iri])
        ]
        blocks += [
            f"### {_code(scheme_iri)}: {_cell(vocab.text(scheme_iri, _SKOS + 'prefLabel'))}",
            _cell(vocab.text(scheme_iri, _SKOS + "definition")),
            _table(("concept", "notation", "label", "definition", "broader"), rows),
        ]
    return blocks


def _hierarchy(vocab: _Graph, concepts: Iterable[str]) -> list[str]:
    """Concepts depth-first from the scheme's roots, siblings sorted: a stable, readable order."""
    members = set(concepts)
    children: dict[str, list[str]] = defaultdict(list)
    roots = []
    for concept in members:
        broader = [b for b in vocab.iris(concept, _SKOS + "broader") if b in members]
        for parent in broader:
            children[parent].append(concept)
        if not broader:
            roots.append(concept)
    ordered: list[str] = []

    def visit(concept: str) -> None:
        if concept in ordered:
            return
        ordered.append(concept)
        for child in sorted(children[concept], key=_sort_key):
            visit(child)

    for root in sorted(roots, key=_sort_key):
        visit(root)
    for rest in sorted(members - set(ordered), key=_sort_key):  # only a cycle of broader links
        visit(rest)
    return ordered


def _alignments(align: _Graph) -> list[str]:
    rows = [
        (_code(subject), _code(relation), _code(target))
        for subject in sorted(align.triples, key=_sort_key)
        if subject.startswith((CG, CGV))
        for relation in _ALIGNMENT_RELATIONS
        for target in sorted(align.iris(subject, relation), key=_sort_key)
    ]
    return [
        "## Alignments",
        "From `align.ttl`. `rdfs:subClassOf` and `rdfs:subPropertyOf` are used where the "
        "entailment is wanted; `skos:closeMatch` and `skos:relatedMatch` where the granularity "
        "differs, with no entailment. Loading the module is optional.",
        _table(("term", "relation", "target"), rows),
    ]


# ------------------------------------------------------------------------------- formatting


def _compact(iri: str) -> str:
    """``prefix:local`` with the longest matching namespace, or ``<iri>`` when none fits."""
    best = ""
    for prefix, namespace in PREFIXES.items():
        local = iri[len(namespace) :]
        if (
            iri.startswith(namespace)
            and local
            and "/" not in local
            and "#" not in local
            and (not best or len(namespace) > len(PREFIXES[best]))
        ):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]) :]}" if best else f"<{iri}>"


def _code(iri: str) -> str:
    return f"`{_compact(iri)}`"


def _codes(iris: Iterable[str]) -> str:
    return ", ".join(_code(iri) for iri in sorted(iris, key=_sort_key))


def _sort_key(iri: str) -> tuple[str, str]:
    compact = _compact(iri)
    return (compact.lower(), compact)


def _cell(text: str) -> str:
    """Text made safe for one Markdown table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def _table(header: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
