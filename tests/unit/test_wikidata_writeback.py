"""Write-back keeps every byte of the user's file outside the lines that gain a link."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.helpers.wikidata_standin import FIXTURES

from claimgraph.errors import InputError
from claimgraph.wikidata.csvedit import edit_csv
from claimgraph.wikidata.writeback import LinkEdit, edit_yaml, plain, write_links

ACTORS = (FIXTURES / "dataset" / "actors.yaml").read_text(encoding="utf-8")


def edits(path: str, *pairs: tuple[str, str], key: str = "actors") -> list[LinkEdit]:
    return [LinkEdit(Path(path), key, entity, value) for entity, value in pairs]


def changed_lines(before: str, after: str) -> list[tuple[str, list[str], list[str]]]:
    """The diff as (operation, old lines, new lines), equal stretches left out."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [
        (op, old[i1:i2], new[j1:j2])
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
    ]


def test_issue_7_yaml_comments_and_layout_survive_byte_for_byte() -> None:
    wanted = edits("actors.yaml", ("UnitedKingdom", "Q145"), ("USAF", "Q11223"), ("France", "Q142"))
    text, conflicts = edit_yaml(ACTORS, wanted, display="actors.yaml")
    assert conflicts == []
    assert changed_lines(ACTORS, text) == [
        ("insert", [], ["    wikidata: Q145\n"]),
        ("insert", [], ["    wikidata: Q11223\n"]),
        (
            "replace",
            ['  - {id: France, type: State, label: "France"}   # flow style: the link goes '
             "inside the braces\n"],
            ['  - {id: France, wikidata: Q142, type: State, label: "France"}   # flow style: '
             "the link goes inside the braces\n"],
        ),
    ]  # fmt: skip
    lines = text.splitlines()
    assert lines[lines.index("    wikidata: Q145") - 1].endswith("# flow mapping, Arabic text")
    assert lines[lines.index("    wikidata: Q11223") + 1] == "    note: >-"


def test_a_confirmed_miss_is_written_as_none() -> None:
    text, _ = edit_yaml(ACTORS, edits("a.yaml", ("USAF", "none")), display="a.yaml")
    assert "    wikidata: none\n" in text
    assert plain_doc(text)["actors"][1]["wikidata"] == "none"


def plain_doc(text: str) -> dict:  # type: ignore[type-arg]
    from ruamel.yaml import YAML

    return plain(YAML(typ="rt").load(text))  # type: ignore[no-any-return]


def test_existing_different_link_is_a_conflict_unless_replacing() -> None:
    wanted = edits("a.yaml", ("Russia", "Q2184"))
    text, conflicts = edit_yaml(ACTORS, wanted, display="a.yaml")
    assert text == ACTORS
    assert [why for _, why in conflicts] == ["already linked to Q159"]
    forced = [LinkEdit(Path("a.yaml"), "actors", "Russia", "Q2184", replace=True)]
    text, conflicts = edit_yaml(ACTORS, forced, display="a.yaml")
    assert conflicts == []
    assert changed_lines(ACTORS, text) == [
        (
            "replace",
            ["    wikidata: Q159      # already linked: never searched\n"],
            ["    wikidata: Q2184      # already linked: never searched\n"],
        )
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("    wikidata:\n", "    wikidata: Q1\n"),
        ("    wikidata: ~   # to do\n", "    wikidata: Q1   # to do\n"),
        ("    wikidata:    # to do\n", "    wikidata: Q1    # to do\n"),
        ('    wikidata: ""\n', "    wikidata: Q1\n"),
        ("    wikidata: null\n", "    wikidata: Q1\n"),
    ],
)
def test_an_empty_value_is_filled_in_place(line: str, expected: str) -> None:
    text = "actors:\n  - id: A\n" + line + "    label: A\n"
    new, _ = edit_yaml(text, edits("a.yaml", ("A", "Q1")), display="a.yaml")
    assert new == "actors:\n  - id: A\n" + expected + "    label: A\n"


def test_last_entity_of_a_file_without_final_newline() -> None:
    text = "actors:\n  - id: A\n    label: A"
    new, _ = edit_yaml(text, edits("a.yaml", ("A", "Q1")), display="a.yaml")
    assert new == "actors:\n  - id: A\n    label: A\n    wikidata: Q1"


def test_crlf_line_endings_are_kept() -> None:
    text = "actors:\r\n  - id: A\r\n    label: A\r\n\r\nevents:\r\n  - id: E\r\n"
    new, _ = edit_yaml(text, edits("a.yaml", ("A", "Q1")), display="a.yaml")
    expected = "actors:\r\n  - id: A\r\n    label: A\r\n    wikidata: Q1\r\n\r\nevents:\r\n"
    assert new == expected + "  - id: E\r\n"


