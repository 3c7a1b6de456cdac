"""The review file: written for people, read back strictly, choices never lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import InputError
from claimgraph.wikidata.review import ReviewItem, read_review, write_review
from claimgraph.wikidata.scoring import Scored

CANDIDATES = (
    Scored("Q1842866", "Battle of Aleppo", "", 1.0, "ok", ('name: label "Battle of Aleppo"',)),
    Scored("Q4870258", "Battle of Aleppo", "1918 battle", 0.7, "ok", ("date far (-0.30)",)),
)
ITEM = ReviewItem(
    entity="BattleOfAleppo",
    kind="event",
    type="Campaign",
    label="Battle of Aleppo",
    at="data/events.yaml:3",
    reason="ambiguous",
    candidates=CANDIDATES,
)


def test_review_file_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "review.yaml"
    write_review(path, [ITEM], accept=0.9)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# claimgraph link review file.")
    assert "  choice:\n" in text
    (item,) = read_review(path)
    assert item.entity == "BattleOfAleppo"
    assert item.at == "data/events.yaml:3"
    assert item.choice is None
    assert [(c.qid, c.score, c.why) for c in item.candidates] == [
        (c.qid, c.score, c.why) for c in CANDIDATES
    ]


def test_rewriting_keeps_the_choices_a_person_made(tmp_path: Path) -> None:
    path = tmp_path / "review.yaml"
    write_review(path, [ITEM], accept=0.9)
    path.write_text(path.read_text().replace("  choice:\n", "  choice: Q1842866\n"))
    write_review(path, [ITEM], accept=0.9)
    assert read_review(path)[0].choice == "Q1842866"


@pytest.mark.parametrize(("written", "read"), [("none", "none"), ("None", "none"), ("", None)])
def test_none_means_a_confirmed_miss(tmp_path: Path, written: str, read: str | None) -> None:
    path = tmp_path / "review.yaml"
    write_review(path, [ITEM], accept=0.9)
    path.write_text(path.read_text().replace("  choice:\n", f"  choice: {written}\n"))
    assert read_review(path)[0].choice == read


def test_a_bad_choice_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "review.yaml"
    write_review(path, [ITEM, ITEM], accept=0.9)
    path.write_text(path.read_text().replace("  choice:\n", "  choice: Aleppo\n", 1))
    with pytest.raises(InputError) as caught:
        read_review(path)
    (problem,) = caught.value.diagnostics
    assert problem.pos.line == 8
    assert "choice 'Aleppo' for 'BattleOfAleppo' is not a QID or 'none'" in str(problem)


def test_a_file_that_is_not_a_review_file(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text("actors: []\n")
    with pytest.raises(InputError, match="not a review file"):
        read_review(path)
