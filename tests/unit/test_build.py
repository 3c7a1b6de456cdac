"""The builder: deterministic, strictly parseable in every format, positions kept."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from tests.helpers.datasets import CLAIMS, several_files, write_dataset

from claimgraph.build import build_paths
from claimgraph.errors import InputError
from claimgraph.resources import ontology_file
from claimgraph.serialize import RdfFormat, write_rdf

ID = "https://w3id.org/claimgraph/id/"
CG = "https://w3id.org/claimgraph/ns#"
CGV = "https://w3id.org/claimgraph/vocab#"
SEED = Path(__file__).resolve().parents[2] / "data"


def build_bytes(path: Path, fmt: RdfFormat = RdfFormat.NQUADS) -> bytes:
    result = build_paths([path])
    out = io.BytesIO()
    write_rdf(result.quads(), out, fmt, prefixes=result.prefixes())
    return out.getvalue()


def store_of(path: Path) -> ox.Store:
    store = ox.Store()
    store.load(build_bytes(path), format=ox.RdfFormat.N_QUADS)
    return store


def ask(store: ox.Store, query: str) -> bool:
    prefixes = f"PREFIX cg: <{CG}> PREFIX cgv: <{CGV}> PREFIX d: <{ID}demo/> "
    prefixes += "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> "
    return bool(store.query(prefixes + query, use_default_graph_as_union=True))


def test_same_input_gives_identical_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    root = write_dataset(tmp_path / "demo")
    for fmt in RdfFormat:
        assert build_bytes(root, fmt) == build_bytes(root, fmt), fmt


def test_build_time_comes_from_source_date_epoch(tmp_path: Path) -> None:
    text = build_bytes(write_dataset(tmp_path / "demo")).decode()
    assert '"2026-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>' in text


@pytest.mark.parametrize("fmt", list(RdfFormat))
def test_every_format_parses_strictly(tmp_path: Path, fmt: RdfFormat) -> None:
    data = build_bytes(write_dataset(tmp_path / "demo"), fmt)
    quads = list(ox.parse(data, format=fmt.oxigraph))
    assert len(quads) > 30
    if fmt.keeps_graphs:
        graphs = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
        assert graphs == {f"{ID}graph/demo", f"{ID}graph/meta/demo"}


def test_rebuttal_figure_and_dates(tmp_path: Path) -> None:
    store = store_of(write_dataset(tmp_path / "demo"))
    assert ask(store, "ASK { d:C2 a cg:Rebuttal ; cg:rebuts d:C1 ; cg:rebuttalType cgv:Rebut }")
    assert not ask(store, "ASK { d:C2 a cg:Claim }")
    assert ask(
        store,
        "ASK { d:C1 cg:hasFigure ?f . ?f cg:minValue 100.0 ; "
        "cg:approximation cgv:OrderOfMagnitude ; cg:verbatim 'hundreds of civilians'@en "
        "FILTER NOT EXISTS { ?f cg:value ?v } }",
    )
    assert ask(
        store,
        "ASK { d:Camp cg:date '2015-09'^^xsd:gYearMonth ; cg:datePrecision cgv:Month ;"
        " cg:earliestDate '2015-09-01'^^xsd:date ; cg:latestDate '2015-09-30'^^xsd:date }",
    )
    assert ask(store, "ASK { d:R1 cg:datePrecision cgv:Day }")
    assert ask(store, "ASK { d:C1 cg:attributionCertainty cgv:Explicit }")
    assert ask(
        store,
        "ASK { d:Russia a cg:State , cg:Location ; "
        "<http://www.w3.org/2000/01/rdf-schema#label> 'Россия'@ru }",
    )
    assert ask(store, "ASK { d:AI cg:wikidata <http://www.wikidata.org/entity/Q42970> }")


def test_positions_and_input_hashes_in_the_metadata_graph(tmp_path: Path) -> None:
    store = store_of(write_dataset(tmp_path / "demo"))
    meta = f"<{ID}graph/meta/demo>"
    assert ask(
        store,
        f"ASK {{ GRAPH {meta} {{ d:C1 cg:sourceFile 'claims.yaml' ; "
        "cg:sourceLine 15 ; cg:sourceColumn 5 } }",
    )
    rows = store.query(
        f"PREFIX cg: <{CG}> SELECT ?label ?hash {{ GRAPH {meta} {{ "
        "?b <http://www.w3.org/ns/prov#used> ?f . "
        "?f <http://www.w3.org/2000/01/rdf-schema#label> ?label ; cg:sha256 ?hash } }"
    )
    assert isinstance(rows, ox.QuerySolutions)
    files = {row["label"].value: row["hash"].value for row in rows}
    assert set(files) == {"dataset.yaml", "claims.yaml"}
    assert all(re.fullmatch("[0-9a-f]{64}", h) for h in files.values())


def test_positions_in_memory_replace_the_position_quads(tmp_path: Path) -> None:
    """Validation's build: the same data, positions as a table instead of metadata quads."""
    root = write_dataset(tmp_path / "demo")
    full = build_paths([root])
    lean = build_paths([root], positions_in_memory=True)
    full_quads = set(full.quads())
    lean_quads = set(lean.quads())
    position_predicates = {
        ox.NamedNode(CG + n) for n in ("sourceFile", "sourceLine", "sourceColumn")
    }
    assert not any(q.predicate in position_predicates for q in lean_quads)
    assert lean_quads == {q for q in full_quads if q.predicate not in position_predicates}
    [dataset] = lean.datasets
    assert dataset.positions[f"{ID}demo/C1"] == ("claims.yaml", 15, 5)
    assert full.datasets[0].positions == {}


