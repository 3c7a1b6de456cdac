"""The linker's decisions, run on hand-written datasets against the recorded-data stand-in."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.helpers.wikidata_standin import FIXTURES, WikidataStandIn, standin

from claimgraph.wikidata import LinkSettings, collect_targets, run_check, run_link
from claimgraph.wikidata.client import WikidataClient
from claimgraph.wikidata.linker import Linker, LinkOutcome
from claimgraph.wikidata.review import read_review
from claimgraph.wikidata.targets import LinkTarget


@pytest.fixture
def server() -> Iterator[WikidataStandIn]:
    with standin() as running:
        yield running


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURES / "dataset", tmp_path / "dataset"))


def write(directory: Path, name: str, text: str) -> Path:
    """A one-file dataset: a manifest and ``name`` holding ``text``."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "dataset.yaml").write_text("id: t\ntitle: test\n", encoding="utf-8")
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def settings(server: WikidataStandIn, cache: Path, **options: object) -> LinkSettings:
    return LinkSettings(
        api_url=server.api_url, sparql_url=server.sparql_url, cache_dir=cache, min_interval=0
    ).with_options(**options)


def link(
    server: WikidataStandIn, targets: list[LinkTarget], **options: object
) -> list[LinkOutcome]:
    with WikidataClient(
        api_url=server.api_url, sparql_url=server.sparql_url, min_interval=0
    ) as client:
        return Linker(client, **options).link(targets)  # type: ignore[arg-type]


def by_id(outcomes: list[LinkOutcome]) -> dict[str, LinkOutcome]:
    return {o.target.id: o for o in outcomes}


def test_exact_unique_names_of_the_right_type_are_accepted(
    server: WikidataStandIn, dataset: Path
) -> None:
    outcomes = by_id(link(server, collect_targets([dataset])))
    assert outcomes["UnitedKingdom"].status == "new"
    assert outcomes["UnitedKingdom"].qid == "Q145"
    assert (outcomes["France"].status, outcomes["France"].qid) == ("new", "Q142")
    assert (outcomes["UnitedStates"].status, outcomes["UnitedStates"].qid) == ("new", "Q30")
    assert (outcomes["UKTerritory"].status, outcomes["UKTerritory"].qid) == ("new", "Q145")
    assert outcomes["Russia"].status == "linked"
    assert outcomes["WesternOfficials"].status == "skipped"


def test_alias_match_is_type_checked_through_subclass_walks(
    server: WikidataStandIn, dataset: Path
) -> None:
    outcome = by_id(link(server, collect_targets([dataset])))["USAF"]
    assert (outcome.status, outcome.qid) == ("new", "Q11223")
    assert any("organization (Q43229)" in why for why in outcome.candidates[0].why)
    queries = [p["query"] for path, p in server.requests if path == "/sparql"]
    assert any("wd:Q61883 wdt:P279*" in q for q in queries)
    assert all(q.startswith("PREFIX wd:") and "wikibase:label" not in q for q in queries)


def test_issue_7_ambiguous_name_goes_to_review(server: WikidataStandIn, dataset: Path) -> None:
    outcome = by_id(link(server, collect_targets([dataset])))["BattleOfAleppo"]
    assert outcome.status == "review"
    assert outcome.reason.startswith("ambiguous")
    assert {c.qid for c in outcome.candidates} == {"Q1842866", "Q4870258"}


def test_a_date_tells_same_named_events_apart(server: WikidataStandIn, dataset: Path) -> None:
    outcome = by_id(link(server, collect_targets([dataset])))["BattleOfAleppo2016"]
    assert (outcome.status, outcome.qid) == ("new", "Q1842866")
    old = next(c for c in outcome.candidates if c.qid == "Q4870258")
    assert old.score < 0.9
    assert any("1918-10-25, far from 2016" in why for why in old.why)


def test_issue_7_wrong_type_is_rejected_despite_an_exact_label(
    server: WikidataStandIn, tmp_path: Path
) -> None:
    write(
        tmp_path / "d", "actors.yaml", "actors:\n  - id: F\n    type: Person\n    label: France\n"
    )
    (outcome,) = link(server, collect_targets([tmp_path / "d"]))
    assert outcome.status == "review"
    assert outcome.reason == "no candidate of the right type"
    france = next(c for c in outcome.candidates if c.qid == "Q142")
    assert france.why[0].startswith('name: label "France" (en) = "France" (1.00)')
    assert france.score == 0.0
    assert france.type_status == "wrong"
    assert "expected human (Q5)" in france.why[1]


