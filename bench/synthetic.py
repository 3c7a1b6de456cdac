"""Synthetic claims datasets of any size, in the claims format (JSON by default, or YAML).

Each incident comes with a source, a claim about it with a figure, and now and then a rebuttal,
over a small pool of actors and places: about 30 triples per incident in the data graph.
The data is random but seeded, so the same size gives the same files.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PER_FILE = 1000
ACTOR_TYPES = ["State", "NGO", "NonStateArmedGroup", "MediaOutlet", "GovernmentBody"]
MEASURES = ["CivilianDeaths", "Deaths", "Injured"]
MODALITIES = ["Asserted", "Possible", "Believed", "Evidential"]


def shared_entities(rng: random.Random) -> dict[str, list[dict[str, Any]]]:
    actors = [
        {
            "id": f"actor{n}",
            "type": ACTOR_TYPES[n % len(ACTOR_TYPES)],
            "label": f"Actor {n}",
            **({"wikidata": f"Q{1000 + n}"} if n % 3 == 0 else {}),
        }
        for n in range(50)
    ]
    locations = [
        {
            "id": f"place{n}",
            "label": {"en": f"Place {n}", "ar": f"مكان {n}"},
            "coordinates": {
                "lat": round(rng.uniform(32, 37), 4),
                "lon": round(rng.uniform(35, 42), 4),
            },
        }
        for n in range(200)
    ]
    events = [{"id": "campaign", "type": "Campaign", "label": "Synthetic campaign"}]
    munitions = [
        {"id": "cluster", "label": "cluster munition"},
        {"id": "rbk500", "label": "RBK-500", "broader": "cluster"},
    ]
    return {"actors": actors, "locations": locations, "events": events, "munitions": munitions}


def incident_entities(number: int, rng: random.Random) -> dict[str, list[dict[str, Any]]]:
    day = 1 + number % 28
    month = 1 + (number // 28) % 12
    low = rng.randint(0, 20)
    high = low + rng.randint(0, 10)
    incident = {
        "id": f"i{number}",
        "type": "Incident",
        "label": f"Strike {number}",
        "partOf": "campaign",
        "date": f"2015-{month:02d}-{day:02d}",
        "location": f"place{rng.randrange(200)}",
        "munitionType": "rbk500" if number % 7 == 0 else [],
    }
    source = {
        "id": f"s{number}",
        "type": "NewsArticle",
        "title": f"Report on strike {number}",
        "issued": f"2015-{month:02d}-{day:02d}",
        "url": f"https://example.org/news/{number}",
    }
    claim = {
        "id": f"c{number}",
        "claimant": f"actor{rng.randrange(50)}",
        "statedIn": f"s{number}",
        "claimType": "CasualtyClaim",
        "modality": MODALITIES[number % len(MODALITIES)],
        "about": f"i{number}",
        "quote": {"en": f'At least {low} people were killed "here".'},
        "figures": [
            {
                "measure": MEASURES[number % 3],
                "min": low,
                "value": (low + high) // 2,
                "max": high,
                "approx": "Range",
                "verbatim": f"between {low} and {high}",
            }
        ],
    }
    out: dict[str, list[dict[str, Any]]] = {
        "events": [incident],
        "sources": [source],
        "claims": [claim],
    }
    if number % 10 == 0:
        out["claims"].append(
            {
                "id": f"r{number}",
                "claimant": f"actor{(number // 10) % 50}",
                "reportedIn": f"s{number}",
                "claimType": "Denial",
                "modality": "Asserted",
                "rebuts": f"c{number}",
                "rebuttalType": "Rebut",
                "paraphrase": {"en": "This did not happen."},
            }
        )
    return out


def _chunks(count: int, rng: random.Random) -> Iterator[dict[str, list[dict[str, Any]]]]:
    for start in range(0, count, PER_FILE):
        merged: dict[str, list[dict[str, Any]]] = {"events": [], "sources": [], "claims": []}
        for number in range(start, min(count, start + PER_FILE)):
            for kind, items in incident_entities(number, rng).items():
                merged[kind].extend(items)
        yield merged


def generate(incidents: int, out: Path, *, fmt: str = "json", seed: int = 7) -> Path:
    """Write a dataset of ``incidents`` incidents into ``out`` (created; must be empty)."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "dataset.yaml").write_text(
        f"id: synthetic\ntitle: Synthetic dataset of {incidents} incidents\n"
        "creator: claimgraph benchmark\nlicense: https://creativecommons.org/publicdomain/zero/1.0/\n"
        "created: 2026-01-01T00:00:00Z\n",
        encoding="utf-8",
    )
    _write(out / f"shared.{fmt}", shared_entities(rng), fmt)
    for index, chunk in enumerate(_chunks(incidents, rng)):
        _write(out / f"incidents-{index:05d}.{fmt}", chunk, fmt)
    return out


def _write(path: Path, doc: dict[str, Any], fmt: str) -> None:
    if fmt == "json":
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        return
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(doc, handle)
