"""Publishing: plan, show the difference, write atomically, record what was published.

For each unit (a dataset, or the schema) :func:`publish`

1. reads the target's triple counts and the unit's latest publication record
   (:mod:`~claimgraph.publish.record`); if every graph's hash and count match, the unit is
   ``unchanged`` and nothing is sent;
2. plans each graph: *create* it (one transactional request) when the target has none,
   *replace* it by a diff (the changed triples only) when it exists, or wholesale when the diff
   is too big or has blank nodes; ``--mode append`` only adds;
3. with ``dry_run`` stops there and reports the plan: triples added and removed per graph,
   with a few examples;
4. writes the data graphs, then the metadata graph with the new record *last*, so a record
   never describes data that is not there. Every diff of a unit and its record go in one
   Update request when they fit: readers see the old dataset or the new one, never a mix.

Nothing here prints: the CLI turns :class:`PublishResult` into lines.
"""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from claimgraph.errors import RemoteError
from claimgraph.graphs import GraphPayload
from claimgraph.iris import SCHEMA_META_GRAPH
from claimgraph.publish.record import GraphState, latest_states, record_lines
from claimgraph.publish.units import (
    EMPTY_SHA256,
    PublishUnit,
    bundled_schema_unit,
    dataset_units,
)
from claimgraph.store import GraphChanges, Store
from claimgraph.store.diff import GraphDiff, diff_lines, lines_of
from claimgraph.store.embedded import canonical_lines

__all__ = [
    "SCHEMA_META_GRAPH",
    "Action",
    "GraphOutcome",
    "Mode",
    "PublishResult",
    "PublishUnit",
    "bundled_schema_unit",
    "dataset_units",
    "publish",
]

#: Called with (graph IRI, bytes sent, bytes in total) during uploads.
ProgressFn = Callable[[str, int, int], None]


class Mode(StrEnum):
    """``replace`` makes each graph equal to the build; ``append`` only adds triples."""

    REPLACE = "replace"
    APPEND = "append"


class Action(StrEnum):
    """What happened (or, in a dry run, would happen) to one graph."""

    UNCHANGED = "unchanged"
    CREATE = "create"
    REPLACE = "replace"
    APPEND = "append"


@dataclass(frozen=True, slots=True)
class GraphOutcome:
    """One graph's part in a publication; ``added``/``removed`` are None when not computed."""

    graph: str
    unit: str
    action: Action
    before: int
    after: int | None
    added: int | None = None
    removed: int | None = None
    method: str = ""
    examples_added: tuple[str, ...] = ()
    examples_removed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PublishResult:
    """What :func:`publish` did (or would do, with ``dry_run``) at ``target``."""

    target: str
    mode: Mode
    dry_run: bool
    outcomes: tuple[GraphOutcome, ...]
    seconds: float

    @property
    def changed(self) -> bool:
        return any(o.action is not Action.UNCHANGED for o in self.outcomes)


@dataclass
class _Plan:
    payload: GraphPayload
    action: Action
    before: int
    diff: GraphDiff | None = None
    method: str = ""

    @property
    def after(self) -> int | None:
        if self.action is Action.UNCHANGED:
            return self.before
        if self.diff is not None and self.action is Action.APPEND:
            return self.before + self.diff.added
        if self.diff is not None:
            return self.before + self.diff.added - self.diff.removed
        return self.payload.triple_count if self.action is not Action.APPEND else None

    def outcome(self, unit: str) -> GraphOutcome:
        diff = self.diff
        added = diff.added if diff else None
        removed = diff.removed if diff else None
        examples: tuple[str, ...] = diff.examples_added if diff else ()
        if self.action is Action.CREATE:
            added, removed = self.payload.triple_count, 0
            examples = tuple(
                line.decode()
                for _, line in zip(range(3), lines_of(self.payload.path), strict=False)
            )
        return GraphOutcome(
            self.payload.iri,
            unit,
            self.action,
            self.before,
            self.after,
            added,
            removed,
            self.method,
            examples,
            diff.examples_removed if diff else (),
        )


