"""Shared fixtures: where the repository and the shared real data are, and a CLI runner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.helpers.shared_data import REALDATA, REPO, SHARED, realdata_path

__all__ = ["REALDATA", "REPO", "SHARED", "realdata_path"]


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture
def realdata() -> Callable[..., Path]:
    return realdata_path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def _reproducible_builds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds in tests do not depend on file modification times."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    monkeypatch.delenv("NO_COLOR", raising=False)
