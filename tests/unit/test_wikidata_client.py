"""The Wikidata client against the local stand-in: etiquette, retries, batching, cache, offline."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.helpers.wikidata_standin import WikidataStandIn, all_documents, standin

from claimgraph.errors import RemoteError
from claimgraph.wikidata.cache import CacheRequest, ResponseCache
from claimgraph.wikidata.classes import superclass_query
from claimgraph.wikidata.client import BATCH_SIZE, WikidataClient, user_agent


@pytest.fixture
def server() -> Iterator[WikidataStandIn]:
    with standin() as running:
        yield running


class Sleeps:
    """A fake ``sleep`` that records what the client asked for."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def client_for(server: WikidataStandIn, **options: Any) -> WikidataClient:
    defaults: dict[str, Any] = {"min_interval": 0, "sleep": Sleeps()}
    return WikidataClient(
        api_url=server.api_url, sparql_url=server.sparql_url, **{**defaults, **options}
    )


def test_search_sends_etiquette_and_reads_hits(server: WikidataStandIn) -> None:
    with client_for(server, contact="linker-tests@example.org") as client:
        hits = client.search("United Kingdom", language="en")
    assert hits is not None
    assert hits[0].id == "Q145"
    assert hits[0].match_type == "label"
    params = server.actions("wbsearchentities")[0]
    assert params["maxlag"] == "5"
    assert params["format"] == "json"
    assert params["language"] == "en"
    assert server.user_agents[0] == user_agent("linker-tests@example.org")
    assert server.user_agents[0].startswith("claimgraph/")
    assert "linker-tests@example.org" in server.user_agents[0]


def test_issue_7_429_with_retry_after_is_honoured(server: WikidataStandIn) -> None:
    server.fail_next = [(429, "2")]
    sleeps = Sleeps()
    with client_for(server, sleep=sleeps) as client:
        hits = client.search("France", language="en")
    assert hits is not None
    assert [h.id for h in hits][:1] == ["Q142"]
    assert sleeps.calls == [2.0]
    assert len(server.actions("wbsearchentities")) == 2
    assert client.requests_sent == 2


def test_503_without_retry_after_backs_off_exponentially(server: WikidataStandIn) -> None:
    server.fail_next = [(503, None), (503, None)]
    sleeps = Sleeps()
    with client_for(server, sleep=sleeps, backoff=0.5) as client:
        assert client.search("France", language="en")
    assert sleeps.calls == [0.5, 1.0]


def test_retry_after_beyond_the_limit_gives_up(server: WikidataStandIn) -> None:
    server.fail_next = [(429, "3600")]
    with client_for(server) as client, pytest.raises(RemoteError, match="asked to wait 3600"):
        client.search("France", language="en")


def test_persistent_failure_is_a_remote_error(server: WikidataStandIn) -> None:
    server.fail_next = [(503, "0")] * 3
    with (
        client_for(server, max_retries=2) as client,
        pytest.raises(RemoteError, match="HTTP 503; gave up after 3 attempts"),
    ):
        client.search("France", language="en")


def test_unreachable_service_is_a_remote_error() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sleeps = Sleeps()
    url = f"http://127.0.0.1:{port}/w/api.php"
    with (
        WikidataClient(api_url=url, min_interval=0, max_retries=1, sleep=sleeps) as client,
        pytest.raises(RemoteError, match="unreachable"),
    ):
        client.search("France", language="en")
    assert sleeps.calls == [1.0]


def test_maxlag_answer_is_retried() -> None:
    answers = [
        httpx.Response(
            200,
            json={"error": {"code": "maxlag", "info": "Waiting for a database server"}},
            headers={"Retry-After": "5"},
        ),
        httpx.Response(200, json={"search": []}),
    ]
    sleeps = Sleeps()
    transport = httpx.MockTransport(lambda request: answers.pop(0))
    with WikidataClient(transport=transport, min_interval=0, sleep=sleeps) as client:
        assert client.search("x", language="en") == []
    assert sleeps.calls == [5.0]


def test_api_error_is_a_remote_error() -> None:
    transport = httpx.MockTransport(
        lambda request: httpx.Response(200, json={"error": {"code": "badvalue", "info": "no"}})
    )
    with (
        WikidataClient(transport=transport, min_interval=0) as client,
        pytest.raises(RemoteError, match="badvalue"),
    ):
        client.search("x", language="en")


def test_requests_are_spaced_by_the_minimum_interval() -> None:
    now = [100.0]
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"search": []}))
    with WikidataClient(
        transport=transport, min_interval=0.25, sleep=sleep, clock=lambda: now[0]
    ) as client:
        client.search("a", language="en")
        now[0] += 0.05
        client.search("b", language="en")
    assert sleeps == [pytest.approx(0.2)]


def test_entities_are_fetched_in_batches_of_50(server: WikidataStandIn) -> None:
    events = sorted(q for q in all_documents() if q not in {"Q30", "Q142", "Q145", "Q11223"})
    wanted = events[:120]
    with client_for(server) as client:
        found = client.entities(wanted, languages=["en"])
    assert set(found) == set(wanted)
    sizes = [len(p["ids"].split("|")) for p in server.actions("wbgetentities")]
    assert sizes == [BATCH_SIZE, BATCH_SIZE, 20]


