"""The enrichment file: valid YAML for any label Wikidata may hold, and a declared graph."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from claimgraph.wikidata.enrich import Enrichment, declare_graph, render


@settings(deadline=None)
@given(st.text(min_size=1, max_size=40))
@example("=")  # YAML's "value" key: plain, it does not read back as a string
@example("1e3")
@example("A\n")
def test_any_label_survives_the_trip_through_yaml(label: str) -> None:
    text = render([Enrichment("E", "Q1", None, {"fr": label})])
    document = YAML(typ="safe").load(text)
    assert document["annotations"][0]["label"]["fr"] == label


def test_rendering_is_sorted_and_stable() -> None:
    notes = [Enrichment("B", "Q2", (1.5, 2.0), {}), Enrichment("A", "Q1", None, {"ru": "Алеппо"})]
    assert render(notes) == render(list(reversed(notes)))
    assert render(notes).index("about: A") < render(notes).index("about: B")


def test_the_graph_is_declared_once_without_touching_the_rest(tmp_path: Path) -> None:
    manifest = tmp_path / "dataset.yaml"
    original = "# keep me\nid: x\ngraphs:\n  editorial: Editorial links   # and me\nlanguage: en\n"
    manifest.write_text(original)
    assert declare_graph(manifest)
    text = manifest.read_text()
    assert text == original.replace(
        "graphs:\n",
        "graphs:\n  wikidata: Facts copied from Wikidata (CC0) by claimgraph link --enrich\n",
    )
    assert not declare_graph(manifest)
    assert manifest.read_text() == text


def test_a_manifest_without_graphs_gains_the_key_at_the_end(tmp_path: Path) -> None:
    manifest = tmp_path / "dataset.yaml"
    manifest.write_text("id: x")
    assert declare_graph(manifest)
    assert manifest.read_text().startswith("id: x\ngraphs:\n  wikidata: ")
