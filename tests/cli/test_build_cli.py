"""``claimgraph build`` through the CLI: stdout/stderr split, exit codes, no partial output."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from tests.helpers.datasets import CLAIMS, write_dataset
from typer.testing import CliRunner

from claimgraph.cli import app


def test_build_prints_trig_on_stdout_and_a_summary_on_stderr(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = write_dataset(tmp_path / "demo")
    result = runner.invoke(app, ["build", str(root)])
    assert result.exit_code == 0, result.stderr
    quads = list(ox.parse(result.stdout_bytes, format=ox.RdfFormat.TRIG))
    assert quads
    assert result.stderr.startswith("built 1 dataset(s): demo (2 files)")


def test_build_to_file_with_format_from_extension(runner: CliRunner, tmp_path: Path) -> None:
    root = write_dataset(tmp_path / "demo")
    out = tmp_path / "out.nq"
    result = runner.invoke(app, ["build", str(root), "-o", str(out), "-q"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == ""
    assert list(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))


def test_bad_input_exits_3_with_one_line_per_problem_and_writes_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    bad = CLAIMS.replace("statedIn: R1", "statedIn: R9").replace(
        "modality: Asserted\n    about", "modality: Sure\n    about"
    )
    root = write_dataset(tmp_path / "demo", {"claims.yaml": bad})
    out = tmp_path / "out.trig"
    result = runner.invoke(app, ["build", str(root), "-o", str(out)])
    assert result.exit_code == 3
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert all(line.startswith("Error: ") for line in lines)
    assert "claims.yaml:17:5: claim 'C1' refers to unknown id 'R9' in 'statedIn'" in lines[0]
    assert "'Sure' is not a Modalities concept" in lines[1]
    assert lines[1].endswith("(2 problems)")
    assert "Traceback" not in result.stderr
    assert not out.exists()
    assert not list(tmp_path.glob("*.part"))


def test_usage_errors_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    root = write_dataset(tmp_path / "demo")
    result = runner.invoke(app, ["build", str(root), "--format", "xml"])
    assert result.exit_code == 2
    assert "unknown --format 'xml'" in result.stderr
    result = runner.invoke(app, ["build", str(root), "--base", "not-an-iri"])
    assert result.exit_code == 2
    assert "--base" in result.stderr


def test_base_option_changes_entity_iris(runner: CliRunner, tmp_path: Path) -> None:
    root = write_dataset(tmp_path / "demo")
    result = runner.invoke(
        app, ["build", str(root), "-f", "nquads", "--base", "https://example.org/x/"]
    )
    assert result.exit_code == 0
    assert "<https://example.org/x/demo/C1>" in result.stdout


def test_internal_errors_exit_70_without_traceback(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimgraph.build as build_module

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("kaput")

    monkeypatch.setattr(build_module, "build_paths", boom)
    result = runner.invoke(app, ["build", str(write_dataset(tmp_path / "demo"))])
    assert result.exit_code == 70
    assert result.stderr.strip() == "Error: internal error (RuntimeError): kaput — please report it"
    result = runner.invoke(app, ["--debug", "build", str(tmp_path / "demo")])
    assert result.exit_code == 70
    assert "Traceback" in result.stderr
