"""The difference between a graph in a store and the graph about to replace it.

Publishing replaces a graph by sending only what changed (one atomic Update), which on Oxigraph
is an order of magnitude faster than any wholesale replacement when one claim changed, because
deleting triples is what costs (see :mod:`claimgraph.store.remote`). ``--dry-run`` shows the
same difference. Both sides are canonical N-Triples (pyoxigraph's serialisation), so equal
triples are equal lines; memory holds a 16-byte digest per line of the *target* graph plus the
changed lines, never the graphs themselves.

Blank nodes have no identity across stores, and ``DELETE DATA`` may not name them: a graph
with blank nodes on either side is replaced wholesale instead (:attr:`GraphDiff.usable`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.store import GraphChanges


@dataclass(frozen=True, slots=True)
class GraphDiff:
    """Counts of added and removed triples, and the lines when they fit in ``keep_bytes``.

    >>> d = GraphDiff("http://g/", added=1, removed=0, added_lines=(b"<a> <b> <c> .",),
    ...               removed_lines=())
    >>> d.usable, d.changed
    (True, True)
    """

    graph: str
    added: int
    removed: int
    added_lines: tuple[bytes, ...] | None = field(default=None, repr=False)
    removed_lines: tuple[bytes, ...] | None = field(default=None, repr=False)
    blank_nodes: bool = False
    examples_added: tuple[str, ...] = ()
    examples_removed: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed)

    @property
    def usable(self) -> bool:
        """Whether :meth:`changes` can be sent as ``DELETE DATA``/``INSERT DATA``."""
        return (
            not self.blank_nodes and self.added_lines is not None and self.removed_lines is not None
        )

    def changes(self) -> GraphChanges:
        if not self.usable:
            raise ValueError("this diff is too big or has blank nodes; replace the graph")
        return GraphChanges(self.graph, self.removed_lines or (), self.added_lines or ())


def lines_of(path: Path) -> Iterator[bytes]:
    """The non-empty lines of an N-Triples file, without their line ends."""
    with path.open("rb") as handle:
        for line in handle:
            line = line.rstrip(b"\r\n")
            if line:
                yield line


def diff_lines(
    graph: str,
    target: Path,
    new_lines: Iterable[bytes],
    *,
    keep_bytes: int,
    examples: int = 3,
) -> GraphDiff:
    """Compare the ``target`` graph (a canonical N-Triples file) with ``new_lines``.

    >>> import tempfile
    >>> old = Path(tempfile.mkdtemp()) / "old.nt"
    >>> _ = old.write_bytes(b"<s> <p> <a> .\\n<s> <p> <b> .\\n")
    >>> d = diff_lines("http://g/", old, [b"<s> <p> <b> .", b"<s> <p> <c> ."], keep_bytes=1000)
    >>> d.added, d.removed, d.added_lines, d.removed_lines
    (1, 1, (b'<s> <p> <c> .',), (b'<s> <p> <a> .',))
    """
    matched: dict[bytes, bool] = {}
    blank = False
    for line in lines_of(target):
        matched[_digest(line)] = False
        blank = blank or _has_blank_node(line)
    budget = _Budget(keep_bytes)
    added, removed = _Side(examples), _Side(examples)
    added_seen: set[bytes] = set()
    for line in new_lines:
        line = line.rstrip(b"\r\n")
        if not line:
            continue
        digest = _digest(line)
        if digest in matched:
            matched[digest] = True
            continue
        if digest in added_seen:
            continue
        blank = blank or _has_blank_node(line)
        if added.add(line, budget):
            added_seen.add(digest)
    if not all(matched.values()):
        for line in lines_of(target):
            if not matched.get(_digest(line), True):
                removed.add(line, budget)
    return GraphDiff(
        graph,
        added=added.count,
        removed=removed.count,
        added_lines=None if added.kept is None else tuple(added.kept),
        removed_lines=None if removed.kept is None else tuple(removed.kept),
        blank_nodes=blank,
        examples_added=tuple(added.shown),
        examples_removed=tuple(removed.shown),
    )


class _Budget:
    """Bytes of changed lines that may still be kept, shared by both sides of a diff."""

    def __init__(self, size: int) -> None:
        self.left = size

    def take(self, size: int) -> bool:
        self.left -= size
        return self.left >= 0


@dataclass
class _Side:
    """Lines added (or removed): how many, the first few to show, and all while they fit."""

    examples: int
    count: int = 0
    shown: list[str] = field(default_factory=list)
    kept: list[bytes] | None = field(default_factory=list)

    def add(self, line: bytes, budget: _Budget) -> bool:
        """Count ``line``; whether it was kept (once one does not fit, none are)."""
        self.count += 1
        if len(self.shown) < self.examples:
            self.shown.append(line.decode("utf-8", "replace"))
        if self.kept is None:
            return False
        if not budget.take(len(line) + 1):
            self.kept = None
            return False
        self.kept.append(line)
        return True


def _digest(line: bytes) -> bytes:
    return hashlib.blake2b(line, digest_size=16).digest()


def _has_blank_node(line: bytes) -> bool:
    """Whether an N-Triples line may hold a blank node (a literal saying ``_:`` errs safe)."""
    return line.startswith(b"_:") or b" _:" in line
