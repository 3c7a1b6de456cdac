"""Unit tests of the fast SHACL engine's parts: paths, literal handling, declining, inputs.

Agreement with pySHACL is tested in ``test_shacl_equivalence.py``; these tests pin down the
pieces that agreement rests on, and the promise to return ``None`` rather than guess.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.shacl import validate_fast
from claimgraph.shacl.facts import Facts, key_of_tsv
from claimgraph.shacl.literals import datatype_matches
from claimgraph.shacl.paths import Inverse, Predicate, Repeat, Sequence, query_path, render_path
from claimgraph.shacl.queries import SAFE_LEXICAL, portable_pattern
from claimgraph.shacl.sparql_constraints import prepare
from claimgraph.shacl.vocab import XSD_NS

EX = "http://example.org/"
PREFIXES = """
@prefix ex: <http://example.org/> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""


def turtle(text: str) -> list[ox.Triple]:
    return [q.triple for q in ox.parse((PREFIXES + text).encode(), format=ox.RdfFormat.TURTLE)]


def store_of(text: str) -> ox.Store:
    store = ox.Store()
    store.load((PREFIXES + text).encode(), format=ox.RdfFormat.TRIG)
    return store


def p(name: str) -> Predicate:
    return Predicate(ox.NamedNode(EX + name))


# ------------------------------------------------------------------ paths


def test_paths_render_as_declared_but_query_as_pyshacl_reads_them() -> None:
    path = Inverse(Sequence((p("a"), Repeat(p("b"), "*"))))
    assert render_path(path) == f"^(<{EX}a>/<{EX}b>*)"
    # pySHACL pushes the inverse into the steps without reversing them
    assert query_path(path) == f"(^<{EX}a>/(^<{EX}b>)*)"


# ------------------------------------------------------------------ literals and TSV


literal_values = st.one_of(
    st.integers(-(10**25), 10**25).map(
        lambda n: ox.Literal(str(n), datatype=ox.NamedNode(XSD_NS + "integer"))
    ),
    st.decimals(allow_nan=False, allow_infinity=False, places=4).map(
        lambda d: ox.Literal(str(d), datatype=ox.NamedNode(XSD_NS + "decimal"))
    ),
    st.booleans().map(
        lambda b: ox.Literal(str(b).lower(), datatype=ox.NamedNode(XSD_NS + "boolean"))
    ),
    st.floats(allow_nan=False).map(
        lambda f: ox.Literal(repr(f), datatype=ox.NamedNode(XSD_NS + "double"))
    ),
    st.text(max_size=20).map(ox.Literal),
    st.text(max_size=5).map(lambda t: ox.Literal(t, language="en-GB")),
)


@settings(max_examples=150, deadline=None)
@given(literal_values)
def test_tsv_terms_read_back_as_their_ntriples_form(literal: ox.Literal) -> None:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), literal))
    stored = str(next(iter(store)).object)
    assert Facts(store).rows("SELECT ?o WHERE { ?s ?p ?o }") == [(stored,)]
    assert key_of_tsv(stored) == stored


@pytest.mark.parametrize("datatype", [d for d, regex in SAFE_LEXICAL.items() if regex])
def test_lexical_forms_deemed_safe_are_well_typed_to_rdflib(datatype: str) -> None:
    regex = SAFE_LEXICAL[datatype]
    assert regex is not None

    @settings(max_examples=200, deadline=None)
    @given(st.from_regex(re.compile(regex), fullmatch=True))
    def check(lexical: str) -> None:
        assert datatype_matches(
            ox.Literal(lexical, datatype=ox.NamedNode(datatype)), ox.NamedNode(datatype)
        )

    check()


@pytest.mark.parametrize("name", ["gYear", "gYearMonth"])
def test_rdflib_accepts_any_lexical_form_of_unchecked_datatypes(name: str) -> None:
    datatype = ox.NamedNode(XSD_NS + name)
    assert datatype_matches(ox.Literal("not a year", datatype=datatype), datatype)


def test_ill_typed_literals_fail_datatype_but_rdflib_readings_pass() -> None:
    decimal = ox.NamedNode(XSD_NS + "decimal")
    assert datatype_matches(ox.Literal("1e5", datatype=decimal), decimal)
    assert not datatype_matches(ox.Literal("twelve", datatype=decimal), decimal)