def publish(
    store: Store,
    units: Sequence[PublishUnit],
    *,
    workdir: Path,
    mode: Mode = Mode.REPLACE,
    dry_run: bool = False,
    diff_max_triples: int = 2_000_000,
    progress: ProgressFn | None = None,
    clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
) -> PublishResult:
    """Publish ``units`` to ``store``; see the module docstring for the steps.

    ``workdir`` holds downloaded graphs and the new metadata files. Graphs bigger than
    ``diff_max_triples`` are replaced wholesale rather than diffed, bounding memory (16 bytes
    and some overhead per triple of the target graph).
    """
    started = time.monotonic()
    graphs = list(
        dict.fromkeys([p.iri for u in units for p in u.graphs] + [u.meta_graph for u in units])
    )
    counts = store.triple_counts(graphs)
    records = latest_states(store, [u.meta_graph for u in units])
    outcomes: list[GraphOutcome] = []
    for unit in units:
        job = _UnitJob(
            store,
            unit,
            counts,
            records.get(unit.meta_graph, {}),
            workdir,
            mode=mode,
            diff_max_triples=diff_max_triples,
            progress=progress,
        )
        outcomes += job.run(dry_run=dry_run, when=clock())
    return PublishResult(store.label, mode, dry_run, tuple(outcomes), time.monotonic() - started)


