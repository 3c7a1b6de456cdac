"""The fast engine's results equal pySHACL's, component by component (issue 4).

Equality is on the multiset of :attr:`ShaclResult.key` (focus, path, component, severity).
Three kinds of input:

* a self-contained shapes graph using every SHACL Core feature the engine supports, with data
  that violates (and satisfies) each of them — the test also checks that pySHACL reports every
  component, so the data really exercises it;
* the project's own shapes (``shapes/claimgraph.shapes.ttl``) on synthetic incidents with every
  kind of injected violation;
* the variations of the call: ``ont_graph`` mixing, ``allow_warnings``/``allow_infos``.
"""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
import pytest
from tests.helpers.pyshacl_reference import pyshacl_results
from tests.helpers.synthetic_rdf import VIOLATION_KINDS, synthetic_quads

from claimgraph.resources import ONTOLOGY_FILES, ontology_file, shapes_files
from claimgraph.shacl import validate_fast
from claimgraph.shacl_results import ShaclResult

PREFIXES = """
@prefix ex: <http://example.org/> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

SHAPES = (
    PREFIXES
    + """
ex:Ontology a owl:Ontology ;
  sh:declare [ sh:prefix "ex" ; sh:namespace "http://example.org/"^^xsd:anyURI ] .

ex:ThingShape a sh:NodeShape ; sh:targetClass ex:Thing ;
  sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:maxCount 2 ; sh:datatype xsd:string ;
                sh:minLength 2 ; sh:maxLength 12 ; sh:pattern "^[a-z]+$" ; sh:flags "i" ] ;
  sh:property [ sh:path ex:label ; sh:datatype rdf:langString ; sh:languageIn ( "en" "fr" ) ;
                sh:uniqueLang true ] ;
  sh:property [ sh:path ex:partner ; sh:class ex:Thing ; sh:nodeKind sh:IRI ; sh:maxCount 1 ] ;
  sh:property [ sh:path ex:kind ; sh:in ( ex:A ex:B "c" 1 ) ; sh:hasValue ex:A ] ;
  sh:property [ sh:path ex:size ; sh:datatype xsd:decimal ; sh:minInclusive 0 ;
                sh:maxExclusive 100 ; sh:minExclusive -1.5 ; sh:maxInclusive 99.5 ] ;
  sh:property [ sh:path ex:count ; sh:datatype xsd:integer ; sh:lessThan ex:limit ;
                sh:lessThanOrEquals ex:cap ] ;
  sh:property [ sh:path ex:alias ; sh:equals ex:name ; sh:disjoint ex:label ] ;
  sh:property [ sh:path ex:when ;
                sh:or ( [ sh:datatype xsd:date ] [ sh:datatype xsd:dateTime ]
                        [ sh:datatype xsd:gYear ] ) ] ;
  sh:property [ sh:path ex:flag ; sh:datatype xsd:boolean ] ;
  sh:property [ sh:path ex:start ; sh:lessThanOrEquals ex:end ] ;
  sh:property [ sh:path ex:link ; sh:nodeKind sh:BlankNodeOrIRI ] ;
  sh:property [ sh:path ex:note ; sh:nodeKind sh:Literal ; sh:deactivated true ] ;
  sh:property [ sh:path ex:comment ; sh:nodeKind sh:IRIOrLiteral ; sh:severity sh:Warning ;
                sh:message "comment is not an IRI or literal"@en ] .

ex:LogicShape a sh:NodeShape ; sh:targetClass ex:Thing ;
  sh:or ( [ sh:path ex:name ; sh:minCount 1 ] [ sh:path ex:label ; sh:minCount 1 ] ) ;
  sh:xone ( [ sh:path ex:kind ; sh:hasValue ex:A ] [ sh:path ex:kind ; sh:hasValue ex:B ] ) ;
  sh:not [ sh:class ex:Forbidden ] ;
  sh:and ( [ sh:path ex:size ; sh:maxCount 1 ] [ sh:path ex:count ; sh:maxCount 1 ] ) ;
  sh:severity sh:Info .

