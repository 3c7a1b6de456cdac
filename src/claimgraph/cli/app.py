"""The typer application, global options, and the mapping from failures to exit codes."""

from __future__ import annotations

import sys
import traceback
from typing import Annotated

import typer

from claimgraph import __version__
from claimgraph.cli import state
from claimgraph.cli.output import ExitCode, error_line

app = typer.Typer(
    name="claimgraph",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help=(
        "Turn structured claims about armed-conflict incidents into a validated knowledge graph "
        "and publish it as linked open data.\n\n"
        "Example: claimgraph build data/ -o seed.trig"
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of failures (never secrets).")
    ] = False,
) -> None:
    """Global options."""
    state.DEBUG = debug


def main() -> None:
    """Console-script entry point: run the app, turning library failures into exit codes."""
    from claimgraph.gc_tuning import relaxed_gc

    try:
        with relaxed_gc():  # every command is one bulk job in its own process
            app(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        error_line("interrupted")
        sys.exit(130)
    except BaseException as exc:  # the last line of defence: a bug, exit 70
        code, message = classify(exc)
        error_line(message)
        if state.DEBUG:
            traceback.print_exc()
        sys.exit(code)


def classify(exc: BaseException) -> tuple[int, str]:
    """Exit code and one-line message for a failure that escaped a command."""
    from claimgraph.errors import (
        ConfigError,
        DataNotConforming,
        InputError,
        RemoteError,
    )

    if isinstance(exc, InputError):
        return ExitCode.INPUT, str(exc)
    if isinstance(exc, DataNotConforming):
        return ExitCode.NOT_CONFORMING, str(exc)
    if isinstance(exc, RemoteError):
        return ExitCode.REMOTE, str(exc)
    if isinstance(exc, ConfigError):
        return ExitCode.USAGE, str(exc)
    return ExitCode.INTERNAL, f"internal error ({type(exc).__name__}): {exc} — please report it"
