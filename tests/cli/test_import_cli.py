"""``claimgraph import`` through the CLI: results on stdout, warnings and errors on stderr,
every exit code."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "ingest"
UCDP = str(REPO / "mappings" / "ucdp-ged.yaml")
SA = str(REPO / "mappings" / "syrianarchive-russian-attacks.yaml")


def test_import_prints_a_summary_and_warnings_apart(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "sa"
    result = runner.invoke(
        app, ["import", "-m", SA, str(FIXTURES / "syrianarchive-sample.csv"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"imported 6 of 6 rows with mapping 'syrianarchive-russian-attacks' into {out} "
        "(1 yaml file(s))",
        "entities: actors 7, sources 5, locations 7, events 8, claims 6, munitions 4, targets 5",
        "0 row(s) not imported, 2 warning(s)",
    ]
    warnings = result.stderr.splitlines()
    assert len(warnings) == 2
    assert all(w.startswith("Warning: syrianarchive-sample.csv:") for w in warnings)
    assert "video.nWb5Iwa38dk' was already imported" in warnings[0]
    assert (out / "dataset.yaml").exists()


def test_quiet_hides_warnings_but_not_skipped_rows(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["import", "-q", "-m", SA, str(FIXTURES / "syrianarchive-bad-coordinate.csv"),
         "-o", str(tmp_path / "out"), "--format", "json", "--chunk", "1"],
    )  # fmt: skip
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "Warning: syrianarchive-bad-coordinate.csv:2: row not imported: "
        "entities.2.coordinates.lat: '35°75\\'10\"N' has 75 minutes; there are 60 in a degree"
    ]
    assert "(2 json file(s))" in result.stdout


def test_strict_exits_3_and_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["import", "--strict", "-m", UCDP, str(FIXTURES / "ucdp-bad-json.jsonl"), "-o", str(out)],
    )
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.startswith(
        "Error: ucdp-bad-json.jsonl:2: row not imported: JSON syntax error"
    )
    assert not out.exists()


def test_a_broken_mapping_exits_3_with_its_line(runner: CliRunner, tmp_path: Path) -> None:
    mapping = FIXTURES / "mapping-unknown-field.yaml"
    result = runner.invoke(
        app,
        [
            "import",
            "-m",
            str(mapping),
            str(FIXTURES / "ucdp-sample.csv"),
            "-o",
            str(tmp_path / "o"),
        ],
    )
    assert result.exit_code == 3
    assert ":10:7: entities.0.fields.claimnt: unknown field 'claimnt'" in result.stderr
    assert "did you mean 'claimant'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_input_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["import", "-m", UCDP, str(tmp_path / "no.jsonl"), "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 3
    assert "no such input file" in result.stderr


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--format", "xml"], "unknown --format 'xml'"),
        (["--chunk", "0"], "--chunk"),
    ],
)
def test_usage_errors_exit_2(
    runner: CliRunner, tmp_path: Path, extra: list[str], message: str
) -> None:
    args = ["import", "-m", UCDP, str(FIXTURES / "ucdp-sample.csv"), "-o", str(tmp_path / "o")]
    result = runner.invoke(app, [*args, *extra])
    assert result.exit_code == 2
    assert message in result.stderr


def test_an_earlier_import_needs_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    args = ["import", "-m", UCDP, str(FIXTURES / "ucdp-sample.csv"), "-o", str(tmp_path / "o")]
    assert runner.invoke(app, args).exit_code == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 2
    assert "add --overwrite" in again.stderr
    assert runner.invoke(app, [*args, "--overwrite"]).exit_code == 0


def test_a_bug_exits_70_in_one_line(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimgraph.ingest

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(claimgraph.ingest, "import_files", broken)
    args = ["import", "-m", UCDP, str(FIXTURES / "ucdp-sample.csv"), "-o", str(tmp_path / "o")]
    result = runner.invoke(app, args)
    assert result.exit_code == 70
    assert result.stderr.strip().splitlines() == [
        "Error: internal error (RuntimeError): boom — please report it"
    ]


def test_help_names_the_mapping_docs(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", "--help"])
    assert result.exit_code == 0
    assert "--mapping" in result.stdout
    assert "docs/mappings.md" in result.stdout


def test_a_bundled_mapping_is_found_by_name(runner: CliRunner, tmp_path: Path) -> None:
    """Installed users have no mappings/ directory: the bundled ones ship in the package."""
    rows = tmp_path / "events.jsonl"
    rows.write_text(
        '{"id": 1, "source_article": "a:1", "source_date": "2021-01-02 00:00", '
        '"deaths_side_a": 1, "deaths_side_b": 0, "deaths_civilian": 2, "deaths_unknown": 0, '
        '"deaths_low": 3, "deaths_high": 4, "side_a_name": "Government of Syria", '
        '"side_b_name": "IS", "location_root_name": "Syria", "location_adm1_name": "Homs", '
        '"location_adm2_name": "", "location_where_name": "Palmyra town", '
        '"start_date": "2021-01-01", "end_date": "2021-01-01"}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", "-m", "ucdp-ged", str(rows), "-o", str(tmp_path / "o")])
    assert result.exit_code == 0, result.stderr
    assert "with mapping 'ucdp-ged'" in result.stdout
    result = runner.invoke(app, ["import", "-m", "ucdp-gedd", str(rows), "-o", str(tmp_path / "p")])
    assert result.exit_code == 3
    assert "no such mapping file — give a path, or a bundled mapping" in result.stderr
