"""Publishing the seed to a real ``oxigraph serve``, checked with an independent HTTP client."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.helpers.datasets import write_dataset
from tests.helpers.oxigraph_server import OxigraphServer
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.iris import DEFAULT_BASE, SHAPES_GRAPH, dataset_graph_iri, meta_graph_iri

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
SEED_GRAPH = dataset_graph_iri(DEFAULT_BASE, "seed")
SEED_META = meta_graph_iri(DEFAULT_BASE, "seed")
DEMO_GRAPH = dataset_graph_iri(DEFAULT_BASE, "demo")
DEMO_META = meta_graph_iri(DEFAULT_BASE, "demo")
QUOTE = "quote: killed hundreds of civilians"


def seed_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(REPO / "data" / "seed", tmp_path / "seed"))


def publish(runner: CliRunner, server: OxigraphServer, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["publish", *args, "--endpoint", server.query_url])
    return result.exit_code, result.stdout, result.stderr


def demo(tmp_path: Path) -> Path:
    """The small demo dataset: most tests need a dataset, not the whole seed."""
    return write_dataset(tmp_path / "demo")


def change_quote(root: Path, name: str = "claims.yaml") -> None:
    claims = root / name
    claims.write_text(claims.read_text().replace(QUOTE, "quote: killed many civilians"))


def without_records(lines: set[str]) -> set[str]:
    return {line for line in lines if "#publication-" not in line}


def test_publish_seed_then_republish_is_unchanged(
    runner: CliRunner, oxigraph: OxigraphServer, tmp_path: Path
) -> None:
    seed = seed_copy(tmp_path)
    code, out, err = publish(runner, oxigraph, str(seed))
    assert code == 0, err
    counts = oxigraph.counts()
    assert counts[SEED_GRAPH] > 400
    assert counts[SHAPES_GRAPH] > 0
    assert set(counts) >= {
        SEED_GRAPH,
        SEED_META,
        dataset_graph_iri(DEFAULT_BASE, "seed", "editorial"),
    }
    assert f"create  {SEED_GRAPH}  0 -> {counts[SEED_GRAPH]} triples" in out
    activity = oxigraph.select(
        "SELECT ?r WHERE { GRAPH <" + SEED_META + "> { ?r a <http://www.w3.org/ns/prov#Activity> ;"
        " <http://www.w3.org/ns/prov#atLocation> <" + oxigraph.query_url + "> } }"
    )
    assert len(activity) == 1

    before = oxigraph.snapshot()
    requests_before = oxigraph.counts()
    code, out, err = publish(runner, oxigraph, str(seed))
    assert code == 0, err
    assert "unchanged:" in out
    assert "create" not in out
    assert "replace" not in out
    assert oxigraph.snapshot() == before == {g: before[g] for g in requests_before}


def test_changing_one_claim_sends_only_that_difference(
    runner: CliRunner, oxigraph: OxigraphServer, tmp_path: Path
) -> None:
    seed = demo(tmp_path)
    assert publish(runner, oxigraph, str(seed), "--no-validate")[0] == 0
    before = oxigraph.snapshot()
    change_quote(seed)

    code, out, err = publish(runner, oxigraph, str(seed), "--no-validate")
    assert code == 0, err
    after = oxigraph.snapshot()
    added, removed = after[DEMO_GRAPH] - before[DEMO_GRAPH], before[DEMO_GRAPH] - after[DEMO_GRAPH]
    assert [line.split(" ", 2)[2] for line in added] == ['"killed many civilians"@en .']
    assert [line.split(" ", 2)[2] for line in removed] == ['"killed hundreds of civilians"@en .']
    assert f"replace  {DEMO_GRAPH}" in out
    assert "(+1 -1), diff" in out
    for graph in set(before) - {DEMO_GRAPH, DEMO_META}:
        assert after[graph] == before[graph], f"{graph} changed"
    # the metadata graph changed only in its record and the new input hash
    changed_meta = without_records(after[DEMO_META] ^ before[DEMO_META])
    assert all("#input-" in line or "startedAtTime" in line for line in changed_meta)


def test_dry_run_reports_the_difference_and_changes_nothing(
    runner: CliRunner, oxigraph: OxigraphServer, tmp_path: Path
) -> None:
    seed = demo(tmp_path)
    code, out, err = publish(runner, oxigraph, str(seed), "--no-validate", "--dry-run")
    assert code == 0, err
    assert oxigraph.counts() == {}
    assert f"would create  {DEMO_GRAPH}" in out
    assert "nothing was changed" in out

    assert publish(runner, oxigraph, str(seed), "--no-validate")[0] == 0
    before = oxigraph.snapshot()
    change_quote(seed)
    code, out, err = publish(runner, oxigraph, str(seed), "--no-validate", "--dry-run")
    assert code == 0, err
    assert f"would replace  {DEMO_GRAPH}" in out
    assert "(+1 -1)" in out
    example = (
        "    + <https://w3id.org/claimgraph/id/demo/C1> "
        '<https://w3id.org/claimgraph/ns#quote> "killed many civilians"@en .'
    )
    assert example in out
    assert oxigraph.snapshot() == before


def test_embedded_store_and_endpoint_get_the_same_graphs(
    runner: CliRunner, oxigraph: OxigraphServer, tmp_path: Path
) -> None:
    seed = demo(tmp_path)
    store = tmp_path / "embedded"
    assert publish(runner, oxigraph, str(seed), "--no-validate")[0] == 0
    result = runner.invoke(app, ["publish", str(seed), "--no-validate", "--store", str(store)])
    assert result.exit_code == 0, result.stderr

    from claimgraph.store import EmbeddedTarget, open_store

    embedded = open_store(EmbeddedTarget(store))
    try:
        graphs = embedded.named_graphs()
        assert sorted(oxigraph.counts()) == graphs
        for graph in graphs:
            if graph == SHAPES_GRAPH:  # blank nodes: labels differ, the count must not
                assert embedded.triple_counts([graph])[graph] == oxigraph.counts()[graph]
                continue
            path = tmp_path / "export.nt"
            embedded.export_graph(graph, path)
            mine = {line for line in path.read_text().splitlines() if line}
            assert without_records(mine) == without_records(oxigraph.triples(graph)), graph
    finally:
        embedded.close()


def test_append_mode_adds_without_removing(
    runner: CliRunner, oxigraph: OxigraphServer, tmp_path: Path
) -> None:
    seed = demo(tmp_path)
    assert publish(runner, oxigraph, str(seed), "--no-validate", "--no-schema")[0] == 0
    change_quote(seed)
    code, out, err = publish(
        runner, oxigraph, str(seed), "--no-validate", "--no-schema", "--mode", "append"
    )
    assert code == 0, err
    quotes = oxigraph.triples(DEMO_GRAPH)
    assert any('"killed many civilians"@en' in q for q in quotes)
    assert any('"killed hundreds of civilians"@en' in q for q in quotes)
    code, out, err = publish(
        runner, oxigraph, str(seed), "--no-validate", "--no-schema", "--mode", "append"
    )
    assert code == 0, err
    assert "unchanged:" in out
