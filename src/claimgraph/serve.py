"""``claimgraph serve``: the embedded store as a standard SPARQL 1.1 endpoint.

We wrap the ``oxigraph`` server (the PyPI package ``oxigraph``, extra ``claimgraph[server]``),
which serves exactly the store format pyoxigraph writes, rather than writing an HTTP server:
it implements the SPARQL 1.1 Protocol and the Graph Store Protocol, so any SPARQL client works.
Read-only unless asked (``serve-read-only``; ``serve`` with ``writable``), and bound to the
loopback interface unless asked: a store of unpublished claims must not leak onto a network.

Nothing here prints or installs signal handlers: the CLI does, and calls :meth:`Server.stop`.
"""

from __future__ import annotations

import ipaddress
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import httpx

from claimgraph.errors import ConfigError, RemoteError

DEFAULT_BIND = "127.0.0.1:7878"


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """What to serve, where, and whether updates are allowed."""

    store: Path
    bind: str = DEFAULT_BIND
    writable: bool = False
    union_default_graph: bool = False


def parse_bind(bind: str) -> tuple[str, int]:
    """``host:port`` (IPv6 in brackets) as a pair; a usage error when malformed.

    >>> parse_bind("127.0.0.1:7878"), parse_bind("[::1]:80")
    (('127.0.0.1', 7878), ('::1', 80))
    """
    host, sep, port = bind.rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ConfigError(f"--bind '{bind}' must be HOST:PORT, e.g. {DEFAULT_BIND}")
    return host, int(port)


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def oxigraph_binary() -> str:
    """The ``oxigraph`` server executable: beside this Python first, then on ``PATH``."""
    beside = Path(sys.executable).parent / ("oxigraph.exe" if os.name == "nt" else "oxigraph")
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise ConfigError(
            "the oxigraph server is not installed; "
            "install it with: pip install 'claimgraph[server]'"
        )
    return found


def server_command(options: ServeOptions, binary: str) -> list[str]:
    """The command line of the server process.

    >>> server_command(ServeOptions(Path("s")), "oxigraph")
    ['oxigraph', 'serve-read-only', '--location', 's', '--bind', '127.0.0.1:7878']
    """
    command = [
        binary,
        "serve" if options.writable else "serve-read-only",
        "--location",
        str(options.store),
        "--bind",
        options.bind,
    ]
    if options.union_default_graph:
        command.append("--union-default-graph")
    return command


class Server:
    """A running ``oxigraph`` server process over the store, stopped by :meth:`stop`."""

    def __init__(self, options: ServeOptions) -> None:
        self.options = options
        self.host, self.port = parse_bind(options.bind)
        self.process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def endpoints(self) -> dict[str, str]:
        """The SPARQL endpoints clients use (update only when writable)."""
        urls = {"query": f"{self.base_url}/query"}
        if self.options.writable:
            urls["update"] = f"{self.base_url}/update"
        urls["graph store"] = f"{self.base_url}/store"
        return urls

    def start(self, *, ready_timeout: float = 30.0) -> None:
        """Start the server and return once it answers; a failure to start is an error."""
        store = self.options.store
        if not (store / "CURRENT").exists():  # serve-read-only needs an existing store
            from claimgraph.store.embedded import EmbeddedStore

            EmbeddedStore(store).close()
        self._log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            server_command(self.options, oxigraph_binary()),
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=self._log,
        )
        probe = self.base_url.replace("0.0.0.0", "127.0.0.1").replace("[::]", "[::1]")
        deadline = time.monotonic() + ready_timeout
        with httpx.Client(timeout=1.0) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RemoteError(
                        f"the oxigraph server stopped at once: {self._last_log_line()}"
                    )
                try:
                    client.get(probe + "/query")
                    return
                except httpx.TransportError:
                    time.sleep(0.05)
        self.stop()
        raise RemoteError(
            f"the oxigraph server did not answer on {self.base_url} in {ready_timeout:g} s"
        )

    def wait(self) -> int:
        """Block until the server exits; its exit code."""
        assert self.process is not None
        return self.process.wait()

    def stop(self, *, grace: float = 5.0) -> None:
        """Terminate the server (SIGTERM, then SIGKILL after ``grace`` seconds)."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(grace)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def _last_log_line(self) -> str:
        if self._log is None:
            return "no message"
        self._log.seek(0)
        lines = [x.strip() for x in self._log.read().decode("utf-8", "replace").splitlines()]
        return next((x for x in reversed(lines) if x), "no message")
