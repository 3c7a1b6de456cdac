"""Value specs: operators, modifiers and their order, errors at compile and at run time."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from claimgraph.ingest.ops import FieldProblem, RowScope
from claimgraph.ingest.specs import Compiler, SpecError


def value(spec: Any, **row: Any) -> Any:
    """Compile ``spec`` and evaluate it on one row."""
    return Compiler().value(spec, ("f",))(RowScope(dict(row)))


def test_strings_are_constants_or_templates() -> None:
    assert value("Incident") == "Incident"
    assert value("ged-{id}", id=7) == "ged-7"
    assert value("{{literal}}") == "{literal}"
    assert value("{a} and {b}", a="x", b=" y ") == "x and y"


def test_a_template_with_an_empty_value_gives_nothing() -> None:
    assert value("{where}, {country}", where="", country="Syria") is None
    assert value("{missing}") is None


def test_template_filters() -> None:
    assert value("{name|slug}", name="Government of Syria") == "government-of-syria"
    assert value("{name|upper}-{name|lower}", name="Ab") == "AB-ab"


def test_column_alternatives_take_the_first_non_empty() -> None:
    spec = {"column": ["side_a_name", "side_a"]}
    assert value(spec, side_a="IS") == "IS"
    assert value(spec, side_a_name="SDF", side_a="IS") == "SDF"
    assert value(spec, side_a_name="", side_a="IS") == "IS"
    assert value(spec) is None


def test_lists_concatenate_and_drop_empty_items() -> None:
    spec = [{"column": "a", "split": ","}, {"column": "b", "split": ","}, "{c}"]
    assert value(spec, a="x, y", b="z", c="") == ["x", "y", "z"]
    assert value([{"column": "a"}], a="") is None


def test_split_then_slug_each_part() -> None:
    spec = {"column": "sides", "split": ",", "slug": True}
    assert value(spec, sides="Los Chone Killers , Los Lobos ,, Los Pipos") == [
        "los-chone-killers",
        "los-lobos",
        "los-pipos",
    ]


def test_format_applies_to_each_value() -> None:
    spec = {"column": "ids", "split": "|", "format": "actor-{value}"}
    assert value(spec, ids="a|b") == ["actor-a", "actor-b"]


def test_value_maps_are_exact_and_strict() -> None:
    spec = {"column": "tov", "map": {1: "StateBasedViolence", 3: "OneSidedViolence"}}
    assert value(spec, tov=1) == "StateBasedViolence"
    assert value(spec, tov=" 3 ") == "OneSidedViolence"
    with pytest.raises(FieldProblem, match="'2' is not in the value map"):
        value(spec, tov="2")
    assert value({**spec, "default": "Other"}, tov="2") == "Other"


def test_match_takes_the_first_pattern_found() -> None:
    spec = {
        "column": "name",
        "match": {"^Government of ": "State", "^Civilians$": "CollectiveActor"},
        "default": "NonStateArmedGroup",
    }
    assert value(spec, name="Government of Syria") == "State"
    assert value(spec, name="Civilians") == "CollectiveActor"
    assert value(spec, name="IS") == "NonStateArmedGroup"
    assert value({"column": "t", "match": {"يزعم|(?i:allegedly)": "Possible"}}, t="x") is None


def test_numbers_sums_and_equality() -> None:
    assert value({"column": "n", "number": True}, n="1,200") == 1200
    assert value({"sum": ["{a}", "{b}", {"column": "c"}]}, a=1, b="2", c="") == 3
    assert value({"sum": ["{a}"]}) is None
    spec = {"equals": ["{low}", "{high}"], "then": "Exact", "else": "Range"}
    assert value(spec, low=3, high="3") == "Exact"
    assert value(spec, low=3, high=5) == "Range"


def test_coalesce_and_const() -> None:
    assert value({"coalesce": ["{best}", {"const": 0}]}, best="") == 0
    assert value({"coalesce": ["{best}", "{low}"]}, best="", low="2") == "2"


def test_when_and_unless_decide_before_anything_is_computed() -> None:
    spec = {"column": "d", "date": "iso", "when": "{ok}"}
    assert value(spec, d="not a date", ok="") is None
    assert value({"const": "UnknownDate", "unless": "{d}"}, d="2015") is None
    assert value({"const": "UnknownDate", "unless": "{d}"}, d="") == "UnknownDate"


def test_objects_drop_empty_fields_and_vanish_when_empty() -> None:
    spec = {
        "lat": {"column": "lat", "coordinate": "lat"},
        "lon": {"column": "lon", "coordinate": "lon"},
    }
    assert value(spec, lat="35°47'25.65\"N", lon="36.5") == {
        "lat": Decimal("35.7904583"),
        "lon": Decimal("36.5"),
    }
    assert value(spec, lat="", lon="") is None
    wrapped = {"object": {"measure": "Deaths", "value": "{n}"}, "when": "{n}"}
    assert value(wrapped, n="") is None
    assert value(wrapped, n=0) == {"measure": "Deaths", "value": "0"}


def test_lang_tags_text() -> None:
    assert value({"column": "t", "lang": "ar"}, t=" عنوان ") == {"ar": "عنوان"}
    assert value({"column": "t", "split": ";", "lang": "en"}, t="a;b") == [{"en": "a"}, {"en": "b"}]


def test_dates_in_specs() -> None:
    assert (
        value({"column": "d", "date": {"precision": "day"}}, d="2021-02-22 00:00") == "2021-02-22"
    )
    assert value({"column": "d", "date": {"format": "%d/%m/%Y"}}, d="23/12/2015") == "2015-12-23"
    bounded = {
        "column": "t",
        "date": {"search": "dmy", "earliest": "2015-09-30", "latest": "{up}"},
    }
    assert value(bounded, t="x 15 11 2015", up="2016-01-01") == "2015-11-15"
    assert value(bounded, t="no date", up="2016-01-01") is None
    with pytest.raises(FieldProblem, match="after the latest allowed date 2015-11-01"):
        value(bounded, t="x 15 11 2015", up="2015-11-01")


def test_on_error_fail_warn_omit() -> None:
    spec: dict[str, Any] = {"column": "lat", "coordinate": "lat"}
    with pytest.raises(FieldProblem) as failed:
        value(spec, lat="95N")
    assert failed.value.where == "f"
    assert "out of range" in failed.value.message
    scope = RowScope({"lat": "95N"})
    assert Compiler().value({**spec, "on_error": "warn"}, ("f",))(scope) is None
    assert len(scope.warnings) == 1
    assert "(left out)" in scope.warnings[0]
    scope = RowScope({"lat": "95N"})
    assert Compiler().value({**spec, "on_error": "omit"}, ("f",))(scope) is None
    assert scope.warnings == []


def test_required_values() -> None:
    with pytest.raises(FieldProblem, match="it is required"):
        value({"column": "id", "required": True}, id=" ")


def test_a_template_cannot_hold_a_list() -> None:
    with pytest.raises(FieldProblem, match="several values"):
        value({"template": "{sides}", "required": True}, sides=["a", "b"])


@pytest.mark.parametrize(
    ("spec", "path", "message"),
    [
        ({"column": "a", "template": "b"}, ("f",), "one operator"),
        ({"column": "a", "splitt": ","}, ("f", "splitt"), "unknown key 'splitt'"),
        ({"column": "a", "map": {"x": 1}, "match": {"y": 2}}, ("f",), "not both"),
        ({"column": "a", "match": {"(": 1}}, ("f", "match", "("), "bad regular expression"),
        ({"column": "a", "default": 1}, ("f", "default"), "goes with 'map' or 'match'"),
        ({"column": "a", "coordinate": "x"}, ("f", "coordinate"), "lat or lon"),
        ({"column": "a", "number": True, "date": "iso"}, ("f",), "parsed once"),
        ({"column": "a", "date": {"serch": "dmy"}}, ("f", "date", "serch"), "unknown date option"),
        ({"column": "a", "lang": "english!"}, ("f", "lang"), "language tag"),
        ({"column": "a", "on_error": "ignore"}, ("f", "on_error"), "fail, warn or omit"),
        ({"column": []}, ("f", "column"), "column name"),
        ("{a|shout}", ("f",), "unknown template filter"),
        ("{a!r}", ("f",), "only"),
        ("{a", ("f",), "bad template"),
        ({"sum": "a"}, ("f", "sum"), "list of values"),
    ],
)
def test_mistakes_are_found_when_compiling(spec: Any, path: tuple[str, ...], message: str) -> None:
    with pytest.raises(SpecError, match=message) as found:
        Compiler().value(spec, ("f",))
    assert found.value.path == path


def test_the_compiler_records_the_names_specs_read() -> None:
    compiler = Compiler()
    compiler.value({"column": ["a", "b"], "format": "x-{value}"}, ("f",))
    compiler.value("{c|slug}-{d}", ("g",))
    assert ("a", "b") in compiler.references
    assert ("c",) in compiler.references
    assert "value" in compiler.known
