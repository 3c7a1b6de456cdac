"""Small claims datasets written into a temporary directory by tests."""

from __future__ import annotations

from pathlib import Path

MANIFEST = """\
id: demo
title: Demo dataset
creator: Test Person
license: https://creativecommons.org/licenses/by/4.0/
created: 2026-01-01T00:00:00Z
graphs:
  editorial: Editorial links
"""

CLAIMS = """\
actors:
  - id: AI
    type: NGO
    label: Amnesty International
    wikidata: Q42970
  - id: Russia
    type: State
    label: {en: Russia, ru: Россия}
sources:
  - id: R1
    type: Report
    publisher: AI
    issued: 2015-12-23
claims:
  - id: C1
    claimant: AI
    statedIn: R1
    claimType: CasualtyClaim
    modality: Asserted
    about: Camp
    quote: killed hundreds of civilians
    figures:
      - measure: CivilianDeaths
        min: 100
        approx: OrderOfMagnitude
        verbatim: hundreds of civilians
  - id: C2
    claimant: Russia
    reportedIn: R1
    claimType: Denial
    modality: Asserted
    rebuts: C1
    rebuttalType: Rebut
    paraphrase: Russia denies it.
events:
  - id: Camp
    type: Campaign
    label: A campaign
    date: 2015-09
"""


def write_dataset(
    root: Path, files: dict[str, str] | None = None, *, manifest: str = MANIFEST
) -> Path:
    """Write a dataset directory; ``files`` replaces the default claims file."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "dataset.yaml").write_text(manifest, encoding="utf-8")
    for name, text in (files if files is not None else {"claims.yaml": CLAIMS}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def several_files(count: int, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The default claims file plus ``count`` JSON files, each an actor and a rebuttal of C1
    (which leave findings: no statedIn, no Wikidata link), for multi-process builds."""
    files = {"claims.yaml": CLAIMS}
    for number in range(count):
        files[f"more-{number}.json"] = (
            f'{{"actors": [{{"id": "A{number}", "type": "Person", "label": "A {number}"}}],'
            f' "claims": [{{"id": "X{number}", "claimant": "A{number}", "rebuts": "C1",'
            ' "paraphrase": "no"}]}'
        )
    return {**files, **(extra or {})}
