"""The command line as a whole: help with examples everywhere, version, fast start, errors."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from claimgraph import __version__
from claimgraph.cli import app

REPO = Path(__file__).resolve().parents[2]


def _commands(group: object, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for name, command in getattr(group, "commands", {}).items():
        path = (*prefix, name)
        found.append(path)
        found.extend(_commands(command, path))
    return found


ALL_COMMANDS = _commands(get_command(app))


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"claimgraph {__version__}"


def test_no_arguments_shows_help(runner: CliRunner) -> None:
    result = runner.invoke(app, [])
    assert "Usage" in result.stdout + result.stderr
    assert "build" in result.stdout + result.stderr


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(
    runner: CliRunner, command: tuple[str, ...]
) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.stderr
    assert "Example" in result.stdout, f"claimgraph {' '.join(command)} --help has no example"
    assert result.stderr == ""


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=" ".join)
def test_every_command_is_documented_in_the_readme(command: tuple[str, ...]) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"claimgraph {' '.join(command)}" in readme


def test_unknown_option_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["build", "--no-such-option"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "No such option" in result.stderr


def test_help_is_fast_and_imports_nothing_heavy() -> None:
    """``claimgraph --help`` must not import rdflib, pyshacl or pyoxigraph (target < 0.3 s)."""
    code = (
        "import sys, time; t = time.perf_counter();"
        "from claimgraph.cli import app; from typer.testing import CliRunner;"
        "CliRunner().invoke(app, ['--help']);"
        "heavy = [m for m in ('rdflib', 'pyshacl', 'pyoxigraph', 'httpx', 'pydantic')"
        " if m in sys.modules];"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "claimgraph", "--help"],
        capture_output=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert time.perf_counter() - started < 1.5  # generous for a loaded CI machine; 0.2 s here
