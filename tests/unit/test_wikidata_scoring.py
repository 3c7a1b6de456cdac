"""Scoring: names, context and the accept rule; pure functions, plus real entity documents."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.helpers.wikidata_standin import realdata

import claimgraph.wikidata as wikidata
from claimgraph.wikidata.entities import WikidataEntity, qid_of, sparql_item
from claimgraph.wikidata.scoring import (
    CLASSES,
    DEFAULT_ACCEPT,
    EXPECTED,
    Context,
    Name,
    Scored,
    TypeVerdict,
    context_adjustment,
    decide,
    expected_classes,
    name_score,
    normalise,
    score_candidate,
)


def entity(**fields: object) -> WikidataEntity:
    return WikidataEntity(requested="Q1", id="Q1", **fields)  # type: ignore[arg-type]


def recorded(qid: str) -> WikidataEntity:
    path = realdata("wikidata-entities-openrefine", f"{qid}.json")
    return WikidataEntity.from_document(qid, json.loads(path.read_text(encoding="utf-8")))


def test_recorded_document_is_read_into_the_view() -> None:
    uk = recorded("Q145")
    assert uk.label() == "United Kingdom"
    assert uk.labels["ar"] == "المملكة المتحدة"
    assert "UK" in uk.aliases["en"]
    assert {"Q3624078", "Q6256"} <= set(uk.instance_of)
    assert uk.countries == ("Q145",)
    assert uk.coordinates == (54.6, -2.0)
    assert dt.date(1927, 4, 12) in {d.first for d in uk.dates}
    usaf = recorded("Q11223")
    assert usaf.instance_of == ("Q61883", "Q781132")
    assert usaf.dates[0].first == dt.date(1947, 1, 1)  # precision 9: the whole year
    assert usaf.dates[0].last == dt.date(1947, 12, 31)


@pytest.mark.parametrize(
    ("ours", "expected"),
    [
        (Name("en", "united kingdom"), 1.0),  # our label = their label
        (Name("en", "U.K."), 0.95),  # our label = their alias
        (Name("en", "United Kingdom", is_label=False), 0.95),  # our alias = their label
        (Name("en", "UK", is_label=False), 0.9),  # alias = alias
        (Name("ar", "المملكة المتحدة"), 1.0),
    ],
)
def test_name_score_levels(ours: Name, expected: float) -> None:
    assert name_score([ours], recorded("Q145"))[0] == expected


def test_similar_names_never_reach_the_default_threshold() -> None:
    score, _ = name_score([Name("en", "Amnesty International UK")], recorded("Q145"))
    assert score < DEFAULT_ACCEPT
    uk = name_score([Name("en", "United Kingdoms")], recorded("Q145"))
    assert 0.8 < uk[0] < 0.85
    assert "is like" in uk[1]


def test_punctuation_and_spacing_do_not_matter() -> None:
    rbk = entity(labels={"en": "RBK-500"})
    assert name_score([Name("en", "RBK 500")], rbk)[0] == 1.0
    assert name_score([Name("en", "rbk500")], rbk)[0] == 1.0


@given(st.text(max_size=30))
def test_normalise_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


@given(st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=20))
def test_a_name_always_matches_itself_exactly(text: str) -> None:
    assert name_score([Name("en", text)], entity(labels={"en": text}))[0] == 1.0


@given(
    base=st.text(min_size=1, max_size=12),
    lat=st.floats(-80, 80),
    lon=st.floats(-170, 170),
    status=st.sampled_from(["ok", "wrong", "unknown"]),
)
def test_scores_stay_between_zero_and_one(base: str, lat: float, lon: float, status: str) -> None:
    item = entity(labels={"en": base}, coordinates=(lat, lon), countries=("Q2",))
    context = Context(coordinates=(-lat, -lon), countries=frozenset({"Q3"}))
    scored = score_candidate([Name("en", base)], context, item, TypeVerdict(status, "x"))  # type: ignore[arg-type]
    assert 0.0 <= scored.score <= 1.0
    if status == "wrong":
        assert scored.score == 0.0


def test_context_moves_the_score_with_reasons() -> None:
    aleppo = entity(coordinates=(36.2, 37.16), countries=("Q858",))
    near = Context(coordinates=(36.21, 37.15), countries=frozenset({"Q858"}))
    points, why = context_adjustment(near, aleppo)
    assert points == pytest.approx(0.1)
    assert why == ["coordinates 1 km apart (+0.05)", "country Q858 (+0.05)"]
    far = Context(coordinates=(48.85, 2.35), countries=frozenset({"Q142"}))
    points, why = context_adjustment(far, aleppo)
    assert points == pytest.approx(-0.4)
    assert why[1] == "country Q858, not Q142 (-0.20)"


def test_dates_far_apart_count_against() -> None:
    from claimgraph.wikidata.entities import WikidataDate

    old = entity(dates=(WikidataDate(dt.date(1918, 10, 25), dt.date(1918, 10, 25)),))
    recent = Context(period=(dt.date(2016, 12, 1), dt.date(2016, 12, 31)))
    points, why = context_adjustment(recent, old)
    assert points == pytest.approx(-0.3)
    assert why == ["date 1918-10-25, far from 2016-12-01/2016-12-31 (-0.30)"]


def test_wrong_type_is_never_accepted_whatever_its_score() -> None:
    wrong = Scored("Q1", "x", "", 1.0, "wrong")
    unknown = Scored("Q2", "x", "", 1.0, "unknown")
    assert decide([wrong]).accepted is None
    assert decide([wrong]).reason == "no candidate of the right type"
    assert decide([unknown]).reason == "type of the candidates unknown"
    assert decide([wrong], accept=0.01).accepted is None


def test_a_rival_of_unknown_type_blocks_acceptance() -> None:
    good = Scored("Q1", "x", "", 1.0, "ok")
    rival = Scored("Q2", "x", "", 0.97, "unknown")
    assert decide([good, rival]).reason.startswith("ambiguous: Q1 and Q2")
    assert decide([good, Scored("Q3", "x", "", 0.5, "ok")]).accepted == good


def test_expected_classes_cover_every_kind_and_type() -> None:
    from typing import get_args

    from claimgraph.model import ActorType, EventType

    for actor_type in get_args(ActorType):
        assert expected_classes("actor", actor_type)
    for event_type in get_args(EventType):
        assert expected_classes("event", event_type)
    for kind in ("location", "munition", "platform", "target", "legalConcept"):
        assert expected_classes(kind)
    assert expected_classes("actor", "Person") == ("Q5",)
    every = {q for classes in EXPECTED.values() for q in classes}
    assert every <= set(CLASSES)
    assert all(
        source in {"issue", "design", "recorded", "unverified"} for _, source in CLASSES.values()
    )


def test_qids_enter_sparql_only_as_checked_terms() -> None:
    assert sparql_item("Q42") == "wd:Q42"
    for bad in ("Q42 }", "P31", "wd:Q1", "Q01", ""):
        with pytest.raises(ValueError, match="not a QID"):
            sparql_item(bad)
    assert qid_of(" Q42 ") == ("Q42", None)


def test_public_api_is_explicit() -> None:
    import pkgutil

    exported = set(wikidata.__all__)
    submodules = {info.name for info in pkgutil.iter_modules(wikidata.__path__)}
    public = {name for name in dir(wikidata) if not name.startswith("_")}
    assert exported == public - submodules - {"annotations"}
    assert all(getattr(wikidata, name) is not None for name in exported)


def test_the_docs_list_every_expected_class() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "linking.md").read_text()
    missing = [qid for qid in CLASSES if qid not in docs]
    assert missing == []
    assert "default **0.9**" in docs
    assert f"{DEFAULT_ACCEPT}" == "0.9"
