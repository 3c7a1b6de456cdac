"""Every bundled query gives its exact rows on the published seed (issue 6), embedded store.

The seed is built from ``data/`` and published with the schema graphs through the publishing
API into a pyoxigraph store on disk, as ``claimgraph publish`` does. The expected rows live in
``tests/helpers/query_cases.py``, shared with the run against a real ``oxigraph serve``
(``tests/integration/test_query_remote.py``). The same rows must come from a store whose default
graph *is* the union of its named graphs: the queries name their graphs and depend on neither.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from tests.helpers.query_cases import INCIDENT_CASES, SEED_CASES, Case
from tests.helpers.query_data import ask, load_incidents, seeded_embedded_store

from claimgraph.query import bundled_queries, bundled_query
from claimgraph.query.params import parameter_lines
from claimgraph.store import EmbeddedTarget, QueryResult, ResultKind, Store, open_store
from claimgraph.store.sparql import parse_results

COMPETENCY_QUESTIONS = {f"CQ{n}" for n in range(1, 21)}


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with seeded_embedded_store(tmp_path_factory.mktemp("seed-store")) as store:
        yield store


@pytest.fixture(scope="module")
def incidents_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    root = tmp_path_factory.mktemp("incidents-store")
    with seeded_embedded_store(root) as store:
        load_incidents(store, root / "incidents")
        yield store


@pytest.mark.parametrize("case", SEED_CASES, ids=lambda c: c.id)
def test_bundled_query_exact_rows_on_the_seed(seed_store: Store, case: Case) -> None:
    assert ask(seed_store, case.name, _params(case)) == case.rows


@pytest.mark.parametrize("case", INCIDENT_CASES, ids=lambda c: c.id)
def test_bundled_query_exact_rows_across_two_datasets(incidents_store: Store, case: Case) -> None:
    assert ask(incidents_store, case.name, _params(case)) == case.rows


class UnionDefaultStore:
    """A store whose default graph is the union of its named graphs (``--union-default-graph``)."""

    label = "union-default store"

    def __init__(self, quads: list[ox.Quad]) -> None:
        self.store = ox.Store()
        self.store.extend(quads)

    def query(self, sparql: str, *, timeout: float | None = None) -> QueryResult:
        result = self.store.query(sparql, use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        data = result.serialize(format=ox.QueryResultsFormat.JSON)
        return parse_results(data or b"", "application/sparql-results+json")


@pytest.fixture(scope="module")
def union_store(seed_store: Store) -> UnionDefaultStore:
    assert hasattr(seed_store, "store")
    return UnionDefaultStore(list(seed_store.store))


@pytest.mark.parametrize("case", SEED_CASES, ids=lambda c: c.id)
def test_same_rows_when_the_default_graph_is_the_union(
    union_store: UnionDefaultStore, case: Case
) -> None:
    assert ask(union_store, case.name, _params(case)) == case.rows  # type: ignore[arg-type]


def test_every_bundled_query_has_an_exact_rows_case() -> None:
    names = {q.name for q in bundled_queries()}
    assert len(names) >= 12
    assert names == {c.name for c in SEED_CASES}
    assert all(any(c.name == n and not c.params for c in SEED_CASES) for n in names)


def test_every_declared_parameter_is_exercised_on_the_seed() -> None:
    for query in bundled_queries():
        given = {p for c in SEED_CASES + INCIDENT_CASES if c.name == query.name for p in c.params}
        declared = {p.name for p in query.header.params}
        assert given <= declared
        untested = declared - given - {"type"}  # type has a default, exercised by every run
        assert not untested, f"{query.name}: no case gives {sorted(untested)}"


@pytest.mark.parametrize("query", bundled_queries(), ids=lambda q: q.name)
def test_header_is_complete_and_parameters_have_their_values_line(query: object) -> None:
    query = bundled_query(query.name)  # type: ignore[attr-defined]
    header = query.header
    assert header.title
    assert header.description
    assert header.examples
    assert len(header.description) <= 200
    assert "\n" not in header.description
    lines = parameter_lines(query.text)
    assert set(lines) == {p.name for p in header.params}, "a VALUES ?p { UNDEF } line for each"
    blocks = re.findall(r"VALUES \?(\w+) \{ UNDEF \}", query.text)
    assert set(blocks) == set(lines), "each block is a parameter, written the one way"
    for param in header.params:
        assert param.description, f"{query.name}: parameter {param.name} is undocumented"


def test_bundled_queries_cover_the_competency_questions() -> None:
    answered = {cq for q in bundled_queries() for cq in q.header.answers}
    assert answered == COMPETENCY_QUESTIONS


@pytest.mark.parametrize("query", bundled_queries(), ids=lambda q: q.name)
def test_no_pattern_reads_the_default_graph(query: object) -> None:
    """Every triple pattern, in EXISTS and sub-selects too, is inside a GRAPH block.

    rdflib parses the query into its algebra, an independent reading of the text.
    """
    from rdflib.plugins.sparql import prepareQuery

    algebra = prepareQuery(bundled_query(query.name).text).algebra  # type: ignore[attr-defined]
    outside = list(_patterns_outside_graph(algebra, in_graph=False))
    assert not outside, f"patterns on the default graph: {outside}"


def _patterns_outside_graph(node: object, *, in_graph: bool) -> Iterator[object]:
    name = getattr(node, "name", None)
    if name == "BGP" and not in_graph and node["triples"]:  # type: ignore[index]
        yield node["triples"]  # type: ignore[index]
    inside = in_graph or name == "Graph"
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    for child in children:
        if isinstance(child, dict | list):
            yield from _patterns_outside_graph(child, in_graph=inside)


def _params(case: Case) -> dict[str, list[str]]:
    return {name: [value] for name, value in case.params.items()}


def test_dataset_provenance_on_a_store_nobody_published_to(tmp_path: Path) -> None:
    store = open_store(EmbeddedTarget(tmp_path / "empty"))
    try:
        assert ask(store, "dataset-provenance") == []
        result = store.query("ASK { GRAPH ?g { ?s ?p ?o } }")
        assert result.kind is ResultKind.BOOLEAN
        assert result.boolean is False
    finally:
        store.close()


# --------------------------------------------------------------------------- documentation

DOCS = Path(__file__).resolve().parents[2] / "docs" / "queries.md"
README = DOCS.parents[1] / "README.md"
CONSOLE = re.compile(r"```console\n(.*?)```", re.DOTALL)
EXAMPLE = re.compile(
    r"^\$ claimgraph query --named (\S+)([^\n]*)\n((?:(?!\$ )[^\n]*\n)*)", re.MULTILINE
)


def test_every_bundled_query_and_parameter_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for query in bundled_queries():
        section = text.split(f"\n### {query.name}\n", 1)[1].split("\n### ", 1)[0]
        assert query.header.description in section
        for param in query.header.params:
            assert f"| `{param.name}` |" in section, f"{query.name}: {param.name} undocumented"
        assert f"$ claimgraph query --named {query.name} " in section


@pytest.mark.parametrize("doc", [DOCS, README], ids=lambda p: p.name)
def test_documented_outputs_are_what_the_seed_gives(seed_store: Store, doc: Path) -> None:
    """Each ``$ claimgraph query --named …`` example shows the real table (long ones cut)."""
    import shlex

    from claimgraph.query import ResultFormat, prepare, render, run

    blocks = CONSOLE.findall(doc.read_text(encoding="utf-8"))
    examples = [ex for block in blocks for ex in EXAMPLE.findall(block) if ex[2].strip()]
    assert examples
    for name, args, shown in examples:
        words = shlex.split(args)
        params: dict[str, list[str]] = {}
        for flag, value in itertools.pairwise(words):
            if flag in ("--param", "-p"):
                key, _, given = value.partition("=")
                params.setdefault(key, []).append(given)
        query = bundled_query(name)
        result = run(seed_store, prepare(query.text, source=query.source, params=params))
        actual = render(result, ResultFormat.TABLE, width=120).splitlines()
        expected = shown.rstrip("\n").splitlines()
        if "…" in expected:  # cut: the first lines and the count
            cut = expected.index("…")
            assert actual[:cut] == expected[:cut], name
            assert actual[-1] == expected[-1], name
        else:
            assert actual == expected, name


@pytest.mark.slow
def test_the_wheel_ships_every_bundled_query(tmp_path: Path) -> None:
    import subprocess
    import sys
    import zipfile

    repo = Path(__file__).resolve().parents[2]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "-o",
            str(tmp_path),
            str(repo),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("claimgraph-*.whl")
    shipped = {n for n in zipfile.ZipFile(wheel).namelist() if n.startswith("claimgraph/queries/")}
    assert shipped >= {f"claimgraph/queries/{q.name}.rq" for q in bundled_queries()}
