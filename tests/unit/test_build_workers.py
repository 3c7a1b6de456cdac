"""The shared build: a forked worker reads, checks and emits part of a dataset for a store."""

from __future__ import annotations

import multiprocessing
import time
import types
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pytest
from tests.helpers.datasets import several_files, write_dataset

from claimgraph import build_workers
from claimgraph.build import build_paths
from claimgraph.errors import Diagnostic, InputError
from claimgraph.validation import validate_paths


@dataclass
class Seen:
    """What the shared build did: worker processes started, N-Quads files handed back."""

    workers: int = 0
    handed_back: list[int] = field(default_factory=list)


@pytest.fixture
def sharing(monkeypatch: pytest.MonkeyPatch) -> Seen:
    """Share even tiny datasets, and record what the shared build did."""
    monkeypatch.setattr(build_workers, "SHARED_PASS_MIN_BYTES", 0)
    monkeypatch.setattr(build_workers, "_cores", lambda: 2)
    monkeypatch.delenv("CLAIMGRAPH_JOBS", raising=False)
    seen = Seen()
    real_first_pass = build_workers.SharedBuild.first_pass
    real_load_into = build_workers.Spill.load_into

    def first_pass(self: build_workers.SharedBuild, problems: list[Diagnostic]) -> object:
        seen.workers += 1
        return real_first_pass(self, problems)

    def load_into(self: build_workers.Spill, store: ox.Store) -> None:
        seen.handed_back.append(len(self.files))
        real_load_into(self, store)

    monkeypatch.setattr(build_workers.SharedBuild, "first_pass", first_pass)
    monkeypatch.setattr(build_workers.Spill, "load_into", load_into)
    return seen


def test_the_store_gets_the_same_quads_as_a_one_process_build(
    tmp_path: Path, sharing: Seen
) -> None:
    root = write_dataset(tmp_path / "demo", several_files(6))
    expected = set(build_paths([root]).quads())
    store = ox.Store()
    result = build_paths([root])
    result.load_into(store)
    assert sharing.workers == 1
    assert sharing.handed_back[0] > 0  # the forked worker emitted some of the files
    assert set(store) == expected
    assert result.datasets[0].triple_count == sum(
        1
        for q in expected
        if isinstance(q.graph_name, ox.NamedNode)
        and q.graph_name.value == result.datasets[0].graph_iri
    )


