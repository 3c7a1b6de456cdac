"""claimgraph: claims about armed-conflict incidents as a validated, published knowledge graph.

The package is a library first; ``claimgraph.cli`` is a thin command-line layer over it.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