def test_annotations_go_to_their_graph_only(tmp_path: Path) -> None:
    notes = (
        "graph: editorial\nannotations:\n  - about: C2\n    supports: C1\n"
        "  - about: Camp\n    startDate: 2015-09-30\n"
    )
    store = store_of(write_dataset(tmp_path / "demo", {"claims.yaml": CLAIMS, "notes.yaml": notes}))
    editorial = f"<{ID}graph/demo/editorial>"
    assert ask(
        store,
        f"ASK {{ GRAPH {editorial} {{ d:C2 cg:supports d:C1 . "
        "d:Camp cg:startDate '2015-09-30'^^xsd:date } }",
    )
    # an annotation adds only what it says: no types, no defaults
    assert not ask(store, f"ASK {{ GRAPH {editorial} {{ ?s a ?t }} }}")
    assert ask(
        store,
        f"ASK {{ GRAPH <{ID}graph/meta/demo> {{ {editorial} a cg:Dataset ; "
        f"<http://purl.org/dc/terms/isPartOf> <{ID}graph/demo> }} }}",
    )


def test_every_predicate_and_class_is_defined_in_the_ontology() -> None:
    defined: set[str] = set()
    for name in ("claimgraph.ttl", "vocab.ttl"):
        with ontology_file(name).open("rb") as handle:
            defined |= {
                q.subject.value
                for q in ox.parse(handle, format=ox.RdfFormat.TURTLE)
                if isinstance(q.subject, ox.NamedNode)
            }
    used: set[str] = set()
    for quad in ox.parse(build_bytes(SEED), format=ox.RdfFormat.N_QUADS):
        used.add(quad.predicate.value)
        if isinstance(quad.object, ox.NamedNode):
            used.add(quad.object.value)
    ours = {iri for iri in used if iri.startswith((CG, CGV))}
    assert ours, "the seed uses no claimgraph terms?"
    assert ours <= defined, sorted(ours - defined)


def test_problems_are_raised_after_reading_everything(tmp_path: Path) -> None:
    bad = CLAIMS.replace("statedIn: R1", "statedIn: R9").replace("about: Camp", "about: Cmp")
    result = build_paths([write_dataset(tmp_path / "demo", {"claims.yaml": bad})])
    with pytest.raises(InputError) as caught:
        for _ in result.quads():
            pass
    assert len(caught.value.diagnostics) == 2


def test_entity_ids_are_scoped_by_dataset(tmp_path: Path) -> None:
    write_dataset(tmp_path / "all" / "a", manifest="id: a\n")
    write_dataset(tmp_path / "all" / "b", manifest="id: b\n")
    subjects = {
        q.subject.value
        for q in ox.parse(build_bytes(tmp_path / "all"), format=ox.RdfFormat.N_QUADS)
    }
    assert f"{ID}a/C1" in subjects
    assert f"{ID}b/C1" in subjects


def test_parallel_build_gives_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = several_files(5)
    root = write_dataset(tmp_path / "demo", files)
    monkeypatch.setenv("CLAIMGRAPH_JOBS", "1")
    sequential = build_bytes(root, RdfFormat.TRIG)
    monkeypatch.setenv("CLAIMGRAPH_JOBS", "2")
    assert build_bytes(root, RdfFormat.TRIG) == sequential
    bad = dict(files, **{"more-9.json": '{"claims": [{"id": "Y", "claimant": "nobody"}]}'})
    with pytest.raises(InputError, match="unknown id 'nobody'"):
        build_bytes(write_dataset(tmp_path / "bad", bad), RdfFormat.NQUADS)
