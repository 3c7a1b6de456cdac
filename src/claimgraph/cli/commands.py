"""Every command module, imported for the side effect of registering its commands.

One line per command module; keep the list sorted.
"""

from __future__ import annotations

from claimgraph.cli import (
    build,  # noqa: F401
    importing,  # noqa: F401
    link,  # noqa: F401
    ontology,  # noqa: F401
    publish,  # noqa: F401
    query,  # noqa: F401
    serve,  # noqa: F401
    validate,  # noqa: F401
)
