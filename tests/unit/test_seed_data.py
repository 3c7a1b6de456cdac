"""The seed dataset (``data/seed``, issue 3): complete, faithful to the article, honest about doubt.

The competency questions (``test_competency_questions.py``) check what the seed answers; these
tests check the seed itself: it builds, it has the design's 20 claims, every claim and figure
carries its words, Wikidata ids appear only where the design verified them, every word said to
come from the article does, and each of the design's nine ambiguities (ONTOLOGY.md §2.5) is
recorded rather than silently resolved.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from tests.helpers.shared_data import shared_path

from claimgraph.build import build_paths

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
ARTICLE_PARTS = ("seeds", "000_c6e3ee249902ad28.txt")

EX = "https://w3id.org/claimgraph/id/seed/"
GRAPHS = {
    "https://w3id.org/claimgraph/id/graph/seed",
    "https://w3id.org/claimgraph/id/graph/seed/editorial",
    "https://w3id.org/claimgraph/id/graph/meta/seed",
}
PREFIXES = f"""
PREFIX cg:   <https://w3id.org/claimgraph/ns#>
PREFIX cgv:  <https://w3id.org/claimgraph/vocab#>
PREFIX ex:   <{EX}>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa:   <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

#: The only Wikidata ids ONTOLOGY.md §4 marks as verified, and the entity each belongs to.
VERIFIED_QIDS = {
    "Russia": "Q159",
    "Syria": "Q858",
    "AmnestyInternational": "Q42970",
    "HRW": "Q187052",
    "IslamicState": "Q2429253",
    "Putin": "Q7747",
    "Mosque": "Q32815",
    "Hospital": "Q16917",
    "WarCrime": "Q135010",
    "ClusterMunition": "Q184158",
    "SyrianCivilWar": "Q178810",
}


@pytest.fixture(scope="module")
def store() -> ox.Store:
    result = build_paths([DATA])
    store = ox.Store()
    store.extend(result.quads())  # raises InputError if any file has a problem
    return store


