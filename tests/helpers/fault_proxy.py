"""A small real HTTP proxy in a thread, in front of a real server, that injects faults.

Each request is checked against :attr:`FaultProxy.rules` in order; the first that returns a
:class:`Fault` decides: answer with a status without forwarding (a 500 to the swap), hold the
request and drop it (a timeout), or forward it and call ``on_trigger`` once ``trigger_after``
body bytes have reached the server (kill the server in the middle of an upload). An optional
:class:`AuthGate` answers 401 unless the request carries the right Basic, Digest or Bearer
credentials, like a store behind an authenticating reverse proxy.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

_HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "transfer-encoding",
    "content-length",
    "host",
    "proxy-authorization",
    "te",
    "trailer",
    "upgrade",
}


@dataclass(frozen=True)
class ProxyRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Fault:
    """What to do to a request instead of forwarding it untouched."""

    status: int | None = None
    body: bytes = b""
    hold: float | None = None
    trigger_after: int | None = None
    on_trigger: Callable[[], None] | None = None


@dataclass
class AuthGate:
    """Credentials the proxy demands: ``scheme`` is basic, digest or bearer."""

    scheme: str
    user: str = ""
    password: str = ""
    token: str = ""
    realm: str = "claimgraph-test"
    nonces: set[str] = field(default_factory=set)

    def challenge(self) -> str:
        if self.scheme == "digest":
            nonce = secrets.token_hex(16)
            self.nonces.add(nonce)
            return f'Digest realm="{self.realm}", nonce="{nonce}", qop="auth", algorithm=MD5'
        return "Bearer" if self.scheme == "bearer" else f'Basic realm="{self.realm}"'

    def allows(self, method: str, header: str) -> bool:
        if self.scheme == "bearer":
            return header == f"Bearer {self.token}"
        if self.scheme == "basic":
            expected = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
            return header == f"Basic {expected}"
        if not header.startswith("Digest "):
            return False
        parts = dict(_digest_params(header[len("Digest ") :]))
        if parts.get("nonce") not in self.nonces or parts.get("username") != self.user:
            return False

        def md5(text: str) -> str:
            return hashlib.md5(text.encode()).hexdigest()

        ha1 = md5(f"{self.user}:{self.realm}:{self.password}")
        ha2 = md5(f"{method}:{parts.get('uri', '')}")
        expected = md5(
            f"{ha1}:{parts['nonce']}:{parts.get('nc', '')}:{parts.get('cnonce', '')}"
            f":{parts.get('qop', '')}:{ha2}"
        )
        return parts.get("response") == expected


def _digest_params(text: str) -> list[tuple[str, str]]:
    found = []
    for item in text.split(","):
        key, _, value = item.strip().partition("=")
        found.append((key.strip(), value.strip().strip('"')))
    return found


class FaultProxy:
    """Forwards to ``upstream`` (``http://host:port``), applying :attr:`rules`."""

    def __init__(self, upstream: str) -> None:
        parts = urlsplit(upstream)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.rules: list[Callable[[ProxyRequest], Fault | None]] = []
        self.requests: list[ProxyRequest] = []
        self.auth: AuthGate | None = None
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_request(self) -> None:
                proxy._handle(self)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_request  # noqa: N815

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FaultProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        body = _read_body(handler)
        headers = {k: v for k, v in handler.headers.items()}
        request = ProxyRequest(handler.command, handler.path, headers, body)
        self.requests.append(request)
        handler.close_connection = True
        if self.auth is not None and not self.auth.allows(
            handler.command, handler.headers.get("Authorization", "")
        ):
            _answer(handler, 401, b"bad credentials", {"WWW-Authenticate": self.auth.challenge()})
            return
        fault = next((f for f in (rule(request) for rule in self.rules) if f is not None), None)
        if fault is not None and fault.status is not None:
            _answer(handler, fault.status, fault.body)
            return
        if fault is not None and fault.hold is not None:
            time.sleep(fault.hold)
            return  # drop the connection without an answer
        self._forward(handler, request, fault)

    def _forward(
        self, handler: BaseHTTPRequestHandler, request: ProxyRequest, fault: Fault | None
    ) -> None:
        connection = http.client.HTTPConnection(*self.upstream, timeout=60)
        try:
            connection.putrequest(request.method, request.path, skip_accept_encoding=True)
            for key, value in request.headers.items():
                if key.lower() not in _HOP_BY_HOP and key.lower() != "authorization":
                    connection.putheader(key, value)
            connection.putheader("Content-Length", str(len(request.body)))
            connection.endheaders()
            sent = 0
            for start in range(0, len(request.body), 1 << 16):
                piece = request.body[start : start + (1 << 16)]
                connection.send(piece)
                sent += len(piece)
                if fault and fault.trigger_after is not None and sent >= fault.trigger_after:
                    assert fault.on_trigger is not None
                    fault.on_trigger()
                    fault.trigger_after = None
            response = connection.getresponse()
            data = response.read()
            extra = {k: v for k, v in response.getheaders() if k.lower() not in _HOP_BY_HOP}
            _answer(handler, response.status, data, extra)
        except OSError:
            if fault is not None and fault.on_trigger is not None:
                return  # the server died under us: drop the client's connection too
            _answer(handler, 502, b"upstream unreachable")
        finally:
            connection.close()


def _read_body(handler: BaseHTTPRequestHandler) -> bytes:
    if handler.headers.get("Transfer-Encoding", "").lower() == "chunked":
        chunks: list[bytes] = []
        while True:
            size = int(handler.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                handler.rfile.readline()
                return b"".join(chunks)
            chunks.append(handler.rfile.read(size))
            handler.rfile.readline()
    length = int(handler.headers.get("Content-Length", "0") or 0)
    return handler.rfile.read(length) if length else b""


def _answer(
    handler: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str] | None = None
) -> None:
    try:
        handler.send_response(status)
        for key, value in (headers or {}).items():
            handler.send_header(key, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.send_header("Connection", "close")
        handler.end_headers()
        if handler.command != "HEAD":
            handler.wfile.write(body)
    except OSError:
        pass