def test_link_goes_before_comments_that_introduce_the_next_section() -> None:
    text = (
        "actors:\n"
        "  - id: A\n"
        "    label:\n"
        "      en: A\n"
        "      ar: ب\n"
        "\n"
        "# places follow\n"
        "locations:\n"
        "  - id: P\n"
    )
    new, _ = edit_yaml(text, edits("a.yaml", ("A", "Q1")), display="a.yaml")
    assert new == text.replace("      ar: ب\n", "      ar: ب\n    wikidata: Q1\n")


def test_json_objects_gain_a_member_after_the_id() -> None:
    document = {"actors": [{"id": "A", "label": "A"}, {"id": "B", "wikidata": None}]}
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    wanted = edits("a.json", ("A", "Q1"), ("B", "Q2"))
    new, _ = edit_yaml(text, wanted, display="a.json")
    assert json.loads(new) == {
        "actors": [
            {"id": "A", "wikidata": "Q1", "label": "A"},
            {"id": "B", "wikidata": "Q2"},
        ]
    }
    assert changed_lines(text, new) == [
        ("replace", ['      "id": "A",\n'], ['      "id": "A", "wikidata": "Q1",\n']),
        ("replace", ['      "wikidata": null\n'], ['      "wikidata": "Q2"\n']),
    ]


def test_minified_json_with_two_entities_on_one_line() -> None:
    text = '{"actors": [{"id": "A"}, {"id": "B"}]}'
    new, _ = edit_yaml(text, edits("a.json", ("A", "Q1"), ("B", "Q2")), display="a.json")
    assert new == '{"actors": [{"id": "A", "wikidata": "Q1"}, {"id": "B", "wikidata": "Q2"}]}'


def test_unknown_entity_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no entity 'Nope' under 'actors'"):
        edit_yaml(ACTORS, edits("a.yaml", ("Nope", "Q1")), display="a.yaml")


def test_csv_gains_a_wikidata_column() -> None:
    text = 'id,type,label\r\nA,State,"Alpha, the first"\r\nB,State,Beta\r\n'
    new, _ = edit_csv(text, edits("x.actors.csv", ("A", "Q1")), display="x.actors.csv")
    assert new == 'id,type,label,wikidata\r\nA,State,"Alpha, the first",Q1\r\nB,State,Beta,\r\n'


def test_csv_cell_is_filled_and_only_that_record_rewritten() -> None:
    text = 'id,wikidata,note\nA,,"keeps ""quotes"""\nB,,"two\nlines"\nC,Q3,x\n'
    new, conflicts = edit_csv(text, edits("a.csv", ("B", "Q2"), ("C", "Q4")), display="a.csv")
    assert new == 'id,wikidata,note\nA,,"keeps ""quotes"""\nB,Q2,"two\nlines"\nC,Q3,x\n'
    assert [why for _, why in conflicts] == ["already linked to Q3"]


def test_csv_byte_order_mark_and_missing_final_newline_are_kept() -> None:
    text = "\ufeffid,label\nA,Alpha"
    new, _ = edit_csv(text, edits("a.csv", ("A", "Q1")), display="a.csv")
    assert new == "\ufeffid,label,wikidata\nA,Alpha,Q1"


def test_write_links_replaces_files_and_keeps_their_mode(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(ACTORS, encoding="utf-8")
    path.chmod(0o640)
    result = write_links(edits(str(path), ("UnitedKingdom", "Q145")))
    assert result.changed == (path,)
    assert path.stat().st_mode & 0o777 == 0o640
    assert "    wikidata: Q145\n" in path.read_text(encoding="utf-8")
    assert write_links(edits(str(path), ("UnitedKingdom", "Q145"))).changed == ()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actors.yaml"]


_comment = st.text(alphabet="abc xyz:#-'\"", max_size=20).map(lambda t: f"# {t}".rstrip())
_gap = st.lists(st.one_of(st.just(""), _comment), max_size=2)


@settings(max_examples=60, deadline=None)
@given(
    gaps=st.lists(_gap, min_size=3, max_size=3),
    quoted=st.booleans(),
    trailing=st.sampled_from(["", "  # end", "   # x: y"]),
    target=st.integers(min_value=0, max_value=2),
)
def test_property_only_one_line_is_added(
    gaps: list[list[str]], quoted: bool, trailing: str, target: int
) -> None:
    """Whatever comments and blank lines surround the entities, only the link line is added."""
    lines = ["actors:"]
    for number, gap in enumerate(gaps):
        label = f"'Name {number}'" if quoted else f"Name {number}"
        lines += [f"  - id: E{number}{trailing}", f"    label: {label}", *[f"  {g}" for g in gap]]
    text = "\n".join(lines) + "\n"
    new, _ = edit_yaml(text, edits("a.yaml", (f"E{target}", "Q7")), display="a.yaml")
    assert changed_lines(text, new) == [("insert", [], ["    wikidata: Q7\n"])]
    assert plain_doc(new)["actors"][target]["wikidata"] == "Q7"
