"""Bulk work runs with higher collector thresholds, and gives the old ones back."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from claimgraph import validation
from claimgraph.gc_tuning import BULK_THRESHOLDS, relaxed_gc
from claimgraph.validation.engine import run_engines

SEED = Path(__file__).resolve().parents[2] / "data"


def test_thresholds_are_raised_inside_and_restored_after_a_failure() -> None:
    before = gc.get_threshold()
    inside: list[tuple[int, int, int]] = []

    def fail() -> None:
        with relaxed_gc():
            inside.append(gc.get_threshold())
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        fail()
    assert inside == [BULK_THRESHOLDS]
    assert gc.get_threshold() == before


def test_validation_runs_with_relaxed_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, int, int]] = []

    def spy(*args: Any, **kwargs: Any) -> object:
        seen.append(gc.get_threshold())
        return run_engines(*args, **kwargs)

    monkeypatch.setattr(validation, "run_engines", spy)
    before = gc.get_threshold()
    report = validation.validate_paths([SEED])
    assert report.conforms
    assert seen == [BULK_THRESHOLDS]
    assert gc.get_threshold() == before
