"""``claimgraph ontology``: look at and document the bundled ontology."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimgraph.cli.app import app
from claimgraph.cli.output import ExitCode, fail, failures

ontology_app = typer.Typer(
    no_args_is_help=True,
    help="The claimgraph ontology: its files and its documentation.\n\n"
    "Example: claimgraph ontology docs -o docs/ontology.md",
)
app.add_typer(ontology_app, name="ontology")


@ontology_app.command(
    "docs",
    epilog="Examples:\n\n  claimgraph ontology docs -o docs/ontology.md\n\n"
    "  claimgraph ontology docs --check -o docs/ontology.md   # in CI",
)
def docs(
    output: Annotated[
        str, typer.Option("--output", "-o", help="Markdown file to write, or - for stdout.")
    ] = "-",
    check: Annotated[
        bool, typer.Option("--check", help="Do not write; exit 1 if the file is out of date.")
    ] = False,
) -> None:
    """Generate the Markdown reference of every class, property and concept."""
    from claimgraph.ontology_docs import render_ontology_markdown, write_ontology_markdown

    with failures():
        if output == "-":
            if check:
                fail(ExitCode.USAGE, "--check needs --output FILE")
            typer.echo(render_ontology_markdown(), nl=False)
            return
        path = Path(output)
        if check:
            current = path.read_text(encoding="utf-8") if path.exists() else ""
            if current != render_ontology_markdown():
                fail(
                    ExitCode.NOT_CONFORMING,
                    f"{output} is out of date: run 'claimgraph ontology docs -o {output}'",
                )
            typer.echo(f"{output} is up to date")
            return
        changed = write_ontology_markdown(path)
        typer.echo(f"{'wrote' if changed else 'unchanged'} {output}")


@ontology_app.command("files", epilog="Example:\n\n  claimgraph ontology files | xargs -n1 head -5")
def files() -> None:
    """Print the paths of the bundled ontology and shapes files (to load them elsewhere)."""
    from claimgraph.resources import ONTOLOGY_FILES, ontology_file, shapes_files

    for name in ONTOLOGY_FILES:
        typer.echo(str(ontology_file(name)))
    for shapes in shapes_files():
        typer.echo(str(shapes))
