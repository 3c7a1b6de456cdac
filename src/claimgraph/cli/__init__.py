"""The ``claimgraph`` command line: the only package that imports typer.

Each command lives in a module of its own (``cli/build.py``, ``cli/validate.py`` …) that parses
options, calls the library and prints. Library failures become one ``Error: …`` line on stderr
and the exit code of the house style; tracebacks only with ``--debug``. Heavy libraries (rdflib,
pyshacl, pyoxigraph) are imported inside the commands so that ``claimgraph --help`` stays fast.
"""

from __future__ import annotations

from claimgraph.cli import commands  # noqa: F401  (registers every command on app)
from claimgraph.cli.app import app, main

__all__ = ["app", "main"]
