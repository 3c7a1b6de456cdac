"""Result formats (issue 6): a table for people, the W3C formats for programs, Turtle for RDF."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.query import ResultFormat, compact, normalise, render
from claimgraph.query.results import to_oxigraph
from claimgraph.store import QueryResult, ResultKind

SEED = "https://w3id.org/claimgraph/id/seed/"
XSD = "http://www.w3.org/2001/XMLSchema#"

ROWS = QueryResult(
    ResultKind.BINDINGS,
    ("claim", "name", "min", "note"),
    (
        {
            "claim": {"type": "uri", "value": SEED + "C01"},
            "name": {"type": "literal", "value": "Amnesty International", "xml:lang": "en"},
            "min": {"type": "literal", "value": "100", "datatype": XSD + "decimal"},
            "note": {
                "type": "literal",
                "value": 'says "hundreds",\nnot 100',
                "datatype": XSD + "string",
            },
        },
        {
            "claim": {"type": "bnode", "value": "b0"},
            "min": {"type": "typed-literal", "value": "7", "datatype": XSD + "integer"},
        },
    ),
)


def test_normalise_evens_out_what_servers_may_vary() -> None:
    rows = normalise(ROWS).bindings
    assert rows[0]["note"] == {"type": "literal", "value": 'says "hundreds",\nnot 100'}
    assert rows[1]["min"] == {"type": "literal", "value": "7", "datatype": XSD + "integer"}
    listed_unbound = QueryResult(ResultKind.BINDINGS, ("a",), ({"a": {}},))
    assert normalise(listed_unbound).bindings == ({},)


def test_json_is_the_sparql_results_json_document() -> None:
    document = json.loads(render(ROWS, ResultFormat.JSON))
    assert document == {
        "head": {"vars": ["claim", "name", "min", "note"]},
        "results": {
            "bindings": [
                {
                    "claim": {"type": "uri", "value": SEED + "C01"},
                    "name": {"type": "literal", "value": "Amnesty International", "xml:lang": "en"},
                    "min": {"type": "literal", "value": "100", "datatype": XSD + "decimal"},
                    "note": {"type": "literal", "value": 'says "hundreds",\nnot 100'},
                },
                {
                    "claim": {"type": "bnode", "value": "b0"},
                    "min": {"type": "literal", "value": "7", "datatype": XSD + "integer"},
                },
            ]
        },
    }  # fmt: skip
    parsed = ox.parse_query_results(render(ROWS, ResultFormat.JSON), ox.QueryResultsFormat.JSON)
    assert isinstance(parsed, ox.QuerySolutions)
    assert len(list(parsed)) == 2


def test_csv_is_the_w3c_csv_results_format() -> None:
    text = render(ROWS, ResultFormat.CSV)
    assert text.startswith("claim,name,min,note\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows == [
        ["claim", "name", "min", "note"],
        [SEED + "C01", "Amnesty International", "100", 'says "hundreds",\nnot 100'],
        ["_:b0", "", "7", ""],
    ]


def test_tsv_is_the_w3c_tsv_results_format_and_reads_back() -> None:
    text = render(ROWS, ResultFormat.TSV)
    assert text.splitlines()[0] == "?claim\t?name\t?min\t?note"
    assert f'<{SEED}C01>\t"Amnesty International"@en\t' in text
    parsed = ox.parse_query_results(text, ox.QueryResultsFormat.TSV)
    assert isinstance(parsed, ox.QuerySolutions)
    first = next(iter(parsed))
    assert first["note"] == ox.Literal('says "hundreds",\nnot 100')
    assert first["min"] == ox.Literal("100", datatype=ox.NamedNode(XSD + "decimal"))


LITERALS = st.builds(
    lambda text, lang: {"type": "literal", "value": text, **({"xml:lang": lang} if lang else {})},
    st.text(st.characters(exclude_categories=["Cs"])),
    st.sampled_from([None, "en", "ar", "pt-br"]),
)


@settings(max_examples=80, deadline=None)
@given(values=st.lists(LITERALS, min_size=1, max_size=4))
def test_any_text_survives_every_results_format(values: list[dict[str, str]]) -> None:
    result = QueryResult(ResultKind.BINDINGS, ("v",), tuple({"v": v} for v in values))
    expected = [to_oxigraph(v) for v in values]
    for fmt, parser in (
        (ResultFormat.JSON, ox.QueryResultsFormat.JSON),
        (ResultFormat.TSV, ox.QueryResultsFormat.TSV),
    ):
        parsed = ox.parse_query_results(render(result, fmt), parser)
        assert isinstance(parsed, ox.QuerySolutions)
        assert [solution["v"] for solution in parsed] == expected, fmt
    table = render(result, ResultFormat.TABLE, width=80)
    assert table.endswith(f"({len(values)} row{'' if len(values) == 1 else 's'})\n")
    assert len(table.splitlines()) == len(values) + 3  # a value never breaks a table line


def test_table_aligns_compacts_and_cuts_long_text() -> None:
    long = QueryResult(
        ResultKind.BINDINGS,
        ("claim", "text", "n"),
        (
            {"claim": {"type": "uri", "value": SEED + "C01"},
             "text": {"type": "literal", "value": "x" * 100},
             "n": {"type": "literal", "value": "16", "datatype": XSD + "integer"}},
            {"claim": {"type": "uri", "value": "https://w3id.org/claimgraph/vocab#Asserted"},
             "n": {"type": "literal", "value": "100", "datatype": XSD + "integer"}},
        ),
    )  # fmt: skip
    lines = render(long, ResultFormat.TABLE, width=60).splitlines()
    assert lines[0].split() == ["claim", "text", "n"]
    assert lines[2].startswith("seed:C01      xxx")
    assert lines[2].endswith("…   16")  # cut to fit 60 columns; numbers right-aligned
    assert max(len(line) for line in lines) <= 60
    assert lines[3].startswith("cgv:Asserted")
    assert lines[-1] == "(2 rows)"


def test_ask_is_true_or_false_and_json_keeps_the_boolean_document() -> None:
    yes = QueryResult(ResultKind.BOOLEAN, boolean=True)
    no = QueryResult(ResultKind.BOOLEAN, boolean=False)
    assert render(yes, ResultFormat.TABLE) == "true\n"
    assert render(no, ResultFormat.CSV) == "false\n"
    assert json.loads(render(no, ResultFormat.JSON)) == {"head": {}, "boolean": False}


def test_construct_results_are_sorted_turtle_with_the_prefixes_they_use() -> None:
    ntriples = (
        f"<{SEED}C02> <https://w3id.org/claimgraph/ns#claimant> <{SEED}AI> .\n"
        f'<{SEED}C01> <http://www.w3.org/2000/01/rdf-schema#label> "a \\"quoted\\" label"@en .\n'
        f"<{SEED}C01> <https://w3id.org/claimgraph/ns#claimant> <{SEED}AI> .\n"
    ).encode()
    text = render(QueryResult(ResultKind.GRAPH, rdf=ntriples), ResultFormat.TURTLE)
    assert "@prefix seed: <https://w3id.org/claimgraph/id/seed/> ." in text
    assert "@prefix cg: <https://w3id.org/claimgraph/ns#> ." in text
    assert "wd:" not in text
    assert "skos:" not in text
    assert text.index("seed:C01") < text.index("seed:C02")
    strict = sorted(str(q.triple) for q in ox.parse(text.encode(), format=ox.RdfFormat.TURTLE))
    original = sorted(str(q.triple) for q in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))
    assert strict == original


def test_turtle_is_only_for_graph_results() -> None:
    with pytest.raises(ValueError, match="CONSTRUCT and DESCRIBE"):
        render(ROWS, ResultFormat.TURTLE)


@pytest.mark.parametrize(
    ("iri", "shown"),
    [
        (SEED + "C01", "seed:C01"),
        ("https://w3id.org/claimgraph/id/incidents/K1", "incidents:K1"),
        ("https://w3id.org/claimgraph/id/graph/seed", "https://w3id.org/claimgraph/id/graph/seed"),
        ("http://www.wikidata.org/entity/Q42970", "wd:Q42970"),
        ("https://w3id.org/claimgraph/ns#Claim", "cg:Claim"),
        ("http://example.org/x", "http://example.org/x"),
    ],
)
def test_compact_iris_for_the_table(iri: str, shown: str) -> None:
    assert compact(iri) == shown