@pytest.mark.parametrize(
    ("pattern", "flags", "portable"),
    [
        ("^http://www\\.wikidata\\.org/entity/Q[1-9][0-9]*$", "", True),
        ("^[a-z]+$", "", True),
        ("^[a-z]+$", "i", False),
        ("\\d+", "", False),
        ("(?i)abc", "", False),
        ("[[a-z]&&[^q]]", "", False),
        ("é", "", False),
    ],
)
def test_only_patterns_rust_and_python_read_alike_are_prefiltered(
    pattern: str, flags: str, portable: bool
) -> None:
    assert portable_pattern(pattern, flags) is portable


# ------------------------------------------------------------------ declining


DECLINED = {
    "qualified value shape": """ex:S a sh:NodeShape ; sh:targetClass ex:C ;
        sh:property [ sh:path ex:p ; sh:qualifiedValueShape [ sh:class ex:D ] ;
            sh:qualifiedMinCount 1 ] .""",
    "SHACL-AF target": """ex:S a sh:NodeShape ;
        sh:target [ a sh:SPARQLTarget ; sh:select 'SELECT ?this {}' ] .""",
    "SHACL-AF rule": "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:rule [ a sh:TripleRule ] .",
    "custom component": "ex:Comp a sh:ConstraintComponent ; sh:parameter [ sh:path ex:q ] .",
    "recursion": """ex:S a sh:NodeShape ; sh:targetClass ex:C ;
        sh:property [ sh:path ex:p ; sh:node ex:S ] .""",
    "blank node in sh:in": "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:in ( [] ) .",
    "minCount on a node shape": "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:minCount 1 .",
    "two paths": "ex:S a sh:PropertyShape ; sh:targetClass ex:C ; sh:path ex:p , ex:q .",
    "SPARQL MINUS": """ex:S a sh:NodeShape ; sh:targetClass ex:C ;
        sh:sparql [ sh:select "SELECT $this WHERE { $this ?p ?o MINUS { $this a ?c } }" ] .""",
    "SPARQL aggregate": """ex:S a sh:NodeShape ; sh:targetClass ex:C ;
        sh:sparql [ sh:select "SELECT $this (COUNT(?o) AS ?n) WHERE { $this ?p ?o }" ] .""",
    "SPARQL shapes graph": """ex:S a sh:NodeShape ; sh:targetClass ex:C ;
        sh:sparql [ sh:select "SELECT $this WHERE { GRAPH $shapesGraph { $this ?p ?o } }" ] .""",
    "bad pattern": "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:pattern '(' .",
}


@pytest.mark.parametrize("shapes", DECLINED.values(), ids=DECLINED.keys())
def test_declines_features_it_does_not_do_exactly_as_pyshacl(shapes: str) -> None:
    store = store_of("ex:g { ex:x a ex:C ; ex:p ex:y . }")
    assert validate_fast(store, turtle(shapes)) is None


def test_declines_comparisons_pyshacl_would_fail_on() -> None:
    shapes = turtle("""ex:S a sh:NodeShape ; sh:targetClass ex:C ;
        sh:property [ sh:path ex:p ; sh:lessThan ex:q ] .""")
    assert validate_fast(store_of("ex:g { ex:x a ex:C ; ex:q 1 . }"), shapes) == []
    assert validate_fast(store_of("ex:g { ex:x a ex:C ; ex:p [] . }"), shapes) is None


def test_declines_ontologies_whose_blank_nodes_pyshacl_would_clone() -> None:
    shapes = turtle("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:class ex:D .")
    ontology = turtle("ex:C rdfs:subClassOf [ rdfs:label 'anonymous' ] .")
    assert (
        validate_fast(store_of("ex:g { ex:x a ex:C . }"), shapes, ontology_quads=ontology) is None
    )


# ------------------------------------------------------------------ semantics and inputs


def test_a_triple_in_two_graphs_is_one_value_as_in_pyshacl() -> None:
    shapes = turtle(
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:maxCount 1 ] ."
    )
    store = store_of("ex:g1 { ex:x a ex:C ; ex:p 1 . } ex:g2 { ex:x ex:p 1 . }")
    assert validate_fast(store, shapes) == []
    store.add(ox.Quad(ox.NamedNode(EX + "x"), ox.NamedNode(EX + "p"), ox.Literal("2")))
    result = validate_fast(store, shapes)
    assert result is not None
    assert [(r.focus, r.path, r.value) for r in result] == [(f"<{EX}x>", f"<{EX}p>", None)]


