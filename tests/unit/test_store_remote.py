"""The remote store against ``httpx.MockTransport``: protocol details, retries, error lines."""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from claimgraph.errors import RemoteAuthError, RemoteError
from claimgraph.graphs import GraphPayload
from claimgraph.store import GraphChanges, RemoteTarget, ReplaceStrategy
from claimgraph.store.auth import AuthKind, AuthSpec
from claimgraph.store.remote import RemoteStore

Handler = Callable[[httpx.Request], httpx.Response]
JSON = "application/sparql-results+json"


def make(
    handler: Handler, *, env: dict[str, str] | None = None, **options: object
) -> tuple[RemoteStore, list[float]]:
    slept: list[float] = []
    target = RemoteTarget("http://db.test/ds/query", **options)  # type: ignore[arg-type]
    store = RemoteStore(
        target, env=env or {}, transport=httpx.MockTransport(handler), sleep=slept.append
    )
    return store, slept


def count_answer(n: int) -> httpx.Response:
    body = {
        "head": {"vars": ["g", "n"]},
        "results": {
            "bindings": [
                {
                    "g": {"type": "uri", "value": "http://g/"},
                    "n": {"type": "literal", "value": str(n)},
                }
            ]
        },
    }
    return httpx.Response(200, json=body, headers={"content-type": JSON})


def test_update_and_graph_store_urls_are_derived_from_the_query_url() -> None:
    store, _ = make(lambda r: httpx.Response(200))
    assert store.update_url == "http://db.test/ds/update"
    assert store.graph_store_url == "http://db.test/ds/store"  # HEAD answered 200


def test_graph_store_probe_falls_back_to_data_then_to_none() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(200 if request.url.path == "/ds/data" else 404)

    assert make(handler)[0].graph_store_url == "http://db.test/ds/data"
    assert make(lambda r: httpx.Response(404))[0].graph_store_url is None


def test_with_all_three_urls_nothing_is_probed() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"unexpected request {request.method} {request.url}")

    store, _ = make(handler, update_url="http://u.test/up", graph_store_url="http://g.test/gsp")
    assert (store.update_url, store.graph_store_url) == ("http://u.test/up", "http://g.test/gsp")


def test_counts_use_named_graphs_and_parse_json() -> None:
    queries: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        queries.append(urllib.parse.parse_qs(request.content.decode())["query"][0])
        return count_answer(7)

    store, _ = make(handler)
    assert store.triple_counts(["http://g/", "http://h/"]) == {"http://g/": 7, "http://h/": 0}
    assert "GRAPH ?g" in queries[0]


