"""Fixtures for tests against a real ``oxigraph serve`` on 127.0.0.1.

``oxigraph`` starts a fresh server (empty store in a temporary directory, free port, polled
until it answers) for one test and stops it after; ``oxigraph_session`` shares one server
across a session for read-mostly tests. Both return an
:class:`~tests.helpers.oxigraph_server.OxigraphServer` with ``.query_url``, ``.update_url``,
``.graph_store_url`` and ``.base_url``, and an independent client (``.counts()``,
``.triples(graph)``, ``.snapshot()``). A missing server binary fails the test; it is never
skipped, under CI or not.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.helpers.fault_proxy import FaultProxy
from tests.helpers.oxigraph_server import OxigraphServer


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[OxigraphServer]:
    server = OxigraphServer(tmp_path / "oxigraph-store")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def oxigraph_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "store")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def fault_proxy(oxigraph: OxigraphServer) -> Iterator[FaultProxy]:
    """A fault-injecting proxy in front of :func:`oxigraph` (add rules to ``.rules``)."""
    with FaultProxy(oxigraph.base_url) as proxy:
        yield proxy
