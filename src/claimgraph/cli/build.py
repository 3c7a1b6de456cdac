"""``claimgraph build``: claims files to RDF."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from claimgraph.cli.app import app
from claimgraph.cli.output import ExitCode, fail, failures
from claimgraph.iris import DEFAULT_BASE, is_valid_base


@app.command(
    epilog=(
        "Examples:\n\n"
        "  claimgraph build data/                      # TriG on stdout\n\n"
        "  claimgraph build data/seed -o seed.nq       # format from the extension\n\n"
        "  claimgraph build data/ --format jsonld --base https://example.org/id/"
    )
)
def build(
    paths: Annotated[
        list[Path], typer.Argument(help="Dataset directories or claims files.", show_default=False)
    ],
    output: Annotated[
        str, typer.Option("--output", "-o", help="File to write, or - for stdout.")
    ] = "-",
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="trig, nquads, turtle, ntriples or jsonld (default: from -o, else trig).",
        ),
    ] = None,
    base: Annotated[
        str, typer.Option("--base", help="Base IRI of the data (ends in / or #).")
    ] = DEFAULT_BASE,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Turn claims datasets (YAML, JSON, CSV) into RDF, one named graph per dataset.

    Nothing is written unless the whole input reads cleanly: problems are listed with
    file:line:column on stderr (exit 3). The same input always gives the same bytes.
    """
    from claimgraph.serialize import RdfFormat

    if not is_valid_base(base):
        fail(ExitCode.USAGE, f"--base '{base}' must be an http(s) IRI ending in / or #")
    chosen = fmt or (RdfFormat.from_path(output) if output != "-" else None) or RdfFormat.TRIG
    try:
        rdf_format = RdfFormat(chosen)
    except ValueError:
        fail(
            ExitCode.USAGE, f"unknown --format '{chosen}' (trig, nquads, turtle, ntriples, jsonld)"
        )
    with failures():
        summary = _build_to(paths, output, rdf_format, base)
    if not quiet:
        typer.echo(summary, err=True)


def _build_to(paths: list[Path], output: str, rdf_format: object, base: str) -> str:
    """Build into a temporary file, then move it into place (or copy it to stdout)."""
    from claimgraph.build import build_paths
    from claimgraph.serialize import RdfFormat, write_rdf

    assert isinstance(rdf_format, RdfFormat)
    result = build_paths(paths, base=base)
    target = Path(output) if output != "-" else None
    directory = target.parent if target is not None else None
    handle = tempfile.NamedTemporaryFile(dir=directory, delete=False, suffix=".part")
    try:
        with handle:
            write_rdf(result.quads(), handle, rdf_format, prefixes=result.prefixes())
        if target is not None:
            os.replace(handle.name, target)
        else:
            with open(handle.name, "rb") as built:
                while block := built.read(1 << 20):
                    sys.stdout.buffer.write(block)
            sys.stdout.buffer.flush()
    finally:
        if os.path.exists(handle.name):
            os.unlink(handle.name)
    names = ", ".join(f"{d.id} ({len(d.inputs)} files)" for d in result.datasets)
    where = f" to {output}" if target is not None else ""
    return f"built {len(result.datasets)} dataset(s){where}: {names}"
