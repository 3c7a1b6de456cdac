"""``claimgraph validate`` through the CLI: every fixture, every exit code, every format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app

REPO = Path(__file__).resolve().parents[2]
INVALID = REPO / "tests" / "fixtures" / "invalid"
FIXTURES = sorted(p.name for p in INVALID.iterdir() if (p / "expect.json").exists())
FORMATS = ("text", "json", "turtle", "sarif")


@pytest.fixture
def in_dir(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Run from a directory, so that reported paths are relative to it (as for a user)."""

    def change(path: Path) -> None:
        monkeypatch.chdir(path)

    return change


def invoke(runner: CliRunner, *args: str) -> Any:
    return runner.invoke(app, ["validate", *args])


def test_there_are_at_least_25_fixtures() -> None:
    assert len(FIXTURES) >= 25


@pytest.mark.parametrize("name", FIXTURES)
def test_invalid_fixture(runner: CliRunner, in_dir: Any, name: str) -> None:
    """Each fixture has one defect: the expected exit code, message, file and line."""
    expect = json.loads((INVALID / name / "expect.json").read_text())
    in_dir(INVALID / name)
    result = invoke(runner, expect["input"], *expect.get("args", []), "--format", "json")
    assert result.exit_code == expect["exit"], result.stdout + result.stderr
    report = json.loads(result.stdout)
    if expect["exit"] == 3:
        assert report["status"] == "input-error"
        matches = [d for d in report["inputErrors"] if expect["message"] in d["message"]]
        assert matches, report["inputErrors"]
        assert (matches[0]["file"], matches[0]["line"]) == (expect["file"], expect["line"])
        assert result.stderr.startswith("Error: ")
        return
    failing = [
        f for f in report["findings"] if f["severity"] == "error" or expect["severity"] != "error"
    ]
    matches = [f for f in failing if expect["message"] in f["message"]]
    assert matches, [f["text"] for f in report["findings"]]
    found = matches[0]
    assert (found["file"], found["line"]) == (expect["file"], expect["line"]), found
    assert found["severity"] == expect["severity"]
    assert found["shape"].endswith("#" + expect["shape"])
    if expect["severity"] == "error":
        # one defect each: every error comes from the expected shape
        errors = {f["shape"] for f in report["findings"] if f["severity"] == "error"}
        assert errors == {found["shape"]}, errors


def test_the_seed_conforms(runner: CliRunner, in_dir: Any) -> None:
    in_dir(REPO)
    result = invoke(runner, "data")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout.rstrip().splitlines()[-1].startswith("conforms: no errors")


def test_text_lines_are_file_line_column_grouped_and_sorted(runner: CliRunner, in_dir: Any) -> None:
    in_dir(INVALID / "partof-cycle")
    result = invoke(runner, "dataset")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line]
    assert lines[0].startswith("dataset/claims.yaml:")
    assert ": error campaign 'CampaignA' is part of itself" in lines[0]
    numbers = [int(line.split(":")[1]) for line in lines[:-1]]
    assert numbers == sorted(numbers)
    assert lines[-1] == "does not conform: 2 errors, no warnings, no infos in 1 file"
    assert "\033[" not in result.stdout  # not a terminal: no colour


@pytest.mark.parametrize("fmt", FORMATS)
def test_exit_codes_are_the_same_in_every_format(runner: CliRunner, in_dir: Any, fmt: str) -> None:
    in_dir(INVALID)
    assert invoke(runner, "claim-no-claimant/dataset", "-f", fmt).exit_code == 1
    assert invoke(runner, "turtle-syntax/data.ttl", "-f", fmt).exit_code == 3
    assert invoke(runner, "actor-no-wikidata-strict/dataset", "-f", fmt).exit_code == 0
    strict = invoke(runner, "actor-no-wikidata-strict/dataset", "-f", fmt, "--strict")
    assert strict.exit_code == 1
    assert invoke(runner, "x", "-f", fmt, "--no-such-option").exit_code == 2


def test_strict_summary_says_why(runner: CliRunner, in_dir: Any) -> None:
    in_dir(INVALID / "actor-no-wikidata-strict")
    result = invoke(runner, "dataset", "--strict")
    assert result.exit_code == 1
    assert "(--strict: warnings fail)" in result.stdout.splitlines()[-1]