def test_results_carry_shape_severity_and_message() -> None:
    shapes = turtle("""ex:S a sh:NodeShape ; sh:targetNode ex:x ; sh:severity sh:Warning ;
        sh:message "needs a p"@en ; sh:property ex:P .
        ex:P a sh:PropertyShape ; sh:path ex:p ; sh:minCount 1 ; sh:message "no p"@en .
        ex:Off a sh:NodeShape ; sh:targetNode ex:x ; sh:deactivated true ; sh:class ex:Nothing .""")
    result = validate_fast(ox.Store(), shapes)
    assert result is not None
    assert [(r.focus, r.source_shape, r.severity, r.message) for r in result] == [
        (f"<{EX}x>", f"<{EX}P>", "<http://www.w3.org/ns/shacl#Violation>", "no p")
    ]


def test_shapes_can_come_from_files_a_store_or_triples(tmp_path: Path) -> None:
    text = PREFIXES + "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:class ex:D ."
    (tmp_path / "shapes.ttl").write_text(text, encoding="utf-8")
    shapes_store = ox.Store()
    shapes_store.load(text.encode(), format=ox.RdfFormat.TURTLE)
    data = store_of("ex:g { ex:x a ex:C . }")
    sources: list[object] = [
        tmp_path / "shapes.ttl",
        [tmp_path / "shapes.ttl"],
        shapes_store,
        turtle(text[len(PREFIXES) :]),
    ]
    answers = {
        tuple(r.key for r in validate_fast(data, s) or [])  # type: ignore[arg-type]
        for s in sources
    }
    assert len(answers) == 1
    assert len(next(iter(answers))) == 1
    (tmp_path / "broken.ttl").write_text("this is not turtle", encoding="utf-8")
    assert validate_fast(data, tmp_path / "broken.ttl") is None


def test_sparql_constraints_run_once_when_binding_this_first_is_equivalent() -> None:
    simple = turtle("""ex:S a sh:NodeShape ; sh:targetClass ex:C ;
        sh:sparql ex:Q . ex:Q sh:select '''SELECT $this ?value
            WHERE { $this ex:p ?value . FILTER(?value != $this) }''' .""")
    optional = turtle("""ex:S a sh:NodeShape ; sh:targetClass ex:C ;
        sh:sparql ex:Q . ex:Q sh:select '''SELECT $this
            WHERE { OPTIONAL { $this ex:p ?v } FILTER(!BOUND(?v)) }''' .""")
    from claimgraph.shacl.compile import compile_shapes
    from claimgraph.shacl.model import SparqlSelect
    from claimgraph.shacl.vocab import ShapesGraph

    def prepared(triples: list[ox.Triple]) -> tuple[bool, bool]:
        shape = next(s for s in compile_shapes(ShapesGraph(triples)) if s.targets)
        constraint = shape.constraints[0]
        assert isinstance(constraint, SparqlSelect)
        query = prepare(constraint, shape)
        return query.batch, query.binds_this

    assert prepared(simple) == (True, True)
    assert prepared(optional) == (False, True)


def test_two_worker_processes_give_the_same_results() -> None:
    shapes = turtle("""
        ex:A a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .
        ex:B a sh:NodeShape ; sh:targetClass ex:D ; sh:property [ sh:path ex:q ; sh:maxCount 1 ] .
        ex:E a sh:NodeShape ; sh:targetSubjectsOf ex:q ; sh:class ex:C .""")
    store = store_of("ex:g { ex:x a ex:C . ex:y a ex:D ; ex:q 1 , 2 . ex:z a ex:C ; ex:p 3 . }")
    alone, split = validate_fast(store, shapes), validate_fast(store, shapes, workers=2)
    assert alone is not None
    assert split is not None
    assert Counter(r.key for r in split) == Counter(r.key for r in alone)
    assert len(alone) == 3


def test_public_names_are_exported_and_exist() -> None:
    import claimgraph.shacl as package

    assert sorted(package.__all__) == [
        "ShapesSource",
        "parse_path",
        "render_path",
        "results_from_report",
        "validate_fast",
    ]
    assert all(hasattr(package, name) for name in package.__all__)
