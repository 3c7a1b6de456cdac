"""A real ``oxigraph serve`` on 127.0.0.1 for tests, and an independent SPARQL client for it.

The client is plain httpx speaking the SPARQL Protocol and the Graph Store Protocol, so tests
check what the server holds without going through claimgraph's own store code.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    """A TCP port that was free a moment ago on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def oxigraph_binary() -> str:
    """The server binary of the venv; its absence fails (never skips) the test."""
    binary = Path(sys.executable).parent / "oxigraph"
    if not binary.exists():
        pytest.fail(f"oxigraph server not installed beside {sys.executable}: pip install oxigraph")
    return str(binary)


class OxigraphServer:
    """``oxigraph serve --location DIR --bind 127.0.0.1:PORT``; restartable on the same data."""

    def __init__(self, location: Path) -> None:
        self.location = location
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.log = location.parent / f"{location.name}.log"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.base_url}/query"

    @property
    def update_url(self) -> str:
        return f"{self.base_url}/update"

    @property
    def graph_store_url(self) -> str:
        return f"{self.base_url}/store"

    def start(self, timeout: float = 20.0) -> None:
        """Start the server and poll until it answers (never a blind sleep)."""
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    oxigraph_binary(),
                    "serve",
                    "--location",
                    str(self.location),
                    "--bind",
                    f"127.0.0.1:{self.port}",
                ],
                stdout=log,
                stderr=log,
                stdin=subprocess.DEVNULL,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"oxigraph serve exited: {self.log.read_text(errors='replace')[-500:]}")
            try:
                httpx.get(self.query_url, timeout=0.5)
                return
            except httpx.TransportError:
                time.sleep(0.02)
        self.stop()
        pytest.fail(f"oxigraph serve did not answer on {self.base_url} within {timeout} s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def kill(self) -> None:
        """SIGKILL, as a crash would: no chance to finish or roll anything back."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    # ------------------------------------------------------------------ independent client

    def select(self, sparql: str) -> list[dict[str, str]]:
        response = httpx.post(
            self.query_url,
            data={"query": sparql},
            timeout=30,
            headers={"Accept": "application/sparql-results+json"},
        )
        response.raise_for_status()
        rows = response.json()["results"]["bindings"]
        return [{k: v["value"] for k, v in row.items()} for row in rows]

    def counts(self) -> dict[str, int]:
        """Triples per named graph, every named graph."""
        rows = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return {row["g"]: int(row["n"]) for row in rows}

    def triples(self, graph: str) -> set[str]:
        """The graph's N-Triples lines, fetched with a Graph Store GET."""
        response = httpx.get(
            self.graph_store_url,
            params={"graph": graph},
            timeout=30,
            headers={"Accept": "application/n-triples"},
        )
        if response.status_code == 404:
            return set()
        response.raise_for_status()
        return {line for line in response.text.splitlines() if line.strip()}

    def snapshot(self) -> dict[str, set[str]]:
        """Every named graph's triples: compare before and after a failed publish."""
        return {graph: self.triples(graph) for graph in self.counts()}


def env_without_credentials() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_")}
