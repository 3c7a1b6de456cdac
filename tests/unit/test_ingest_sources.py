"""Input readers: rows with the line they start on, unreadable rows reported, any text intact."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.ingest.sources import BadRow, Columns, Row, detect_format, read_rows

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SA_COLUMNS = [
    "record_id", "video_id", "url", "title", "uploaded", "uploader", "place_en", "place_ar",
    "lat", "lon", "description", "collection",
]  # fmt: skip


def test_headerless_csv_with_declared_columns_and_multiline_cells() -> None:
    items = list(
        read_rows(
            FIXTURES / "syrianarchive-sample.csv",
            "sa.csv",
            fmt="csv",
            header=False,
            columns=SA_COLUMNS,
        )
    )
    assert items[0] == Columns("sa.csv", tuple(SA_COLUMNS))
    rows = [i for i in items if isinstance(i, Row)]
    assert [r.line for r in rows] == [1, 2, 4, 5, 6, 8]
    assert rows[1].values["description"].endswith("town\nin the countryside of Idlib.")
    assert rows[1].values["lat"] == "35°47'25.65\"N"


def test_csv_with_header_and_a_row_of_the_wrong_width() -> None:
    items = list(
        read_rows(
            FIXTURES / "syrianarchive-wrong-cells.csv",
            "w.csv",
            fmt="csv",
            header=False,
            columns=SA_COLUMNS,
        )
    )
    bad = [i for i in items if isinstance(i, BadRow)]
    assert bad == [
        BadRow(
            "w.csv",
            4,
            "expected 12 cells, found 11 "
            "(a missing quote, or a delimiter inside an unquoted cell?)",
        )
    ]


def test_csv_header_names_columns(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("\n id , name\n\n1,a\r\n2,b\n", encoding="utf-8")
    items = list(read_rows(path, "x.csv", fmt="csv"))
    assert items[0] == Columns("x.csv", ("id", "name"))
    assert [(r.line, r.values) for r in items[1:] if isinstance(r, Row)] == [
        (4, {"id": "1", "name": "a"}),
        (5, {"id": "2", "name": "b"}),
    ]


def test_declared_columns_replace_a_header(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    items = list(read_rows(path, "x", fmt="csv", header=True, columns=["x", "y"], delimiter=";"))
    assert items == [Columns("x", ("x", "y")), Row("x", 2, {"x": "1", "y": "2"})]


def test_broken_quote_stops_the_file_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text('a,b\n1,"x"y\n', encoding="utf-8")
    items = list(read_rows(path, "x.csv", fmt="csv"))
    assert isinstance(items[-1], BadRow)
    assert items[-1].line == 2
    assert "CSV syntax error" in items[-1].reason


def test_json_lines_with_a_broken_record() -> None:
    items = list(read_rows(FIXTURES / "ucdp-bad-json.jsonl", "b.jsonl", fmt="jsonl"))
    assert isinstance(items[0], Columns)
    assert "side_a_name" in items[0].names
    assert [type(i).__name__ for i in items[1:]] == ["Row", "BadRow", "Row"]
    assert items[2] == BadRow(
        "b.jsonl", 2, "JSON syntax error at column 32: Unterminated string starting at"
    )
    assert isinstance(items[3], Row)
    assert items[3].line == 3


def test_json_lines_skip_blank_lines_and_reject_non_objects(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"id": 1}\n\n[1, 2]\n{"id": 2}', encoding="utf-8")
    items = list(read_rows(path, "x", fmt="jsonl"))
    assert items == [
        Columns("x", ("id",)),
        Row("x", 1, {"id": 1}),
        BadRow("x", 3, "a JSON Lines record must be an object {…}"),
        Row("x", 4, {"id": 2}),
    ]


def test_detect_format() -> None:
    assert detect_format(Path("a.JSONL"), "auto") == "jsonl"
    assert detect_format(Path("a.ndjson"), "auto") == "jsonl"
    assert detect_format(Path("a.csv"), "auto") == "csv"
    assert detect_format(Path("a.csv"), "jsonl") == "jsonl"


# --------------------------------------------------------------------------- properties

cells = st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"))
tables = st.lists(st.lists(cells, min_size=3, max_size=3), min_size=1, max_size=8)
_BREAK = re.compile(r"\r\n|\r|\n")


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=tables)
def test_any_text_survives_csv_with_the_line_it_starts_on(
    tmp_path: Path, table: list[list[str]]
) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n")
    starts = []
    for cells_ in table:
        starts.append(len(_BREAK.findall(buffer.getvalue())) + 1)
        writer.writerow(cells_)
    path = tmp_path / "p.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    rows = [
        i
        for i in read_rows(path, "p", fmt="csv", header=False, columns=["a", "b", "c"])
        if not isinstance(i, Columns)
    ]
    assert all(isinstance(r, Row) for r in rows)
    assert [
        [r.values["a"], r.values["b"], r.values["c"]] for r in rows if isinstance(r, Row)
    ] == table
    assert [r.line for r in rows] == starts


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    records=st.lists(
        st.dictionaries(st.text(min_size=1), cells, min_size=1), min_size=1, max_size=5
    )
)
def test_any_text_survives_json_lines(tmp_path: Path, records: list[dict[str, str]]) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    rows = [i for i in read_rows(path, "p", fmt="jsonl") if isinstance(i, Row)]
    assert [r.values for r in rows] == records
    assert [r.line for r in rows] == list(range(1, len(records) + 1))