def test_issue_7_redirect_is_reported_with_its_target(server: WikidataStandIn) -> None:
    server.redirects = {"Q9990145": "Q145"}
    with client_for(server) as client:
        entity = client.entities(["Q9990145"], languages=["en"])["Q9990145"]
    assert entity.redirected
    assert entity.id == "Q145"
    assert entity.label() == "United Kingdom"


def test_issue_7_deleted_item_is_missing(server: WikidataStandIn) -> None:
    server.missing = {"Q142"}
    with client_for(server) as client:
        entity = client.entities(["Q142"], languages=["en"])["Q142"]
    assert entity.missing
    assert not entity.redirected


def test_cache_answers_offline_and_stores_deterministic_files(
    server: WikidataStandIn, tmp_path: Path
) -> None:
    cache = ResponseCache(tmp_path / "cache")
    with client_for(server, cache=cache) as client:
        online = client.search("USAF", language="en")
        entity = client.entities(["Q11223"], languages=["en", "ar"])["Q11223"]
    files = sorted((tmp_path / "cache").rglob("*.json"))
    first_bytes = [f.read_bytes() for f in files]
    sent = len(server.requests)
    with client_for(server, cache=cache, offline=True) as offline:
        assert offline.search("USAF", language="en") == online
        assert offline.entities(["Q11223"], languages=["ar", "en"])["Q11223"] == entity
        assert offline.misses == []
        assert offline.requests_sent == 0
    assert len(server.requests) == sent
    with client_for(server, cache=ResponseCache(tmp_path / "again")) as client:
        client.search("USAF", language="en")
        client.entities(["Q11223"], languages=["en", "ar"])
    again = sorted((tmp_path / "again").rglob("*.json"))
    assert [f.relative_to(tmp_path / "again") for f in again] == [
        f.relative_to(tmp_path / "cache") for f in files
    ]
    assert [f.read_bytes() for f in again] == first_bytes
    record = json.loads(files[0].read_text(encoding="utf-8"))
    assert set(record) == {"request", "response"}


def test_cached_entities_keep_only_the_statements_the_linker_reads(
    server: WikidataStandIn, tmp_path: Path
) -> None:
    with client_for(server, cache=ResponseCache(tmp_path)) as client:
        client.entities(["Q30"], languages=["en"])
    (stored,) = tmp_path.rglob("*.json")
    claims = json.loads(stored.read_text(encoding="utf-8"))["response"]["claims"]
    assert set(claims) <= {"P17", "P279", "P31", "P571", "P576", "P580", "P582", "P585", "P625"}
    assert "P31" in claims
    assert stored.stat().st_size < 100_000  # the recorded document is 1.4 MB


def test_issue_7_offline_cache_miss_is_listed_and_nothing_is_sent(
    server: WikidataStandIn, tmp_path: Path
) -> None:
    with client_for(server, cache=ResponseCache(tmp_path), offline=True) as client:
        assert client.search("RBK-500", language="en") is None
        assert client.entities(["Q145"], languages=["en"]) == {}
        assert client.select(superclass_query("Q61883")) is None
    assert [m.describe() for m in client.misses] == [
        'search "RBK-500" (en)',
        "entity Q145",
        "classes of Q61883",
    ]
    assert client.requests_sent == 0
    assert server.requests == []


def test_sparql_queries_carry_prefixes_and_read_rdfs_labels(server: WikidataStandIn) -> None:
    with client_for(server) as client:
        rows = client.select(superclass_query("Q61883"))
    assert rows is not None
    assert {"super": "http://www.wikidata.org/entity/Q43229"} in rows
    assert {"label": "air force", "label@lang": "en"} in rows
    (sent,) = [p["query"] for path, p in server.requests if path == "/sparql"]
    assert sent.startswith("PREFIX wd:")
    assert "SERVICE" not in sent


def test_wdqs_only_label_service_fails_on_a_plain_store(server: WikidataStandIn) -> None:
    """The trap the linker avoids: WDQS's prefixes and label service are not standard."""
    query = (
        "SELECT ?l WHERE { wd:Q145 rdfs:label ?l . "
        'SERVICE wikibase:label { bd:serviceParam wikibase:language "en" } }'
    )
    with client_for(server) as client, pytest.raises(RemoteError, match="HTTP 400"):
        client.select(query)


def test_cache_request_key_ignores_nothing_that_changes_the_answer() -> None:
    a = CacheRequest("wbsearchentities", "u", {"search": "a", "language": "en"})
    b = CacheRequest("wbsearchentities", "u", {"language": "en", "search": "a"})
    c = CacheRequest("wbsearchentities", "u", {"language": "ar", "search": "a"})
    d = CacheRequest("wbsearchentities", "v", {"language": "en", "search": "a"})
    assert a.key == b.key
    assert len({a.key, c.key, d.key}) == 3
