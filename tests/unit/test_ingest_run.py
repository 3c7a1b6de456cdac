"""The import service on small hand-made inputs: what is written, what is reported, and that
the output builds as it is."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.build import build_paths
from claimgraph.errors import InputError, Severity
from claimgraph.ingest import ImportReport, import_files, parse_mapping
from claimgraph.ingest import run as run_module
from claimgraph.readers import load_dataset

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "ingest"
UCDP = REPO / "mappings" / "ucdp-ged.yaml"
SA = REPO / "mappings" / "syrianarchive-russian-attacks.yaml"


def entities(directory: Path) -> dict[str, dict[str, Any]]:
    """Every entity of an imported dataset by id, read back with claimgraph's own reader."""
    dataset = load_dataset(directory)
    return {e.id: e.entry.data for e in dataset.entities}


def quads(directory: Path) -> list[ox.Quad]:
    return list(build_paths([directory]).quads())


def test_ucdp_events_from_json_lines_build(tmp_path: Path) -> None:
    report = import_files(UCDP, [FIXTURES / "ucdp-sample.jsonl"], tmp_path / "out")
    assert (report.rows_read, report.rows_imported, report.problems) == (5, 5, ())
    assert report.format == "yaml"
    assert "rows-000001.yaml" in report.files
    found = entities(tmp_path / "out")
    assert found["ged-1001"]["inputRecord"] == "ucdp-sample.jsonl:1"
    assert found["ged-1003"]["inputRecord"] == "ucdp-sample.jsonl:4"  # after a blank line
    assert found["ged-1003"]["eventType"] == "OneSidedViolence"
    assert found["ged-1003"]["location"] == "place.syria.rahabah-village"
    assert {"los-chone-killers", "los-lobos", "civilians"} <= set(found)
    assert found["civilians"]["anonymous"] is True
    assert quads(tmp_path / "out")


def test_the_same_columns_as_csv_give_the_same_dataset(tmp_path: Path) -> None:
    import_files(UCDP, [FIXTURES / "ucdp-sample.jsonl"], tmp_path / "jsonl")
    import_files(UCDP, [FIXTURES / "ucdp-sample.csv"], tmp_path / "csv")

    def normalised(directory: Path) -> dict[str, Any]:
        found = entities(directory)
        for data in found.values():
            data.pop("inputRecord", None)
        return found

    assert normalised(tmp_path / "jsonl") == normalised(tmp_path / "csv")


def test_geds_own_csv_columns(tmp_path: Path) -> None:
    report = import_files(UCDP, [FIXTURES / "ged-sample.csv"], tmp_path / "out")
    assert report.problems == ()
    found = entities(tmp_path / "out")
    assert found["ucdp-dyad-447"]["partOf"] == "ucdp-conflict-299"
    assert found["ucdp-conflict-299"]["label"] == "Syria: Government"
    assert found["ged-2001"]["eventType"] == "StateBasedViolence"
    assert found["ged-2001"]["date"] == "2015-11-15"
    assert found["ged-2002"]["datePrecision"] == "Month"
    assert "date" not in found["ged-2002"]
    place = found[
        "place.syria.idlib-governorate.ma-arrat-al-nu-man-district.ma-arrat-al-nu-man-town"
    ]
    assert place["locationPrecision"] == "ExactLocation"
    assert place["coordinates"] == {"lat": 35.6478, "lon": 36.6679}
    total = found["ged-2001.deaths"]["figures"][0]
    assert (total["value"], total["min"], total["max"]) == (7, 6, 9)
    assert found["article.reuters-2015-11-16"]["title"] == "Strikes hit Maarat al-Numan"
    assert quads(tmp_path / "out")


def test_syrian_archive_rows(tmp_path: Path) -> None:
    report = import_files(SA, [FIXTURES / "syrianarchive-sample.csv"], tmp_path / "out")
    assert (report.rows_read, report.rows_imported) == (6, 6)
    warnings = [str(w) for w in report.warnings]
    assert warnings == [
        "syrianarchive-sample.csv:5: warning sources 'video.nWb5Iwa38dk' was already imported "
        "from syrianarchive-sample.csv:4; this row refers to that one",
        "syrianarchive-sample.csv:8: warning title_date: date 2015-01-17 is "
        "before the earliest allowed date 2015-09-30 (left out)",
    ]
    found = entities(tmp_path / "out")
    assert found["RU_1002"]["statedIn"] == found["RU_1003"]["statedIn"] == "video.nWb5Iwa38dk"
    first = found["RU_1000"]
    assert first["modality"] == "Possible"
    assert first["claimedSubject"] == "Russia"
    assert first["quote"]["ar"].endswith("يزعم أنه روسي بالصورايخ 15 11 2015")
    assert found["RU_1001"]["modality"] == "Asserted"
    assert found["RU_1001"]["paraphrase"]["en"].endswith("town\nin the countryside of Idlib.")
    assert found["RU_1000.incident"]["date"] == "2015-11-15"
    assert found["RU_1001.incident"]["date"] == "2016-03-13"  # written 2016/3/13
    assert found["RU_1002.incident"]["datePrecision"] == "UnknownDate"
    # uploaded 22:31 UTC on 13 March: already the 14th in Syria
    assert found["RU_1002.incident"]["latestDate"] == "2016-03-14"
    assert found["RU_1001.place"]["coordinates"] == {"lat": 35.7904583, "lon": 36.2115444}
    assert found["RU_1003.place"]["coordinates"] == {"lat": 35.7874449, "lon": 36.0372269}
    video = found["video.nWb5Iwa38dk"]
    assert video["type"] == "VideoRecording"
    assert video["issued"] == "2016-03-13T22:31:41Z"
    assert found["uploader.smart-news-agency-b3255003"]["type"] == "MediaOutlet"
    assert quads(tmp_path / "out")


