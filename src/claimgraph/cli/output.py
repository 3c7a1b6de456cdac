"""How the CLI speaks: exit codes, one-line errors on stderr, results on stdout."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import IntEnum
from typing import NoReturn, TypeVar

import typer

from claimgraph.cli import state

T = TypeVar("T")


class ExitCode(IntEnum):
    """Exit codes of ../shared/STYLE.md, the same for every command and output format."""

    OK = 0
    NOT_CONFORMING = 1
    USAGE = 2
    INPUT = 3
    REMOTE = 4
    INTERNAL = 70


def error_line(message: str) -> None:
    """Write one ``Error: …`` line to stderr (newlines folded so it stays one line)."""
    flat = " ".join(message.split())
    typer.echo(f"Error: {flat}", err=True)


def fail(code: int, message: str) -> NoReturn:
    """Print one error line and exit with ``code``."""
    error_line(message)
    raise typer.Exit(code=code)


def use_colour(stream: object = None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    target = stream if stream is not None else sys.stdout
    isatty = getattr(target, "isatty", None)
    return bool(isatty and isatty())


@contextmanager
def failures() -> Iterator[None]:
    """Turn library failures raised inside a command into one line and an exit code.

    Input errors print every diagnostic (one line each), then exit 3.
    """
    from claimgraph.errors import ClaimgraphError, InputError

    try:
        yield
    except typer.Exit:
        raise
    except InputError as exc:
        for diagnostic in exc.diagnostics[:-1]:
            error_line(diagnostic.without_severity())
        last = exc.diagnostics[-1].without_severity() if exc.diagnostics else "malformed input"
        summary = f" ({len(exc.diagnostics)} problems)" if len(exc.diagnostics) > 1 else ""
        fail(ExitCode.INPUT, f"{last}{summary}")
    except ClaimgraphError as exc:
        from claimgraph.cli.app import classify

        code, message = classify(exc)
        if state.DEBUG:
            traceback.print_exc()
        fail(code, message)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:
        if state.DEBUG:
            traceback.print_exc()
        fail(ExitCode.INTERNAL, f"internal error ({type(exc).__name__}): {exc} — please report it")


def run(func: Callable[[], T]) -> T:
    """Call ``func`` under :func:`failures` and return its result."""
    with failures():
        return func()
    raise AssertionError("unreachable")  # pragma: no cover
