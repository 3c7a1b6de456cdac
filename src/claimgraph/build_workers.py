"""The builder's second pass in forked worker processes.

After the first pass has indexed every id, files can be checked and emitted independently, so
a worker forked at that point shares the index (and the files already parsed) copy-on-write.
Two ways of using it:

- :func:`ordered_pass` keeps the stream in file order, for output that must be byte-identical
  to a one-process build. Opt-in (``CLAIMGRAPH_JOBS=N``): the parent re-parses every worker's
  N-Quads into Python objects, which on two cores costs more than the workers save.
- :func:`shared_pass` is for a build that goes straight into a store (validation): the parent
  emits its own share of the files while one worker emits the rest into a temporary N-Quads
  file, which pyoxigraph then loads without making a Python object per quad. Order does not
  matter in a store, so nothing is re-parsed in Python. On by default where there are two or
  more cores and the dataset is big enough to repay the fork; ``CLAIMGRAPH_JOBS=1`` turns it
  off.

Problems are merged back in file order, whichever process found them.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from claimgraph.errors import Diagnostic
from claimgraph.readers import RawFile, read_file

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
    """Whether :func:`shared_pass` should run: two cores, fork, a big enough dataset.

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


# --------------------------------------------------------------------------- worker side

#: What a forked worker needs; set just before the pool forks, read by the workers.
_EMITTER: _Emitter | None = None
_PARSED: dict[Path, RawFile] = {}
_SPILL: str | None = None

#: (main-graph N-Quads, or the file holding them), spooled graphs, problems, count, positions
_Done = tuple[bytes | str, dict[str, bytes], list[Diagnostic], int, "dict[str, Position] | None"]


def _emit(path: Path) -> _Done:
    """One file in a worker: its main-graph quads as N-Quads (in memory or in a file)."""
    assert _EMITTER is not None
    emitter = _EMITTER.fresh()
    problems: list[Diagnostic] = []
    raw = _PARSED.get(path) or read_file(path)
    main = list(emitter.file(raw, problems))
    data: bytes | str
    if _SPILL is None:
        data = ox.serialize(main, format=ox.RdfFormat.N_QUADS) or b""
    else:
        handle, data = tempfile.mkstemp(suffix=".nq", dir=_SPILL)
        with os.fdopen(handle, "wb") as out:
            ox.serialize(main, out, format=ox.RdfFormat.N_QUADS)
    return data, emitter.spool.drain(), problems, emitter.count, emitter.positions


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


# --------------------------------------------------------------------------- the passes


def ordered_pass(
    emitter: _Emitter, files: list[Path], jobs: int, problems: list[Diagnostic]
) -> Iterator[ox.Quad]:
    """Check and emit files in ``jobs`` processes; quads come back in file order."""
    global _EMITTER
    _EMITTER = emitter
    try:
        with _pool(jobs) as pool:
            for done in pool.imap(_emit, files, chunksize=1):
                problems.extend(done[2])
                _merge(emitter, done)
                if done[0]:
                    assert isinstance(done[0], bytes)
                    yield from ox.parse(done[0], format=ox.RdfFormat.N_QUADS)
    finally:
        _EMITTER = None


def shared_pass(
    emitter: _Emitter,
    files: list[Path],
    parsed: dict[Path, RawFile],
    problems: list[Diagnostic],
    spill: Spill,
) -> Iterator[ox.Quad]:
    """Emit about half the files here (yielded) and the rest in a worker (into ``spill``).

    The worker's N-Quads files are for the caller to load once this stream is consumed: the
    store is busy taking this stream until then.
    """
    global _EMITTER, _PARSED, _SPILL
    mine, theirs = _split(files)
    found: dict[Path, list[Diagnostic]] = {}
    _EMITTER, _PARSED, _SPILL = emitter, parsed, str(spill.directory)
    try:
        with _pool(1) as pool:
            pending = pool.imap(_emit, theirs, chunksize=1)
            for path in mine:
                raw = parsed.pop(path, None) or read_file(path)
                found[path] = []
                yield from emitter.file(raw, found[path])
            for path, done in zip(theirs, pending, strict=True):
                found[path] = done[2]
                _merge(emitter, done)
                assert isinstance(done[0], str)
                spill.files.append(Path(done[0]))
    finally:
        _EMITTER, _PARSED, _SPILL = None, {}, None
    for path in files:
        problems.extend(found.get(path, ()))


@dataclass
class Spill:
    """Where a worker's N-Quads files go, and the files written so far."""

    directory: Path
    files: list[Path] = field(default_factory=list)

    def load_into(self, store: ox.Store) -> None:
        for path in self.files:
            store.load(path=path, format=ox.RdfFormat.N_QUADS)


def _split(files: list[Path]) -> tuple[list[Path], list[Path]]:
    """(the parent's files, the worker's): the worker takes ~55% of the bytes, since the
    parent also loads the worker's output."""
    sizes = {path: _size(path) for path in files}
    total = sum(sizes.values()) or 1
    theirs: list[Path] = []
    taken = 0
    for path in sorted(files, key=lambda p: -sizes[p]):
        if taken + sizes[path] / 2 <= 0.55 * total:
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
