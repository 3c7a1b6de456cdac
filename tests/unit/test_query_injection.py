"""Hostile parameter values (issue 6): the query means what it meant, and the store is untouched.

Every value goes through :func:`claimgraph.query.prepare` and :func:`claimgraph.query.run` on
the published seed. Either the value is refused with a usage error (an IRI that is no IRI, a
date that is no date) or it comes back from the store as exactly the term it was: one row, the
same text, so nothing in it was read as SPARQL. After each example the store holds the same
quads as before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.helpers.query_data import ask, plain, seeded_embedded_store

from claimgraph.errors import ConfigError
from claimgraph.query import bundled_query, prepare, run
from claimgraph.store import Store

NASTY = [
    '"', "'", '"""', "'''", "\\", '\\"', "\\u0022", "\\U00000022", "}", "{", "} ; DROP ALL ; {",
    "} } ; CLEAR DEFAULT ; INSERT DATA { <a:b> <a:b> <a:b> } #", "\n", "\r\n", "\t", ">", "<",
    "#", "^^", "@en", "UNDEF", "VALUES ?x { UNDEF }", "?x", "$x", "\u0000", "\u202e", "ما", "😀",
    ")", "(", ".", ";", ",", "*", "\\n",
]  # fmt: skip
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
HOSTILE = st.one_of(
    TEXT, st.lists(st.one_of(TEXT, st.sampled_from(NASTY)), min_size=1, max_size=8).map("".join)
)
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

ECHO = """# param value: {type} — Anything.
SELECT ?value (COUNT(*) AS ?rows) WHERE {{
  VALUES ?value {{ UNDEF }}
}}
GROUP BY ?value
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with seeded_embedded_store(tmp_path_factory.mktemp("injection")) as opened:
        yield opened


def snapshot(store: Store) -> str:
    """Every quad of the store, hashed (60 ms: taken once per test)."""
    assert hasattr(store, "store")
    data = store.store.dump(format=ox.RdfFormat.N_QUADS)
    return hashlib.sha256(data).hexdigest()


def outline(store: Store) -> tuple[int, list[str]]:
    """How many quads in which graphs (2 ms: taken after every example)."""
    assert hasattr(store, "store")
    return len(store.store), sorted(str(g) for g in store.store.named_graphs())


@pytest.fixture(scope="module")
def before(store: Store) -> tuple[int, list[str]]:
    return outline(store)


@pytest.fixture(autouse=True)
def untouched(store: Store) -> Iterator[None]:
    """After each test (all its examples), the store holds exactly the quads it held."""
    digest = snapshot(store)
    yield
    assert snapshot(store) == digest, "a query changed the store"


def echo(store: Store, spec: str, value: str) -> list[tuple[object, ...]]:
    prepared = prepare(ECHO.format(type=spec), params={"value": [value]})
    result = run(store, prepared)
    return [(row.get("value"), row["rows"]["value"]) for row in result.bindings]


@SETTINGS
@given(value=HOSTILE)
@example(value="} ; DROP ALL ; {")
@example(value='" } ; DROP ALL ; { "')
def test_hostile_text_comes_back_as_the_same_literal(
    store: Store, before: tuple[int, list[str]], value: str
) -> None:
    assert echo(store, "string", value) == [({"type": "literal", "value": value}, "1")]
    assert outline(store) == before


@SETTINGS
@given(value=HOSTILE)
def test_hostile_language_tagged_text_keeps_its_tag(
    store: Store, before: tuple[int, list[str]], value: str
) -> None:
    rows = echo(store, "text@ar", value)
    assert rows == [({"type": "literal", "value": value, "xml:lang": "ar"}, "1")]
    assert outline(store) == before


@SETTINGS
@given(tail=HOSTILE)
@example(tail="> } ; DROP ALL ; { <")
@example(tail=">")
def test_hostile_iris_are_refused_or_bound_whole(
    store: Store, before: tuple[int, list[str]], tail: str
) -> None:
    value = "https://example.org/" + tail
    try:
        expected = ox.NamedNode(value.strip())  # surrounding blanks are dropped (copy-paste)
    except ValueError:
        with pytest.raises(ConfigError, match="is not an IRI"):
            prepare(ECHO.format(type="iri"), params={"value": [value]})
    else:
        assert echo(store, "iri", value) == [({"type": "uri", "value": expected.value}, "1")]
    assert outline(store) == before


@SETTINGS
@given(value=HOSTILE)
@example(value="2015-12-01")
@example(value="2015-12-01} ; DROP ALL ; {")
def test_hostile_dates_are_refused_unless_they_are_dates(
    store: Store, before: tuple[int, list[str]], value: str
) -> None:
    kind, got = attempt(lambda: echo(store, "date", value))
    if kind == "rows":
        assert got == [({"type": "literal", "value": value, "datatype": _XSD + "date"}, "1")]
    else:
        assert "is not an xsd:date" in str(got)
    assert outline(store) == before


@SETTINGS
@given(value=HOSTILE)
def test_inferred_parameters_of_a_query_without_header_are_safe(
    store: Store, before: tuple[int, list[str]], value: str
) -> None:
    """No header: the value is typed by its look and bound by a trailing VALUES clause."""
    text = "SELECT ?value WHERE { }"
    try:
        prepared = prepare(text, params={"value": [value]})
    except ConfigError:
        assert "://" in value or value.startswith("<")  # only IRIs-to-be can be refused
    else:
        rows = run(store, prepared).bindings
        assert len(rows) == 1
        assert rows[0]["value"]["value"] in (
            value,
            value.strip("<>"),
            _canonical(value),
        )
    assert outline(store) == before


@SETTINGS
@given(value=HOSTILE)
@example(value="seed:AIReport } ; DROP ALL ; {")
def test_a_bundled_query_keeps_its_meaning_under_hostile_values(
    store: Store, before: tuple[int, list[str]], value: str
) -> None:
    """``source-statements`` lists what one source says: a hostile value names no source."""
    kind, got = attempt(lambda: ask(store, "source-statements", {"source": [value]}))
    assert got == [] if kind == "rows" else "is not an IRI" in str(got)
    assert outline(store) == before


def test_the_same_bundled_query_answers_for_a_real_source(store: Store) -> None:
    rows = ask(store, "source-statements", {"source": ["seed:HRWReport"]})
    assert [row[:3] for row in rows] == [("seed:HRWReport", "states", "seed:C12")]


def test_choices_refuse_anything_else(store: Store) -> None:
    with pytest.raises(ConfigError, match=r"--param status \(string\(linked\|.*\): 'x\"} ; DROP"):
        ask(store, "wikidata-links", {"status": ['x"} ; DROP ALL ; {']})


def test_values_reach_the_store_only_as_serialised_terms(tmp_path: Path) -> None:
    query = bundled_query("claims-by-claimant")
    prepared = prepare(query.text, params={"claimant": ["wd:Q42970"]})
    assert "VALUES ?claimant { <http://www.wikidata.org/entity/Q42970> }" in prepared.text
    assert prepared.text.count("\n") == query.text.count("\n")
    assert plain({"type": "uri", "value": "http://www.wikidata.org/entity/Q42970"}) == "wd:Q42970"


_XSD = "http://www.w3.org/2001/XMLSchema#"


def attempt(call: Callable[[], object]) -> tuple[str, object]:
    """``("rows", result)``, or ``("refused", message)`` for a usage error."""
    try:
        return "rows", call()
    except ConfigError as exc:
        return "refused", str(exc)


def _canonical(value: str) -> str:
    """The integer a value like ``+07`` is bound as."""
    try:
        return str(int(value)) if value.strip() == value else value
    except ValueError:
        return value
