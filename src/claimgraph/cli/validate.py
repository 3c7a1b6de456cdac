"""``claimgraph validate``: check claims datasets and contributed RDF against the shapes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from claimgraph.cli.app import app
from claimgraph.cli.output import ExitCode, fail, failures, use_colour
from claimgraph.iris import DEFAULT_BASE, is_valid_base
from claimgraph.reports import ReportFormat


@app.command(
    epilog=(
        "Exit codes: 0 conforms (warnings allowed unless --strict), 1 does not conform, "
        "2 usage error, 3 input missing or malformed; the same for every --format.\n\n"
        "Examples:\n\n"
        "  claimgraph validate data/\n\n"
        "  claimgraph validate contributed.ttl --shapes our-rules.ttl --strict\n\n"
        "  claimgraph validate data/ --format sarif -o claimgraph.sarif"
    )
)
def validate(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH",
            help="Claims datasets (directories or files) and RDF files "
            "(.ttl .trig .nt .nq .jsonld .rdf).",
            show_default=False,
        ),
    ],
    shapes: Annotated[
        list[Path] | None,
        typer.Option(
            "--shapes",
            "-s",
            metavar="FILE",
            help="Extra SHACL shapes file, added to claimgraph's shapes (repeatable).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Report format.")
    ] = ReportFormat.TEXT,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    output: Annotated[
        str,
        typer.Option(
            "--output", "-o", metavar="FILE", help="File to write the report to, or - for stdout."
        ),
    ] = "-",
    rdf_format: Annotated[
        str | None,
        typer.Option(
            "--rdf-format",
            metavar="NAME",
            help="Parse every named file as this RDF syntax (turtle, trig, nt, nq, jsonld, "
            "rdfxml) instead of choosing by extension.",
            show_default=False,
        ),
    ] = None,
    base: Annotated[
        str, typer.Option("--base", metavar="IRI", help="Base IRI the claims are built with.")
    ] = DEFAULT_BASE,
    engine: Annotated[
        str, typer.Option("--engine", metavar="NAME", help="SHACL engine: auto, fast or pyshacl.")
    ] = "auto",
) -> None:
    """Say what is wrong with the data, and where: file:line for every finding.

    Input problems (syntax errors, unknown fields, duplicate ids, dangling references) are all
    listed before any SHACL runs. Then every SHACL result is mapped back to the file and line
    where it can be fixed, with a message that says how.
    """
    from claimgraph.errors import InputError

    if not is_valid_base(base):
        fail(ExitCode.USAGE, f"--base '{base}' must be an http(s) IRI ending in / or #")
    if engine not in ("auto", "fast", "pyshacl"):
        fail(ExitCode.USAGE, f"unknown --engine '{engine}' (auto, fast, pyshacl)")
    with failures():
        from claimgraph.reports import render, render_input_errors
        from claimgraph.validation import Engine, validate_paths

        try:
            report = validate_paths(
                paths,
                shapes=shapes or (),
                rdf_format=rdf_format,
                strict=strict,
                base=base,
                engine=Engine(engine),
            )
        except InputError as exc:
            document = render_input_errors(exc.diagnostics, fmt)
            if document is not None:
                _write(document, output)
            raise
        colour = output == "-" and fmt is ReportFormat.TEXT and use_colour(sys.stdout)
        _write(render(report, fmt, colour=colour), output)
        if output != "-" and fmt is ReportFormat.TEXT:
            from claimgraph.reports.text import summary_line

            typer.echo(summary_line(report), err=True)
    if not report.conforms:
        raise typer.Exit(code=ExitCode.NOT_CONFORMING)


def _write(text: str, output: str) -> None:
    """The report on stdout, or in a file (replaced whole)."""
    if output == "-":
        typer.echo(text)
        return
    Path(output).write_text(text + "\n", encoding="utf-8")