def test_wrong_type_alias_match_on_a_platform(server: WikidataStandIn, dataset: Path) -> None:
    outcome = by_id(link(server, collect_targets([dataset])))["America"]
    assert outcome.status == "review"
    assert all(c.type_status == "wrong" for c in outcome.candidates)
    assert "Q30" in {c.qid for c in outcome.candidates}


def test_a_lower_threshold_accepts_more(server: WikidataStandIn, tmp_path: Path) -> None:
    text = "actors:\n  - id: A\n    type: ArmedForce\n    label: United States Air\n"
    write(tmp_path / "d", "actors.yaml", text)
    targets = collect_targets([tmp_path / "d"])
    (strict,) = link(server, targets)
    (lenient,) = link(server, targets, accept=0.7)
    assert strict.status == "review"
    assert strict.reason == "best score 0.72 is below 0.90"
    assert (lenient.status, lenient.qid) == ("new", "Q11223")


def test_no_candidates_go_to_review_for_a_person_to_confirm(
    server: WikidataStandIn, tmp_path: Path
) -> None:
    write(
        tmp_path / "d", "actors.yaml", "actors:\n  - id: K\n    type: Person\n    label: Nobody\n"
    )
    (outcome,) = link(server, collect_targets([tmp_path / "d"]))
    assert (outcome.status, outcome.reason, outcome.candidates) == (
        "review",
        "no candidates found",
        (),
    )


def test_arabic_label_is_searched_in_arabic(server: WikidataStandIn, tmp_path: Path) -> None:
    text = "actors:\n  - id: UK\n    type: State\n    label: {ar: المملكة المتحدة}\n"
    write(tmp_path / "d", "actors.yaml", text)
    (outcome,) = link(server, collect_targets([tmp_path / "d"]))
    assert (outcome.status, outcome.qid) == ("new", "Q145")
    assert server.actions("wbsearchentities")[0]["language"] == "ar"


def test_country_context_counts_against_an_item_elsewhere(
    server: WikidataStandIn, tmp_path: Path
) -> None:
    text = (
        "actors:\n  - id: Syria\n    type: State\n    label: Syria\n    wikidata: Q858\n"
        "  - id: USAF\n    type: ArmedForce\n    label: United States Air Force\n"
        "locations:\n  - id: Base\n    label: United States Air Force\n    within: Syria\n"
    )
    write(tmp_path / "d", "data.yaml", text)
    targets = [t for t in collect_targets([tmp_path / "d"]) if t.id == "Base"]
    assert targets[0].context.countries == frozenset({"Q858"})
    (outcome,) = link(server, targets)
    assert outcome.status == "review"  # and it is of the wrong type for a place anyway


def test_issue_7_offline_run_lists_misses_and_links_nothing(
    server: WikidataStandIn, dataset: Path, tmp_path: Path
) -> None:
    run = run_link([dataset], settings(server, tmp_path / "empty", offline=True))
    statuses = {o.target.id: o.status for o in run.outcomes}
    assert statuses["UnitedKingdom"] == "unlinked"
    assert statuses["Russia"] == "linked"
    assert 'search "United Kingdom" (en)' in {m.describe() for m in run.misses}
    assert run.requests_sent == 0
    assert server.requests == []
    assert run.written.changed == ()


