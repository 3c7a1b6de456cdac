"""``claimgraph link`` through the CLI, against the local Wikidata stand-in: every exit code."""

from __future__ import annotations

import difflib
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.helpers.wikidata_standin import FIXTURES, WikidataStandIn, standin
from typer.testing import CliRunner

from claimgraph.cli import app

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def server() -> Iterator[WikidataStandIn]:
    with standin() as running:
        yield running


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: WikidataStandIn) -> Path:
    """A working directory with the test dataset and a claimgraph.toml naming the stand-in."""
    shutil.copytree(FIXTURES / "dataset", tmp_path / "dataset")
    (tmp_path / "claimgraph.toml").write_text(
        "[wikidata]\n"
        f'api = "{server.api_url}"\n'
        f'sparql = "{server.sparql_url}"\n'
        'cache = "wikidata-cache"\n'
        'contact = "linker-tests@example.org"\n'
        "min_interval = 0\n"
        "retries = 0\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lines_of(output: str) -> dict[str, list[str]]:
    """Output rows by entity id (third column)."""
    rows: dict[str, list[str]] = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0] in {
            "linked", "new", "review", "none", "unlinked", "skipped",
            "ok", "problem", "unverified", "applied", "unchanged", "undecided",
        }:  # fmt: skip
            rows[parts[2]] = parts
    return rows


def test_link_writes_links_and_a_review_file(
    runner: CliRunner, project: Path, server: WikidataStandIn
) -> None:
    result = runner.invoke(app, ["link", "dataset", "--review", "review.yaml"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    rows = lines_of(result.stdout)
    assert rows["UnitedKingdom"][:4] == ["new", "actor", "UnitedKingdom", "Q145"]
    assert rows["BattleOfAleppo"][0] == "review"
    assert rows["America"][0] == "review"
    assert rows["Russia"][:4] == ["linked", "actor", "Russia", "Q159"]
    summary = result.stdout.splitlines()[-1]
    assert summary.startswith("1 linked, 6 new, 2 review, 1 skipped; review file: review.yaml")
    assert "    wikidata: Q145\n" in (project / "dataset" / "actors.yaml").read_text()
    assert (project / "dataset" / "more.actors.csv").read_bytes().endswith(b",Q30\r\n")
    assert (project / "review.yaml").exists()
    assert any((project / "wikidata-cache").rglob("*.json"))
    assert all("linker-tests@example.org" in agent for agent in server.user_agents)


def test_issue_7_apply_writes_the_choices_of_the_review_file(
    runner: CliRunner, project: Path
) -> None:
    assert runner.invoke(app, ["link", "dataset", "--review", "review.yaml"]).exit_code == 0
    review = project / "review.yaml"
    text = review.read_text(encoding="utf-8")
    text = text.replace("  choice:\n", "  choice: Q1842866\n", 1)  # BattleOfAleppo
    text = text.replace("  choice:\n", "  choice: none\n", 1)  # America: a confirmed miss
    review.write_text(text, encoding="utf-8")
    events = project / "dataset" / "events.yaml"
    before = events.read_text(encoding="utf-8")
    result = runner.invoke(app, ["link", "dataset", "--apply", "review.yaml"])
    assert result.exit_code == 0, result.stderr
    rows = lines_of(result.stdout)
    assert rows["BattleOfAleppo"][:4] == ["applied", "event", "BattleOfAleppo", "Q1842866"]
    assert rows["America"][:4] == ["applied", "platform", "America", "none"]
    after = events.read_text(encoding="utf-8")
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines())
    changes = [(op, after.splitlines()[j1:j2]) for op, _, _, j1, j2 in matcher.get_opcodes()]
    assert [c for c in changes if c[0] != "equal"] == [
        ("insert", ["    wikidata: Q1842866"]),
        ("insert", ["    wikidata: none"]),
    ]
    assert "    wikidata: Q1842866\n" in after.split("BattleOfAleppo2016")[0]
    again = runner.invoke(app, ["link", "dataset"])  # a confirmed miss is not searched again
    assert lines_of(again.stdout)["America"][0] == "none"


def test_issue_7_check_exits_1_on_a_redirect(
    runner: CliRunner, project: Path, server: WikidataStandIn
) -> None:
    actors = project / "dataset" / "actors.yaml"
    actors.write_text(actors.read_text().replace("wikidata: Q159", "wikidata: Q9990145"))
    server.redirects = {"Q9990145": "Q145"}
    result = runner.invoke(app, ["link", "dataset", "--check", "--kinds", "actor"])
    assert result.exit_code == 1
    assert result.stderr == ""
    row = next(line for line in result.stdout.splitlines() if "Russia" in line)
    assert row.startswith("problem")
    assert "Q9990145 redirects to Q145 (merged): write Q145" in row
    assert result.stdout.splitlines()[-1].startswith("1 problem")


def test_check_exits_0_when_links_are_sound(runner: CliRunner, project: Path) -> None:
    assert runner.invoke(app, ["link", "dataset"]).exit_code == 0
    actors = project / "dataset" / "actors.yaml"
    actors.write_text(actors.read_text().replace("wikidata: Q159", "wikidata: Q145"))
    result = runner.invoke(app, ["link", "dataset", "--check"])
    assert result.exit_code == 0, result.stdout
    assert "problem" not in result.stdout


def test_issue_7_offline_lists_cache_misses_and_sends_nothing(
    runner: CliRunner, project: Path, server: WikidataStandIn
) -> None:
    before = {p: p.read_bytes() for p in (project / "dataset").iterdir()}
    result = runner.invoke(app, ["link", "dataset", "--offline", "--cache", "empty-cache"])
    assert result.exit_code == 0, result.stderr
    assert server.requests == []
    assert 'cache-miss search "United Kingdom" (en)' in result.stdout
    assert lines_of(result.stdout)["UnitedKingdom"][0] == "unlinked"
    assert result.stdout.rstrip().endswith("network not used")
    assert {p: p.read_bytes() for p in (project / "dataset").iterdir()} == before


def test_offline_rerun_from_the_cache_needs_no_network(
    runner: CliRunner, project: Path, server: WikidataStandIn
) -> None:
    shutil.copytree(project / "dataset", project / "copy")
    assert runner.invoke(app, ["link", "dataset"]).exit_code == 0
    sent = len(server.requests)
    result = runner.invoke(app, ["link", "copy", "--offline"])
    assert result.exit_code == 0
    assert len(server.requests) == sent
    assert "cache-miss" not in result.stdout
    assert (project / "copy" / "actors.yaml").read_text() == (
        project / "dataset" / "actors.yaml"
    ).read_text()


def test_enrich_adds_a_wikidata_graph(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(app, ["link", "dataset", "--enrich"])
    assert result.exit_code == 0, result.stderr
    assert "enriched: dataset/wikidata-enrichment.yaml" in result.stdout
    built = runner.invoke(app, ["build", "dataset", "-f", "nquads"])
    assert built.exit_code == 0, built.stderr
    assert "graph/linktest/wikidata>" in built.stdout


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--accept", "1.5"], "--accept must be a score above 0 and at most 1"),
        (["--apply", "r.yaml", "--check"], "--apply cannot be combined"),
        (["--check", "--review", "r.yaml"], "--check cannot be combined"),
        (["--kinds", "actor,weapon"], "unknown kind weapon in --kinds"),
    ],
)
def test_usage_errors_exit_2(
    runner: CliRunner, project: Path, arguments: list[str], message: str
) -> None:
    result = runner.invoke(app, ["link", "dataset", *arguments])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ")
    assert message in result.stderr