ex:PartnerShape a sh:NodeShape ; sh:targetSubjectsOf ex:partner ;
  sh:property [ sh:path ex:partner ; sh:node ex:NamedShape ] ;
  sh:property [ sh:path ex:partner ; sh:not [ sh:path ex:kind ; sh:hasValue ex:B ] ] .
ex:NamedShape a sh:NodeShape ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .

ex:TargetedShape a sh:NodeShape ; sh:targetNode ex:t1 , ex:missing , "a literal" ;
  sh:nodeKind sh:IRI ; sh:class ex:Thing ; sh:hasValue ex:t1 .

ex:ObjectsShape a sh:NodeShape ; sh:targetObjectsOf ex:partner ; sh:nodeKind sh:BlankNode .

ex:Gadget a rdfs:Class , sh:NodeShape ;
  sh:property [ sh:path ex:name ; sh:minCount 1 ] ;
  sh:closed true ; sh:ignoredProperties ( rdf:type ex:size ) .

ex:PathShape a sh:NodeShape ; sh:targetClass ex:Thing ;
  sh:property [ sh:path [ sh:inversePath ex:partner ] ; sh:maxCount 1 ] ;
  sh:property [ sh:path ( ex:partner ex:name ) ; sh:maxCount 1 ] ;
  sh:property [ sh:path [ sh:inversePath ( ex:partner ex:kind ) ] ; sh:minCount 0 ;
      sh:nodeKind sh:Literal ] ;
  sh:property [ sh:path [ sh:alternativePath ( ex:name ex:alias ) ] ; sh:maxCount 2 ;
      sh:uniqueLang true ] ;
  sh:property [ sh:path [ sh:zeroOrMorePath ex:partner ] ; sh:class ex:Thing ] ;
  sh:property [ sh:path [ sh:oneOrMorePath ex:partner ] ; sh:maxCount 1 ] ;
  sh:property [ sh:path [ sh:zeroOrOnePath ex:partner ] ; sh:minCount 2 ; sh:severity sh:Info ] .

ex:SparqlShape a sh:NodeShape ; sh:targetClass ex:Thing ;
  sh:sparql [ sh:prefixes ex:Ontology ; sh:message "{$this} is its own partner via {?value}" ;
              sh:select '''SELECT $this ?value
                WHERE { $this ex:partner ?value . FILTER(sameTerm(?value, $this)) }''' ] ;
  sh:sparql [ sh:prefixes ex:Ontology ;
              sh:select '''SELECT $this
                WHERE { OPTIONAL { $this ex:name ?n } FILTER(!BOUND(?n)) }''' ] .

ex:SparqlPathShape a sh:PropertyShape ; sh:targetClass ex:Thing ; sh:path ex:count ;
  sh:sparql [ sh:prefixes ex:Ontology ;
              sh:select "SELECT $this ?value WHERE { $this $PATH ?value . FILTER(?value > 5) }" ] .

ex:OffShape a sh:NodeShape ; sh:targetClass ex:Thing ; sh:deactivated true ; sh:class ex:Nothing .
"""
)

DATA = (
    PREFIXES
    + """