def test_offline_run_from_a_filled_cache_repeats_the_online_run(
    server: WikidataStandIn, dataset: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    pristine = Path(shutil.copytree(dataset, tmp_path / "pristine"))
    online = run_link([dataset], settings(server, cache))
    sent = len(server.requests)
    offline = run_link([pristine], settings(server, cache, offline=True))
    assert len(server.requests) == sent
    assert offline.misses == []
    assert [(o.target.id, o.status, o.qid) for o in offline.outcomes] == [
        (o.target.id, o.status, o.qid) for o in online.outcomes
    ]


def test_issue_7_check_reports_redirects_deletions_and_wrong_types(
    server: WikidataStandIn, tmp_path: Path
) -> None:
    text = (
        "actors:\n"
        "  - {id: UK, type: State, label: United Kingdom, wikidata: Q9990145}\n"
        "  - {id: FR, type: State, label: France, wikidata: Q142}\n"
        "  - {id: US, type: Person, label: United States, wikidata: Q30}\n"
        "  - {id: AF, type: ArmedForce, label: USAF, wikidata: Q11223}\n"
        "  - {id: P, type: Person, label: Someone, wikidata: 'https://www.wikidata.org/wiki/Q5'}\n"
        "  - {id: N, type: Person, label: Nobody, wikidata: none}\n"
    )
    write(tmp_path / "d", "actors.yaml", text)
    server.redirects = {"Q9990145": "Q145"}
    server.missing = {"Q142"}
    run = run_check([tmp_path / "d"], settings(server, tmp_path / "cache"))
    results = {o.target.id: o for o in run.outcomes}
    assert results["UK"].status == "problem"
    assert results["UK"].fix == "Q145"
    assert "redirects to Q145" in results["UK"].message
    assert results["FR"].status == "problem"
    assert "does not exist" in results["FR"].message
    assert results["US"].status == "problem"
    assert "expected human (Q5)" in results["US"].message
    assert results["AF"].status == "ok"
    assert results["P"].status == "problem"
    assert "not the page URL" in results["P"].message
    assert results["N"].status == "none"
    assert len(run.problems) == 4


def test_check_offline_without_cache_is_unverified(server: WikidataStandIn, tmp_path: Path) -> None:
    write(tmp_path / "d", "a.yaml", "actors:\n  - {id: F, type: State, label: F, wikidata: Q142}\n")
    run = run_check([tmp_path / "d"], settings(server, tmp_path / "c", offline=True))
    (outcome,) = run.outcomes
    assert outcome.status == "unverified"
    assert [m.describe() for m in run.misses] == ["entity Q142"]
    assert run.problems == []


def test_review_file_lists_candidates_with_reasons(
    server: WikidataStandIn, dataset: Path, tmp_path: Path
) -> None:
    review = tmp_path / "review.yaml"
    run = run_link([dataset], settings(server, tmp_path / "cache"), review=review)
    assert run.review_path == review
    items = {i.entity: i for i in read_review(review)}
    assert set(items) == {"BattleOfAleppo", "America"}
    aleppo = items["BattleOfAleppo"]
    assert aleppo.at.endswith("events.yaml:3")
    assert aleppo.choice is None
    assert [c.qid for c in aleppo.candidates] == ["Q1842866", "Q4870258"]
    assert all(c.score == 1.0 and c.why for c in aleppo.candidates)


def test_enrich_adds_coordinates_and_labels_in_their_own_graph(
    server: WikidataStandIn, dataset: Path, tmp_path: Path
) -> None:
    run = run_link([dataset], settings(server, tmp_path / "cache"), enrich=True)
    enrichment = dataset / "wikidata-enrichment.yaml"
    assert enrichment in run.enriched
    text = enrichment.read_text(encoding="utf-8")
    assert "graph: wikidata" in text
    assert "  - about: UKTerritory  # from Q145\n    coordinates: {lat: 54.6, lon: -2.0}" in text
    assert "ru: Великобритания" in text
    assert "wikidata: Facts copied from Wikidata" in (dataset / "dataset.yaml").read_text()
    targets = {t.id: t for t in collect_targets([dataset])}  # the dataset still reads
    assert targets["UKTerritory"].wikidata == "Q145"
    again = run_link([dataset], settings(server, tmp_path / "cache"), enrich=True)
    assert enrichment.read_text(encoding="utf-8") == text
    assert enrichment not in again.enriched


def test_a_name_in_a_language_not_fetched_matches_through_the_search_hit(
    server: WikidataStandIn, tmp_path: Path
) -> None:
    """Entities are fetched in the configured languages only (stable cache keys)."""
    text = "actors:\n  - id: UK\n    type: State\n    label: {uk: Велика Британія}\n"
    write(tmp_path / "d", "actors.yaml", text)
    (outcome,) = link(server, collect_targets([tmp_path / "d"]))
    assert (outcome.status, outcome.qid) == ("new", "Q145")
    fetched = server.actions("wbgetentities")[0]["languages"].split("|")
    assert "uk" not in fetched
    assert (
        outcome.candidates[0].why[0]
        == 'name: label "Велика Британія" (uk) = "Велика Британія" (1.00)'
    )