def test_malformed_input_exits_3(runner: CliRunner, project: Path) -> None:
    events = project / "dataset" / "events.yaml"
    events.write_text(events.read_text().replace("type: Campaign", "type: Skirmish", 1))
    result = runner.invoke(app, ["link", "dataset"])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "events.yaml:4" in result.stderr


def test_a_malformed_review_file_exits_3(runner: CliRunner, project: Path) -> None:
    (project / "review.yaml").write_text("entities:\n  - {entity: X, kind: actor, choice: Q0}\n")
    result = runner.invoke(app, ["link", "dataset", "--apply", "review.yaml"])
    assert result.exit_code == 3
    assert result.stderr.startswith("Error: review.yaml:2: ")
    assert "choice 'Q0' for 'X' is not a QID or 'none'" in result.stderr


def test_unreachable_wikidata_exits_4_and_changes_nothing(runner: CliRunner, project: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = {p: p.read_bytes() for p in (project / "dataset").iterdir()}
    result = runner.invoke(app, ["link", "dataset", "--api", f"http://127.0.0.1:{port}/w/api.php"])
    assert result.exit_code == 4
    assert result.stdout == ""
    assert result.stderr.startswith("Error: http://127.0.0.1:")
    assert "unreachable" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert {p: p.read_bytes() for p in (project / "dataset").iterdir()} == before


def test_a_refusing_service_exits_4(
    runner: CliRunner, project: Path, server: WikidataStandIn
) -> None:
    result = runner.invoke(app, ["link", "dataset", "--api", server.base + "/nowhere"])
    assert result.exit_code == 4
    assert "answered HTTP 404" in result.stderr


def test_the_seed_links_offline_without_the_network(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Done means: on the seed, --offline touches no network and says what is (not) linked."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    unroutable = "http://127.0.0.1:9/w/api.php"  # never contacted: offline
    result = runner.invoke(
        app, ["link", "data", "--offline", "--cache", "no-cache", "--api", unroutable]
    )
    assert result.exit_code == 0, result.stderr
    rows = lines_of(result.stdout)
    assert rows["Russia"][:4] == ["linked", "actor", "Russia", "Q159"]
    assert rows["SyrianCivilWar"][3] == "Q178810"
    assert rows["WesternOfficials"][0] == "skipped"
    assert rows["RBK500"][0] == "unlinked"
    assert 'cache-miss search "RBK-500" (en)' in result.stdout
    assert result.stdout.rstrip().endswith("network not used")
    assert not (tmp_path / "no-cache").exists()


@pytest.mark.parametrize(
    "arguments",
    [["--review", "dataset/review.yaml"], ["--cache", "dataset/cache"]],
)
def test_files_that_would_be_read_as_claims_are_refused(
    runner: CliRunner, project: Path, arguments: list[str]
) -> None:
    result = runner.invoke(app, ["link", "dataset", *arguments])
    assert result.exit_code == 2
    assert "would be read as claims" in result.stderr
    assert not (project / arguments[1]).exists()


def test_an_unknown_setting_in_claimgraph_toml_exits_3(runner: CliRunner, project: Path) -> None:
    config = project / "claimgraph.toml"
    config.write_text(config.read_text() + "acept = 0.5\n")
    result = runner.invoke(app, ["link", "dataset"])
    assert result.exit_code == 3
    assert "unknown setting acept under [wikidata]" in result.stderr
