"""The SARIF 2.1.0 report, so that CI systems show findings inline on the file and line.

Each shape that produced a finding becomes a rule (its id is the shape's local name, e.g.
``Claim-claimant-required``, stable across releases because every shape has an IRI); each
finding becomes a result with a physical location (the file, relative to the working
directory, and the line and column) and a logical one (the focus node). Input problems, when
nothing could be validated, are results of the rule ``input-error``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from claimgraph import __version__
from claimgraph.errors import Diagnostic, Severity, SourcePos
from claimgraph.validation.report import Finding, ValidationReport

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SHAPES_NS = "https://w3id.org/claimgraph/shapes#"
INFORMATION_URI = "https://w3id.org/claimgraph"
INPUT_ERROR_RULE = "input-error"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def rule_id(finding: Finding) -> str:
    """``Claim-claimant-required`` for our shapes; the shape IRI for a user's named shape.

    >>> from claimgraph.validation.report import Finding
    >>> rule_id(Finding(Severity.ERROR, "m", "claim", "C1", "<x>", None, None,
    ...                 "sh:MinCountConstraintComponent",
    ...                 "https://w3id.org/claimgraph/shapes#Claim-claimant-required"))
    'Claim-claimant-required'
    """
    if finding.shape.startswith(SHAPES_NS):
        return finding.shape[len(SHAPES_NS) :]
    if finding.shape.startswith("_:"):
        return f"anonymous-shape/{finding.constraint}"
    return finding.shape


def _location(pos: SourcePos | None, logical: str | None = None) -> dict[str, Any] | None:
    location: dict[str, Any] = {}
    if pos is not None:
        physical: dict[str, Any] = {"artifactLocation": {"uri": quote(pos.path.replace("\\", "/"))}}
        if pos.line:
            region: dict[str, int] = {"startLine": pos.line}
            if pos.column:
                region["startColumn"] = pos.column
            physical["region"] = region
        location["physicalLocation"] = physical
    if logical:
        location["logicalLocations"] = [{"fullyQualifiedName": logical, "kind": "object"}]
    return location or None


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    fingerprint = hashlib.sha256(
        "\x1f".join(
            (finding.shape, finding.focus, finding.path or "", finding.value or "")
        ).encode()
    ).hexdigest()
    result: dict[str, Any] = {
        "ruleId": rule_id(finding),
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.text},
        "partialFingerprints": {"claimgraphFinding/v1": fingerprint},
        "properties": {
            "focusNode": finding.focus,
            "resultPath": finding.path,
            "value": finding.value,
            "constraint": finding.constraint,
            "shape": finding.shape,
        },
    }
    location = _location(finding.pos, finding.focus)
    if location:
        result["locations"] = [location]
    return result


def _log(rules: list[dict[str, Any]], results: list[dict[str, Any]], ok: bool) -> str:
    run = {
        "tool": {
            "driver": {
                "name": "claimgraph",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        },
        "invocations": [{"executionSuccessful": ok}],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False)


def render_sarif(report: ValidationReport) -> str:
    """The report as a SARIF 2.1.0 log with one run."""
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    for finding in report.findings:
        rid = rule_id(finding)
        if rid not in index:
            index[rid] = len(rules)
            rule: dict[str, Any] = {
                "id": rid,
                "shortDescription": {"text": finding.message},
                "defaultConfiguration": {"level": _LEVELS[finding.severity]},
                "properties": {"shape": finding.shape, "constraint": finding.constraint},
            }
            if finding.shape.startswith(("http://", "https://")):
                rule["helpUri"] = finding.shape
            rules.append(rule)
        results.append(_result(finding, index[rid]))
    return _log(rules, results, True)


def render_sarif_input_errors(diagnostics: Sequence[Diagnostic]) -> str:
    """Input problems (nothing was validated) as a SARIF log."""
    rules = [
        {
            "id": INPUT_ERROR_RULE,
            "shortDescription": {"text": "input file missing or malformed; nothing was validated"},
            "defaultConfiguration": {"level": "error"},
        }
    ]
    results = []
    for diagnostic in diagnostics:
        text = diagnostic.message + (f" — {diagnostic.hint}" if diagnostic.hint else "")
        result: dict[str, Any] = {
            "ruleId": INPUT_ERROR_RULE,
            "ruleIndex": 0,
            "level": _LEVELS[diagnostic.severity],
            "message": {"text": text},
        }
        location = _location(diagnostic.pos)
        if location:
            result["locations"] = [location]
        results.append(result)
    return _log(rules, results, False)
