"""Publish benchmark: ``claimgraph publish --no-validate`` to a local ``oxigraph serve``,
beside ``claimgraph build`` to N-Triples plus a raw curl Graph Store POST of that file.

Each run gets a fresh, empty server on 127.0.0.1 so that both paths write a new graph.
Prints tab-separated rows (tool, seconds, peak MiB, triples, unit) for bench/run.py.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import CLAIMGRAPH, count_lines, measure

OXIGRAPH = str(Path(sys.executable).parent / "oxigraph")
GRAPH = "https://w3id.org/claimgraph/id/graph/synthetic"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """A throw-away ``oxigraph serve`` on loopback, polled until it answers."""

    def __init__(self, root: Path) -> None:
        self.location = Path(tempfile.mkdtemp(dir=root))
        self.port = _free_port()
        self.process = subprocess.Popen(
            [
                OXIGRAPH,
                "serve",
                "--location",
                str(self.location),
                "--bind",
                f"127.0.0.1:{self.port}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}/query?query=ASK%7B%7D", timeout=1
                )
                return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError("oxigraph serve did not start") from None
                time.sleep(0.05)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.location, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dataset", type=Path, required=True)
    parser.add_argument("--incidents", type=int, required=True)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--tsv", action="store_true")
    args = parser.parse_args()
    rows: list[tuple[str, float, float, int]] = []

    nt = args.work / f"publish-{args.incidents}.nt"
    build_s, build_mib = measure([*CLAIMGRAPH, "build", str(args.dataset), "-o", str(nt), "-q"])
    triples = count_lines(nt)
    server = Server(args.work)
    try:
        curl_s, curl_mib = measure(
            [
                "curl",
                "-sf",
                "-X",
                "POST",
                "-H",
                "Content-Type: application/n-triples",
                "--data-binary",
                f"@{nt}",
                f"{server.url}/store?graph={GRAPH}",
            ]
        )
    finally:
        server.stop()
    rows.append(("claimgraph build → N-Triples", build_s, build_mib, triples))
    rows.append(("ref: curl Graph Store POST of that file", curl_s, curl_mib, triples))
    rows.append(
        ("ref: build + curl POST (sum)", build_s + curl_s, max(build_mib, curl_mib), triples)
    )

    server = Server(args.work)
    try:
        store = tempfile.mkdtemp(dir=args.work)
        env_cmd = [
            *CLAIMGRAPH,
            "publish",
            str(args.dataset),
            "--no-validate",
            "--no-schema",
            "-q",
            "--endpoint",
            f"{server.url}/query",
            "--update-endpoint",
            f"{server.url}/update",
            "--graph-store",
            f"{server.url}/store",
        ]
        seconds, mib = measure(env_cmd, cwd=Path(store))
        rows.append(("claimgraph publish --no-validate (remote)", seconds, mib, triples))
        shutil.rmtree(store, ignore_errors=True)
    finally:
        server.stop()
    ratio = rows[-1][1] / rows[2][1]
    for tool, seconds, mib, items in rows:
        print(f"{tool}\t{seconds:.3f}\t{mib:.1f}\t{items}\ttriples")
    print(f"publish / (build + curl) = {ratio:.2f} (target ≤ 1.3)", file=sys.stderr)
    os.remove(nt)


if __name__ == "__main__":
    main()
