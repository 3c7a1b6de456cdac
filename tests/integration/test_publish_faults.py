"""Faults during publishing: each leaves the previously published graphs exactly as they were.

A real ``oxigraph serve`` sits behind a real HTTP proxy (in a thread) that kills the server in
the middle of an upload, answers 500 to the swap, holds a request past the timeout, or demands
credentials. Every fault gives exit 4 (or RemoteError) and one line naming the endpoint.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from tests.helpers.datasets import write_dataset
from tests.helpers.fault_proxy import AuthGate, Fault, FaultProxy
from tests.helpers.oxigraph_server import OxigraphServer, env_without_credentials
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.errors import RemoteError
from claimgraph.graphs import GraphPayload, spool_graphs
from claimgraph.publish import PublishUnit, publish
from claimgraph.store import STAGING_PREFIX, RemoteTarget, ReplaceStrategy, open_store

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
BIG = "https://example.org/graph/big"
QUOTE = "quote: killed hundreds of civilians"


def big_payload(directory: Path, *, version: str, triples: int = 20_000) -> GraphPayload:
    """About 2.5 MB of N-Triples: big enough to kill the server mid-upload, quick to load."""
    directory.mkdir(parents=True, exist_ok=True)
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    graph = ox.NamedNode(BIG)
    quads = (
        ox.Quad(
            ox.NamedNode(f"https://example.org/id/{i}"),
            label,
            ox.Literal(f"entity {i} of version {version}"),
            graph,
        )
        for i in range(triples)
    )
    (payload,) = spool_graphs(quads, directory)
    return payload


def unit(payload: GraphPayload) -> PublishUnit:
    return PublishUnit("big", "https://example.org/graph/meta/big", (payload,))


def target(url: str, **options: object) -> RemoteTarget:
    return RemoteTarget(f"{url}/query", retries=1, backoff=0.01, timeout=30, **options)  # type: ignore[arg-type]


def publish_big(url: str, payload: GraphPayload, workdir: Path, **options: object) -> None:
    store = open_store(target(url, **options))
    try:
        publish(store, [unit(payload)], workdir=workdir)
    finally:
        store.close()


def one_line(message: str, where: str) -> None:
    assert "\n" not in message.strip(), message
    assert where in message, message


@pytest.mark.parametrize(
    ("method", "options"),
    [
        ("PUT", {"max_update_bytes": 1024}),  # diff too big to send: wholesale PUT, streamed
        ("POST", {}),  # the diff itself, as one Update request
    ],
    ids=["put", "diff-update"],
)
def test_server_killed_mid_upload_leaves_the_old_graph(
    oxigraph: OxigraphServer, tmp_path: Path, method: str, options: dict[str, object]
) -> None:
    publish_big(oxigraph.base_url, big_payload(tmp_path / "v1", version="1"), tmp_path)
    before = oxigraph.snapshot()
    new = big_payload(tmp_path / "v2", version="2")
    with FaultProxy(oxigraph.base_url) as proxy:
        proxy.rules.append(
            lambda r: (
                Fault(trigger_after=len(r.body) // 2, on_trigger=oxigraph.kill)
                if r.method == method and len(r.body) > 1 << 20
                else None
            )
        )
        with pytest.raises(RemoteError) as caught:
            publish_big(proxy.base_url, new, tmp_path, **options)
    one_line(str(caught.value), proxy.base_url)
    oxigraph.start()
    assert oxigraph.snapshot() == before


def test_server_killed_while_creating_a_graph_leaves_no_graph(
    oxigraph: OxigraphServer, tmp_path: Path
) -> None:
    with FaultProxy(oxigraph.base_url) as proxy:
        proxy.rules.append(
            lambda r: (
                Fault(trigger_after=len(r.body) // 2, on_trigger=oxigraph.kill)
                if r.method == "POST" and "store" in r.path
                else None
            )
        )
        with pytest.raises(RemoteError):
            publish_big(proxy.base_url, big_payload(tmp_path / "v1", version="1"), tmp_path)
    oxigraph.start()
    assert oxigraph.counts() == {}


def test_a_failed_move_removes_the_staging_graph_with_a_graph_store_delete(
    oxigraph: OxigraphServer, tmp_path: Path
) -> None:
    publish_big(
        oxigraph.base_url, big_payload(tmp_path / "v1", version="1", triples=2000), tmp_path
    )
    before = oxigraph.snapshot()
    with FaultProxy(oxigraph.base_url) as proxy:
        proxy.rules.append(
            lambda r: (
                Fault(status=500, body=b"update service down")
                if r.path.startswith("/update")
                else None
            )
        )
        with pytest.raises(RemoteError, match="500 Internal Server Error: update service down"):
            publish_big(
                proxy.base_url,
                big_payload(tmp_path / "v2", version="2", triples=2000),
                tmp_path,
                max_update_bytes=1024,
                replace=ReplaceStrategy.STAGED,
                upload_chunk_bytes=1 << 16,
            )
        deletes = [r for r in proxy.requests if r.method == "DELETE"]
    assert len(deletes) == 1
    assert "staging" in deletes[0].path
    assert not [g for g in oxigraph.counts() if g.startswith(STAGING_PREFIX)]
    assert oxigraph.snapshot() == before


# ----------------------------------------------------------------------------- through the CLI


def demo_published(runner: CliRunner, oxigraph: OxigraphServer, tmp_path: Path) -> Path:
    seed = write_dataset(tmp_path / "demo")
    result = runner.invoke(
        app,
        ["publish", str(seed), "--no-validate", "--no-schema", "--endpoint", oxigraph.query_url],
    )
    assert result.exit_code == 0, result.stderr
    claims = seed / "claims.yaml"
    claims.write_text(claims.read_text().replace(QUOTE, "quote: killed many civilians"))
    return seed


def test_a_500_to_the_swap_exits_4_with_one_line_and_changes_nothing(
    runner: CliRunner, oxigraph: OxigraphServer, fault_proxy: FaultProxy, tmp_path: Path
) -> None:
    seed = demo_published(runner, oxigraph, tmp_path)
    before = oxigraph.snapshot()
    fault_proxy.rules.append(
        lambda r: (
            Fault(status=500, body=b"Storage error: disk full\nat line 3")
            if r.path.startswith("/update")
            else None
        )
    )
    result = runner.invoke(
        app,
        [
            "publish",
            str(seed),
            "--no-validate",
            "--no-schema",
            "--endpoint",
            f"{fault_proxy.base_url}/query",
        ],
    )
    assert result.exit_code == 4
    assert result.stderr == (
        f"Error: {fault_proxy.base_url}/update: 500 Internal Server Error: "
        "Storage error: disk full\n"
    )
    assert oxigraph.snapshot() == before


def test_a_timeout_exits_4_and_changes_nothing(
    runner: CliRunner, oxigraph: OxigraphServer, fault_proxy: FaultProxy, tmp_path: Path
) -> None:
    seed = demo_published(runner, oxigraph, tmp_path)
    before = oxigraph.snapshot()
    fault_proxy.rules.append(lambda r: Fault(hold=2.0) if r.path.startswith("/update") else None)
    result = runner.invoke(
        app,
        [
            "publish",
            str(seed),
            "--no-validate",
            "--timeout",
            "0.5",
            "--endpoint",
            f"{fault_proxy.base_url}/query",
        ],
    )
    assert result.exit_code == 4
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "no answer within 0.5 s" in lines[0]
    assert oxigraph.snapshot() == before


@pytest.mark.parametrize("scheme", ["basic", "digest"])
@pytest.mark.parametrize("debug", [[], ["--debug"]], ids=["plain", "debug"])
def test_wrong_credentials_exit_4_and_never_show_the_secret(
    runner: CliRunner,
    oxigraph: OxigraphServer,
    fault_proxy: FaultProxy,
    tmp_path: Path,
    scheme: str,
    debug: list[str],
) -> None:
    seed = write_dataset(tmp_path / "demo")
    fault_proxy.auth = AuthGate(scheme, user="ana", password="correct-horse-battery")
    secret = "wr0ng-Secret-7731"
    url_secret = "url-pass-5519"
    env = {**env_without_credentials(), "CLAIMGRAPH_USER": "ana", "CLAIMGRAPH_PASSWORD": secret}
    endpoint = fault_proxy.base_url.replace("http://", f"http://ana:{url_secret}@") + "/query"
    result = runner.invoke(
        app,
        [*debug, "publish", str(seed), "--no-validate", "--auth", scheme, "--endpoint", endpoint],
        env=env,
    )
    assert result.exit_code == 4
    output = result.stdout + result.stderr
    assert secret not in output
    assert url_secret not in output
    assert "refused the credentials" in output
    assert "401" in output
    assert oxigraph.counts() == {}


@pytest.mark.parametrize("scheme", ["basic", "digest", "bearer"])
def test_right_credentials_publish(
    runner: CliRunner,
    oxigraph: OxigraphServer,
    fault_proxy: FaultProxy,
    tmp_path: Path,
    scheme: str,
) -> None:
    seed = write_dataset(tmp_path / "demo")
    fault_proxy.auth = AuthGate(scheme, user="ana", password="pw-123456", token="tok-987654")
    env = {
        **env_without_credentials(),
        "CLAIMGRAPH_USER": "ana",
        "CLAIMGRAPH_PASSWORD": "pw-123456",
        "CLAIMGRAPH_TOKEN": "tok-987654",
    }
    result = runner.invoke(
        app,
        [
            "publish",
            str(seed),
            "--no-validate",
            "--no-schema",
            "--auth",
            scheme,
            "--endpoint",
            f"{fault_proxy.base_url}/query",
        ],
        env=env,
    )
    assert result.exit_code == 0, result.stderr
    assert oxigraph.counts()


def test_bad_data_exits_1_and_publishes_nothing(
    runner: CliRunner, oxigraph: OxigraphServer
) -> None:
    bad = REPO / "tests" / "fixtures" / "invalid" / "claim-no-claimant" / "dataset"
    result = runner.invoke(app, ["publish", str(bad), "--endpoint", oxigraph.query_url])
    assert result.exit_code == 1
    assert (
        result.stderr.strip().splitlines()[-1].startswith("Error: not published: does not conform")
    )
    assert "has no claimant" in result.stderr
    assert oxigraph.counts() == {}
