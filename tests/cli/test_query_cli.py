"""``claimgraph query`` and ``claimgraph queries`` (issue 6): every exit code, stdout vs stderr.

Results go to stdout and nothing else does; a failure is one ``Error:`` line on stderr. The
store is the seed published into a directory once per module (closed again, so that every
command opens it as a user's would).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from tests.helpers.oxigraph_server import free_port
from tests.helpers.query_data import seeded_embedded_store
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.query import bundled_queries

CG = "https://w3id.org/claimgraph/ns#"


@pytest.fixture(scope="module")
def seed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli-seed")
    with seeded_embedded_store(root):
        pass
    return root / "store"


def query(runner: CliRunner, store: Path, *args: str, stdin: str | None = None) -> Any:
    return runner.invoke(app, ["query", "--store", str(store), *args], input=stdin)


def one_error_line(result: Any) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert result.stdout == ""
    return str(lines[0])


# --------------------------------------------------------------------------- exit 0 and 1


def test_a_bundled_query_prints_csv_to_a_pipe(runner: CliRunner, seed_dir: Path) -> None:
    result = query(runner, seed_dir, "--named", "claims-by-claimant", "-p", "claimant=wd:Q42970")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[0][:3] == ["claim", "claimantName", "speakerName"]
    assert [r[0].rsplit("/", 1)[1] for r in rows[1:]] == [f"C{n:02d}" for n in range(1, 12)]


def test_a_table_on_a_terminal(
    runner: CliRunner, seed_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("claimgraph.cli.query._is_terminal", lambda: True)
    result = query(runner, seed_dir, "-n", "spokespeople")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["person", "personName", "organizationName", "role", "claims"]
    assert re.split(r"\s{2,}", lines[2])[:2] == ["seed:IgorKonashenkov", "Igor Konashenkov"]
    assert lines[-1] == "(4 rows)"


@pytest.mark.parametrize("fmt", ["json", "tsv", "csv", "table"])
def test_every_select_format(runner: CliRunner, seed_dir: Path, fmt: str) -> None:
    result = query(runner, seed_dir, "-n", "corroborations", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        document = json.loads(result.stdout)
        assert document["head"]["vars"] == [
            "claim", "claimantName", "support", "supporterName", "assertedIn",
        ]  # fmt: skip
        assert len(document["results"]["bindings"]) == 1
    else:
        assert "C12" in result.stdout


def test_a_query_from_a_file_and_from_stdin(
    runner: CliRunner, seed_dir: Path, tmp_path: Path
) -> None:
    text = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?c <{CG}claimant> ?a }} }}"
    path = tmp_path / "count.rq"
    path.write_text(text, encoding="utf-8")
    from_file = query(runner, seed_dir, "--file", str(path))
    from_stdin = query(runner, seed_dir, "-", stdin=text)
    assert from_file.stdout_bytes == from_stdin.stdout_bytes == b"n\r\n20\r\n"  # W3C CSV: CRLF


def test_parameters_of_a_query_without_header(runner: CliRunner, seed_dir: Path) -> None:
    text = f"SELECT ?claim WHERE {{ GRAPH ?g {{ ?claim <{CG}claimant> ?who }} }} ORDER BY ?claim"
    result = query(runner, seed_dir, text, "-p", "who=https://w3id.org/claimgraph/id/seed/HRW")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == b"claim\r\nhttps://w3id.org/claimgraph/id/seed/C12\r\n"


def test_construct_prints_turtle(runner: CliRunner, seed_dir: Path) -> None:
    text = f"CONSTRUCT {{ ?c <{CG}claimant> ?a }} WHERE {{ GRAPH ?g {{ ?c <{CG}claimant> ?a }} }}"
    result = query(runner, seed_dir, text)
    assert result.exit_code == 0, result.stderr
    assert "@prefix seed: <https://w3id.org/claimgraph/id/seed/> ." in result.stdout
    assert "seed:C01 cg:claimant seed:AmnestyInternational" in result.stdout


def test_ask_exits_0_for_true_and_1_for_false(runner: CliRunner, seed_dir: Path) -> None:
    yes = query(runner, seed_dir, f"ASK {{ GRAPH ?g {{ ?r <{CG}rebuts> ?c }} }}")
    no = query(runner, seed_dir, f"ASK {{ GRAPH ?g {{ ?r <{CG}rebuts> <urn:nothing> }} }}")
    assert (yes.exit_code, yes.stdout, yes.stderr) == (0, "true\n", "")
    assert (no.exit_code, no.stdout, no.stderr) == (1, "false\n", "")


def test_queries_lists_one_per_line_name_first(runner: CliRunner) -> None:
    result = runner.invoke(app, ["queries"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [q.name for q in bundled_queries()]
    described = {line.split()[0]: line.split(None, 1)[1] for line in lines}
    assert described["rebuttals"].startswith("Challenged claims and evidence")


def test_queries_show_prints_the_file(runner: CliRunner) -> None:
    result = runner.invoke(app, ["queries", "show", "timeline"])
    assert result.exit_code == 0
    assert result.stdout == next(q.text for q in bundled_queries() if q.name == "timeline")


# --------------------------------------------------------------------------- exit 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give one query: QUERY text, --file F.rq, or --named NAME"),
        (["SELECT * {}", "--named", "rebuttals"], "give one query"),
        (["-n", "rebuttals", "-p", "rebutter"], "--param 'rebutter' must be NAME=VALUE"),
        (["-n", "rebutals"], "no bundled query 'rebutals' — did you mean 'rebuttals'?"),
        (["-n", "rebuttals", "-p", "rebuter=seed:Russia"], "no parameter 'rebuter' (did you mean"),
        (["-n", "timeline", "-p", "since=last week"], "--param since (date): 'last week' is not"),
        (["-n", "rebuttals", "-p", "rebutter=http://x/> } DROP ALL"], "is not an IRI"),
        (
            ["-n", "rebuttals", "--format", "turtle"],
            "--format turtle is for CONSTRUCT and DESCRIBE",
        ),
        (["-n", "rebuttals", "--endpoint", "http://127.0.0.1:9/q"], "--store and --endpoint"),
    ],
)
def test_usage_errors_exit_2(
    runner: CliRunner, seed_dir: Path, args: list[str], message: str
) -> None:
    result = query(runner, seed_dir, *args)
    assert result.exit_code == 2
    assert message in one_error_line(result)


def test_queries_show_of_an_unknown_name_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["queries", "show", "timelin"])
    assert result.exit_code == 2
    assert "did you mean 'timeline'?" in one_error_line(result)


def test_an_unknown_format_is_typers_usage_error(runner: CliRunner, seed_dir: Path) -> None:
    result = query(runner, seed_dir, "-n", "rebuttals", "--format", "xml")
    assert result.exit_code == 2
    assert result.stdout == ""


# --------------------------------------------------------------------------- exit 3


def test_a_syntax_error_is_one_line_with_line_and_column(runner: CliRunner, seed_dir: Path) -> None:
    result = query(runner, seed_dir, "SELECT ?s WHERE {\n  ?s ?p ?o } LIMT 5")
    assert result.exit_code == 3
    assert one_error_line(result).startswith("Error: <query>:2:20: SPARQL syntax error near '5'")


def test_a_syntax_error_in_a_file_names_the_file(
    runner: CliRunner, seed_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "broken.rq"
    path.write_text("# my query\nSELECT ?x WHERE { ?x foo:bar ?y }\n", encoding="utf-8")
    result = query(runner, seed_dir, "--file", str(path))
    assert result.exit_code == 3
    assert one_error_line(result) == (
        f"Error: {path}:2:29: SPARQL syntax error: undeclared prefix 'foo:' "
        "— add PREFIX foo: <…> before the query"
    )


def test_an_update_is_refused_and_the_store_unchanged(runner: CliRunner, seed_dir: Path) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = query(runner, seed_dir, count).stdout
    result = query(runner, seed_dir, "DROP ALL")
    assert result.exit_code == 3
    assert "DROP is SPARQL Update, not a query" in one_error_line(result)
    assert query(runner, seed_dir, count).stdout == before


@pytest.mark.parametrize("missing", ["file", "store"])
def test_missing_files_exit_3(runner: CliRunner, tmp_path: Path, missing: str) -> None:
    if missing == "file":
        result = runner.invoke(app, ["query", "--file", str(tmp_path / "nope.rq")])
        expected = f"Error: {tmp_path / 'nope.rq'}: cannot read the query: not found"
    else:
        result = runner.invoke(
            app, ["query", "--store", str(tmp_path / "nostore"), "-n", "timeline"]
        )
        expected = f"Error: {tmp_path / 'nostore'}: no store here — publish first"
    assert result.exit_code == 3
    assert one_error_line(result).startswith(expected)
    assert not (tmp_path / "nostore").exists()


# --------------------------------------------------------------------------- exit 4


def test_an_unreachable_endpoint_exits_4_with_one_line(runner: CliRunner) -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    result = runner.invoke(app, ["query", "-n", "rebuttals", "--endpoint", url, "--timeout", "2"])
    assert result.exit_code == 4
    assert one_error_line(result).startswith(f"Error: {url}: ")


def test_a_query_over_its_timeout_exits_4(runner: CliRunner, tmp_path: Path) -> None:
    root = tmp_path / "slow"
    with seeded_embedded_store(root):
        pass
    slow = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s ?p ?o } GRAPH ?b { ?x ?y ?z } }"
    result = query(runner, root / "store", slow, "--timeout", "0.2")
    assert result.exit_code == 4
    assert "no answer within 0.2 s (--timeout)" in one_error_line(result)
