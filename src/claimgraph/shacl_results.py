"""One SHACL validation result, independent of the engine that produced it.

Two engines stand behind ``claimgraph validate``: pySHACL (the reference) and a faster one.
Both produce :class:`ShaclResult`, so reports, position mapping and the equivalence test do not
care which ran. Terms are kept in N-Triples syntax (``<iri>``, ``"lit"@en``, ``_:b0``) so that
results compare as plain strings.
"""

from __future__ import annotations

from dataclasses import dataclass

SH = "http://www.w3.org/ns/shacl#"
VIOLATION = f"<{SH}Violation>"
WARNING = f"<{SH}Warning>"
INFO = f"<{SH}Info>"


@dataclass(frozen=True, slots=True)
class ShaclResult:
    """A ``sh:ValidationResult`` with its terms in N-Triples syntax.

    ``path`` is ``None`` for node-level constraints; a complex path is given in SPARQL
    property-path syntax. ``key`` is what must agree between engines.
    """

    focus: str
    path: str | None
    value: str | None
    constraint: str
    source_shape: str
    severity: str
    message: str | None = None

    @property
    def key(self) -> tuple[str, str | None, str, str]:
        """(focus, path, constraint component, severity): the identity of a finding."""
        return (self.focus, self.path, self.constraint, self.severity)