def test_ask_in_xml_and_plain_text_and_get_fallback() -> None:
    xml = b'<sparql xmlns="http://www.w3.org/2005/sparql-results#"><boolean>true</boolean></sparql>'
    store, _ = make(
        lambda r: httpx.Response(
            200, content=xml, headers={"content-type": "application/sparql-results+xml"}
        )
    )
    assert store.ask("ASK {}") is True

    def get_only(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            return httpx.Response(405)
        assert request.url.params["query"] == "ASK {}"
        return httpx.Response(200, content=b"false", headers={"content-type": "text/plain"})

    assert make(get_only)[0].ask("ASK {}") is False


def test_retries_503_and_429_honouring_retry_after() -> None:
    answers = [
        httpx.Response(503, headers={"Retry-After": "2"}),
        httpx.Response(429),
        count_answer(1),
    ]
    store, slept = make(lambda r: answers.pop(0), retries=3, backoff=0.25)
    assert store.triple_counts(["http://g/"]) == {"http://g/": 1}
    assert slept == [2.0, 0.5]


def test_connection_errors_are_retried_then_reported_in_one_line() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    store, slept = make(handler, retries=2, backoff=0.1)
    with pytest.raises(RemoteError) as caught:
        store.query("SELECT * {}")
    assert str(caught.value) == "http://db.test/ds/query: cannot connect (is the server running?)"
    assert slept == [0.1, 0.2]
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__


def test_a_400_is_not_retried_and_names_the_endpoint_and_the_server_message() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(
            400, text="<html><body><h1>Bad Request</h1>\n<p>Parse error at line 1</p>"
        )

    store, _ = make(handler)
    with pytest.raises(
        RemoteError, match=r"^http://db.test/ds/update: 400 Bad Request: Parse error at line 1$"
    ):
        store.apply_changes(
            [GraphChanges("http://g/", added=[b"<http://s> <http://p> <http://o> ."])]
        )
    assert len(calls) == 1


def test_update_falls_back_to_the_form_encoded_protocol_on_415() -> None:
    bodies: list[tuple[str, bytes]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append((request.headers["content-type"], request.read()))
        return httpx.Response(415 if len(bodies) == 1 else 204)

    store, _ = make(handler, update_url="http://db.test/u", graph_store_url="http://db.test/g")
    store.apply_changes([GraphChanges("http://g/", removed=[b'<http://s> <http://p> "a" .'])])
    assert bodies[0][0] == "application/sparql-update"
    assert bodies[1][0] == "application/x-www-form-urlencoded"
    form = urllib.parse.parse_qs(bodies[1][1].decode())
    assert form["update"] == ['DELETE DATA { GRAPH <http://g/> {\n<http://s> <http://p> "a" .\n} }']


def test_unauthorised_is_an_auth_error_and_credentials_come_from_the_environment() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("authorization", ""))
        return httpx.Response(401, text="user ana with password hunter22 is not allowed")

    spec = AuthSpec(AuthKind.BEARER, token_env="MY_TOKEN")
    store, _ = make(handler, env={"MY_TOKEN": "hunter22"}, auth=spec)
    with pytest.raises(RemoteAuthError) as caught:
        store.named_graphs()
    assert seen == ["Bearer hunter22"]
    assert "hunter22" not in str(caught.value)
    assert "***" in str(caught.value)


def test_user_and_password_in_the_url_become_basic_auth_and_are_never_shown() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(500, text="boom")

    target = RemoteTarget("http://ana:s3cr3t-pw@db.test/sparql", retries=0)
    store = RemoteStore(target, env={}, transport=httpx.MockTransport(handler))
    with pytest.raises(RemoteError) as caught:
        store.named_graphs()
    assert str(caught.value) == "http://db.test/sparql: 500 Internal Server Error: boom"
    assert seen[0].url.userinfo == b""
    assert seen[0].headers["authorization"].startswith("Basic ")
    assert "s3cr3t" not in repr(target)


def _payload(tmp_path: Path, text: bytes = b"<http://s> <http://p> <http://o> .\n") -> GraphPayload:
    path = tmp_path / "g.nt"
    path.write_bytes(text)
    return GraphPayload("http://g/", path, text.count(b"\n"), "x")


def test_replace_uses_a_streamed_put_with_content_length(tmp_path: Path) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        request.read()
        return httpx.Response(204)

    store, _ = make(handler, graph_store_url="http://db.test/gsp")
    payload = _payload(tmp_path)
    assert store.replace_graph(payload) == "put"
    assert seen[0].method == "PUT"
    assert seen[0].url.params["graph"] == "http://g/"
    assert seen[0].headers["content-length"] == str(payload.path.stat().st_size)


def test_without_graph_store_replace_is_one_update_request(tmp_path: Path) -> None:
    bodies: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "HEAD":
            return httpx.Response(404)
        bodies.append(request.read())
        return httpx.Response(204)

    store, _ = make(handler)
    assert store.replace_graph(_payload(tmp_path)) == "update"
    assert bodies == [
        b"DROP SILENT GRAPH <http://g/> ;\nINSERT DATA { GRAPH <http://g/> {\n"
        b"<http://s> <http://p> <http://o> .\n\n} }"
    ]


def test_staged_replace_uploads_in_chunks_then_moves(tmp_path: Path) -> None:
    log: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        body = request.read().decode()
        log.append(f"{request.method} {request.url.path} {body.split(' ')[0] if body else ''}")
        return httpx.Response(204)

    line = b'<http://s> <http://p> "' + b"x" * 40_000 + b'" .\n'
    store, _ = make(
        handler,
        graph_store_url="http://db.test/gsp",
        replace=ReplaceStrategy.STAGED,
        upload_chunk_bytes=1,
    )
    assert store.replace_graph(_payload(tmp_path, line * 3)) == "staged"
    assert log[:2] == ["POST /gsp <http://s>", "POST /gsp <http://s>"]
    assert log[-1] == "POST /ds/update MOVE"
