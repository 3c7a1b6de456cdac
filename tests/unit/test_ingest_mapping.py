"""Mapping files: checked and compiled up front, every mistake at its line; what a row becomes."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import InputError
from claimgraph.ingest.mapping import load_mapping, parse_mapping
from claimgraph.ingest.ops import FieldProblem

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "ingest"
MAPPINGS = REPO / "mappings"

TINY = """\
mapping: 1
name: tiny
input: {format: csv}
static:
  actors:
    - {id: Reporter, type: NGO, label: The reporter}
let:
  sides: {column: sides, split: ","}
entities:
  - kind: actors
    unique: true
    each: {column: sides, split: ","}
    fields:
      id: "{item|slug}"
      label: "{item}"
  - kind: claims
    fields:
      id: "c-{id}"
      claimant: Reporter
      claimedSubject: {column: sides, split: ",", slug: true}
      paraphrase: "{text}"
"""


def errors_of(text: str) -> list[str]:
    with pytest.raises(InputError) as failed:
        parse_mapping(text, display="m.yaml")
    return [str(d) for d in failed.value.diagnostics]


def test_a_row_becomes_entities_in_rule_order() -> None:
    plan = parse_mapping(TINY)
    mapped = plan.map_row({"id": "1", "sides": "IS, SDF", "text": "They fought."})
    assert [(e.rule.kind, e.data["id"]) for e in mapped.entities] == [
        ("actors", "is"),
        ("actors", "sdf"),
        ("claims", "c-1"),
    ]
    assert mapped.entities[2].data == {
        "id": "c-1",
        "claimant": "Reporter",
        "claimedSubject": ["is", "sdf"],
        "paraphrase": "They fought.",
    }


def test_known_shared_entities_are_not_computed_again() -> None:
    plan = parse_mapping(TINY)
    mapped = plan.map_row({"id": "2", "sides": "IS", "text": "x"}, seen={"is"})
    assert mapped.entities[0].known
    assert mapped.entities[0].data == {"id": "is"}


def test_an_empty_id_makes_the_row_unmappable() -> None:
    plan = parse_mapping(TINY)
    with pytest.raises(FieldProblem, match=r"entities\.1 \(claims\)\.fields\.id"):
        plan.map_row({"id": "", "sides": "IS", "text": "x"})


def test_missing_columns_are_found_once_per_input() -> None:
    plan = parse_mapping(TINY)
    assert plan.missing_columns({"id", "sides", "text"}) == []
    assert plan.missing_columns({"id", "sides"}) == [("text",)]


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("mapping-unknown-field.yaml", ":10:7: error entities.0.fields.claimnt: unknown field"),
        ("mapping-bad-kind.yaml", ":6:5: error entities.0.kind: 'claim' is not an entity kind"),
        ("mapping-bad-regex.yaml", ":12:11: error entities.0.fields.type.match.(Government"),
        ("mapping-bad-static.yaml", ":9:7: error static.actors.0.type:"),
    ],
)
def test_each_broken_mapping_is_reported_at_its_line(fixture: str, expected: str) -> None:
    with pytest.raises(InputError) as failed:
        load_mapping(FIXTURES / fixture)
    messages = [str(d) for d in failed.value.diagnostics]
    assert len(messages) == 1, messages
    assert messages[0].startswith("tests/fixtures/ingest/" + fixture) or fixture in messages[0]
    assert expected in messages[0]


def test_did_you_mean_for_fields_and_kinds() -> None:
    with pytest.raises(InputError) as failed:
        load_mapping(FIXTURES / "mapping-unknown-field.yaml")
    assert failed.value.diagnostics[0].hint == "did you mean 'claimant'?"
    with pytest.raises(InputError) as failed:
        load_mapping(FIXTURES / "mapping-bad-kind.yaml")
    assert "did you mean 'claims'?" in failed.value.diagnostics[0].message


def test_every_problem_is_reported_at_once() -> None:
    text = TINY.replace('label: "{item}"', 'lable: "{item}"').replace(
        'paraphrase: "{text}"', "paraphrase: {column: text, spilt: ','}"
    )
    found = errors_of(text)
    assert len(found) == 2
    assert "m.yaml:15:7: error entities.0.fields.lable: unknown field" in found[0]
    assert "m.yaml:21:34: error entities.1.fields.paraphrase.spilt: unknown key" in found[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mapping: 2\nname: x\nentities: []\n", "mapping: Input should be 1"),
        ("mapping: 1\nname: x\n", "entities: 'entities' is missing"),
        ("mapping: 1\nname: has space\nentities: []\n", "name: 'has space' must be"),
        ("mapping: 1\nname: x\nentitie: []\nentities: []\n", "entitie: unknown key"),
        ("- a list\n", "a mapping file is a YAML mapping"),
        ("mapping: 1\nname: [x\n", "YAML syntax error"),
        (
            "mapping: 1\nname: x\ninput: {encoding: klingon}\n"
            "entities: [{kind: actors, fields: {id: a}}]\n",
            "unknown encoding 'klingon'",
        ),
        (
            "mapping: 1\nname: x\nentities: [{kind: actors, fields: {label: a}}]\n",
            "a actors rule needs an 'id' field",
        ),
        (
            "mapping: 1\nname: x\nlet: {item: x}\nentities: [{kind: actors, fields: {id: a}}]\n",
            "'item' is reserved",
        ),
        (
            "mapping: 1\nname: x\ndataset: {licence: y}\n"
            "entities: [{kind: actors, fields: {id: a}}]\n",
            "dataset.licence: unknown key",
        ),
    ],
)
def test_malformed_mappings(text: str, expected: str) -> None:
    assert any(expected in message for message in errors_of(text)), errors_of(text)


def test_missing_mapping_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such mapping file"):
        load_mapping(tmp_path / "nope.yaml")


@pytest.mark.parametrize("name", ["ucdp-ged.yaml", "syrianarchive-russian-attacks.yaml"])
def test_bundled_mappings_compile(name: str) -> None:
    plan = load_mapping(MAPPINGS / name)
    assert plan.name == name.removesuffix(".yaml")
    assert plan.rules
    assert plan.sha256


def test_ucdp_mapping_turns_one_event_into_its_claims() -> None:
    plan = load_mapping(MAPPINGS / "ucdp-ged.yaml")
    row = {
        "id": 1, "source_article": "a:1", "source_date": "2021-02-22 00:00",
        "deaths_side_a": 0, "deaths_side_b": 2, "deaths_civilian": 1, "deaths_unknown": 0,
        "deaths_low": 3, "deaths_high": 5, "side_a_name": "Government of Eritrea, "
        "Government of Ethiopia", "side_b_name": "TPLF", "location_root_name": "Ethiopia",
        "location_adm1_name": "Tigray region", "location_adm2_name": "",
        "location_where_name": "Axum town", "start_date": "2021-02-20", "end_date": "2021-02-22",
    }  # fmt: skip
    entities = {e.data["id"]: e.data for e in plan.map_row(row).entities}
    assert {"government-of-eritrea", "government-of-ethiopia", "tplf"} <= set(entities)
    assert entities["government-of-eritrea"]["type"] == "State"
    assert entities["place.ethiopia.tigray-region.axum-town"]["within"] == (
        "place.ethiopia.tigray-region"
    )
    incident = entities["ged-1"]
    assert "date" not in incident
    assert (incident["earliestDate"], incident["latestDate"]) == ("2021-02-20", "2021-02-22")
    assert incident["eventType"] == "StateBasedViolence"
    figures = entities["ged-1.deaths"]["figures"]
    total = figures[0]
    assert (total["value"], total["min"], total["max"], total["approx"]) == (3, 3, 5, "Range")
    assert [f["measure"] for f in figures[1:]] == [
        "CivilianDeaths",
        "CombatantDeaths",
        "CombatantDeaths",
        "UnknownStatusDeaths",
    ]
    assert entities["ged-1.sides"]["claimedSubject"] == [
        "government-of-eritrea",
        "government-of-ethiopia",
        "tplf",
    ]
