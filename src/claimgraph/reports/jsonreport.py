"""The JSON report: a documented, versioned schema for scripts and dashboards.

The schema is written out in ``docs/validation.md`` and checked against this output by
``tests/unit/test_reports.py``. Field names never change within a ``formatVersion``; new fields
may be added. Terms of the RDF data (``focusNode``, ``value``) are in N-Triples syntax, as in
the SHACL results, so they can be pasted into a SPARQL query.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from claimgraph import __version__
from claimgraph.errors import Diagnostic, SourcePos
from claimgraph.validation.report import Finding, ValidationReport

FORMAT_VERSION = 1


def _pos(pos: SourcePos | None) -> dict[str, Any]:
    return {
        "file": pos.path if pos else None,
        "line": pos.line if pos else None,
        "column": pos.column if pos else None,
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    """One finding as a JSON object (see the schema in docs/validation.md)."""
    return {
        "severity": finding.severity.value,
        **_pos(finding.pos),
        "kind": finding.kind,
        "id": finding.id,
        "label": finding.label,
        "message": finding.message,
        "text": finding.text,
        "focusNode": finding.focus,
        "resultPath": finding.path,
        "value": finding.value,
        "constraint": finding.constraint,
        "shape": finding.shape,
        "origin": _pos(finding.origin) if finding.origin else None,
    }


def diagnostic_json(diagnostic: Diagnostic) -> dict[str, Any]:
    """One input problem as a JSON object."""
    return {
        "severity": diagnostic.severity.value,
        **_pos(diagnostic.pos),
        "message": diagnostic.message,
        "hint": diagnostic.hint,
    }


def _document(
    *,
    status: str,
    report: ValidationReport | None,
    diagnostics: Sequence[Diagnostic] = (),
) -> dict[str, Any]:
    findings = report.findings if report else ()
    return {
        "formatVersion": FORMAT_VERSION,
        "tool": {"name": "claimgraph", "version": __version__},
        "status": status,
        "conforms": report.conforms if report else None,
        "strict": report.strict if report else False,
        "engine": report.engine if report else None,
        "summary": {
            "errors": report.errors if report else 0,
            "warnings": report.warnings if report else 0,
            "infos": report.infos if report else 0,
            "inputErrors": len(diagnostics),
            "files": len(report.files) if report else 0,
            "triples": report.triples if report else 0,
        },
        "inputs": [
            {"path": i.path, "kind": i.kind.value, "format": i.format}
            for i in (report.inputs if report else ())
        ],
        "findings": [finding_json(f) for f in findings],
        "inputErrors": [diagnostic_json(d) for d in diagnostics],
    }


def render_json(report: ValidationReport) -> str:
    """The report as JSON (status ``conforms`` or ``does-not-conform``)."""
    status = "conforms" if report.conforms else "does-not-conform"
    return json.dumps(_document(status=status, report=report), indent=2, ensure_ascii=False)


def render_json_input_errors(diagnostics: Sequence[Diagnostic]) -> str:
    """Input problems as JSON (status ``input-error``; no SHACL ran)."""
    document = _document(status="input-error", report=None, diagnostics=diagnostics)
    return json.dumps(document, indent=2, ensure_ascii=False)