ex:g1 {
  ex:SubThing rdfs:subClassOf ex:Thing .
  ex:t1 a ex:Thing ; ex:name "alpha" ; ex:label "a"@en ; ex:partner ex:t2 ; ex:kind ex:A ;
      ex:size 5.5 ; ex:count 3 ; ex:limit 4 ; ex:cap 3 ; ex:alias "alpha" ;
      ex:when "2020-01-01"^^xsd:date ; ex:flag true ; ex:start "2020-01-01"^^xsd:date ;
      ex:end "2021-01-01"^^xsd:date ; ex:link [ ex:name "x" ] .
  ex:t2 a ex:SubThing ; ex:name "B2" , "beta" , "gamma" ; ex:label "b"@en , "c"@EN , "d"@de , "e" ;
      ex:partner ex:t3 , ex:t1 ; ex:kind ex:B , "c" , 2 ;
      ex:size 100 , -2 , "7"^^xsd:integer , "abc"^^xsd:decimal ;
      ex:count 5 , 4.0 ; ex:limit 5 ; ex:cap "3" ; ex:alias "delta" , "b"@en ;
      ex:when "2020"^^xsd:gYear , "2020-01"^^xsd:gYearMonth , "not a date" ,
          "2020-02-30"^^xsd:date ;
      ex:flag "yes"^^xsd:boolean , "1"^^xsd:integer ; ex:start "2021-01-01"^^xsd:date ;
      ex:end "2020"^^xsd:gYear ;
      ex:link "text" ; ex:note ex:iri ; ex:comment _:b1 .
  ex:t3 a ex:Thing , ex:Forbidden ; ex:name "a" , "ThisNameIsWayTooLong" ; ex:partner ex:t3 ;
      ex:kind ex:A , ex:B ; ex:size 99.5 , 0 ; ex:count 10 ; ex:limit 10 ; ex:cap 9 ;
      ex:when "2020-05-05T10:00:00Z"^^xsd:dateTime .
  ex:t4 a ex:Thing ; ex:label "x"@fr-CA ; ex:partner _:b2 ; ex:size 1 , 2 ; ex:count 1 , 2 ;
      ex:kind ex:C .
  _:b2 ex:kind ex:B .
  ex:g a ex:Gadget ; ex:name "g" ; ex:size 1 ; ex:colour "red" ; ex:colour ex:Red .
  ex:g2 a ex:Gadget .
}
ex:g2 {
  ex:t1 ex:name "alpha" .
  ex:t4 ex:name "delta" .
}
"""
)

#: Components the self-contained test must see pySHACL report (so the data covers them).
COMPONENTS = {
    "MinCount", "MaxCount", "Class", "Datatype", "NodeKind", "Pattern", "In", "HasValue",
    "MinInclusive", "MaxExclusive", "MinExclusive", "MaxInclusive", "MinLength", "MaxLength",
    "LanguageIn", "UniqueLang", "Equals", "Disjoint", "LessThan", "LessThanOrEquals", "Or",
    "And", "Not", "Xone", "Node", "Closed", "SPARQL",
}  # fmt: skip


def keys(results: list[ShaclResult] | None) -> Counter[tuple[str, str | None, str, str]]:
    assert results is not None, "the fast engine declined"
    return Counter(r.key for r in results)


def store_of(trig: str) -> ox.Store:
    store = ox.Store()
    store.load(trig.encode(), format=ox.RdfFormat.TRIG)
    return store


def turtle(text: str) -> list[ox.Triple]:
    return [q.triple for q in ox.parse(text.encode(), format=ox.RdfFormat.TURTLE)]


def test_every_component_agrees_with_pyshacl() -> None:
    store, shapes = store_of(DATA), turtle(SHAPES)
    reference = pyshacl_results(store, shapes)
    assert keys(validate_fast(store, shapes)) == keys(reference)
    reported = {r.constraint.split("#")[1].removesuffix("ConstraintComponent>") for r in reference}
    assert reported >= COMPONENTS
    assert {r.severity.split("#")[1] for r in reference} == {"Violation>", "Warning>", "Info>"}


def test_values_paths_and_messages_agree_where_pyshacl_is_deterministic() -> None:
    store, shapes = store_of(DATA), turtle(SHAPES)
    fast = validate_fast(store, shapes)
    assert fast is not None
    full = Counter((r.key, r.value) for r in fast if not (r.value or "").startswith("_:"))
    reference = Counter(
        (r.key, r.value)
        for r in pyshacl_results(store, shapes)
        if not (r.value or "").startswith("_:")
    )
    assert full == reference
    messages = {r.message for r in fast if r.source_shape == "<http://example.org/SparqlShape>"}
    assert "<http://example.org/t3> is its own partner via http://example.org/t3" not in messages
    assert "http://example.org/t3 is its own partner via http://example.org/t3" in messages


@pytest.mark.parametrize(
    ("allow_warnings", "allow_infos"), [(True, True), (False, True), (True, False)]
)
def test_tolerated_severities_change_nested_conformance_as_in_pyshacl(
    allow_warnings: bool, allow_infos: bool
) -> None:
    shapes = turtle(
        PREFIXES
        + """
        ex:S a sh:NodeShape ; sh:targetClass ex:Thing ;
          sh:node ex:Soft ; sh:or ( ex:SoftMember [ sh:path ex:kind ; sh:hasValue ex:Z ] ) ;
          sh:not ex:InfoMember .
        ex:Soft a sh:NodeShape ; sh:severity sh:Warning ; sh:property [ sh:path ex:missing ;
            sh:minCount 1 ] .
        ex:SoftMember a sh:NodeShape ; sh:severity sh:Info ; sh:class ex:Nothing .
        ex:InfoMember a sh:NodeShape ; sh:severity sh:Info ; sh:property [ sh:path ex:name ;
            sh:minCount 1 ] .
    """
    )
    store = store_of(DATA)
    reference = pyshacl_results(
        store, shapes, allow_warnings=allow_warnings, allow_infos=allow_infos
    )
    fast = validate_fast(store, shapes, allow_warnings=allow_warnings, allow_infos=allow_infos)
    assert keys(fast) == keys(reference)
    assert keys(validate_fast(store, shapes)) != keys(reference)


def project_ontology() -> list[ox.Quad]:
    quads: list[ox.Quad] = []
    for name in ONTOLOGY_FILES:
        with ontology_file(name).open("rb") as handle:
            quads += list(ox.parse(handle, format=ox.RdfFormat.TURTLE))
    return quads


def project_shapes() -> list[ox.Triple]:
    triples: list[ox.Triple] = []
    for resource in shapes_files():
        with resource.open("rb") as handle:
            triples += [
                q.triple
                for q in ox.parse(handle, format=ox.RdfFormat.TURTLE, rename_blank_nodes=True)
            ]
    return triples


def test_project_shapes_agree_on_synthetic_incidents_with_every_injected_violation() -> None:
    assert shapes_files(), "the project's shapes must ship with the package"
    store = ox.Store()
    store.extend(synthetic_quads(120, violation_rate=0.5, seed=7))
    ontology = project_ontology()
    shapes = project_shapes()
    reference = pyshacl_results(store, shapes, ontology=ontology)
    assert keys(validate_fast(store, shapes, ontology_quads=ontology)) == keys(reference)
    assert len(reference) > len(VIOLATION_KINDS)


def test_ontology_is_mixed_in_as_pyshacl_does_and_removed_afterwards() -> None:
    shapes = turtle(
        PREFIXES
        + """
        ex:S a sh:NodeShape ; sh:targetClass ex:Agent ; sh:property [ sh:path ex:boss ;
            sh:class ex:Agent ] .
        ex:Labels a sh:NodeShape ; sh:targetSubjectsOf rdfs:label ;
            sh:property [ sh:path rdfs:label ; sh:maxCount 1 ] .
    """
    )
    ontology = turtle(
        PREFIXES
        + """
        ex:Person a owl:Class ; rdfs:subClassOf ex:Agent ; rdfs:label "person"@en , "personne"@fr .
        ex:boss a owl:ObjectProperty ; rdfs:label "boss"@en .
        ex:unrelated ex:says "not an axiom" .
    """
    )
    store = store_of(PREFIXES + "ex:g { ex:p1 a ex:Person ; ex:boss ex:p2 . ex:p2 a ex:Robot . }")
    before = set(store)
    reference = pyshacl_results(store, shapes, ontology=ontology)
    assert keys(validate_fast(store, shapes, ontology_quads=ontology)) == keys(reference)
    assert {r.focus for r in reference} == {
        "<http://example.org/p1>",
        "<http://example.org/Person>",
    }
    assert set(store) == before
