"""The review file: candidates a person decides on, then ``claimgraph link --apply FILE``.

It is YAML so that it can be edited in any text editor and diffed::

    # claimgraph link review file. For each entity, set `choice:` to the QID of the right
    # candidate, to `none` when Wikidata has no item for it, or leave it empty to decide later.
    # Then run: claimgraph link PATH... --apply THIS_FILE
    version: 1
    accept: 0.9
    entities:
    - entity: BattleOfAleppo
      kind: event
      type: Incident
      label: Battle of Aleppo
      at: data/seed/events.yaml:12
      reason: 'ambiguous: Q1842866 and Q4870258 score alike (1.00, 1.00)'
      choice:
      candidates:
      - qid: Q1842866
        label: Battle of Aleppo
        description: ''
        score: 1.0
        why:
        - 'name: label "Battle of Aleppo" (en) = "Battle of Aleppo" (1.00)'
        - 'type: instance of battle (Q178561)'

Writing a review file again keeps the choices already made in it, so a second run does not
undo a person's work.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimgraph.errors import Diagnostic, InputError, SourcePos
from claimgraph.wikidata.entities import is_qid
from claimgraph.wikidata.scoring import Scored

VERSION = 1
HEADER = (
    "claimgraph link review file. For each entity, set `choice:` to the QID of the right\n"
    "candidate, to `none` when Wikidata has no item for it, or leave it empty to decide later.\n"
    "A QID that is not among the candidates is fine too. Then run:\n"
    "  claimgraph link PATH... --apply THIS_FILE"
)


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One entity awaiting a decision, with the candidates the linker found."""

    entity: str
    kind: str
    label: str
    at: str
    reason: str
    candidates: tuple[Scored, ...] = ()
    type: str | None = None
    choice: str | None = None  # a QID, "none", or None (undecided)


def write_review(path: Path, items: Sequence[ReviewItem], *, accept: float) -> None:
    """Write the review file, keeping choices already made in an existing one."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    from claimgraph.wikidata.writeback import replace_file

    earlier = {(i.kind, i.entity): i.choice for i in read_review(path)} if path.exists() else {}
    entries = []
    for item in items:
        entry: dict[str, Any] = {"entity": item.entity, "kind": item.kind}
        if item.type:
            entry["type"] = item.type
        entry |= {"label": item.label, "at": item.at, "reason": item.reason}
        entry["choice"] = item.choice or earlier.get((item.kind, item.entity))
        entry["candidates"] = [
            {
                "qid": c.qid,
                "label": c.label,
                "description": c.description,
                "score": c.score,
                "why": list(c.why),
            }
            for c in item.candidates
        ]
        entries.append(entry)
    document = CommentedMap(version=VERSION, accept=accept, entities=entries)
    document.yaml_set_start_comment(HEADER)
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.allow_unicode = True
    buffer = io.StringIO()
    yaml.dump(document, buffer)
    replace_file(path, buffer.getvalue())


def read_review(path: Path) -> list[ReviewItem]:
    """Read a review file; every malformed entry is reported with its line (exit 3)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    display = str(path)
    try:
        doc = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(Diagnostic(SourcePos(display), f"cannot read review file: {exc}")) from exc
    except YAMLError as exc:
        raise InputError(
            Diagnostic(SourcePos(display), f"review file is not YAML: {' '.join(str(exc).split())}")
        ) from exc
    entries: Any = doc.get("entities") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise InputError(
            Diagnostic(
                SourcePos(display, 1),
                "not a review file: it has no 'entities' list",
                hint="write one with: claimgraph link PATH... --review FILE",
            )
        )
    items, problems = [], []
    positions: Any = getattr(entries, "lc", None)
    for index, entry in enumerate(entries):
        line = positions.item(index)[0] + 1
        item, problem = _item(entry, SourcePos(display, line))
        if problem:
            problems.append(problem)
        elif item:
            items.append(item)
    if problems:
        raise InputError(problems)
    return items


def _item(entry: Any, pos: SourcePos) -> tuple[ReviewItem | None, Diagnostic | None]:
    if not isinstance(entry, dict) or not entry.get("entity") or not entry.get("kind"):
        return None, Diagnostic(pos, "each review entry needs 'entity' and 'kind'")
    raw_choice = entry.get("choice")
    choice = None if raw_choice is None else str(raw_choice).strip()
    if choice == "":
        choice = None
    if choice is not None and choice.lower() in {"none", "no"}:
        choice = "none"
    if choice is not None and choice != "none" and not is_qid(choice):
        return None, Diagnostic(
            pos,
            f"choice '{choice}' for '{entry['entity']}' is not a QID or 'none'",
            hint="write e.g. choice: Q159, choice: none, or leave it empty",
            field="choice",
            entity=str(entry["entity"]),
        )
    candidates = tuple(
        Scored(
            qid=str(c.get("qid", "")),
            label=str(c.get("label", "")),
            description=str(c.get("description", "")),
            score=float(c.get("score", 0.0)),
            type_status="ok",
            why=tuple(str(w) for w in c.get("why") or []),
        )
        for c in entry.get("candidates") or []
        if isinstance(c, dict)
    )
    return (
        ReviewItem(
            entity=str(entry["entity"]),
            kind=str(entry["kind"]),
            label=str(entry.get("label", "")),
            at=str(entry.get("at", "")),
            reason=str(entry.get("reason", "")),
            candidates=candidates,
            type=str(entry["type"]) if entry.get("type") else None,
            choice=choice,
        ),
        None,
    )
