"""The validation library: inputs, positions, conformance, the engine seam."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from tests.helpers.datasets import write_dataset

from claimgraph.errors import ConfigError, InputError, Severity
from claimgraph.shacl_results import VIOLATION, WARNING, ShaclResult
from claimgraph.validation import Engine, InputKind, collect_inputs, validate_paths
from claimgraph.validation.engine import load_shapes, ontology_quads, run_engines
from claimgraph.validation.rdfinput import RdfFile, syntax_diagnostic
from claimgraph.validation.report import Finding, ValidationReport

REPO = Path(__file__).resolve().parents[2]
INVALID = REPO / "tests" / "fixtures" / "invalid"

TURTLE = """\
@prefix cg: <https://w3id.org/claimgraph/ns#> .
@prefix cgv: <https://w3id.org/claimgraph/vocab#> .
@prefix ex: <https://example.org/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

ex:AI a cg:NGO ;
    rdfs:label "Amnesty"@en ;
    cg:noWikidataMatch true .

ex:C1 a cg:Rebuttal ;
    cg:claimant ex:AI ;
    cg:reportedIn ex:Nowhere ;
    cg:claimType cgv:Denial ;
    cg:modality cgv:Asserted ;
    cg:paraphrase "No."@en ;
    cg:rebuts ex:C1 ;
    cg:rebuttalType cgv:Rebut .
