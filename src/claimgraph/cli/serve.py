"""``claimgraph serve``: the embedded store as a SPARQL 1.1 endpoint, until Ctrl-C or SIGTERM."""

from __future__ import annotations

import signal
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer

from claimgraph.cli.app import app
from claimgraph.cli.output import failures
from claimgraph.cli.targets import ConfigOption, StoreOption


@app.command(
    epilog=(
        "Any SPARQL client can use the endpoints printed on stdout; publish to it with "
        "claimgraph publish --endpoint URL while it runs --writable.\n\n"
        "Examples:\n\n"
        "  claimgraph serve                                  # read-only, 127.0.0.1:7878\n\n"
        "  claimgraph serve --store team.store --writable --bind 127.0.0.1:9000"
    )
)
def serve(
    store: StoreOption = None,
    bind: Annotated[str, typer.Option("--bind", help="HOST:PORT to listen on.")] = "127.0.0.1:7878",
    writable: Annotated[
        bool, typer.Option("--writable", help="Accept SPARQL Update and Graph Store writes.")
    ] = False,
    union_default_graph: Annotated[
        bool,
        typer.Option(
            "--union-default-graph", help="Let queries without GRAPH see every named graph."
        ),
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Serve the embedded store over the SPARQL 1.1 Protocol (query; update with --writable).

    Listens on the loopback interface unless --bind says otherwise, and warns then: the store
    may hold unpublished claims. Ctrl-C or SIGTERM stops the server cleanly.
    """
    with failures():
        from claimgraph.config import load_config, resolve_target
        from claimgraph.serve import ServeOptions, Server, is_loopback, parse_bind
        from claimgraph.store import EmbeddedTarget

        cwd = Path.cwd()
        target = resolve_target(load_config(config, cwd=cwd), cwd=cwd, store=store)
        assert isinstance(target, EmbeddedTarget)
        host, _ = parse_bind(bind)
        if not is_loopback(host):
            typer.echo(
                f"Warning: listening on {host}: anyone who can reach this machine can "
                "query the store" + (" and change it" if writable else ""),
                err=True,
            )
        server = Server(ServeOptions(target.path, bind, writable, union_default_graph))
        previous = signal.getsignal(signal.SIGTERM)

        def stop(signum: int, frame: FrameType | None) -> None:
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, stop)
        try:
            server.start()
            mode = "read-write" if writable else "read-only"
            typer.echo(f"serving {target.path} ({mode}); stop with Ctrl-C", err=True)
            for name, url in server.endpoints.items():
                typer.echo(f"{name}: {url}")
            code = server.wait()
            if code:
                typer.echo(f"Error: the oxigraph server exited with code {code}", err=True)
                raise typer.Exit(code=4)
        except KeyboardInterrupt:
            typer.echo("stopped", err=True)
        finally:
            server.stop()
            signal.signal(signal.SIGTERM, previous)
