"""Files from ../shared beside the repository (real data, the seed article).

Missing shared data fails the test when ``CI`` is set (CI always has it) and skips it
elsewhere, with the path that was expected.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
REALDATA = SHARED / "realdata"


def shared_path(*parts: str) -> Path:
    """``../shared/<parts>``, failing under CI and skipping elsewhere when it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"shared data missing: {path} (expected ../shared beside the repository)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def realdata_path(*parts: str) -> Path:
    """A file under ``../shared/realdata`` (see each dataset's SOURCE.md)."""
    return shared_path("realdata", *parts)
