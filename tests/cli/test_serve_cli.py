"""``claimgraph serve``: a real SPARQL endpoint over the embedded store, stopped cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest
from tests.helpers.oxigraph_server import free_port
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.store import GraphChanges
from claimgraph.store.embedded import EmbeddedStore

pytestmark = pytest.mark.integration


def seeded_store(path: Path) -> Path:
    store = EmbeddedStore(path)
    store.apply_changes([GraphChanges("http://g/", added=[b'<http://s> <http://p> "served" .'])])
    store.close()
    return path


class Serving:
    """``python -m claimgraph serve …`` in a subprocess, with its output lines collected."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "claimgraph", "serve", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self.ready = threading.Event()
        self.readers = [
            threading.Thread(
                target=self._read, args=(self.process.stdout, self.stdout), daemon=True
            ),
            threading.Thread(
                target=self._read, args=(self.process.stderr, self.stderr), daemon=True
            ),
        ]
        for reader in self.readers:
            reader.start()

    def _read(self, stream: object, into: list[str]) -> None:
        for line in stream:  # type: ignore[attr-defined]
            into.append(line.rstrip("\n"))
            if line.startswith("graph store: "):  # the last endpoint printed
                self.ready.set()

    def url(self, name: str) -> str:
        assert self.ready.wait(30), f"serve did not start: {self.stderr}"
        return next(line.split(": ", 1)[1] for line in self.stdout if line.startswith(f"{name}: "))

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(20)
        for reader in self.readers:
            reader.join(10)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
        return code


def ask(url: str) -> bool:
    response = httpx.get(
        url,
        params={"query": 'ASK { GRAPH ?g { ?s ?p "served" } }'},
        headers={"Accept": "application/sparql-results+json"},
        timeout=10,
    )
    response.raise_for_status()
    return bool(response.json()["boolean"])


def test_serves_read_only_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    store = seeded_store(tmp_path / "store")
    port = free_port()
    serving = Serving("--store", str(store), "--bind", f"127.0.0.1:{port}")
    try:
        query = serving.url("query")
        assert query == f"http://127.0.0.1:{port}/query"
        assert ask(query)
        assert not any(line.startswith("update: ") for line in serving.stdout)
        refused = httpx.post(
            f"http://127.0.0.1:{port}/update",
            content="DROP ALL",
            headers={"Content-Type": "application/sparql-update"},
        )
        assert refused.status_code >= 400
    finally:
        code = serving.stop()
    assert code == 0
    with pytest.raises(httpx.TransportError):  # the oxigraph server went with it
        httpx.get(f"http://127.0.0.1:{port}/query", timeout=2)
    assert not any("Warning" in line for line in serving.stderr)


def test_writable_accepts_updates_and_a_wide_bind_warns(tmp_path: Path) -> None:
    store = seeded_store(tmp_path / "store")
    port = free_port()
    serving = Serving("--store", str(store), "--bind", f"0.0.0.0:{port}", "--writable")
    try:
        update = serving.url("update")
        response = httpx.post(
            update,
            content='INSERT DATA { GRAPH <http://h/> { <http://a> <http://b> "c" } }',
            headers={"Content-Type": "application/sparql-update"},
        )
        assert response.status_code == 204
    finally:
        assert serving.stop() == 0
    assert any(line.startswith("Warning: listening on 0.0.0.0") for line in serving.stderr)


def test_a_bad_bind_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--store", str(tmp_path / "s"), "--bind", "nowhere"])
    assert result.exit_code == 2
    assert result.stderr == "Error: --bind 'nowhere' must be HOST:PORT, e.g. 127.0.0.1:7878\n"


def test_a_port_in_use_fails_in_one_line(runner: CliRunner, tmp_path: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = runner.invoke(
            app, ["serve", "--store", str(tmp_path / "s"), "--bind", f"127.0.0.1:{port}"]
        )
    assert result.exit_code == 4
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("Error: the oxigraph server stopped at once:"), result.stderr
    assert os.path.isdir(tmp_path / "s")
