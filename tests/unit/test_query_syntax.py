"""Syntax errors before anything is sent (issue 6): one line, with file, line and column."""

from __future__ import annotations

import pytest

from claimgraph.errors import InputError
from claimgraph.query import QueryForm, bundled_queries, check_syntax, prepare


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", QueryForm.SELECT),
        ("PREFIX cg: <https://w3id.org/claimgraph/ns#>\nASK { GRAPH ?g { ?c cg:rebuts ?x } }",
         QueryForm.ASK),
        ("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", QueryForm.GRAPH),
        ("DESCRIBE <https://w3id.org/claimgraph/id/seed/C01>", QueryForm.GRAPH),
    ],
)  # fmt: skip
def test_the_form_decides_the_output(text: str, form: QueryForm) -> None:
    assert check_syntax(text) is form


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SELECT ?s WHERE {\n  ?s ?p ?o } ; DROP ALL",
         "q.rq:2:20: SPARQL syntax error near 'DROP': "
         "expected one of HAVING, OFFSET, OPTIONAL, VALUES"),
        ("SELECT ?x WHERE { ?x foo:bar ?y }",
         "q.rq:1:29: SPARQL syntax error: undeclared prefix 'foo:' "
         "— add PREFIX foo: <…> before the query"),
        ("# a comment\n\nSELECT * WHERE { ?s ?p ?o",
         "q.rq:3:26: SPARQL syntax error near '?o': expected one of"),
        ("", "q.rq:1:1: SPARQL syntax error: unexpected input"),
        ("SELECT ?x WHERE { ?s ?p ?o } GROUP BY ?s",
         "q.rq:1:41: SPARQL syntax error near '?s': "
         "The SELECT contains a variable that is unbound"),
    ],
)  # fmt: skip
def test_syntax_errors_are_one_line_with_line_and_column(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        check_syntax(text, source="q.rq")
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)
    assert len(caught.value.diagnostics) == 1


UPDATES = [
    "INSERT DATA { <a:b> <a:b> <a:b> }",
    "DROP ALL",
    "CLEAR DEFAULT",
    "PREFIX x: <http://x/>\n# c\nDELETE WHERE { ?s ?p ?o }",
]


@pytest.mark.parametrize("update", UPDATES)
def test_updates_are_refused_as_what_they_are(update: str) -> None:
    with pytest.raises(InputError, match="is SPARQL Update, not a query: claimgraph query never"):
        check_syntax(update, source="q.rq")


def test_errors_point_into_the_file_as_written_not_the_bound_text() -> None:
    text = "# title: t\n# param x: string — x\nSELECT ?x WHERE {\n  VALUES ?x { UNDEF }\n  ?x ?p\n}"
    with pytest.raises(InputError, match=r"^f\.rq:6:2: "):
        prepare(text, source="f.rq", params={"x": ["a\nb\nc"]})


def test_every_bundled_query_parses() -> None:
    for query in bundled_queries():
        assert check_syntax(query.text, source=query.source) is QueryForm.SELECT