def test_unmappable_rows_are_reported_and_the_rest_written(tmp_path: Path) -> None:
    report = import_files(SA, [FIXTURES / "syrianarchive-bad-coordinate.csv"], tmp_path / "out")
    assert (report.rows_read, report.rows_imported, report.rows_skipped) == (3, 2, 1)
    (error,) = report.errors
    assert str(error.pos) == "syrianarchive-bad-coordinate.csv:2"
    assert "coordinates.lat" in error.message
    assert "75 minutes" in error.message
    assert "RU_1001" not in entities(tmp_path / "out")
    assert quads(tmp_path / "out")


def test_strict_stops_at_the_first_unmappable_row_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(InputError) as failed:
        import_files(UCDP, [FIXTURES / "ucdp-bad-json.jsonl"], tmp_path / "out", strict=True)
    assert str(failed.value.diagnostics[0].pos) == "ucdp-bad-json.jsonl:2"
    assert list(tmp_path.iterdir()) == []


def test_entities_the_build_would_reject_are_caught_at_their_input_line(tmp_path: Path) -> None:
    mapping = parse_mapping(
        """\
mapping: 1
name: checks
input: {format: csv}
entities:
  - kind: actors
    fields: {id: "{name|slug}", type: "{kind}"}
  - kind: claims
    fields:
      id: "c-{name|slug}"
      figures: [{measure: "{measure}", value: "{n}", verbatim: "{n}"}]
"""
    )
    source = tmp_path / "in.csv"
    source.write_text(
        "name,kind,measure,n\nA,State,Deaths,1\nB,Country,Deaths,1\nC,NGO,Death,1\nD,NGO,Deaths,x\n",
        encoding="utf-8",
    )
    report = import_files(mapping, [source], tmp_path / "out")
    assert report.rows_imported == 1
    reasons = {str(e.pos): e.message for e in report.errors}
    assert "field 'type': Input should be 'Actor'" in reasons["in.csv:3"]
    assert "'Death' is not a Measures concept in 'figures.0.measure'" in reasons["in.csv:4"]
    assert "did you mean 'Deaths'?" in reasons["in.csv:4"]
    assert "'x' is not a number" in reasons["in.csv:5"]
    unchecked = import_files(mapping, [source], tmp_path / "unchecked", check=False)
    assert unchecked.rows_imported == 4
    assert unchecked.problems == ()


def test_unique_error_mode_and_missing_columns(tmp_path: Path) -> None:
    mapping = parse_mapping(
        """\
mapping: 1
name: uniq
input: {format: csv}
entities:
  - kind: actors
    unique: error
    fields: {id: "{name|slug}", label: "{name}", description: "{notes}"}
"""
    )
    source = tmp_path / "in.csv"
    source.write_text("name\nIS\nSDF\nis\n", encoding="utf-8")
    report = import_files(mapping, [source], tmp_path / "out")
    assert report.rows_imported == 2
    assert [str(p) for p in report.problems] == [
        "in.csv:1: warning the mapping reads column 'notes', which this file does not have "
        "(it has: name); those values will be empty",
        "in.csv:4: error row not imported: duplicate actors id 'is' (first imported from in.csv:2)",
    ]


def test_missing_and_undecodable_inputs(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such input file"):
        import_files(UCDP, [tmp_path / "none.jsonl"], tmp_path / "out")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("id,side_a_name\n1,Gouvernement du Sénégal\n".encode("latin-1"))
    with pytest.raises(InputError) as failed:
        import_files(UCDP, [latin], tmp_path / "out")
    assert "not utf-8 text" in str(failed.value)
    assert failed.value.diagnostics[0].hint
    assert not (tmp_path / "out").exists()


def test_large_inputs_are_written_as_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run_module, "AUTO_JSON_BYTES", 100)
    report: ImportReport = import_files(
        UCDP, [FIXTURES / "ucdp-sample.jsonl"], tmp_path / "out", chunk_rows=2
    )
    assert report.format == "json"
    assert [f for f in report.files if f.startswith("rows-")] == [
        "rows-000001.json",
        "rows-000002.json",
        "rows-000003.json",
    ]
    first = json.loads((tmp_path / "out" / "rows-000001.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in first["events"]][-1] == "ged-1002"
    assert quads(tmp_path / "out")
    assert all(p.severity is not Severity.ERROR for p in report.problems)


cells = st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"))


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=cells, text=cells, fmt=st.sampled_from(["yaml", "json"]))
def test_any_cell_survives_import_into_yaml_or_json_and_back_through_the_reader(
    tmp_path_factory: pytest.TempPathFactory, name: str, text: str, fmt: str
) -> None:
    work = tmp_path_factory.mktemp("cells")
    source = work / "in.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["n", "name", "text"], ["1", name, text]])
    mapping = parse_mapping(
        """\
mapping: 1
name: cells
input: {format: csv}
entities:
  - kind: actors
    fields: {id: "a-{n}", label: "{name}", description: {column: text, lang: ar}}
"""
    )
    report = import_files(mapping, [source], work / "out", output_format=fmt)  # type: ignore[arg-type]
    assert report.problems == ()
    actor = entities(work / "out")["a-1"]
    assert actor.get("label") == (name.strip() or None)
    assert actor.get("description") == ({"ar": text.strip()} if text.strip() else None)