class _UnitJob:
    def __init__(
        self,
        store: Store,
        unit: PublishUnit,
        counts: dict[str, int],
        recorded: dict[str, GraphState],
        workdir: Path,
        *,
        mode: Mode,
        diff_max_triples: int,
        progress: ProgressFn | None,
    ) -> None:
        self.store, self.unit, self.counts, self.recorded = store, unit, counts, recorded
        self.workdir, self.mode, self.limit, self.progress = (
            workdir,
            mode,
            diff_max_triples,
            progress,
        )
        self.meta_sha = unit.meta.sha256 if unit.meta else EMPTY_SHA256
        self.written = 0

    def same(self, graph: str, sha256: str) -> bool:
        state = self.recorded.get(graph)
        return (
            state is not None
            and state.sha256 == sha256
            and state.triples == self.counts.get(graph, 0)
        )

    def run(self, *, dry_run: bool, when: dt.datetime) -> list[GraphOutcome]:
        unit = self.unit
        if all(self.same(p.iri, p.sha256) for p in unit.graphs) and self.same(
            unit.meta_graph, self.meta_sha
        ):
            return [
                GraphOutcome(
                    g, unit.name, Action.UNCHANGED, self.counts.get(g, 0), self.counts.get(g, 0)
                )
                for g in [*(p.iri for p in unit.graphs), unit.meta_graph]
            ]
        plans = [self.plan(p) for p in unit.graphs]
        if dry_run:
            meta = self.plan(self.meta_payload(plans, when, after_data=None), is_meta=True)
            return [p.outcome(unit.name) for p in [*plans, meta]]
        try:
            return self.execute(plans, when)
        except RemoteError as exc:
            if self.written:
                note = (
                    f" ({self.written} graph(s) of '{unit.name}' were published before the "
                    "failure, each whole; publish again to finish)"
                )
                raise RemoteError(str(exc) + note) from None
            raise

    def plan(self, payload: GraphPayload, *, is_meta: bool = False) -> _Plan:
        before = self.counts.get(payload.iri, 0)
        if not is_meta and self.same(payload.iri, payload.sha256):
            return _Plan(payload, Action.UNCHANGED, before)
        if before == 0:
            action = Action.UNCHANGED if payload.triple_count == 0 else Action.CREATE
            return _Plan(payload, action, before, method="create")
        wanted = Action.APPEND if self.mode is Mode.APPEND else Action.REPLACE
        diff = None
        if before <= self.limit and payload.triple_count <= self.limit:
            exported = self.workdir / f"target-{abs(hash(payload.iri))}.nt"
            self.store.export_graph(payload.iri, exported)
            diff = diff_lines(
                payload.iri,
                exported,
                canonical_lines(lines_of(payload.path)),
                keep_bytes=self.store.max_update_bytes,
            )
            exported.unlink()
            if not diff.added and (not diff.removed or wanted is Action.APPEND):
                return _Plan(payload, Action.UNCHANGED, before, diff)
        if wanted is Action.APPEND:
            return _Plan(payload, wanted, before, diff, "append")
        method = "diff" if diff is not None and diff.usable else "wholesale"
        return _Plan(payload, wanted, before, diff, method)

    def meta_payload(
        self, plans: Sequence[_Plan], when: dt.datetime, after_data: dict[str, int] | None
    ) -> GraphPayload:
        """Built metadata plus the new record, spooled to a file of its own."""
        unit = self.unit
        states = [
            GraphState(
                p.payload.iri, p.payload.sha256, (after_data or {}).get(p.payload.iri, p.after or 0)
            )
            for p in plans
        ]
        built = unit.meta.triple_count if unit.meta else 0

        def lines(meta_count: int) -> list[bytes]:
            return record_lines(
                unit.meta_graph,
                states=[*states, GraphState(unit.meta_graph, self.meta_sha, meta_count)],
                inputs=unit.inputs,
                location=self.store.location,
                when=when,
                describe_tool=unit.describe_tool,
            )

        draft = lines(0)
        total = built + len(draft)
        before = self.counts.get(unit.meta_graph, 0)
        if self.mode is Mode.APPEND and before:
            # What is already there is not added twice: count exactly what the append adds.
            # Only the metadata graph's own count differs between draft and final record,
            # and that triple is new either way.
            exported = self.workdir / "meta-target.nt"
            self.store.export_graph(unit.meta_graph, exported)
            built_lines = lines_of(unit.meta.path) if unit.meta is not None else iter(())
            new_lines = canonical_lines(itertools.chain(built_lines, draft))
            total = before + diff_lines(unit.meta_graph, exported, new_lines, keep_bytes=0).added
        record = lines(total)
        path = self.workdir / f"meta-{abs(hash(unit.meta_graph))}.nt"
        with path.open("wb") as out:
            if unit.meta is not None:
                out.write(unit.meta.path.read_bytes())
            out.write(b"\n".join(record) + b"\n")
        return GraphPayload(unit.meta_graph, path, built + len(record), self.meta_sha)

    def execute(self, plans: list[_Plan], when: dt.datetime) -> list[GraphOutcome]:
        store = self.store
        changes: list[GraphChanges] = []
        for plan in plans:
            tick = self._tick(plan.payload.iri)
            if plan.action is Action.CREATE:
                store.create_graph(plan.payload, progress=tick)
            elif plan.action is Action.APPEND:
                store.append_graph(plan.payload, progress=tick)
            elif plan.action is Action.REPLACE and plan.method == "wholesale":
                plan.method = store.replace_graph(plan.payload, progress=tick)
            elif plan.action is Action.REPLACE:
                assert plan.diff is not None
                changes.append(plan.diff.changes())
                continue
            else:
                continue
            self.written += 1
        after_data = None
        if self.mode is Mode.APPEND:
            after_data = store.triple_counts([p.payload.iri for p in plans])
        meta = self.plan(self.meta_payload(plans, when, after_data), is_meta=True)
        tick = self._tick(meta.payload.iri)
        if meta.action is Action.REPLACE and meta.method == "diff":
            assert meta.diff is not None
            changes.append(meta.diff.changes())
        for group in _groups(changes, store.max_update_bytes):
            store.apply_changes(group)
            self.written += len(group)
        if meta.action is Action.CREATE:
            store.create_graph(meta.payload, progress=tick)
        elif meta.action is Action.APPEND:
            store.append_graph(meta.payload, progress=tick)
        elif meta.action is Action.REPLACE and meta.method == "wholesale":
            meta.method = store.replace_graph(meta.payload, progress=tick)
        return [p.outcome(self.unit.name) for p in [*plans, meta]]

    def _tick(self, graph: str) -> Callable[[int, int], None] | None:
        progress = self.progress
        if progress is None:
            return None
        return lambda done, total: progress(graph, done, total)


def _groups(changes: list[GraphChanges], limit: int) -> Iterator[list[GraphChanges]]:
    """Changes in as few requests as fit; the metadata graph (last) stays in the last one."""
    group: list[GraphChanges] = []
    size = 0
    for change in changes:
        if group and size + change.size > limit:
            yield group
            group, size = [], 0
        group.append(change)
        size += change.size
    if group:
        yield group
