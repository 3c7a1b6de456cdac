"""The ontology files (issue 3): strict syntax, documented terms, design rules, generated docs.

The Turtle files are read from the repository's ``ontology/`` folder, the same files the package
ships (``src/claimgraph/resources/ontology`` links to it).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from claimgraph import iris, ontology_docs
from claimgraph.errors import InputError
from claimgraph.ontology_docs import render_ontology_markdown, write_ontology_markdown
from claimgraph.resources import ONTOLOGY_FILES

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY_DIR = ROOT / "ontology"
DOCS_FILE = ROOT / "docs" / "ontology.md"

SCHEMA = "http://schema.org/"
ONTOLOGY_IRIS = {
    "claimgraph.ttl": iris.ONTOLOGY_GRAPH,
    "vocab.ttl": iris.VOCAB_GRAPH,
    "align.ttl": iris.ALIGN_GRAPH,
}

#: The terms the design names in issue 3; the rest of the code base is written against them.
DESIGN_TERMS = [
    *("Claim", "Rebuttal", "rebuts", "claimant", "speaker", "statedIn", "reportedIn", "about"),
    *("hasFigure", "value", "minValue", "maxValue", "verbatim", "measure", "approximation"),
    *("munitionType", "platformType", "targetType", "location", "date", "wikidata"),
]

#: The only relations the alignment module may state (design decision 10).
ALIGNMENT_RELATIONS = {
    RDFS.subClassOf,
    RDFS.subPropertyOf,
    SKOS.exactMatch,
    SKOS.closeMatch,
    SKOS.relatedMatch,
    SKOS.broadMatch,
    SKOS.narrowMatch,
}


def _load(name: str) -> Graph:
    return Graph().parse(ONTOLOGY_DIR / name, format="turtle")


@pytest.fixture(scope="module")
def core() -> Graph:
    return _load("claimgraph.ttl")


@pytest.fixture(scope="module")
def vocab() -> Graph:
    return _load("vocab.ttl")


@pytest.fixture(scope="module")
def align() -> Graph:
    return _load("align.ttl")


@pytest.fixture(scope="module")
def every() -> dict[str, Graph]:
    return {name: _load(name) for name in ONTOLOGY_FILES}


def _in_namespace(graph: Graph, namespace: str) -> set[URIRef]:
    """Every IRI of ``namespace`` that the graph mentions, in any position."""
    return {
        term
        for triple in graph
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(namespace)
    }


def _defined(graph: Graph, namespace: str) -> set[Node]:
    return {s for s in graph.subjects(RDF.type, None) if str(s).startswith(namespace)}


def _english(graph: Graph, subject: Node, predicate: URIRef) -> list[Literal]:
    return [
        o
        for o in graph.objects(subject, predicate)
        if isinstance(o, Literal) and o.language == "en" and str(o).strip()
    ]


# ------------------------------------------------------------------------------- syntax


@pytest.mark.parametrize("name", ONTOLOGY_FILES)
def test_file_parses_with_the_strict_parser(name: str) -> None:
    quads = list(ox.parse(path=ONTOLOGY_DIR / name, format=ox.RdfFormat.TURTLE))
    assert len(quads) > 50


@pytest.mark.parametrize("name", ONTOLOGY_FILES)
def test_file_parses_with_rdflib_to_the_same_size(name: str) -> None:
    quads = list(ox.parse(path=ONTOLOGY_DIR / name, format=ox.RdfFormat.TURTLE))
    assert len(_load(name)) == len(quads)


@pytest.mark.parametrize("name", ONTOLOGY_FILES)
def test_file_has_an_ontology_header(name: str) -> None:
    graph = _load(name)
    ontology = URIRef(ONTOLOGY_IRIS[name])
    assert (ontology, RDF.type, OWL.Ontology) in graph
    assert graph.value(ontology, OWL.versionIRI) == URIRef(f"{ontology}/0.1.0")
    assert str(graph.value(ontology, OWL.versionInfo)) == "0.1.0"
    assert graph.value(ontology, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert str(graph.value(ontology, DCTERMS.creator)) == "claimgraph developers"
    assert _english(graph, ontology, DCTERMS.title)
    assert _english(graph, ontology, DCTERMS.description)


# ------------------------------------------------------------------------------- design rules


@pytest.mark.parametrize("forbidden", [OWL.sameAs, RDFS.domain, RDFS.range, OWL.imports])
def test_no_file_uses_a_forbidden_term(every: dict[str, Graph], forbidden: URIRef) -> None:
    """Identity links merge nodes, and domains/ranges retype them (design decisions 8, 10)."""
    used = {name for name, graph in every.items() if forbidden in {t for tr in graph for t in tr}}
    assert not used, f"{forbidden} used in {sorted(used)}"


def test_alignments_use_only_subclass_subproperty_and_skos_mappings(align: Graph) -> None:
    stray = {
        (s, p)
        for s, p, _ in align
        if str(s).startswith((iris.CG, iris.CGV)) and p not in ALIGNMENT_RELATIONS
    }
    assert not stray


def test_alignments_are_kept_out_of_the_core_and_the_vocabularies(
    core: Graph, vocab: Graph
) -> None:
    mappings = ALIGNMENT_RELATIONS - {RDFS.subClassOf}
    for graph in (core, vocab):
        internal = (iris.CG, str(SKOS))
        stray = {
            (s, p, o)
            for s, p, o in graph
            if p in mappings or (p == RDFS.subClassOf and not str(o).startswith(internal))
        }
        assert not stray


def test_wikidata_link_is_an_exact_match_not_an_identity(align: Graph) -> None:
    wikidata = URIRef(iris.CG + "wikidata")
    assert (wikidata, RDFS.subPropertyOf, SKOS.exactMatch) in align


# ------------------------------------------------------------------------------- core terms


def test_the_design_terms_of_the_issue_exist(core: Graph) -> None:
    defined = _defined(core, iris.CG)
    missing = [t for t in DESIGN_TERMS if URIRef(iris.CG + t) not in defined]
    assert not missing


def test_every_core_term_has_an_english_label_and_comment(core: Graph) -> None:
    terms = {s for s in core.subjects() if isinstance(s, URIRef) and str(s).startswith(iris.CG)}
    assert len(terms) >= 100
    for term in sorted(terms):
        assert len(_english(core, term, RDFS.label)) == 1, f"{term} needs one rdfs:label@en"
        assert len(_english(core, term, RDFS.comment)) == 1, f"{term} needs one rdfs:comment@en"


def test_every_core_term_is_a_class_or_a_property(core: Graph) -> None:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
    for term in _defined(core, iris.CG):
        assert set(core.objects(term, RDF.type)) & kinds, term


def test_every_property_comment_names_its_subject_and_object(core: Graph) -> None:
    properties = set(core.subjects(RDF.type, OWL.ObjectProperty)) | set(
        core.subjects(RDF.type, OWL.DatatypeProperty)
    )
    for prop in properties:
        comment = str(_english(core, prop, RDFS.comment)[0])
        assert "Subject:" in comment, prop
        assert "Object:" in comment, prop


def test_domains_and_ranges_point_at_defined_core_classes(core: Graph) -> None:
    classes = set(core.subjects(RDF.type, OWL.Class))
    for predicate in (URIRef(SCHEMA + "domainIncludes"), URIRef(SCHEMA + "rangeIncludes")):
        for _, target in core.subject_objects(predicate):
            if str(target).startswith(iris.CG):
                assert target in classes, target


@pytest.mark.parametrize("name", ONTOLOGY_FILES)
def test_every_cg_term_mentioned_is_defined_in_the_core(core: Graph, name: str) -> None:
    """A typo such as cg:claimnat in the alignments or vocabularies fails here."""
    undefined = _in_namespace(_load(name), iris.CG) - _defined(core, iris.CG)
    assert not undefined


def test_team_additions_are_defined(core: Graph) -> None:
    cg = iris.CG
    assert (URIRef(cg + "VideoRecording"), RDFS.subClassOf, URIRef(cg + "Source")) in core
    assert (URIRef(cg + "DataRecord"), RDFS.subClassOf, URIRef(cg + "Source")) in core
    for name in ("claimantNameAsWritten", "sourceFile", "sourceLine", "sourceColumn"):
        assert (URIRef(cg + name), RDF.type, OWL.DatatypeProperty) in core
    assert not _in_namespace(core, cg + "Membership")


# ------------------------------------------------------------------------------- vocabularies


def test_every_concept_has_a_scheme_label_and_definition(vocab: Graph) -> None:
    schemes = set(vocab.subjects(RDF.type, SKOS.ConceptScheme))
    concepts = set(vocab.subjects(RDF.type, SKOS.Concept))
    assert len(schemes) == 13
    assert len(concepts) >= 70
    for concept in concepts:
        assert set(vocab.objects(concept, SKOS.inScheme)) <= schemes, concept
        assert len(list(vocab.objects(concept, SKOS.inScheme))) == 1, concept
        assert len(_english(vocab, concept, SKOS.prefLabel)) == 1, concept
        assert len(_english(vocab, concept, SKOS.definition)) == 1, concept
    for scheme in schemes:
        assert len(_english(vocab, scheme, SKOS.prefLabel)) == 1, scheme
        assert len(_english(vocab, scheme, SKOS.definition)) == 1, scheme


def test_top_concepts_are_exactly_those_without_a_broader_concept(vocab: Graph) -> None:
    for concept in vocab.subjects(RDF.type, SKOS.Concept):
        (scheme,) = vocab.objects(concept, SKOS.inScheme)
        is_top = (concept, SKOS.topConceptOf, scheme) in vocab
        assert is_top == (vocab.value(concept, SKOS.broader) is None), concept
        assert is_top == ((scheme, SKOS.hasTopConcept, concept) in vocab), concept


def test_every_cgv_term_mentioned_is_defined_in_the_vocabularies(
    every: dict[str, Graph], vocab: Graph
) -> None:
    defined = _defined(vocab, iris.CGV)
    for name, graph in every.items():
        assert not _in_namespace(graph, iris.CGV) - defined, name


def test_date_precisions_keep_wikidata_notations(vocab: Graph) -> None:
    notations = {
        name: str(vocab.value(URIRef(iris.CGV + name), SKOS.notation))
        for name in ("Day", "Month", "Year")
    }
    assert notations == {"Day": "11", "Month": "10", "Year": "9"}


@pytest.mark.parametrize(
    ("concept", "broader"),
    [
        ("CivilianDeaths", "Deaths"),
        ("CombatantDeaths", "Deaths"),
        ("UnknownStatusDeaths", "Deaths"),
    ],
)
def test_death_measures_are_narrower_than_deaths(vocab: Graph, concept: str, broader: str) -> None:
    assert (URIRef(iris.CGV + concept), SKOS.broader, URIRef(iris.CGV + broader)) in vocab


def test_unknown_location_is_a_location_precision(vocab: Graph) -> None:
    unknown = URIRef(iris.CGV + "UnknownLocation")
    assert (unknown, SKOS.inScheme, URIRef(iris.CGV + "LocationPrecisions")) in vocab


def test_vocabularies_hold_no_concrete_weapons(vocab: Graph) -> None:
    labels = " ".join(str(o) for o in vocab.objects(None, SKOS.prefLabel)).lower()
    assert "rbk" not in labels
    assert "su-24" not in labels


def test_discounted_grade_says_its_definition_is_the_projects(vocab: Graph) -> None:
    notes = " ".join(str(n) for n in vocab.objects(URIRef(iris.CGV + "Discounted"), None))
    assert "claimgraph's own" in notes


# ------------------------------------------------------------------------------- documentation


def test_docs_are_up_to_date() -> None:
    """Regenerate with ``claimgraph ontology docs`` (or write_ontology_markdown) after an edit."""
    assert render_ontology_markdown() == DOCS_FILE.read_text(encoding="utf-8")


def test_docs_list_every_term(core: Graph, vocab: Graph) -> None:
    page = render_ontology_markdown()
    terms = {f"`cg:{str(t)[len(iris.CG) :]}`" for t in _defined(core, iris.CG)}
    terms |= {f"`cgv:{str(t)[len(iris.CGV) :]}`" for t in _defined(vocab, iris.CGV)}
    assert not {t for t in terms if f"| {t}" not in page and f"### {t}" not in page}


def test_write_reports_whether_the_file_changed(tmp_path: Path) -> None:
    target = tmp_path / "docs" / "ontology.md"
    assert write_ontology_markdown(target) is True
    assert write_ontology_markdown(target) is False
    target.write_text("stale\n", encoding="utf-8")
    assert write_ontology_markdown(target) is True
    assert target.read_text(encoding="utf-8") == render_ontology_markdown()


def test_broken_turtle_is_an_input_error_with_its_position(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "claimgraph.ttl"
    broken.write_text("@prefix cg: <https://w3id.org/claimgraph/ns#> .\n\ncg:a cg:b zz:c .\n")
    monkeypatch.setattr(ontology_docs, "ontology_file", lambda name: tmp_path / name)
    with pytest.raises(InputError) as caught:
        render_ontology_markdown()
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.pos.path == "ontology/claimgraph.ttl"
    assert diagnostic.pos.line == 3
