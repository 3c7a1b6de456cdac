"""``claimgraph query`` and ``claimgraph queries``: ask the published claims questions.

The commands only parse options and print; :mod:`claimgraph.query` checks, binds and runs, and
its failures become one ``Error:`` line: 2 for a bad option or parameter value, 3 for a
malformed query (with file:line:column), 4 when the store fails or refuses. An ASK query exits
0 for true and 1 for false, so it can drive a shell ``if``.
"""

from __future__ import annotations

import shutil
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimgraph.cli.app import app
from claimgraph.cli.output import ExitCode, fail, failures
from claimgraph.cli.targets import (
    AuthOption,
    AuthSchemeOption,
    ConfigOption,
    EndpointOption,
    ProfileOption,
    StoreOption,
)

if TYPE_CHECKING:
    from claimgraph.query import PreparedQuery
    from claimgraph.store import QueryResult


class FormatOption(StrEnum):
    """``--format`` (mirrors ``claimgraph.query.ResultFormat`` without importing it)."""

    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    turtle = "turtle"


@app.command(
    epilog=(
        "Exit codes: 0 results printed (ASK: true), 1 ASK answered false, 2 usage error or a "
        "parameter value that does not fit its type, 3 malformed query (file:line:column), "
        "4 the store failed or refused.\n\n"
        "Examples:\n\n"
        "  claimgraph queries          # the bundled questions\n\n"
        "  claimgraph query --named claims-by-claimant --param claimant=wd:Q42970\n\n"
        "  claimgraph query --named rebuttals --format csv > rebuttals.csv\n\n"
        "  claimgraph query 'ASK { GRAPH ?g { ?c a <https://w3id.org/claimgraph/ns#Claim> } }'"
        "\n\n  claimgraph query --file my.rq --endpoint http://127.0.0.1:7878/query -f json"
    )
)
def query(
    text: Annotated[
        str | None,
        typer.Argument(
            metavar="QUERY",
            help="SPARQL query text, or - to read it from stdin.",
            show_default=False,
        ),
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="Read the query from this .rq file.")
    ] = None,
    named: Annotated[
        str | None,
        typer.Option("--named", "-n", help="Run a bundled query (claimgraph queries lists them)."),
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            metavar="NAME=VALUE",
            help="A parameter of the query, typed by its header (repeat for more values).",
        ),
    ] = None,
    fmt: Annotated[
        FormatOption | None,
        typer.Option(
            "--format",
            "-f",
            help="table (default on a terminal), csv (default otherwise), tsv, json; turtle "
            "for CONSTRUCT and DESCRIBE.",
            show_default=False,
        ),
    ] = None,
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    profile: ProfileOption = None,
    auth: AuthSchemeOption = None,
    timeout: Annotated[
        float | None,
        typer.Option("--timeout", help="Seconds to wait for the answer.", min=0.1),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Run a SPARQL query (yours or a bundled one) on the embedded store or an endpoint.

    SELECT results print as a table on a terminal and as CSV in a pipe (W3C SPARQL results
    formats for csv, tsv and json); ASK prints true or false; CONSTRUCT and DESCRIBE print
    Turtle. The query is checked before it is sent, and --param values are bound as RDF terms,
    never pasted into the text. Queries never change the store.
    """
    sources = [s for s in (text is not None, file is not None, named is not None) if s]
    if len(sources) != 1:
        fail(ExitCode.USAGE, "give one query: QUERY text, --file F.rq, or --named NAME")
    values = _params(param or [])
    with failures():
        prepared = _prepare(text, file, named, values)
        chosen = _format(fmt, prepared)
        result = _run(prepared, store, endpoint, profile, auth, timeout, config)
        from claimgraph.query import ResultFormat, render

        width = shutil.get_terminal_size((120, 24)).columns
        _write(render(result, ResultFormat(chosen.value), width=width))
    if result.boolean is False:
        raise typer.Exit(code=ExitCode.NOT_CONFORMING)


def _write(text: str) -> None:
    """Bytes as rendered: CSV's CRLF line ends must not be translated, on any platform."""
    data = text.encode("utf-8")
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        sys.stdout.flush()
        buffer.write(data)
        buffer.flush()
    else:  # a stream without bytes underneath (some embedders)
        sys.stdout.write(text)
        sys.stdout.flush()


def _params(given: list[str]) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for item in given:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            fail(
                ExitCode.USAGE,
                f"--param '{item}' must be NAME=VALUE (e.g. --param since=2015-12-01)",
            )
        values.setdefault(name.strip(), []).append(value)
    return values


def _prepare(
    text: str | None, file: Path | None, named: str | None, values: dict[str, list[str]]
) -> PreparedQuery:
    from claimgraph.errors import Diagnostic, InputError, SourcePos
    from claimgraph.query import bundled_query, prepare

    if named is not None:
        bundled = bundled_query(named)
        return prepare(bundled.text, source=bundled.source, params=values)
    if file is not None:
        try:
            body = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = "not found" if isinstance(exc, FileNotFoundError) else str(exc)
            problem = Diagnostic(SourcePos(str(file)), f"cannot read the query: {reason}")
            raise InputError(problem) from None
        return prepare(body, source=str(file), params=values)
    assert text is not None
    if text == "-":
        return prepare(sys.stdin.read(), source="<stdin>", params=values)
    return prepare(text, source="<query>", params=values)


def _format(fmt: FormatOption | None, prepared: PreparedQuery) -> FormatOption:
    """The format asked for, or the default for a terminal or a pipe; refuse mismatches."""
    from claimgraph.query import QueryForm

    if prepared.form is QueryForm.GRAPH:
        if fmt not in (None, FormatOption.turtle, FormatOption.table):
            fail(ExitCode.USAGE, f"--format {fmt.value if fmt else ''}: CONSTRUCT and DESCRIBE "
                 "give RDF; use --format turtle")  # fmt: skip
        return FormatOption.turtle
    if fmt is FormatOption.turtle:
        fail(ExitCode.USAGE, "--format turtle is for CONSTRUCT and DESCRIBE; use table, csv, "
             "tsv or json")  # fmt: skip
    if fmt is not None:
        return fmt
    return FormatOption.table if _is_terminal() else FormatOption.csv


def _is_terminal() -> bool:
    """Whether results go to a person (a table) rather than a pipe (CSV)."""
    return sys.stdout.isatty()


def _run(
    prepared: PreparedQuery,
    store: Path | None,
    endpoint: str | None,
    profile: str | None,
    auth: AuthOption | None,
    timeout: float | None,
    config: Path | None,
) -> QueryResult:
    import os

    from claimgraph.config import load_config, resolve_target
    from claimgraph.query import run
    from claimgraph.store import EmbeddedTarget, open_store
    from claimgraph.store.auth import AuthKind

    cwd = Path.cwd()
    target = resolve_target(
        load_config(config, cwd=cwd),
        cwd=cwd,
        store=store,
        endpoint=endpoint,
        profile=profile,
        auth=AuthKind(auth.value) if auth else None,
    )
    if isinstance(target, EmbeddedTarget) and not target.path.exists():
        from claimgraph.errors import Diagnostic, InputError, SourcePos

        raise InputError(
            Diagnostic(
                SourcePos(str(target.path)),
                "no store here",
                hint="publish first (claimgraph publish data/), or name one with --store, "
                "--endpoint or --profile",
            )
        )
    opened = open_store(target, env=os.environ)
    try:
        return run(opened, prepared, timeout=timeout)
    finally:
        opened.close()


queries_app = typer.Typer(
    invoke_without_command=True,
    help="The bundled questions: list them, or show one.\n\n"
    "Example: claimgraph queries | grep claim",
)
app.add_typer(queries_app, name="queries")


@queries_app.callback(
    epilog="Examples:\n\n  claimgraph queries\n\n  claimgraph queries show rebuttals"
)
def queries(ctx: typer.Context) -> None:
    """List the bundled questions, one a line: the name, then what it answers.

    Run one with claimgraph query --named NAME; see its parameters with claimgraph queries
    show NAME.
    """
    if ctx.invoked_subcommand is not None:
        return
    from claimgraph.query import bundled_queries

    found = bundled_queries()
    width = max(len(q.name) for q in found)
    for bundled in found:
        typer.echo(f"{bundled.name.ljust(width)}  {bundled.header.description}")


@queries_app.command(
    "show",
    epilog="Examples:\n\n  claimgraph queries show claims-by-claimant\n\n"
    "  claimgraph queries show rebuttals > rebuttals.rq   # a starting point of your own",
)
def show(name: Annotated[str, typer.Argument(help="A bundled query's name.")]) -> None:
    """Print a bundled query: its header (parameters, types, defaults) and its SPARQL."""
    with failures():
        from claimgraph.query import bundled_query

        typer.echo(bundled_query(name).text, nl=False)