def test_input_errors_are_all_reported_on_stderr(runner: CliRunner, in_dir: Any) -> None:
    in_dir(INVALID)
    result = invoke(
        runner, "turtle-syntax/data.ttl", "jsonld-syntax/data.jsonld", "unknown-field/dataset"
    )
    assert result.exit_code == 3
    assert result.stdout == ""
    errors = result.stderr.splitlines()
    assert len(errors) == 3
    assert all(line.startswith("Error: ") for line in errors)
    assert any("turtle-syntax/data.ttl:5:14: Turtle syntax error" in e for e in errors)
    assert any("jsonld-syntax/data.jsonld:4:1: JSON-LD syntax error" in e for e in errors)
    assert any("unknown field 'claimnt'" in e for e in errors)


def test_missing_path_is_an_input_error(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, str(tmp_path / "nothing.ttl"))
    assert result.exit_code == 3
    assert "no such file or directory" in result.stderr


def test_sarif_of_input_errors_points_at_the_line(runner: CliRunner, in_dir: Any) -> None:
    in_dir(INVALID / "turtle-syntax")
    result = invoke(runner, "data.ttl", "-f", "sarif")
    assert result.exit_code == 3
    log = json.loads(result.stdout)
    [found] = log["runs"][0]["results"]
    assert found["ruleId"] == "input-error"
    region = found["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 5, "startColumn": 14}


def test_output_file_and_summary_on_stderr(runner: CliRunner, in_dir: Any, tmp_path: Path) -> None:
    in_dir(INVALID / "claim-no-claimant")
    target = tmp_path / "report.json"
    result = invoke(runner, "dataset", "-f", "json", "-o", str(target))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads(target.read_text())["status"] == "does-not-conform"
    text = tmp_path / "report.txt"
    result = invoke(runner, "dataset", "-o", str(text))
    assert result.stderr.startswith("does not conform: 1 error")
    assert "has no claimant" in text.read_text()


def test_extra_shapes_from_the_docs_example(runner: CliRunner, in_dir: Any) -> None:
    """The group-specific rules of docs/examples turn a warning into a violation."""
    in_dir(REPO)
    shapes = "docs/examples/group-shapes.ttl"
    assert invoke(runner, "data").exit_code == 0
    result = invoke(runner, "data", "--shapes", shapes, "-f", "json")
    assert result.exit_code == 1, result.stdout + result.stderr
    report = json.loads(result.stdout)
    group = [f for f in report["findings"] if "example.org/our-group" in f["shape"]]
    assert group
    assert all(f["file"] and f["line"] for f in group)


def test_malformed_extra_shapes_is_an_input_error(
    runner: CliRunner, in_dir: Any, tmp_path: Path
) -> None:
    bad = tmp_path / "rules.ttl"
    bad.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n<a> sh:path .\n")
    in_dir(REPO)
    result = invoke(runner, "data", "--shapes", str(bad))
    assert result.exit_code == 3
    assert f"{bad}:2:" in result.stderr


def test_rdf_format_override(runner: CliRunner, in_dir: Any, tmp_path: Path) -> None:
    source = INVALID / "rdf-quote-no-lang" / "data.ttl"
    renamed = tmp_path / "contribution.txt"
    renamed.write_text(source.read_text())
    in_dir(tmp_path)
    result = invoke(runner, "contribution.txt", "--rdf-format", "turtle")
    assert result.exit_code == 1
    assert "contribution.txt:12:1: error claim 'ex:C1' has a quote without" in result.stdout
    assert invoke(runner, "contribution.txt", "--rdf-format", "klingon").exit_code == 2


def test_bad_base_and_engine_are_usage_errors(runner: CliRunner, in_dir: Any) -> None:
    in_dir(REPO)
    assert invoke(runner, "data", "--base", "example.org").exit_code == 2
    assert invoke(runner, "data", "--engine", "warp").exit_code == 2


def test_colour_only_on_a_terminal_and_never_with_no_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from claimgraph.cli.output import use_colour

    class Terminal:
        def isatty(self) -> bool:
            return True

    assert use_colour(Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(Terminal())
