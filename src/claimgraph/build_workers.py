"""The builder's passes in forked worker processes.

Two ways of sharing a dataset's build with other processes:

- :func:`ordered_pass` keeps the stream in file order, for output that must be byte-identical
  to a one-process build. Opt-in (``CLAIMGRAPH_JOBS=N``): workers are forked once every id has
  been indexed, and the parent re-parses every worker's N-Quads into Python objects, which on
  two cores costs more than the workers save.
- :class:`SharedBuild` is for a build that goes straight into a store (validation). A worker is
  forked before anything is read and takes about half of the files through both passes: it
  reads them and sends back their ids; the parent reads the rest, indexes every file's ids in
  file order (so duplicates are reported exactly as in one process) and sends the worker its
  own ids; then each checks and emits its files, the worker into temporary N-Quads files that
  pyoxigraph loads once the parent's own stream is in. Order does not matter in a store, so
  nothing is re-made in Python. On by default on Linux with two or more cores and a dataset big
  enough to repay the fork; ``CLAIMGRAPH_JOBS=1`` turns it off.

Problems are merged back in file order, whichever process found them.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.pool
import os
import sys
import tempfile
import traceback
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from claimgraph.errors import Diagnostic
from claimgraph.readers import IndexItem, RawFile, add_to_index, index_items, read_file

if TYPE_CHECKING:
    from claimgraph.build import Position, _Emitter

#: Below this many input bytes a second process costs more (fork, temp file) than it saves.
SHARED_PASS_MIN_BYTES = 2 << 20


def jobs_wanted(files: Sequence[Path]) -> int:
    """Processes for the ordered pass: one, unless ``CLAIMGRAPH_JOBS`` asks for more."""
    wanted = os.environ.get("CLAIMGRAPH_JOBS", "").strip()
    if not wanted.isdigit() or int(wanted) <= 1 or not _can_fork():
        return 1
    return max(1, min(int(wanted), len(files)))


def share_worth_it(files: Sequence[Path], size: int) -> bool:
    """Whether :class:`SharedBuild` should run: two cores, fork, a big enough dataset.

    Linux only: macOS lists ``fork`` but system libraries there are not fork-safe.
    """
    if os.environ.get("CLAIMGRAPH_JOBS", "").strip() == "1" or not _can_fork():
        return False
    if not sys.platform.startswith("linux"):
        return False
    return len(files) >= 2 and size >= SHARED_PASS_MIN_BYTES and _cores() >= 2


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS
        return os.cpu_count() or 1


# --------------------------------------------------------------------------- ordered pass

#: What a forked worker of the ordered pass needs; set just before the pool forks.
_EMITTER: _Emitter | None = None

#: (main-graph N-Quads, or the file holding them), spooled graphs, problems, count, positions
_Done = tuple[bytes | str, dict[str, bytes], list[Diagnostic], int, "dict[str, Position] | None"]


def _emit(
    emitter: _Emitter, raw: RawFile, spill: str | None = None
) -> tuple[bytes | str, dict[str, bytes], list[Diagnostic], int, dict[str, Position] | None]:
    """One file with a fresh emitter: its main-graph quads as N-Quads (bytes, or a file)."""
    sub = emitter.fresh()
    problems: list[Diagnostic] = []
    main = list(sub.file(raw, problems))
    data: bytes | str
    if spill is None:
        data = ox.serialize(main, format=ox.RdfFormat.N_QUADS) or b""
    else:
        handle, data = tempfile.mkstemp(suffix=".nq", dir=spill)
        with os.fdopen(handle, "wb") as out:
            ox.serialize(main, out, format=ox.RdfFormat.N_QUADS)
    return data, sub.spool.drain(), problems, sub.count, sub.positions


def _emit_in_pool(path: Path) -> _Done:
    assert _EMITTER is not None
    return _emit(_EMITTER, read_file(path))


def _pool(processes: int) -> multiprocessing.pool.Pool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # "fork() with threads" (3.12+)
        return multiprocessing.get_context("fork").Pool(processes)


def _merge(emitter: _Emitter, done: _Done) -> None:
    _, spooled, _, count, positions = done
    emitter.count += count
    if emitter.positions is not None and positions:
        emitter.positions.update(positions)
    emitter.spool.extend(spooled)


def ordered_pass(
    emitter: _Emitter, files: list[Path], jobs: int, problems: list[Diagnostic]
) -> Iterator[ox.Quad]:
    """Check and emit files in ``jobs`` processes; quads come back in file order."""
    global _EMITTER
    _EMITTER = emitter
    try:
        with _pool(jobs) as pool:
            for done in pool.imap(_emit_in_pool, files, chunksize=1):
                problems.extend(done[2])
                _merge(emitter, done)
                if done[0]:
                    assert isinstance(done[0], bytes)
                    yield from ox.parse(done[0], format=ox.RdfFormat.N_QUADS)
    finally:
        _EMITTER = None


# --------------------------------------------------------------------------- shared build


@dataclass
class Spill:
    """Where a worker's N-Quads files go, and the files written so far."""

    directory: Path
    files: list[Path] = field(default_factory=list)

    def load_into(self, store: ox.Store) -> None:
        for path in self.files:
            store.load(path=path, format=ox.RdfFormat.N_QUADS)


#: What the first pass learns of a file: path in the dataset, SHA-256, ids, reading problems.
FileIds = tuple[str, str, list[IndexItem], list[Diagnostic]]


@dataclass
class _WorkerFailed:
    """Sent instead of an answer when the worker hit a bug; the parent raises with it."""

    text: str


