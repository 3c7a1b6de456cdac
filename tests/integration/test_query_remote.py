"""Every bundled query on a plain ``oxigraph serve`` (issue 6): the same rows as embedded.

The server runs without ``--union-default-graph``, so a query that read the default graph
would find nothing there. The seed is published to it through the publishing API over HTTP,
exactly as it is published to the embedded store, and every case of
``tests/helpers/query_cases.py`` must give the same rows, and the same bytes in every format,
on both. Endpoint failures become one line and exit 4; hostile parameter values leave the
server's data as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.helpers.oxigraph_server import OxigraphServer, env_without_credentials
from tests.helpers.query_cases import INCIDENT_CASES, SEED_CASES, Case
from tests.helpers.query_data import ask, load_incidents, publish_seed, seeded_embedded_store
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.query import ResultFormat, bundled_query, prepare, render, run
from claimgraph.store import EmbeddedTarget, RemoteTarget, Store, open_store

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """A plain server with the seed published to it over HTTP."""
    root = tmp_path_factory.mktemp("query-remote")
    running = OxigraphServer(root / "store")
    running.start()
    store = open_store(RemoteTarget(running.query_url), env=env_without_credentials())
    try:
        publish_seed(store, root / "work")
    finally:
        store.close()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def remote(server: OxigraphServer) -> Iterator[Store]:
    store = open_store(RemoteTarget(server.query_url), env=env_without_credentials())
    yield store
    store.close()


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with seeded_embedded_store(tmp_path_factory.mktemp("query-embedded")) as store:
        yield store


@pytest.fixture(scope="module")
def remote_with_incidents(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    root = tmp_path_factory.mktemp("query-remote-incidents")
    running = OxigraphServer(root / "store")
    running.start()
    store = open_store(RemoteTarget(running.query_url), env=env_without_credentials())
    try:
        publish_seed(store, root / "work")
        load_incidents(store, root / "incidents")
        yield store
    finally:
        store.close()
        running.stop()


def _params(case: Case) -> dict[str, list[str]]:
    return {name: [value] for name, value in case.params.items()}


@pytest.mark.parametrize("case", SEED_CASES, ids=lambda c: c.id)
def test_bundled_query_exact_rows_on_a_plain_server(remote: Store, case: Case) -> None:
    assert ask(remote, case.name, _params(case)) == case.rows


@pytest.mark.parametrize("case", INCIDENT_CASES, ids=lambda c: c.id)
def test_bundled_query_exact_rows_across_datasets_on_a_plain_server(
    remote_with_incidents: Store, case: Case
) -> None:
    assert ask(remote_with_incidents, case.name, _params(case)) == case.rows


@pytest.mark.parametrize("case", SEED_CASES, ids=lambda c: c.id)
def test_same_bytes_from_both_stores_in_every_format(
    remote: Store, embedded: Store, case: Case
) -> None:
    query = bundled_query(case.name)
    prepared = prepare(query.text, source=query.source, params=_params(case))
    answers = [run(store, prepared) for store in (embedded, remote)]
    for fmt in (ResultFormat.JSON, ResultFormat.CSV, ResultFormat.TSV, ResultFormat.TABLE):
        assert render(answers[0], fmt) == render(answers[1], fmt), fmt


def test_construct_gives_the_same_turtle_from_both_stores(remote: Store, embedded: Store) -> None:
    text = (
        "PREFIX cg: <https://w3id.org/claimgraph/ns#>\n"
        "CONSTRUCT { ?r cg:rebuts ?c } WHERE { GRAPH ?g { ?r cg:rebuts ?c } }"
    )
    prepared = prepare(text)
    turtle = [render(run(s, prepared), ResultFormat.TURTLE) for s in (embedded, remote)]
    assert turtle[0] == turtle[1]
    assert len(list(ox.parse(turtle[1].encode(), format=ox.RdfFormat.TURTLE))) == 3


def test_the_cli_gives_the_same_json_from_the_endpoint_and_the_store(
    runner: CliRunner, server: OxigraphServer, tmp_path: Path
) -> None:
    local_store = open_store(EmbeddedTarget(tmp_path / "store"))
    try:
        publish_seed(local_store, tmp_path / "work")
    finally:
        local_store.close()  # the CLI opens the directory itself
    args = ["query", "-n", "rebuttals", "-p", "rebutter=seed:Russia", "-f", "json"]
    over_http = runner.invoke(app, [*args, "--endpoint", server.query_url])
    local = runner.invoke(app, [*args, "--store", str(tmp_path / "store")])
    assert over_http.exit_code == local.exit_code == 0, over_http.stderr + local.stderr
    assert over_http.stdout == local.stdout
    assert len(json.loads(local.stdout)["results"]["bindings"]) == 2


# --------------------------------------------------------------------------- failures


def test_an_endpoint_error_is_one_line_with_the_servers_message(
    runner: CliRunner, server: OxigraphServer
) -> None:
    """The query is fine; the server refuses the request (400) and says why: exit 4."""
    result = runner.invoke(app, ["query", "-n", "timeline", "--endpoint", server.update_url])
    assert result.exit_code == 4
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: {server.update_url}: 400 Bad Request: The URL query parameter update must be set\n"
    )


def test_a_server_failing_mid_answer_is_one_line_and_exit_4(
    runner: CliRunner, server: OxigraphServer
) -> None:
    """Oxigraph reports a failed SERVICE call inside a 200 answer; still one line, exit 4."""
    text = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    result = runner.invoke(app, ["query", text, "--endpoint", server.query_url])
    assert result.exit_code == 4
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"Error: {server.query_url}: ")


def test_a_wrong_endpoint_path_exits_4(runner: CliRunner, server: OxigraphServer) -> None:
    url = server.base_url + "/nothing-here"
    result = runner.invoke(app, ["query", "-n", "timeline", "--endpoint", url])
    assert result.exit_code == 4
    assert result.stderr.startswith(f"Error: {url}: 404")
    assert len(result.stderr.splitlines()) == 1


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    value=st.lists(
        st.one_of(
            st.text(st.characters(exclude_categories=["Cs"]), max_size=10),
            st.sampled_from(['"', "'", "}", "{", "} ; DROP ALL ; {", "\n", ">", "\\", "#"]),
        ),
        min_size=1,
        max_size=6,
    ).map("".join)
)
def test_hostile_values_over_http_mean_what_they_say(
    server: OxigraphServer, remote: Store, value: str
) -> None:
    before = server.counts()
    text = "# param v: string — v\nSELECT ?v WHERE {\n  VALUES ?v { UNDEF }\n}"
    result = run(remote, prepare(text, params={"v": [value]}))
    assert [row["v"] for row in result.bindings] == [{"type": "literal", "value": value}]
    assert server.counts() == before
