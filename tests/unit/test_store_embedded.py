"""The embedded store, the diff, and the publish service over it (no server needed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from claimgraph.errors import RemoteError
from claimgraph.graphs import GraphPayload, spool_graphs
from claimgraph.publish import Action, Mode, PublishUnit, publish
from claimgraph.publish.record import latest_states
from claimgraph.store import STAGING_PREFIX, EmbeddedTarget, GraphChanges, open_store
from claimgraph.store.diff import diff_lines
from claimgraph.store.embedded import EmbeddedStore

G = "https://example.org/graph/data"
META = "https://example.org/graph/meta/data"
P = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def payload(directory: Path, labels: dict[int, str], graph: str = G) -> GraphPayload:
    directory.mkdir(parents=True, exist_ok=True)
    quads = [
        ox.Quad(
            ox.NamedNode(f"https://example.org/id/{i}"), P, ox.Literal(text), ox.NamedNode(graph)
        )
        for i, text in sorted(labels.items())
    ]
    (spooled,) = spool_graphs(quads, directory)
    return spooled


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    opened = EmbeddedStore(tmp_path / "store")
    yield opened
    opened.close()


def test_create_export_and_count(store: EmbeddedStore, tmp_path: Path) -> None:
    data = payload(tmp_path / "a", {1: "one", 2: "two"})
    store.create_graph(data)
    assert store.triple_counts([G]) == {G: 2}
    assert store.named_graphs() == [G]
    out = tmp_path / "out.nt"
    store.export_graph(G, out)
    assert set(out.read_bytes().splitlines()) == set(data.path.read_bytes().splitlines())


def test_replace_goes_through_a_staging_graph_and_leaves_none(
    store: EmbeddedStore, tmp_path: Path
) -> None:
    store.create_graph(payload(tmp_path / "a", {1: "one"}))
    store.apply_changes(
        [GraphChanges(f"{STAGING_PREFIX}stale", added=[b"<http://s> <http://p> <http://o> ."])]
    )
    assert store.replace_graph(payload(tmp_path / "b", {2: "two", 3: "three"})) == "staged"
    assert store.named_graphs() == [G]
    assert store.triple_counts([G]) == {G: 2}


def test_a_rejected_update_changes_nothing(store: EmbeddedStore, tmp_path: Path) -> None:
    store.create_graph(payload(tmp_path / "a", {1: "one"}))
    with pytest.raises(RemoteError, match="the store rejected the update"):
        store.apply_changes(
            [GraphChanges(G, added=[b'<http://s> <http://p> "ok" .', b"not n-triples"])]
        )
    assert store.triple_counts([G]) == {G: 1}


def test_a_store_in_use_says_so(store: EmbeddedStore) -> None:
    with pytest.raises(RemoteError, match="in use by another process"):
        EmbeddedStore(store.path)


def test_diff_counts_and_budget(tmp_path: Path) -> None:
    old = payload(tmp_path / "a", {1: "one", 2: "two"})
    new = payload(tmp_path / "b", {2: "two", 3: "three"})
    lines = new.path.read_bytes().splitlines()
    diff = diff_lines(G, old.path, lines, keep_bytes=10_000)
    assert (diff.added, diff.removed, diff.usable) == (1, 1, True)
    assert diff.changes().added == (lines[1],)
    tight = diff_lines(G, old.path, lines, keep_bytes=10)
    assert (tight.added, tight.removed, tight.usable) == (1, 1, False)
    blank = diff_lines(G, old.path, [b'_:b1 <http://p> "x" .'], keep_bytes=10_000)
    assert blank.blank_nodes
    assert not blank.usable


def unit(data: GraphPayload) -> PublishUnit:
    return PublishUnit("data", META, (data,))


def run(store: EmbeddedStore, data: GraphPayload, tmp_path: Path, **options: object):  # type: ignore[no-untyped-def]
    return publish(store, [unit(data)], workdir=tmp_path, **options)  # type: ignore[arg-type]


def test_publish_is_idempotent_and_records_what_it_published(
    store: EmbeddedStore, tmp_path: Path
) -> None:
    data = payload(tmp_path / "a", {1: "one", 2: "two"})
    first = run(store, data, tmp_path)
    assert [o.action for o in first.outcomes] == [Action.CREATE, Action.CREATE]
    states = latest_states(store, [META])[META]
    assert states[G].sha256 == data.sha256
    assert states[G].triples == 2
    assert states[META].triples == store.triple_counts([META])[META]

    again = run(store, payload(tmp_path / "b", {1: "one", 2: "two"}), tmp_path)
    assert not again.changed

    changed = run(store, payload(tmp_path / "c", {1: "one", 2: "deux"}), tmp_path)
    data_outcome = changed.outcomes[0]
    assert (data_outcome.action, data_outcome.added, data_outcome.removed) == (Action.REPLACE, 1, 1)
    assert data_outcome.method == "diff"
    assert store.triple_counts([G]) == {G: 2}


def test_a_graph_changed_behind_our_back_is_repaired(store: EmbeddedStore, tmp_path: Path) -> None:
    data = payload(tmp_path / "a", {1: "one"})
    run(store, data, tmp_path)
    store.apply_changes([GraphChanges(G, added=[b'<http://x> <http://p> "intruder" .'])])
    result = run(store, data, tmp_path)
    assert result.outcomes[0].action is Action.REPLACE
    assert result.outcomes[0].removed == 1
    assert store.triple_counts([G]) == {G: 1}


def test_dry_run_changes_nothing(store: EmbeddedStore, tmp_path: Path) -> None:
    run(store, payload(tmp_path / "a", {1: "one"}), tmp_path)
    before = store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }").rdf
    result = run(store, payload(tmp_path / "b", {1: "uno"}), tmp_path, dry_run=True)
    assert result.dry_run
    assert result.outcomes[0].examples_added[0].endswith('"uno" .')
    assert store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }").rdf == before


def test_a_big_change_is_replaced_wholesale(store: EmbeddedStore, tmp_path: Path) -> None:
    run(store, payload(tmp_path / "a", {i: "one" for i in range(50)}), tmp_path)
    store.max_update_bytes = 100
    result = run(store, payload(tmp_path / "b", {i: "two" for i in range(50)}), tmp_path)
    assert result.outcomes[0].method == "staged"
    assert store.triple_counts([G]) == {G: 50}


def test_append_mode_keeps_what_was_there(store: EmbeddedStore, tmp_path: Path) -> None:
    run(store, payload(tmp_path / "a", {1: "one"}), tmp_path)
    result = run(store, payload(tmp_path / "b", {2: "two"}), tmp_path, mode=Mode.APPEND)
    assert result.outcomes[0].action is Action.APPEND
    assert store.triple_counts([G]) == {G: 2}
    assert not run(store, payload(tmp_path / "c", {2: "two"}), tmp_path, mode=Mode.APPEND).changed


def test_the_record_time_comes_from_the_clock(store: EmbeddedStore, tmp_path: Path) -> None:
    when = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.UTC)
    run(store, payload(tmp_path / "a", {1: "one"}), tmp_path, clock=lambda: when)
    assert store.ask(
        "ASK { GRAPH <" + META + "> { ?r <http://www.w3.org/ns/prov#endedAtTime> "
        '"2026-03-04T05:06:07Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> } }'
    )


def test_open_store_gives_the_embedded_store(tmp_path: Path) -> None:
    opened = open_store(EmbeddedTarget(tmp_path / "s"))
    assert opened.label == f"embedded store {tmp_path / 's'}"
    opened.close()
