"""The cyclic garbage collector's thresholds for bulk work.

Reading, checking and emitting a dataset makes millions of small objects (models, terms,
tuples) that stay alive until their file is emitted, while the id index and the source
positions grow with the dataset. With CPython's default thresholds (700, 10, 10) the collector
walks that growing heap again and again without finding anything: on 10,000 synthetic
incidents it was about a third of ``claimgraph validate`` (bench/README.md). Nothing claimgraph
builds relies on the collector to free reference cycles promptly, so bulk work runs with
thresholds a hundred times higher, and puts the old ones back afterwards.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

#: Allocations between young collections, and the multipliers for the older generations.
BULK_THRESHOLDS = (100_000, 50, 1_000)


@contextlib.contextmanager
def relaxed_gc() -> Iterator[None]:
    """Collect rarely inside the block; the thresholds in force before come back after it.

    >>> import gc
    >>> before = gc.get_threshold()
    >>> with relaxed_gc():
    ...     gc.get_threshold()
    (100000, 50, 1000)
    >>> gc.get_threshold() == before
    True
    """
    before = gc.get_threshold()
    gc.set_threshold(*BULK_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
