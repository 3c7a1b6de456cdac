"""Process-wide CLI settings set by the root callback (only ``--debug`` for now)."""

from __future__ import annotations

DEBUG = False
