"""``claimgraph publish`` through the CLI: every exit code, stdout/stderr split, defaults."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers.datasets import write_dataset
from tests.helpers.oxigraph_server import free_port
from typer.testing import CliRunner

from claimgraph.cli import app

REPO = Path(__file__).resolve().parents[2]
INVALID = REPO / "tests" / "fixtures" / "invalid" / "claim-no-claimant" / "dataset"


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_publishes_to_the_embedded_store_in_the_working_directory(
    runner: CliRunner, in_tmp: Path
) -> None:
    root = write_dataset(in_tmp / "demo")
    result = runner.invoke(app, ["publish", str(root)])
    assert result.exit_code == 0, result.stderr
    assert (in_tmp / ".claimgraph" / "store").is_dir()
    assert "create  https://w3id.org/claimgraph/id/graph/demo  0 -> " in result.stdout
    assert "https://w3id.org/claimgraph/ns  0 -> " in result.stdout  # the ontology graph
    assert result.stdout.rstrip().splitlines()[-1].startswith("published to embedded store ")
    assert result.stderr == ""  # no progress bar when not on a terminal

    again = runner.invoke(app, ["publish", str(root)])
    assert again.exit_code == 0
    assert again.stdout.rstrip().splitlines()[-1].startswith("unchanged: embedded store ")


def test_the_config_file_names_the_store_and_quiet_prints_nothing(
    runner: CliRunner, in_tmp: Path
) -> None:
    (in_tmp / "claimgraph.toml").write_text('[store]\npath = "team-store"\n')
    root = write_dataset(in_tmp / "demo")
    result = runner.invoke(app, ["publish", str(root), "--quiet", "--no-schema"])
    assert result.exit_code == 0, result.stderr
    assert (result.stdout, result.stderr) == ("", "")
    assert (in_tmp / "team-store").is_dir()
    assert not (in_tmp / ".claimgraph").exists()


def test_invalid_data_exits_1_and_nothing_is_published(runner: CliRunner, in_tmp: Path) -> None:
    result = runner.invoke(app, ["publish", str(INVALID)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "has no claimant" in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: not published: does not conform: 1 error")
    assert "--force" in last
    assert not (in_tmp / ".claimgraph").exists()


def test_force_publishes_anyway_and_says_so(runner: CliRunner, in_tmp: Path) -> None:
    result = runner.invoke(app, ["publish", str(INVALID), "--force", "--no-schema"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("Warning: publishing anyway (--force): does not conform")
    assert "create  https://w3id.org/claimgraph/id/graph/" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--store", "s", "--endpoint", "http://127.0.0.1:1/query"], "two different targets"),
        (["--profile", "nope"], "no profile 'nope'"),
        (["--auth", "basic"], "--auth needs --endpoint or --profile"),
        (["--mode", "merge"], "Invalid value"),
        (["--base", "nope"], "--base 'nope'"),
    ],
)
def test_usage_errors_exit_2(
    runner: CliRunner, in_tmp: Path, args: list[str], message: str
) -> None:
    root = write_dataset(in_tmp / "demo")
    result = runner.invoke(app, ["publish", str(root), *args])
    assert result.exit_code == 2, result.stderr
    assert message in result.stderr
    assert result.stdout == ""


def test_missing_input_and_bad_config_exit_3(runner: CliRunner, in_tmp: Path) -> None:
    result = runner.invoke(app, ["publish", str(in_tmp / "nowhere")])
    assert result.exit_code == 3
    assert result.stderr.startswith("Error: ")
    (in_tmp / "claimgraph.toml").write_text("[store\n")
    result = runner.invoke(app, ["publish", str(write_dataset(in_tmp / "demo"))])
    assert result.exit_code == 3
    assert "claimgraph.toml:1" in result.stderr


def test_an_unreachable_endpoint_exits_4_with_one_line(runner: CliRunner, in_tmp: Path) -> None:
    port = free_port()
    (in_tmp / "claimgraph.toml").write_text(
        f'[endpoints.dead]\nquery = "http://127.0.0.1:{port}/query"\nretries = 0\n'
    )
    result = runner.invoke(
        app, ["publish", str(write_dataset(in_tmp / "demo")), "--no-validate", "--profile", "dead"]
    )
    assert result.exit_code == 4
    assert result.stderr == (
        f"Error: http://127.0.0.1:{port}/query: cannot connect (is the server running?)\n"
    )
    assert result.stdout == ""
