"""The typed result of a validation run: findings a person can act on, and the verdict.

A :class:`Finding` is one SHACL result mapped back to where a person can fix it: the file and
line of the entity (claims files) or of the focus node's first triple (RDF files), the entity's
kind and id, and the shape's message. The raw engine results stay available for the Turtle
report and for comparing engines.

Conformance follows pySHACL's ``allow_warnings``: only violations fail, unless the run is
strict, in which case warnings fail too. Infos never fail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from claimgraph.errors import Severity, SourcePos
from claimgraph.shacl_results import INFO, VIOLATION, WARNING, ShaclResult

#: SHACL severity IRI (N-Triples syntax) → our severity.
SEVERITIES: dict[str, Severity] = {
    VIOLATION: Severity.ERROR,
    WARNING: Severity.WARNING,
    INFO: Severity.INFO,
}

_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class InputKind(StrEnum):
    """What a path given to ``validate`` turned out to be."""

    CLAIMS = "claims"
    RDF = "rdf"


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input as validated: a claims dataset directory or an RDF file, with its format.

    >>> InputFile("data/seed", InputKind.CLAIMS).kind.value
    'claims'
    """

    path: str
    kind: InputKind
    format: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One SHACL result, located and worded for the person who must fix it.

    ``message`` is the shape's ``sh:message`` (a predicate: "has no claimant — add …");
    ``text`` is the whole sentence with the entity's kind and id ("claim 'C03' has no …").
    ``pos`` is None when neither the build nor the RDF file tells where the node was written.
    ``origin`` is where a node of published data was first written (``cg:sourceFile`` …) when
    that differs from ``pos``.

    >>> f = Finding(severity=Severity.ERROR, message="has no claimant", kind="claim", id="C03",
    ...             focus="<https://w3id.org/claimgraph/id/seed/C03>", path=None, value=None,
    ...             constraint="MinCountConstraintComponent", shape="Claim-claimant-required")
    >>> f.text
    "claim 'C03' has no claimant"
    """

    severity: Severity
    message: str
    kind: str | None
    id: str | None
    focus: str
    path: str | None
    value: str | None
    constraint: str
    shape: str
    pos: SourcePos | None = None
    label: str | None = None
    origin: SourcePos | None = None
    shown_value: str | None = None
    result: ShaclResult | None = field(default=None, compare=False, repr=False)

    @property
    def subject(self) -> str:
        """``claim 'C03'``: what the finding is about, as a person names it."""
        kind = self.kind or "node"
        return f"{kind} '{self.id}'" if self.id else kind

    @property
    def text(self) -> str:
        """The sentence to print: subject, the shape's message, and the offending value."""
        text = f"{self.subject} {self.message}"
        if self.shown_value:
            text += f"; got {self.shown_value}"
        return text

    def sort_key(self) -> tuple[str, int, int, int, str]:
        """Group by file, then line and column; unlocated findings last."""
        pos = self.pos
        return (
            pos.path if pos else "\uffff",
            (pos.line or 0) if pos else 0,
            (pos.column or 0) if pos else 0,
            _RANK[self.severity],
            self.text,
        )


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Everything ``claimgraph validate`` reports: findings, counts and the verdict.

    >>> report = ValidationReport(findings=(), inputs=(), engine="pyshacl", strict=False)
    >>> report.conforms, report.counts
    (True, {'error': 0, 'warning': 0, 'info': 0})
    """

    findings: tuple[Finding, ...]
    inputs: tuple[InputFile, ...]
    engine: str
    strict: bool = False
    triples: int = 0
    results: tuple[ShaclResult, ...] = field(default=(), compare=False, repr=False)

    @property
    def errors(self) -> int:
        """Number of sh:Violation results."""
        return self._count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        """Number of sh:Warning results."""
        return self._count(Severity.WARNING)

    @property
    def infos(self) -> int:
        """Number of sh:Info results."""
        return self._count(Severity.INFO)

    @property
    def counts(self) -> dict[str, int]:
        """Findings per severity, keyed by ``error``/``warning``/``info``."""
        return {severity.value: self._count(severity) for severity in _RANK}

    @property
    def conforms(self) -> bool:
        """No violation; with ``strict``, no warning either. Infos never fail."""
        return self.errors == 0 and not (self.strict and self.warnings)

    def _count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    @property
    def files(self) -> list[str]:
        """The files that have findings, in report order."""
        seen: dict[str, None] = {}
        for finding in self.findings:
            if finding.pos is not None:
                seen.setdefault(finding.pos.path)
        return list(seen)
