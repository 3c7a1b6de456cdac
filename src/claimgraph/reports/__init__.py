"""Renderers of validation reports: text for people, JSON and SARIF for machines, Turtle for RDF.

Every renderer takes a :class:`~claimgraph.validation.ValidationReport` (or, for input
problems, the list of :class:`~claimgraph.errors.Diagnostic`) and returns a string; none prints
or exits, so the CLI decides where output goes. This module stays import-light (no rdflib), so
the CLI can offer :class:`ReportFormat` in ``--help`` without loading the validator.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimgraph.errors import Diagnostic
    from claimgraph.validation import ValidationReport

__all__ = ["ReportFormat", "render", "render_input_errors"]


class ReportFormat(StrEnum):
    """Output formats of ``claimgraph validate --format``."""

    TEXT = "text"
    JSON = "json"
    TURTLE = "turtle"
    SARIF = "sarif"


def render(report: ValidationReport, fmt: ReportFormat, *, colour: bool = False) -> str:
    """The report in ``fmt``; ``colour`` only affects text."""
    if fmt is ReportFormat.TEXT:
        from claimgraph.reports.text import render_text

        return render_text(report, colour=colour)
    if fmt is ReportFormat.JSON:
        from claimgraph.reports.jsonreport import render_json

        return render_json(report)
    if fmt is ReportFormat.SARIF:
        from claimgraph.reports.sarif import render_sarif

        return render_sarif(report)
    from claimgraph.reports.turtle import render_turtle

    return render_turtle(report)


def render_input_errors(diagnostics: Sequence[Diagnostic], fmt: ReportFormat) -> str | None:
    """Input problems as a machine-readable document (JSON, SARIF), or None.

    Text and Turtle have no such document: input problems go to stderr as ``Error:`` lines.
    """
    if fmt is ReportFormat.JSON:
        from claimgraph.reports.jsonreport import render_json_input_errors

        return render_json_input_errors(diagnostics)
    if fmt is ReportFormat.SARIF:
        from claimgraph.reports.sarif import render_sarif_input_errors

        return render_sarif_input_errors(diagnostics)
    return None
