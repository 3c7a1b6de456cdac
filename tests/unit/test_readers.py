"""Reading claims files: positions, every problem at once, did-you-mean hints."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers.datasets import CLAIMS, write_dataset

from claimgraph.errors import InputError
from claimgraph.readers import load_dataset, load_paths


def problems_of(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_paths([path])
    return [d.without_severity() for d in caught.value.diagnostics]


def test_valid_dataset_reads_with_positions(tmp_path: Path) -> None:
    dataset = load_dataset(write_dataset(tmp_path / "demo"))
    assert dataset.id == "demo"
    claim = dataset.by_id["C1"]
    assert claim.kind == "claim"
    assert claim.pos.line == 15
    assert claim.pos.column == 5
    assert dataset.by_id["Russia"].model.label == {"en": "Russia", "ru": "Россия"}  # type: ignore[attr-defined]


def test_unknown_field_names_line_and_suggests(tmp_path: Path) -> None:
    text = CLAIMS.replace("    claimant: AI\n    statedIn: R1", "    claimnt: AI\n    statedIn: R1")
    found = problems_of(write_dataset(tmp_path / "d", {"claims.yaml": text}))
    assert any(
        "claims.yaml:16:5: unknown field 'claimnt' in claim 'C1' — did you mean 'claimant'?" in p
        for p in found
    ), found


def test_every_problem_is_reported_together(tmp_path: Path) -> None:
    text = (
        CLAIMS.replace("statedIn: R1", "statedIn: R9")
        .replace("modality: Asserted\n    about", "modality: Asertd\n    about")
        .replace("  - id: C2", "  - id: C1")
    )
    found = problems_of(write_dataset(tmp_path / "d", {"claims.yaml": text}))
    joined = "\n".join(found)
    assert "duplicate id 'C1'" in joined
    # the duplicate stops the second pass: fix it and the rest shows up
    text = text.replace("  - id: C1\n    claimant: Russia", "  - id: C2\n    claimant: Russia")
    joined = "\n".join(problems_of(write_dataset(tmp_path / "e", {"claims.yaml": text})))
    assert "refers to unknown id 'R9' in 'statedIn' — did you mean 'R1'?" in joined
    assert "'Asertd' is not a Modalities concept in 'modality' — did you mean 'Asserted'?" in joined


def test_dangling_reference_in_list_points_at_item(tmp_path: Path) -> None:
    text = CLAIMS.replace("    rebuts: C1\n", "    rebuts: [C1, C7]\n")
    (found,) = problems_of(write_dataset(tmp_path / "d", {"claims.yaml": text}))
    assert found.startswith(str(tmp_path / "d" / "claims.yaml") + ":")
    assert "claim 'C2' refers to unknown id 'C7' in 'rebuts'" in found


def test_yaml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    found = problems_of(write_dataset(tmp_path / "d", {"claims.yaml": "claims:\n  - id: [x\n"}))
    assert len(found) == 1
    assert "claims.yaml:3:1: YAML syntax error" in found[0]


def test_wrong_types_and_dates(tmp_path: Path) -> None:
    text = CLAIMS.replace("date: 2015-09", "date: 2015-13").replace("min: 100", "min: lots")
    joined = "\n".join(problems_of(write_dataset(tmp_path / "d", {"claims.yaml": text})))
    assert "event 'Camp': 'date': '2015-13' is not a calendar date" in joined
    assert "claim 'C1': 'figures.0.min': 'lots' is not a number" in joined


def test_json_positions_and_syntax_errors(tmp_path: Path) -> None:
    good = (
        '{\n  "actors": [\n    {"id": "A", "type": "NGO", "label": "A"},\n    {"id": "B"}\n  ]\n}\n'
    )
    dataset = load_dataset(write_dataset(tmp_path / "j", {"actors.json": good}))
    assert (dataset.by_id["B"].pos.line, dataset.by_id["B"].pos.column) == (4, 6)
    escaped = '{"actors": [\n {"id": "A"},\n {"id": "\\u0042"}\n]}'  # "B", written escaped
    dataset = load_dataset(write_dataset(tmp_path / "e", {"actors.json": escaped}))
    assert dataset.by_id["B"].pos.line == 3
    found = problems_of(
        write_dataset(tmp_path / "k", {"actors.json": '{"actors": [\n  {"id": "A",}\n]}'})
    )
    assert "actors.json:2:14: JSON syntax error" in found[0]


def test_csv_kind_languages_and_pipes(tmp_path: Path) -> None:
    csv_text = (
        "id,type,label,label@ar,subOrganizationOf\nA,NGO,Amnesty,أمنستي,\nB,NGO,Amnesty UK,,A|C\n"
    )
    found = problems_of(write_dataset(tmp_path / "c", {"actors.csv": csv_text}))
    assert (
        found
        == [
            f"{tmp_path / 'c' / 'actors.csv'}:3:38: actor 'B' refers to unknown id 'C' in "
            "'subOrganizationOf' — define it or fix the id"
        ]
        or "unknown id 'C'" in found[0]
    )
    dataset = load_dataset(
        write_dataset(tmp_path / "d", {"actors.csv": csv_text.replace("|C", "")})
    )
    assert dataset.by_id["A"].model.label == {"en": "Amnesty", "ar": "أمنستي"}  # type: ignore[attr-defined]
    assert dataset.by_id["B"].pos.line == 3


def test_csv_named_after_nothing_is_an_error(tmp_path: Path) -> None:
    found = problems_of(write_dataset(tmp_path / "c", {"people.csv": "id\nA\n"}))
    assert "cannot tell what 'people.csv' holds" in found[0]


def test_annotations_must_be_about_known_ids_and_declared_graphs(tmp_path: Path) -> None:
    notes = "graph: editorial\nannotations:\n  - about: C9\n    supports: C1\n"
    found = problems_of(write_dataset(tmp_path / "a", {"claims.yaml": CLAIMS, "notes.yaml": notes}))
    assert any("annotation is about unknown id 'C9'" in p for p in found)
    notes = "graph: opinions\nannotations:\n  - about: C2\n    supports: C1\n"
    found = problems_of(write_dataset(tmp_path / "b", {"claims.yaml": CLAIMS, "notes.yaml": notes}))
    assert any("graph 'opinions' is not declared in dataset.yaml" in p for p in found)


def test_annotation_fields_are_checked_against_the_target_kind(tmp_path: Path) -> None:
    notes = "graph: editorial\nannotations:\n  - about: Camp\n    claimant: AI\n"
    found = problems_of(write_dataset(tmp_path / "a", {"claims.yaml": CLAIMS, "notes.yaml": notes}))
    assert any("unknown field 'claimant' in annotation of event" in p for p in found)


def test_bad_iri_is_a_reading_error(tmp_path: Path) -> None:
    text = CLAIMS.replace(
        "    issued: 2015-12-23\n", "    issued: 2015-12-23\n    url: http://x/a b\n"
    )
    (found,) = problems_of(write_dataset(tmp_path / "d", {"claims.yaml": text}))
    assert "source 'R1': 'url':" in found
    assert "is not an IRI" in found


def test_missing_path_and_directory_discovery(tmp_path: Path) -> None:
    write_dataset(tmp_path / "all" / "one")
    write_dataset(tmp_path / "all" / "two", manifest="id: two\n")
    datasets = load_paths([tmp_path / "all"])
    assert sorted(d.id for d in datasets) == ["demo", "two"]
    found = problems_of(tmp_path / "nope")
    assert found == [f"{tmp_path / 'nope'}: no such file or directory"]
