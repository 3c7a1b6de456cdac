"""Arbitrary Unicode through every text field survives into every RDF syntax, strictly parsed."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from claimgraph.build import build_paths
from claimgraph.serialize import RdfFormat, write_rdf

# Any Unicode scalar value (no lone surrogates, which no UTF-8 file can hold).
TEXT = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)
NASTY = st.sampled_from(
    [
        '"',
        "\\",
        "\n",
        "\r\n",
        "'",
        ">",
        "<a b>",
        "\u200f",
        "\u202e",
        "}",
        "#",
        "@en",
        '"""',
        "ما",
        "\t",
        " ",
    ]
)
VALUE = st.one_of(TEXT, st.lists(st.one_of(TEXT, NASTY), min_size=1, max_size=6).map("".join))

MANIFEST = "id: p\nlicense: https://creativecommons.org/licenses/by/4.0/\n"


def _build(root: Path, fmt: RdfFormat) -> list[ox.Quad]:
    result = build_paths([root])
    out = io.BytesIO()
    write_rdf(result.quads(), out, fmt, prefixes=result.prefixes())
    return list(ox.parse(out.getvalue(), format=fmt.oxigraph))


def _literals(quads: list[ox.Quad]) -> set[tuple[str, str | None]]:
    return {(q.object.value, q.object.language) for q in quads if isinstance(q.object, ox.Literal)}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(label=VALUE, quote=VALUE, arabic=VALUE, verbatim=VALUE, written=VALUE)
def test_text_round_trips_through_json_input(
    label: str, quote: str, arabic: str, verbatim: str, written: str
) -> None:
    claims = {
        "actors": [{"id": "A", "type": "NGO", "label": label, "namesAsWritten": [written]}],
        "claims": [
            {
                "id": "C",
                "claimant": "A",
                "quote": {"en": quote, "ar": arabic},
                "claimType": "Background",
                "modality": "Asserted",
                "figures": [{"measure": "Deaths", "min": 1, "verbatim": verbatim}],
            }
        ],
    }
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "p"
        root.mkdir()
        (root / "dataset.yaml").write_text(MANIFEST, encoding="utf-8")
        (root / "claims.json").write_text(json.dumps(claims, ensure_ascii=False), encoding="utf-8")
        expected = {(label, "en"), (quote, "en"), (arabic, "ar"), (verbatim, "en"), (written, None)}
        for fmt in RdfFormat:
            assert expected <= _literals(_build(root, fmt)), fmt


#: NEL, LS and PS: ruamel.yaml writes them raw but reads them back as line breaks (YAML 1.1's
#: rule), so a YAML file cannot carry them unescaped; docs/format.md says to write \N, \L, \P.
#: JSON input carries every character (test above).
YAML_BREAKS = str.maketrans("", "", "\x85\u2028\u2029")
YAML_VALUE = VALUE.map(lambda text: text.translate(YAML_BREAKS)).filter(bool)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(label=YAML_VALUE, paraphrase=YAML_VALUE)
def test_text_round_trips_through_yaml_input(label: str, paraphrase: str) -> None:
    yaml = YAML()
    doc = {
        "actors": [{"id": "A", "type": "Person", "label": label}],
        "claims": [{"id": "C", "claimant": "A", "paraphrase": paraphrase}],
    }
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "p"
        root.mkdir()
        (root / "dataset.yaml").write_text(MANIFEST, encoding="utf-8")
        with (root / "claims.yaml").open("w", encoding="utf-8") as handle:
            yaml.dump(doc, handle)
        for fmt in (RdfFormat.TRIG, RdfFormat.NTRIPLES):
            assert {(label, "en"), (paraphrase, "en")} <= _literals(_build(root, fmt))


def _strict_iri(text: str) -> bool:
    """The oracle: does the strict N-Triples parser accept ``text`` as an IRI?"""
    line = "<" + text.replace("\\", "\\\\") + "> <http://p> <http://o> .\n"
    try:
        list(ox.parse(line.encode(), format=ox.RdfFormat.N_TRIPLES))
    except SyntaxError:
        return False
    return True


@settings(max_examples=40, deadline=None)
@given(url=VALUE)
def test_would_be_iris_are_rejected_or_kept_exactly(url: str) -> None:
    """A URL with spaces or '>' is a reading error; a good one comes out as the same IRI."""
    from claimgraph.errors import InputError

    candidate = "http://example.org/" + url
    claims = {"sources": [{"id": "S", "url": candidate}]}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "p"
        root.mkdir()
        (root / "dataset.yaml").write_text(MANIFEST, encoding="utf-8")
        (root / "s.json").write_text(json.dumps(claims), encoding="utf-8")
        try:
            quads = _build(root, RdfFormat.NQUADS)
        except InputError as exc:
            assert "is not an IRI" in str(exc)  # noqa: PT017 (a rejection is one allowed outcome)
            # rejected: the strict parser would refuse it, or it holds white space (which the
            # IRI grammar allows for some Unicode spaces, but is surely a typing mistake)
            assert not _strict_iri(candidate.strip()) or any(c.isspace() for c in candidate)
            return
        iris = {q.object.value for q in quads if isinstance(q.object, ox.NamedNode)}
        assert candidate.strip() in iris