def rows(store: ox.Store, query: str) -> list[tuple[str | None, ...]]:
    solutions = store.query(PREFIXES + query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return [
        tuple(None if s[n] is None else s[n].value.removeprefix(EX) for n in names)
        for s in solutions
    ]


Query = Callable[[str], list[tuple[str | None, ...]]]


@pytest.fixture(scope="module")
def query(store: ox.Store) -> Query:
    """``query(sparql)``: the rows of a SELECT over the built seed."""
    return functools.partial(rows, store)


def ask(store: ox.Store, query: str) -> bool:
    answer = store.query(PREFIXES + query, use_default_graph_as_union=True)
    assert isinstance(answer, ox.QueryBoolean)
    return bool(answer)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_seed_builds_into_its_graphs() -> None:
    result = build_paths([DATA])
    graphs = {q.graph_name.value for q in result.quads()}  # type: ignore[union-attr]
    assert [d.id for d in result.datasets] == ["seed"]
    assert graphs == GRAPHS


def test_twenty_claims_seventeen_claims_and_three_rebuttals(query: Query) -> None:
    found = query("""
        SELECT ?c ?t WHERE { VALUES ?t { cg:Claim cg:Rebuttal } ?c a ?t }""")
    kinds = {claim: kind.rsplit("#", 1)[1] for claim, kind in found if claim and kind}
    assert len(found) == len(kinds) == 20  # no node typed both
    assert sorted(kinds) == [f"C{n:02d}" for n in range(1, 21)]
    assert {c for c, k in kinds.items() if k == "Rebuttal"} == {"C14", "C17", "C18"}


def test_every_claim_has_one_claimant_and_its_words(query: Query) -> None:
    found = query("""
        SELECT ?c (COUNT(DISTINCT ?who) AS ?claimants)
               (COUNT(DISTINCT ?words) AS ?texts) WHERE {
          VALUES ?t { cg:Claim cg:Rebuttal } ?c a ?t .
          OPTIONAL { ?c cg:claimant ?who }
          OPTIONAL { ?c cg:quote|cg:paraphrase ?words FILTER(LANG(?words) = "en") }
        } GROUP BY ?c""")
    assert len(found) == 20
    assert all(claimants == "1" for _, claimants, _ in found), found
    assert all(texts is not None and int(texts) >= 1 for _, _, texts in found), found


def test_every_figure_has_its_words_and_a_number(query: Query) -> None:
    found = query("""
        SELECT ?f ?verbatim ?value ?min WHERE {
          ?f a cg:Figure .
          OPTIONAL { ?f cg:verbatim ?verbatim }
          OPTIONAL { ?f cg:value ?value } OPTIONAL { ?f cg:minValue ?min }
        }""")
    assert {f for f, *_ in found} == {
        "F-C01", "F-C03", "F-C12", "F-witnesses", "F-doctors", "F-hrds",
    }  # fmt: skip
    assert all(verbatim for _, verbatim, _, _ in found), found
    assert all(value or minimum for _, _, value, minimum in found), found
    # vague or bounded wording is never turned into a point value
    by_id = {f: (value, minimum and Decimal(minimum)) for f, _, value, minimum in found}
    assert by_id["F-C01"] == (None, Decimal(100))  # "hundreds of civilians"
    assert by_id["F-C12"] == (None, Decimal(20))  # "at least 20"
    assert by_id["F-hrds"] == (None, Decimal(13))  # "more than a dozen"


def test_wikidata_ids_only_where_the_design_verified_them(query: Query) -> None:
    found = query("SELECT ?e ?q WHERE { ?e cg:wikidata ?q }")
    linked = {e: str(q).removeprefix("http://www.wikidata.org/entity/") for e, q in found}
    assert len(found) == len(linked)
    assert linked == VERIFIED_QIDS


AMBIGUITIES = {
    "1 an unattributed quotation: claimant inferred": """ASK {
        ex:C09 cg:claimant ex:AmnestyInternational ; cg:attributionCertainty cgv:Inferred ;
               skos:editorialNote ?why .
        FILTER NOT EXISTS { ex:C09 cg:statedIn ?primary } }""",
    "2 the dud-rate sentence is the journalist's: claimant inferred": """ASK {
        ex:C20 cg:claimant ex:SeedArticleAuthor ; cg:attributionCertainty cgv:Inferred ;
               cg:statedIn ex:SeedArticle ; skos:editorialNote ?why .
        ex:SeedArticleAuthor cg:anonymous true }""",
    "3 'it interviewed' is Amnesty, not Benedict": """ASK {
        ex:C10 cg:claimant ex:AmnestyInternational ; skos:editorialNote ?why .
        FILTER NOT EXISTS { ex:C10 cg:speaker ?someone }
        ex:AIInvestigation skos:editorialNote ?why2 }""",
    "4 'Moscow' is metonymy: claimant Russia, the name kept": """ASK {
        ex:C17 cg:claimant ex:Russia ; cg:claimantNameAsWritten "Moscow" .
        ex:C18 cg:claimant ex:Russia ; cg:claimantNameAsWritten "Moscow" .
        ex:Russia cg:nameAsWritten "Moscow" , "Russian Federation" , "Russia" }""",
    "5 the corrupted apostrophe is kept in the quote only": """ASK {
        ex:C08 cg:quote ?quote ; cg:paraphrase ?paraphrase ; skos:editorialNote ?why .
        FILTER(CONTAINS(?quote, "Russian Federation s use"))
        FILTER(CONTAINS(?paraphrase, "Russian Federation's use")) }""",
    "6 'global humanitarian law' is IHL, kept as a hidden label": """ASK {
        ex:IHL skos:prefLabel "international humanitarian law"@en ;
               skos:hiddenLabel "global humanitarian law"@en ; skos:editorialNote ?why .
        ex:C06 cg:about ex:IHL ; cg:quote ?quote .
        FILTER(CONTAINS(?quote, "global humanitarian law")) }""",
    "7 the article's publisher and date are unknown": """ASK {
        ex:SeedArticle cg:earliestDate "2015-12-23"^^<http://www.w3.org/2001/XMLSchema#date> ;
                       cg:datePrecision cgv:UnknownDate ; skos:editorialNote ?why .
        FILTER NOT EXISTS { ex:SeedArticle dcterms:publisher|dcterms:issued ?x } }""",
    "8 the Amnesty report's title is flagged as unverified": """ASK {
        ex:AIReport dcterms:title ?title ; skos:editorialNote ?why .
        FILTER(CONTAINS(?why, "unverified")) }""",
    "9 no incident: every claim is about the campaign, not an incident": """ASK {
        FILTER NOT EXISTS { ?i a cg:Incident }
        ex:RussianIntervention a cg:Campaign ; skos:editorialNote ?why .
        FILTER NOT EXISTS { ?claim cg:hasFigure ?f ; cg:about ?e . ?e a cg:Incident } }""",
}


@pytest.mark.parametrize("sparql", AMBIGUITIES.values(), ids=list(AMBIGUITIES))
def test_ambiguity_is_recorded_not_resolved_silently(store: ox.Store, sparql: str) -> None:
    assert ask(store, sparql)


@pytest.fixture(scope="module")
def article() -> str:
    return normalise(shared_path(*ARTICLE_PARTS).read_text(encoding="utf-8"))


def test_every_word_said_to_be_the_articles_is_in_the_article(query: Query, article: str) -> None:
    found = query("""
        SELECT ?s ?p ?text WHERE {
          VALUES ?p { cg:quote cg:verbatim cg:nameAsWritten cg:claimantNameAsWritten
                      cg:dateAsWritten skos:hiddenLabel }
          ?s ?p ?text }""")
    assert len(found) > 40
    missing = [row for row in found if normalise(str(row[2])) not in article]
    assert not missing


def test_the_quote_anchor_of_c03_selects_its_place_in_the_article(
    query: Query, article: str
) -> None:
    found = query("""
        SELECT ?prefix ?exact ?suffix WHERE {
          ex:C03 cg:quoteAnchor ?anchor ; cg:quote ?quote .
          ?anchor oa:hasSource ex:SeedArticle ; oa:hasSelector ?selector .
          ?selector a oa:TextQuoteSelector ; oa:exact ?exact ; oa:prefix ?prefix ;
                    oa:suffix ?suffix .
          FILTER(STR(?quote) = ?exact) }""")
    assert len(found) == 1
    prefix, exact, suffix = (str(part) for part in found[0])
    assert article.count(prefix + exact + suffix) == 1
