"""The text report: one line per finding, grouped by file and sorted by line, then a summary.

The line format is the one compilers use (``file:line:column: severity message``), so editors
and terminals turn it into a link; colour is only a help, never the only signal.

>>> from claimgraph.validation.report import ValidationReport
>>> print(render_text(ValidationReport(findings=(), inputs=(), engine="pyshacl")))
conforms: no errors, no warnings, no infos
"""

from __future__ import annotations

from claimgraph.errors import Severity
from claimgraph.validation.report import Finding, ValidationReport

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def finding_line(finding: Finding, *, colour: bool = False) -> str:
    """``data/x.yaml:12:5: error claim 'C03' has no claimant — add …``."""
    where = str(finding.pos) if finding.pos else finding.focus
    severity = _paint(finding.severity.value, _COLOURS[finding.severity], colour)
    return f"{_paint(where, '1', colour)}: {severity} {finding.text}"


def summary_line(report: ValidationReport) -> str:
    """``does not conform: 3 errors, 2 warnings, no infos in 2 files``."""
    parts = [
        _plural(report.errors, "error"),
        _plural(report.warnings, "warning"),
        _plural(report.infos, "info"),
    ]
    files = len(report.files)
    where = f" in {_plural(files, 'file')}" if files else ""
    if report.conforms:
        verdict = "conforms"
    elif report.errors == 0:
        verdict = "does not conform (--strict: warnings fail)"
    else:
        verdict = "does not conform"
    return f"{verdict}: {', '.join(parts)}{where}"


def render_text(report: ValidationReport, *, colour: bool = False) -> str:
    """Findings in file order (a blank line between files), then the summary line."""
    lines: list[str] = []
    previous: str | None = None
    for finding in report.findings:
        group = finding.pos.path if finding.pos else ""
        if previous is not None and group != previous:
            lines.append("")
        previous = group
        lines.append(finding_line(finding, colour=colour))
    if lines:
        lines.append("")
    lines.append(summary_line(report))
    return "\n".join(lines)


def _plural(count: int, word: str) -> str:
    if count == 0:
        return f"no {word}s"
    return f"{count} {word}" + ("" if count == 1 else "s")
