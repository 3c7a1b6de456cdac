"""The exception tree of claimgraph.

Failures (something stopped us from doing the job) are exceptions; findings about the data
(a claim without a claimant) are *not* exceptions but entries of a validation report. The CLI
maps each failure class to one exit code; nothing here knows about exit codes::

    ClaimgraphError
    ├── InputError          a claims, RDF, ontology, shapes, query or config file is missing or
    │                       malformed; carries every Diagnostic found, not just the first  (exit 3)
    ├── DataNotConforming   publish refused data that fails validation                   (exit 1)
    ├── RemoteError         an endpoint or Wikidata was unreachable or rejected the request;
    │   │                   nothing was changed                                          (exit 4)
    │   └── RemoteAuthError the remote side refused our credentials
    └── ConfigError         a usage problem found after argument parsing, e.g. two targets (exit 2)

Anything else escaping the library is a bug (exit 70).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a finding is; mirrors SHACL's sh:Violation / sh:Warning / sh:Info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class SourcePos:
    """Where something was written: a file path as the user gave it, 1-based line and column.

    >>> str(SourcePos("data/seed/claims.yaml", 12, 5))
    'data/seed/claims.yaml:12:5'
    """

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        text = self.path
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem a person can fix: where, what is wrong, and how to fix it.

    >>> d = Diagnostic(SourcePos("a.yaml", 3, 1), "unknown field 'claimnt'",
    ...                hint="did you mean 'claimant'?", field="claimnt", entity="c1")
    >>> str(d)
    "a.yaml:3:1: error unknown field 'claimnt' — did you mean 'claimant'?"
    """

    pos: SourcePos
    message: str
    hint: str | None = None
    field: str | None = None
    entity: str | None = None
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        text = f"{self.pos}: {self.severity.value} {self.message}"
        if self.hint:
            text += f" — {self.hint}"
        return text

    def without_severity(self) -> str:
        """The form used after ``Error:`` on stderr, where the word "error" would repeat.

        >>> Diagnostic(SourcePos("a.yaml", 3), "bad").without_severity()
        'a.yaml:3: bad'
        """
        text = f"{self.pos}: {self.message}"
        return text + (f" — {self.hint}" if self.hint else "")


class ClaimgraphError(Exception):
    """Base of every failure claimgraph raises on purpose."""


class InputError(ClaimgraphError):
    """Input that cannot be read: every problem of the run is in ``diagnostics``."""

    def __init__(self, diagnostics: list[Diagnostic] | Diagnostic) -> None:
        self.diagnostics: list[Diagnostic] = (
            [diagnostics] if isinstance(diagnostics, Diagnostic) else list(diagnostics)
        )
        first = self.diagnostics[0].without_severity() if self.diagnostics else "malformed input"
        more = len(self.diagnostics) - 1
        super().__init__(first + (f" (and {more} more)" if more > 0 else ""))


class DataNotConforming(ClaimgraphError):
    """Publishing was refused because the data does not conform to the shapes."""


class RemoteError(ClaimgraphError):
    """A remote service failed or refused; the message names the endpoint (credentials redacted)."""


class RemoteAuthError(RemoteError):
    """The remote service refused our credentials."""


class ConfigError(ClaimgraphError):
    """Options or configuration that contradict each other or name something unknown."""
