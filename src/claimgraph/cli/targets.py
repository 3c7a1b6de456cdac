"""Options naming where data lives, shared by ``publish``, ``query`` and ``serve``.

One definition per option, so the commands cannot drift apart in names, help or defaults.
They are typer ``Annotated`` aliases; the values go to :func:`claimgraph.config.resolve_target`.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class AuthOption(StrEnum):
    """``--auth`` (mirrors ``claimgraph.store.auth.AuthKind`` without importing httpx)."""

    basic = "basic"
    digest = "digest"
    bearer = "bearer"


StoreOption = Annotated[
    Path | None,
    typer.Option(
        "--store", help="Embedded store directory [default: .claimgraph/store].", show_default=False
    ),
]
EndpointOption = Annotated[
    str | None, typer.Option("--endpoint", help="SPARQL 1.1 query endpoint URL.")
]
UpdateEndpointOption = Annotated[
    str | None, typer.Option("--update-endpoint", help="SPARQL Update endpoint URL.")
]
GraphStoreOption = Annotated[
    str | None, typer.Option("--graph-store", help="Graph Store Protocol endpoint URL.")
]
ProfileOption = Annotated[
    str | None, typer.Option("--profile", help="An [endpoints.NAME] of claimgraph.toml.")
]
AuthSchemeOption = Annotated[
    AuthOption | None, typer.Option("--auth", help="HTTP authentication scheme.")
]
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Config file [default: ./claimgraph.toml].", show_default=False),
]
