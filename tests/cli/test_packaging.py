"""The README's two commands, .ci/run, and the wheel: what a newcomer meets first."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pyoxigraph as ox
import pytest

REPO = Path(__file__).resolve().parents[2]


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^```sh\n(.*?)^```", text, re.S | re.M)
    assert match, "README.md must open with a ```sh block"
    assert text.index("```sh") < text.index("\n## "), "the sh block must come first"
    return [line for line in match.group(1).splitlines() if line.strip()]


def test_readme_opens_with_exactly_two_one_line_commands() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    assert not any(line.rstrip().endswith("\\") for line in commands)
    assert "pip install" in commands[0]
    assert "claimgraph build data/" in commands[0]
    assert "pip install" in commands[1]
    assert ".[test]" in commands[1]
    assert "pytest" in commands[1]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci
    assert os.access(REPO / ".ci" / "run", os.X_OK)
    assert "-eq 5" in ci, ".ci/run must turn pytest's 'no tests collected' into a failure"


@pytest.mark.slow
def test_wheel_ships_ontology_and_shapes_and_builds_outside_the_repo(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "-o",
            str(tmp_path / "dist"),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("claimgraph-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("claimgraph.ttl", "vocab.ttl", "align.ttl"):
        assert f"claimgraph/resources/ontology/{name}" in names
    assert any(n.startswith("claimgraph/resources/shapes/") and n.endswith(".ttl") for n in names)
    assert "claimgraph/resources/mappings/ucdp-ged.yaml" in names
    assert "claimgraph/resources/mappings/syrianarchive-russian-attacks.yaml" in names

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    work = tmp_path / "elsewhere"
    shutil.copytree(REPO / "data", work / "data")
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import claimgraph.resources as r; print(r.resource_dir('ontology'))",
        ],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert where.startswith(str(site)), where  # the wheel's files, not the checkout's
    done = subprocess.run(
        [sys.executable, "-m", "claimgraph", "build", "data", "-o", "seed.nq"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert len(list(ox.parse(path=str(work / "seed.nq"), format=ox.RdfFormat.N_QUADS))) > 300
