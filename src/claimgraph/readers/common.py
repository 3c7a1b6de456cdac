"""Checks shared by the file readers: the top-level layout of a claims file."""

from __future__ import annotations

import difflib
from typing import Any

from claimgraph.errors import Diagnostic, SourcePos
from claimgraph.model import FILE_KEYS, KINDS


def did_you_mean(
    word: str, choices: list[str] | set[str] | frozenset[str], *, cutoff: float = 0.6
) -> str | None:
    """A "did you mean" hint, or None when nothing is close.

    >>> did_you_mean("claimnt", ["claimant", "speaker"])
    "did you mean 'claimant'?"
    """
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=cutoff)
    return f"did you mean '{close[0]}'?" if close else None


def check_top_key(key: Any, pos: SourcePos) -> Diagnostic | None:
    """A top-level key must be an entity kind (``claims``) or ``graph``."""
    if isinstance(key, str) and (key in KINDS or key in FILE_KEYS):
        return None
    hint = did_you_mean(str(key), set(KINDS) | FILE_KEYS) or (
        "top-level keys are entity kinds: " + ", ".join(sorted(KINDS))
    )
    return Diagnostic(pos, f"unknown section '{key}'", hint=hint, field=str(key))


def file_graph(value: Any, pos: SourcePos) -> tuple[str | None, Diagnostic | None]:
    """The optional ``graph:`` key names one of the manifest's extra graphs."""
    if value is None:
        return None, None
    if isinstance(value, str) and value.strip():
        return value.strip(), None
    return None, Diagnostic(
        pos, "'graph' must name a graph declared in dataset.yaml", field="graph"
    )
