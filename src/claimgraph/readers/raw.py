"""What every file reader produces: entries with positions, before any model validation."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.errors import Diagnostic, SourcePos


@dataclass(slots=True)
class RawEntry:
    """One mapping under a kind key (``claims:``), with where it and its fields were written.

    ``fields`` maps a dotted field path (``quote``, ``figures.0``, ``figures.0.min``) to its
    position, where the format can tell; lookups fall back to the entry's own position.
    """

    kind_key: str
    data: dict[str, Any]
    pos: SourcePos
    fields: dict[str, SourcePos] = field(default_factory=dict)
    graph: str | None = None

    def where(self, dotted: str | None) -> SourcePos:
        """Position of a field, or of the nearest enclosing thing that has one."""
        while dotted:
            if dotted in self.fields:
                return self.fields[dotted]
            dotted = dotted.rpartition(".")[0]
        return self.pos


@dataclass(slots=True)
class RawFile:
    """A parsed claims file: its entries and the problems met while reading it."""

    path: Path
    display: str
    entries: list[RawEntry] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    sha256: str = ""
