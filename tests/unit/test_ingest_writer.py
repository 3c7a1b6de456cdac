"""The dataset writer: YAML and JSON that read back exactly, chunks, and safe replacement."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.errors import ConfigError
from claimgraph.ingest.writer import MARKER, DatasetWriter, dump_json, dump_yaml, yaml_string
from claimgraph.readers import read_file

texts = st.text(alphabet=st.characters(exclude_categories=["Cs"]))


def _ruamel(text: str) -> object:
    from ruamel.yaml import YAML

    return YAML(typ="rt").load(text)


@given(texts)
def test_any_string_reads_back_from_yaml(text: str) -> None:
    assert _ruamel(f"key: {yaml_string(text)}\n") == {"key": text}


@pytest.mark.parametrize(
    "text",
    ["yes", "No", "null", "~", "2015-12-23", "12", "1e5", "a: b", "# x", "- x", "x ", "",
     "@x", "'x'", "\u2028", "\ufeff", "\x85", "شبكة حلب نيوز - Halab News Network", "A\n"],
)  # fmt: skip
def test_strings_yaml_would_misread_are_quoted(text: str) -> None:
    assert _ruamel(f"key: {yaml_string(text)}\n") == {"key": text}


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(label=texts.filter(str.strip), quote=texts.filter(str.strip))
def test_any_text_survives_into_claims_files_and_back_through_the_reader(
    tmp_path: Path, label: str, quote: str
) -> None:
    document = {
        "actors": [{"id": "a1", "label": {"ar": label}}],
        "claims": [{"id": "c1", "claimant": "a1", "quote": {"en": quote}}],
    }
    for name, text in (("x.yaml", dump_yaml(document)), ("x.json", dump_json(document))):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        raw = read_file(path)
        assert not raw.problems, raw.problems
        data = {e.data["id"]: e.data for e in raw.entries}
        assert data["a1"]["label"] == {"ar": label}
        assert data["c1"]["quote"] == {"en": quote}


def test_yaml_block_style_is_readable() -> None:
    document = {
        "events": [
            {
                "id": "ged-1",
                "label": "IS – SDF: Baghuz, 2021-02-22",
                "earliestDate": "2021-02-22",
                "figures": [{"measure": "Deaths", "value": 3, "min": Decimal("2.5")}],
                "coordinates": {"lat": Decimal("35.6478097"), "lon": Decimal("36.6679429")},
                "participant": [],
            }
        ]
    }
    assert dump_yaml(document) == (
        "events:\n"
        "  - id: ged-1\n"
        '    label: "IS – SDF: Baghuz, 2021-02-22"\n'
        '    earliestDate: "2021-02-22"\n'
        "    figures:\n"
        "      - measure: Deaths\n"
        "        value: 3\n"
        "        min: 2.5\n"
        "    coordinates:\n"
        "      lat: 35.6478097\n"
        "      lon: 36.6679429\n"
        "    participant: []\n"
    )


def test_json_has_one_entity_per_line_and_keeps_decimals() -> None:
    text = dump_json({"locations": [{"id": "p", "coordinates": {"lat": Decimal("35.10")}}]})
    assert text.splitlines()[2] == '{"id": "p", "coordinates": {"lat": "35.10"}}'
    assert json.loads(dump_json({"x": [{"v": Decimal("35.6478097")}]})) == {
        "x": [{"v": 35.6478097}]
    }


def test_writer_chunks_rows_and_orders_sections(tmp_path: Path) -> None:
    target = tmp_path / "out"
    writer = DatasetWriter(target, fmt="yaml", chunk_rows=2)
    for n in range(5):
        writer.add_row([("claims", {"id": f"c{n}"}), ("actors", {"id": f"a{n}"})])
    writer.write_manifest({"id": "demo"}, ["mapping: m.yaml"])
    writer.write_static({"actors": [{"id": "Reporter"}]})
    writer.commit()
    assert sorted(p.name for p in target.iterdir()) == [
        "dataset.yaml",
        "rows-000001.yaml",
        "rows-000002.yaml",
        "rows-000003.yaml",
        "static.yaml",
    ]
    first = (target / "rows-000001.yaml").read_text(encoding="utf-8")
    assert first.index("actors:") < first.index("claims:")
    assert (
        (target / "dataset.yaml")
        .read_text(encoding="utf-8")
        .startswith(f"{MARKER}\n# mapping: m.yaml\nid: demo\n")
    )
    assert writer.counts == {"claims": 5, "actors": 6}
    assert not list(tmp_path.glob(".out.*"))


def test_abort_leaves_the_target_as_it_was(tmp_path: Path) -> None:
    writer = DatasetWriter(tmp_path / "out", fmt="json", chunk_rows=1)
    writer.add_row([("claims", {"id": "c"})])
    writer.abort()
    assert list(tmp_path.iterdir()) == []


def test_a_directory_holding_other_work_is_never_replaced(tmp_path: Path) -> None:
    target = tmp_path / "work"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"is not empty$"):
        DatasetWriter(target, fmt="yaml", chunk_rows=10)
    with pytest.raises(ConfigError, match="not written by claimgraph import"):
        DatasetWriter(target, fmt="yaml", chunk_rows=10, overwrite=True)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a directory"):
        DatasetWriter(tmp_path / "file", fmt="yaml", chunk_rows=10)


def test_an_earlier_import_is_replaced_with_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "out"
    for rows in (3, 1):
        writer = DatasetWriter(target, fmt="yaml", chunk_rows=1, overwrite=True)
        for n in range(rows):
            writer.add_row([("claims", {"id": f"c{n}"})])
        writer.write_manifest({"id": "demo"}, [])
        writer.commit()
    assert sorted(p.name for p in target.iterdir()) == ["dataset.yaml", "rows-000001.yaml"]
    with pytest.raises(ConfigError, match="add --overwrite"):
        DatasetWriter(target, fmt="yaml", chunk_rows=1)
