"""``claimgraph import``: foreign datasets (CSV, JSON Lines) into a claims dataset directory."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimgraph.cli.app import app
from claimgraph.cli.output import ExitCode, fail, failures

if TYPE_CHECKING:
    from claimgraph.ingest import ImportReport


@app.command(
    name="import",
    epilog=(
        "Examples:\n\n"
        "  claimgraph import --mapping mappings/ucdp-ged.yaml events.jsonl -o datasets/ucdp\n\n"
        "  claimgraph import -m mappings/syrianarchive-russian-attacks.yaml ru_at.csv "
        "-o datasets/sa --format yaml\n\n"
        "The mapping language is described in docs/mappings.md."
    ),
)
def import_(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="CSV or JSON Lines files to import.", show_default=False),
    ],
    mapping: Annotated[
        Path,
        typer.Option("--mapping", "-m", help="The mapping file (YAML).", show_default=False),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Dataset directory to write.", show_default=False),
    ],
    strict: Annotated[
        bool, typer.Option("--strict", help="Stop at the first row that cannot be mapped.")
    ] = False,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="yaml or json (default: the mapping's, else YAML for small inputs).",
        ),
    ] = None,
    chunk: Annotated[
        int | None,
        typer.Option("--chunk", min=1, help="Input rows per output file (default: mapping's)."),
    ] = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace an earlier import in the directory.")
    ] = False,
    check: Annotated[
        bool,
        typer.Option(
            "--check/--no-check",
            help="Check each entity against the claims format (--no-check: faster; "
            "build then reports what is wrong).",
        ),
    ] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings on stderr.")] = False,
) -> None:
    """Turn CSV or JSON Lines files into a claims dataset, as a mapping file says.

    The output is an ordinary dataset directory (dataset.yaml and claims files) to review,
    then build, validate and publish. Rows that cannot be mapped are reported with file:line
    and left out (exit 0); with --strict the first one stops the import and nothing is
    written (exit 3). A malformed mapping or input is exit 3.
    """
    if fmt is not None and fmt not in ("yaml", "json"):
        fail(ExitCode.USAGE, f"unknown --format '{fmt}' (yaml or json)")
    with failures():
        report = _run(inputs, mapping, output, strict, fmt, chunk, overwrite, check)
    from claimgraph.errors import Severity

    for problem in report.problems:
        if quiet and problem.severity is Severity.WARNING:
            continue
        flat = " ".join(problem.without_severity().split())
        typer.echo(f"Warning: {flat}", err=True)
    typer.echo(_summary(report))


def _run(
    inputs: list[Path],
    mapping: Path,
    output: Path,
    strict: bool,
    fmt: str | None,
    chunk: int | None,
    overwrite: bool,
    check: bool,
) -> ImportReport:
    from claimgraph.ingest import import_files

    return import_files(
        mapping,
        inputs,
        output,
        strict=strict,
        output_format="json" if fmt == "json" else "yaml" if fmt == "yaml" else None,
        chunk_rows=chunk,
        overwrite=overwrite,
        check=check,
    )


def _summary(report: ImportReport) -> str:
    kinds = ", ".join(f"{kind} {count}" for kind, count in report.entities.items())
    files = len([f for f in report.files if f.startswith("rows-")])
    lines = [
        f"imported {report.rows_imported} of {report.rows_read} rows with mapping "
        f"'{report.mapping}' into {report.output} ({files} {report.format} file(s))",
        f"entities: {kinds}",
    ]
    if report.problems:
        lines.append(
            f"{report.rows_skipped} row(s) not imported, {len(report.warnings)} warning(s)"
        )
    return "\n".join(lines)