"""


def finding(severity: Severity) -> Finding:
    return Finding(severity, "m", "claim", "C1", "<x>", None, None, "c", "s")


def test_conforms_allows_warnings_unless_strict() -> None:
    warned = (finding(Severity.WARNING), finding(Severity.INFO))
    assert ValidationReport(warned, (), "pyshacl").conforms
    assert not ValidationReport(warned, (), "pyshacl", strict=True).conforms
    infos = (finding(Severity.INFO),)
    assert ValidationReport(infos, (), "pyshacl", strict=True).conforms
    errors = (finding(Severity.ERROR),)
    assert not ValidationReport(errors, (), "pyshacl").conforms


def test_rdf_findings_point_at_the_focus_nodes_first_triple(tmp_path: Path) -> None:
    path = tmp_path / "contribution.ttl"
    path.write_text(TURTLE)
    report = validate_paths([path])
    by_shape = {f.shape.rsplit("#", 1)[1]: f for f in report.findings}
    self_rebuttal = by_shape["Rebuts-notSelf"]
    assert self_rebuttal.pos is not None
    assert (self_rebuttal.pos.line, self_rebuttal.pos.column) == (10, 1)
    assert self_rebuttal.kind == "rebuttal"
    assert self_rebuttal.id == "ex:C1"
    # the subclass axiom reaches the claim shapes: a rebuttal's source must be a Source
    reported = by_shape["Claim-reportedIn-class"]
    assert reported.shown_value == "ex:Nowhere"
    assert reported.text.endswith("; got ex:Nowhere")
    # cg:NGO is accepted where cg:Actor is required, and noWikidataMatch counts
    assert "Claim-claimant-class" not in by_shape
    assert "Actor-wikidataOrMiss" not in by_shape
    assert not report.conforms
    assert report.inputs[0].kind is InputKind.RDF


def test_claims_findings_point_at_the_entity_in_its_file(tmp_path: Path) -> None:
    directory = write_dataset(tmp_path)
    claims = directory / "claims.yaml"
    claims.write_text(claims.read_text().replace("    claimant: AI\n", "", 1))
    report = validate_paths([directory])
    [missing] = [f for f in report.findings if f.shape.endswith("Claim-claimant-required")]
    assert missing.pos is not None
    assert missing.pos.path.endswith("claims.yaml")
    line = claims.read_text().splitlines()[missing.pos.line - 1]  # type: ignore[operator]
    assert "id: C1" in line
    assert missing.text.startswith("claim 'C1' has no claimant — add")


def test_every_input_problem_is_reported_together(tmp_path: Path) -> None:
    bad_turtle = tmp_path / "a.ttl"
    bad_turtle.write_text("<a> <b> .\n")
    bad_shapes = tmp_path / "rules.ttl"
    bad_shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n\n<x> sh:path <y\n")
    with pytest.raises(InputError) as caught:
        validate_paths([bad_turtle, tmp_path / "missing.nt"], shapes=[bad_shapes])
    positions = {(str(d.pos.path), d.pos.line) for d in caught.value.diagnostics}
    assert any(p.endswith("a.ttl") and n == 1 for p, n in positions)
    assert any(p.endswith("missing.nt") for p, _ in positions)
    assert any(p.endswith("rules.ttl") and n == 3 for p, n in positions)


def test_syntax_error_positions_come_from_the_parser() -> None:
    try:
        list(ox.parse(b"<http://a> <http://b> <ht tp://c> .", format=ox.RdfFormat.N_TRIPLES))
    except SyntaxError as exc:
        diagnostic = syntax_diagnostic("x.nt", exc, "N-Triples")
    assert str(diagnostic.pos) == "x.nt:1:23"
    assert diagnostic.message.startswith("N-Triples syntax error: ")
    assert "Parser error" not in diagnostic.message


def test_collect_inputs_sorts_claims_and_rdf(tmp_path: Path) -> None:
    dataset = write_dataset(tmp_path / "contrib" / "ds")
    (dataset / "built.ttl").write_text("")  # build output inside a dataset is left alone
    (tmp_path / "contrib" / "other.trig").write_text("")
    (tmp_path / "contrib" / "more.jsonld").write_text("{}")
    (tmp_path / "empty").mkdir()
    claims, rdf, problems = collect_inputs([tmp_path / "contrib", tmp_path / "empty"])
    assert claims == [tmp_path / "contrib"]
    assert sorted(f.path.name for f in rdf) == ["more.jsonld", "other.trig"]
    assert [d.message for d in problems] == ["no claims dataset or RDF file here"]
    with pytest.raises(ConfigError):
        collect_inputs([tmp_path], rdf_format="docx")


def test_position_index_reads_prefixed_relative_and_full_iris(tmp_path: Path) -> None:
    path = tmp_path / "x.ttl"
    path.write_text(
        "@prefix ex: <http://e/> .\n"
        "@base <http://b/> .\n"
        "ex:a ex:p ex:b ;\n"
        "    ex:q ex:c .\n"
        "<rel> ex:p ex:a .\n"
        "<http://full/x> ex:p ex:c .\n"
    )
    rdf = RdfFile(path, "x.ttl", ox.RdfFormat.TURTLE)
    list(rdf.quads([]))
    assert str(rdf.position("http://e/a")) == "x.ttl:3:1"
    assert str(rdf.position("http://b/rel")) == "x.ttl:5:1"
    assert str(rdf.position("http://full/x")) == "x.ttl:6:1"
    assert str(rdf.position("http://e/c")) == "x.ttl:4:10"  # only an object: first mention
    assert rdf.position("http://nowhere/") is None


def test_fast_engine_is_tried_first_and_may_decline(tmp_path: Path) -> None:
    store = ox.Store()
    store.extend(ontology_quads())
    shapes = load_shapes()
    seen: list[int] = []

    def declines(data: ox.Store, triples: list[ox.Triple]) -> list[ShaclResult] | None:
        seen.append(len(triples))
        return None

    results, used = run_engines(store, shapes, fast=declines)
    assert used == "pyshacl"
    assert results == []
    assert seen == [len(shapes)]

    canned = [ShaclResult("<x>", None, None, "<c>", "<s>", WARNING)]
    results, used = run_engines(store, shapes, fast=lambda d, s: canned)
    assert (results, used) == (canned, "fast")
    results, used = run_engines(store, shapes, engine=Engine.PYSHACL, fast=lambda d, s: canned)
    assert used == "pyshacl"
    with pytest.raises(ConfigError):
        run_engines(store, shapes, engine=Engine.FAST, fast=declines)


def test_results_carry_the_shape_message_when_the_engine_gives_none(tmp_path: Path) -> None:
    from claimgraph.validation.locate import Locator

    shapes = load_shapes()
    shape = "<https://w3id.org/claimgraph/shapes#Claim-claimant-required>"
    result = ShaclResult(
        "<https://w3id.org/claimgraph/id/seed/C3>",
        "<https://w3id.org/claimgraph/ns#claimant>",
        None,
        "<http://www.w3.org/ns/shacl#MinCountConstraintComponent>",
        shape,
        VIOLATION,
    )
    located = Locator(ox.Store(), "https://w3id.org/claimgraph/id/", messages=shapes.messages)
    [found] = located.findings([result])
    assert found.text.startswith("node 'C3' has no claimant — add")
    assert found.constraint == "sh:MinCountConstraintComponent"