class SharedBuild:
    """One dataset's two passes, about half of its files in a forked worker.

    Use as a context manager (the worker is stopped on the way out, whatever happened):
    :meth:`first_pass`, then, if it found no problem, :meth:`second_pass`.
    """

    def __init__(
        self, emitter: _Emitter, files: list[Path], spill: Spill, *, keep_parsed: bool
    ) -> None:
        self.emitter = emitter
        self.files = files
        self.spill = spill
        self.keep_parsed = keep_parsed
        self.mine, self.theirs = _split(files)
        self.parsed: dict[Path, RawFile] = {}
        context = multiprocessing.get_context("fork")
        self.conn, child = context.Pipe()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # "fork() with threads" (3.12+)
            self.process = context.Process(
                target=_worker,
                args=(child, emitter, files, self.theirs, str(spill.directory), keep_parsed),
                daemon=True,
            )
            self.process.start()
        child.close()

    def __enter__(self) -> SharedBuild:
        return self

    def __exit__(self, failure: type[BaseException] | None, *_: object) -> None:
        """Stop the worker: at once if the build failed or was abandoned, else once it is done."""
        self.conn.close()
        if failure is not None:
            self.process.kill()
        self.process.join(timeout=10)
        if self.process.is_alive():  # pragma: no cover - only if the worker hangs
            self.process.kill()
            self.process.join()

    def first_pass(self, problems: list[Diagnostic]) -> list[tuple[str, str]] | None:
        """Index every file's ids; (path in the dataset, SHA-256) per file, None on problems."""
        own: dict[Path, FileIds] = {}
        for path in self.mine:
            raw = read_file(path)
            own[path] = (self.emitter.ctx.rel_path(raw), raw.sha256, index_items(raw), raw.problems)
            if self.keep_parsed:
                self.parsed[path] = raw
        theirs: dict[Path, FileIds] = self._receive()
        before = len(problems)
        inputs = []
        for path in self.files:
            rel_path, sha256, items, file_problems = own[path] if path in own else theirs[path]
            inputs.append((rel_path, sha256))
            add_to_index(self.emitter.ctx, file_problems, items, problems)
        if len(problems) > before:
            self.conn.send(None)
            return None
        self.conn.send({path: ids[2] for path, ids in own.items()})
        return inputs

    def second_pass(self, problems: list[Diagnostic]) -> Iterator[ox.Quad]:
        """The parent's files as quads; the worker's go to :attr:`spill` for loading after."""
        found: dict[Path, list[Diagnostic]] = {}
        for path in self.mine:
            raw = self.parsed.pop(path) if path in self.parsed else read_file(path)
            found[path] = []
            yield from self.emitter.file(raw, found[path])
        done: dict[Path, _Done] = self._receive()
        for path in self.theirs:
            nquads, _, found[path], _, _ = done[path]
            _merge(self.emitter, done[path])
            assert isinstance(nquads, str)
            self.spill.files.append(Path(nquads))
        for path in self.files:
            problems.extend(found.get(path, ()))

    def _receive(self) -> Any:
        try:
            message = self.conn.recv()
        except EOFError:
            raise RuntimeError("the build worker process ended without an answer") from None
        if isinstance(message, _WorkerFailed):
            last = message.text.strip().splitlines()[-1]
            failure = RuntimeError(f"the build worker process failed: {last}")
            failure.add_note(f"worker traceback:\n{message.text}")  # shown by --debug
            raise failure
        return message


def _worker(
    conn: Connection,
    emitter: _Emitter,
    files: list[Path],
    theirs: list[Path],
    spill: str,
    keep_parsed: bool,
) -> None:  # pragma: no cover - runs in the forked worker (its effects are tested)
    """The worker's side of :class:`SharedBuild`."""
    try:
        parsed: dict[Path, RawFile] = {}
        mine: dict[Path, list[IndexItem]] = {}
        report: dict[Path, FileIds] = {}
        for path in theirs:
            raw = read_file(path)
            mine[path] = index_items(raw)
            report[path] = (emitter.ctx.rel_path(raw), raw.sha256, mine[path], raw.problems)
            if keep_parsed:
                parsed[path] = raw
        conn.send(report)
        others: dict[Path, list[IndexItem]] | None = conn.recv()
        if others is None:
            return
        for path in files:  # the same index as the parent's, built in the same order
            add_to_index(emitter.ctx, [], mine[path] if path in mine else others[path], [])
        done = {
            path: _emit(emitter, parsed.pop(path) if path in parsed else read_file(path), spill)
            for path in theirs
        }
        conn.send(done)
    except (EOFError, BrokenPipeError):
        pass  # the parent stopped listening: nothing to report to
    except BaseException:
        with contextlib.suppress(OSError):
            conn.send(_WorkerFailed(traceback.format_exc()))
    finally:
        conn.close()


#: The worker's share of the input bytes. The parent also loads the worker's N-Quads at the
#: end, which argues for more than half; the worker's emission was measured slower per file
#: than the parent's (two processes on two virtual cores), which argues for less.
WORKER_SHARE = 0.5


def _split(files: list[Path]) -> tuple[list[Path], list[Path]]:
    """(the parent's files, the worker's), both in file order; the worker takes about
    :data:`WORKER_SHARE` of the bytes, and each side at least one file."""
    sizes = {path: _size(path) for path in files}
    total = sum(sizes.values()) or 1
    theirs: list[Path] = []
    taken = 0
    for path in sorted(files, key=lambda p: -sizes[p]):
        if taken + sizes[path] / 2 <= WORKER_SHARE * total:
            theirs.append(path)
            taken += sizes[path]
    mine = [p for p in files if p not in theirs]
    if not mine:  # keep one file here so that both processes work
        mine.append(theirs.pop())
    return mine, [p for p in files if p in theirs]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
