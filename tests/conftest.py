"""Shared fixtures: where the repository and the shared real data are, and a CLI runner."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
REALDATA = SHARED / "realdata"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


def realdata_path(*parts: str) -> Path:
    """A file under ../shared/realdata; missing data fails under CI and skips elsewhere."""
    path = REALDATA.joinpath(*parts)
    if not path.exists():
        message = f"real data missing: {path} (expected ../shared/realdata beside the repo)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


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