def test_findings_and_positions_equal_a_one_process_validation(
    tmp_path: Path, sharing: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_dataset(tmp_path / "demo", several_files(6))
    shared = validate_paths([root])
    assert sharing.handed_back[0] > 0
    monkeypatch.setenv("CLAIMGRAPH_JOBS", "1")
    alone = validate_paths([root])
    assert shared.findings == alone.findings
    assert any(f.pos and f.pos.path.endswith("more-5.json") for f in shared.findings)


def test_problems_from_both_processes_come_in_file_order(
    tmp_path: Path, sharing: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    padding = ", ".join(
        f'{{"id": "P{n}", "type": "Person", "label": "padding {n}"}}' for n in range(60)
    )
    broken = several_files(
        6,
        {
            "more-0.json": '{"claims": [{"id": "Y0", "claimant": "nobody0"}]}',
            # the largest file, so the worker takes it
            "more-5.json": f'{{"actors": [{padding}], '
            '"claims": [{"id": "Y5", "claimant": "x"}]}',
        },
    )
    root = write_dataset(tmp_path / "demo", broken)
    mine, theirs = build_workers._split(sorted(root.iterdir()))
    assert root / "more-5.json" in theirs
    assert root / "more-0.json" in mine
    with pytest.raises(InputError) as shared:
        build_paths([root]).load_into(ox.Store())
    assert sharing.workers == 1
    assert not sharing.handed_back  # the input error comes before the worker's quads load
    monkeypatch.setenv("CLAIMGRAPH_JOBS", "1")
    with pytest.raises(InputError) as alone:
        build_paths([root]).load_into(ox.Store())
    assert [str(d) for d in shared.value.diagnostics] == [str(d) for d in alone.value.diagnostics]
    assert len(shared.value.diagnostics) == 2


def test_split_gives_both_processes_work(tmp_path: Path) -> None:
    files = []
    for number, size in enumerate([10, 1000, 30, 500, 20]):
        path = tmp_path / f"f{number}.json"
        path.write_text("x" * size)
        files.append(path)
    mine, theirs = build_workers._split(files)
    assert mine
    assert theirs
    assert sorted(mine + theirs) == sorted(files)
    assert theirs == [p for p in files if p in theirs]  # file order kept
    assert build_workers._split(files[:2])[0]


def test_one_job_or_a_small_dataset_turns_sharing_off(monkeypatch: pytest.MonkeyPatch) -> None:
    files = [Path("a.json"), Path("b.json")]
    monkeypatch.setattr(build_workers, "_cores", lambda: 2)
    monkeypatch.delenv("CLAIMGRAPH_JOBS", raising=False)
    assert build_workers.share_worth_it(files, 10 << 20)
    assert not build_workers.share_worth_it(files, 1000)
    assert not build_workers.share_worth_it(files[:1], 10 << 20)
    monkeypatch.setenv("CLAIMGRAPH_JOBS", "1")
    assert not build_workers.share_worth_it(files, 10 << 20)
    monkeypatch.delenv("CLAIMGRAPH_JOBS")
    monkeypatch.setattr(build_workers, "_cores", lambda: 1)
    assert not build_workers.share_worth_it(files, 10 << 20)


def test_duplicate_ids_across_the_processes_are_reported_as_by_one(
    tmp_path: Path, sharing: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ids are read in both processes but indexed in file order: the same duplicates."""
    padding = ", ".join(
        f'{{"id": "P{n}", "type": "Person", "label": "padding {n}"}}' for n in range(60)
    )
    again = '{"id": "A2", "type": "NGO", "label": "x"}, {"id": "P0", "type": "NGO", "label": "y"}'
    files = several_files(
        6,
        {
            # A1 again, in a file of the parent's; A2 and P0 again, in the worker's largest file
            "more-0.json": '{"actors": [{"id": "A1", "type": "Person", "label": "twice"}]}',
            "more-5.json": f'{{"actors": [{padding}, {again}]}}',
        },
    )
    root = write_dataset(tmp_path / "demo", files)
    mine, theirs = build_workers._split(sorted(root.iterdir()))
    assert root / "more-5.json" in theirs
    assert root / "more-2.json" in mine
    with pytest.raises(InputError) as shared:
        build_paths([root]).load_into(ox.Store())
    assert sharing.workers == 1
    monkeypatch.setenv("CLAIMGRAPH_JOBS", "1")
    with pytest.raises(InputError) as alone:
        build_paths([root]).load_into(ox.Store())
    assert sharing.workers == 1
    assert [str(d) for d in shared.value.diagnostics] == [str(d) for d in alone.value.diagnostics]
    assert len(shared.value.diagnostics) == 3
    assert all("duplicate id" in str(d) for d in shared.value.diagnostics)


def test_a_failing_worker_is_reported_not_hidden(
    tmp_path: Path, sharing: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise ZeroDivisionError("bug in the worker")

    monkeypatch.setattr(build_workers, "_emit", broken)  # the forked worker inherits it
    root = write_dataset(tmp_path / "demo", several_files(6))
    with pytest.raises(RuntimeError, match="ZeroDivisionError: bug in the worker") as failed:
        build_paths([root]).load_into(ox.Store())
    assert "\n" not in str(failed.value)  # one line for the user; the traceback for --debug
    assert "Traceback" in "".join(failed.value.__notes__)


def test_an_abandoned_build_stops_its_worker_at_once(
    tmp_path: Path, sharing: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow(*_: object) -> None:
        time.sleep(60)

    monkeypatch.setattr(build_workers, "_emit", slow)  # the forked worker inherits it
    root = write_dataset(tmp_path / "demo", several_files(6))
    result = build_paths([root])
    result._spill = build_workers.Spill(tmp_path)
    stream = result.quads()
    assert isinstance(stream, types.GeneratorType)
    next(stream)  # the worker is busy with its files now
    assert sharing.workers == 1
    assert multiprocessing.active_children()
    started = time.monotonic()
    stream.close()
    assert time.monotonic() - started < 5  # killed, not waited for
    assert not multiprocessing.active_children()
