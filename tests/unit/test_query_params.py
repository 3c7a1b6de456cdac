"""Query parameters (issue 6): typed by the header, bound as RDF terms, never pasted as text."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from claimgraph.errors import ConfigError, InputError
from claimgraph.namespaces import PREFIXES
from claimgraph.query import bundled_queries, parse_header, prepare
from claimgraph.query.params import (
    VALUE_PREFIXES,
    ParamError,
    ParamType,
    bind_values,
    expand_iri,
    infer_term,
    parameter_lines,
)

XSD = "http://www.w3.org/2001/XMLSchema#"


def test_value_prefixes_agree_with_the_project_prefixes() -> None:
    assert {k: PREFIXES[k] for k in VALUE_PREFIXES} == VALUE_PREFIXES


@pytest.mark.parametrize(
    ("spec", "value", "expected"),
    [
        ("iri", "wd:Q42970", ox.NamedNode("http://www.wikidata.org/entity/Q42970")),
        ("iri", "seed:C01", ox.NamedNode("https://w3id.org/claimgraph/id/seed/C01")),
        ("iri", "cg:Incident", ox.NamedNode("https://w3id.org/claimgraph/ns#Incident")),
        ("iri", "<urn:x:1>", ox.NamedNode("urn:x:1")),
        ("iri", "urn:isbn:123", ox.NamedNode("urn:isbn:123")),
        ("iri", "https://example.org/a?b=1#c", ox.NamedNode("https://example.org/a?b=1#c")),
        ("date", "2015-12-01", ox.Literal("2015-12-01", datatype=ox.NamedNode(XSD + "date"))),
        ("integer", "+07", ox.Literal("7", datatype=ox.NamedNode(XSD + "integer"))),
        ("decimal", "16.5", ox.Literal("16.5", datatype=ox.NamedNode(XSD + "decimal"))),
        ("boolean", "1", ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean"))),
        ("dateTime", "2015-12-23T10:00:00Z",
         ox.Literal("2015-12-23T10:00:00Z", datatype=ox.NamedNode(XSD + "dateTime"))),
        ("gYear", "2015", ox.Literal("2015", datatype=ox.NamedNode(XSD + "gYear"))),
        ("string", "Syria", ox.Literal("Syria")),
        ("text@ar", "سوريا", ox.Literal("سوريا", language="ar")),
        ("xsd:gYearMonth", "2015-12",
         ox.Literal("2015-12", datatype=ox.NamedNode(XSD + "gYearMonth"))),
        ("string(linked|unlinked)", "linked", ox.Literal("linked")),
    ],
)  # fmt: skip
def test_values_become_terms_of_the_declared_type(spec: str, value: str, expected: object) -> None:
    assert ParamType.parse(spec).term(value) == expected


@pytest.mark.parametrize(
    ("spec", "value", "message"),
    [
        ("date", "yesterday", "not an xsd:date (e.g. 2015-12-01)"),
        ("date", "2015-02-30", "not an xsd:date"),
        ("date", "20151201", "not an xsd:date"),
        ("integer", "1e3", "not an xsd:integer"),
        ("boolean", "maybe", "not an xsd:boolean"),
        ("iri", "http://x/> } ; DROP ALL ; {", "is not an IRI"),
        ("iri", "http://x/a b", "is not an IRI"),
        ("iri", "http://x/{y}", "is not an IRI"),
        ("iri", 'http://x/"', "is not an IRI"),
        ("iri", "relative/path", "is not an IRI"),
        ("iri", "nosuchprefix", "is not an IRI"),
        ("string(linked|unlinked)", "all", "is not one of linked, unlinked"),
        ("string", "\ud800", "not valid Unicode"),
    ],
)
def test_values_that_do_not_fit_are_refused(spec: str, value: str, message: str) -> None:
    with pytest.raises(ParamError, match=message.replace("(", r"\(").replace(")", r"\)")):
        ParamType.parse(spec).term(value)


@pytest.mark.parametrize("spec", ["uri", "text@", "text@en}", "string()", "iri(a|b)", "a date"])
def test_unknown_types_are_refused(spec: str) -> None:
    with pytest.raises(ParamError):
        ParamType.parse(spec)


def test_expand_iri_does_not_read_schemes_as_datasets() -> None:
    assert expand_iri("mailto:someone@example.org") == "mailto:someone@example.org"
    assert expand_iri("graph:x") == "graph:x"  # a reserved id is no dataset


def test_inferred_terms_for_parameters_no_header_declares() -> None:
    assert infer_term("<http://a/b>") == ox.NamedNode("http://a/b")
    assert infer_term("https://a/b") == ox.NamedNode("https://a/b")
    assert infer_term("-3") == ox.Literal("-3", datatype=ox.NamedNode(XSD + "integer"))
    assert infer_term("seed:C01") == ox.Literal("seed:C01")  # not a known prefix: text
    assert infer_term("2015") == ox.Literal("2015", datatype=ox.NamedNode(XSD + "integer"))


QUERY = """# title: t
# param since: date — From this day.
# param who: iri = wd:Q159 — Whom.
SELECT ?who ?since WHERE {
  VALUES ?since { UNDEF }
    VALUES ?who { UNDEF }
}
"""


def test_parameter_lines_are_found_with_their_line_numbers() -> None:
    assert parameter_lines(QUERY) == {"since": 5, "who": 6}
    assert parameter_lines("# VALUES ?x { UNDEF }\nSELECT * {}") == {}


def test_bound_in_place_keeping_indentation_and_lines() -> None:
    bound = bind_values(
        QUERY, {"since": [ox.Literal("2015-12-01", datatype=ox.NamedNode(XSD + "date"))]}
    )
    lines = bound.splitlines()
    assert lines[4] == '  VALUES ?since { "2015-12-01"^^<http://www.w3.org/2001/XMLSchema#date> }'
    assert lines[5] == "    VALUES ?who { UNDEF }"
    assert len(lines) == len(QUERY.splitlines())


def test_several_values_give_several_rows() -> None:
    bound = bind_values(QUERY, {"who": [ox.NamedNode("http://a/1"), ox.NamedNode("http://a/2")]})
    assert "VALUES ?who { <http://a/1> <http://a/2> }" in bound


def test_parameters_without_a_line_go_into_one_trailing_values_clause() -> None:
    text = "SELECT ?a ?b WHERE { ?a ?p ?b } # a comment at the end"
    bound = bind_values(
        text, {"a": [ox.NamedNode("http://a/")], "b": [ox.Literal("1"), ox.Literal("2")]}
    )
    assert bound == text + '\nVALUES (?a ?b) { (<http://a/> "1") (<http://a/> "2") }\n'
    solutions = ox.Store().query(bound)
    assert isinstance(solutions, ox.QuerySolutions)
    rows = list(solutions)
    assert rows == []  # an empty store; the point is that it parses despite the comment


def test_only_rdf_terms_are_bound() -> None:
    with pytest.raises(TypeError):
        bind_values(QUERY, {"since": ["2015-12-01"]})  # type: ignore[list-item]
    with pytest.raises(ParamError):
        bind_values(QUERY, {"x y": [ox.Literal("1")]})


def test_prepare_types_by_the_header_and_applies_defaults() -> None:
    prepared = prepare(QUERY, params={"since": ["2015-12-01"]})
    solutions = ox.Store().query(prepared.text)
    assert isinstance(solutions, ox.QuerySolutions)
    rows = list(solutions)
    assert [(r["who"], r["since"]) for r in rows] == [
        (ox.NamedNode("http://www.wikidata.org/entity/Q159"),
         ox.Literal("2015-12-01", datatype=ox.NamedNode(XSD + "date"))),
    ]  # fmt: skip


def test_prepare_refuses_unknown_parameters_with_a_suggestion() -> None:
    with pytest.raises(ConfigError, match=r"no parameter 'sinse' \(did you mean 'since'\?"):
        prepare(QUERY, source="q.rq", params={"sinse": ["2015-12-01"]})


def test_prepare_names_the_parameter_and_its_type_in_value_errors() -> None:
    with pytest.raises(ConfigError, match=r"--param since \(date\): 'soon' is not an xsd:date"):
        prepare(QUERY, params={"since": ["soon"]})


def test_header_parses_titles_parameters_and_notes() -> None:
    header = parse_header(QUERY.replace("# title: t", "# title: t\n# A note.\n# example: -p a=b"))
    assert header.title == "t"
    assert [(p.name, p.type.spec, p.default, p.description) for p in header.params] == [
        ("since", "date", None, "From this day."),
        ("who", "iri", "wd:Q159", "Whom."),
    ]
    assert header.notes == ("A note.",)
    assert header.examples == ("-p a=b",)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("# param x: nonsense — d", "q.rq:2:1: parameter 'x': unknown parameter type 'nonsense'"),
        (
            "# param x: date = tomorrow — d",
            "q.rq:2:1: parameter 'x': 'tomorrow' is not an xsd:date",
        ),
        ("# param x-y: iri — d", "q.rq:2:1: 'x-y' is not a parameter name"),
        ("# param x: — d", "q.rq:2:1: malformed parameter 'x'"),
    ],
)
def test_header_errors_point_at_their_line(line: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_header(f"# title: t\n{line}\nSELECT * {{}}", source="q.rq")
    assert str(caught.value).startswith(message)


def test_every_bundled_default_fits_its_type() -> None:
    for query in bundled_queries():
        for param in query.header.params:
            param.default_term()
