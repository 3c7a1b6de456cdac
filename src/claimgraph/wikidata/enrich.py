"""``--enrich``: what Wikidata knows and the data lacks, kept apart and marked as Wikidata's.

Copied facts never go into the user's own entries. They go into one annotations file per
dataset, ``wikidata-enrichment.yaml``, whose ``graph: wikidata`` puts them in a named graph of
their own, so every triple built from them says where it came from and a query can leave them
out. The graph is declared in ``dataset.yaml`` (one line added under ``graphs:``, the rest of
the manifest untouched). Each annotation carries the QID it was copied from in a comment.

The file belongs to the tool: it is rewritten whole on every ``--enrich``, sorted by entity, so
that reruns give the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.errors import ConfigError, Diagnostic, InputError, SourcePos
from claimgraph.ingest.writer import yaml_string
from claimgraph.wikidata.writeback import replace_file

FILE_NAME = "wikidata-enrichment.yaml"
GRAPH = "wikidata"
GRAPH_TITLE = "Facts copied from Wikidata (CC0) by claimgraph link --enrich"
HEADER = (
    "# Facts copied from Wikidata (CC0) by `claimgraph link --enrich`, kept in their own graph.\n"
    "# This file is rewritten on every --enrich; fix a wrong fact by fixing the link.\n"
)


@dataclass(frozen=True, slots=True)
class Enrichment:
    """What to add to one entity, and the item it comes from."""

    entity: str
    qid: str
    coordinates: tuple[float, float] | None = None
    labels: Mapping[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self.coordinates is None and not self.labels


def write_enrichment(dataset_dir: Path, enrichments: Sequence[Enrichment]) -> list[Path]:
    """Merge ``enrichments`` into the dataset's enrichment file; declare its graph."""
    useful = [e for e in enrichments if not e.empty]
    if not useful:
        return []
    manifest = dataset_dir / "dataset.yaml"
    if not manifest.exists():
        raise ConfigError(
            f"--enrich needs {manifest} to declare the '{GRAPH}' graph its facts go into"
        )
    path = dataset_dir / FILE_NAME
    merged = {e.entity: e for e in _read(path)} if path.exists() else {}
    for item in useful:
        old = merged.get(item.entity)
        labels = {**(old.labels if old else {}), **item.labels}
        coordinates = item.coordinates or (old.coordinates if old else None)
        merged[item.entity] = Enrichment(item.entity, item.qid, coordinates, labels)
    changed = []
    text = render(merged.values())
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        replace_file(path, text)
        changed.append(path)
    if declare_graph(manifest):
        changed.append(manifest)
    return changed


def render(enrichments: Sequence[Enrichment] | Any) -> str:
    """The enrichment file's text: deterministic, one annotation per entity.

    >>> print(render([Enrichment("Aleppo", "Q41183", (36.2, 37.16), {"fr": "Alep"})]), end="")
    # Facts copied from Wikidata (CC0) by `claimgraph link --enrich`, kept in their own graph.
    # This file is rewritten on every --enrich; fix a wrong fact by fixing the link.
    graph: wikidata
    annotations:
      - about: Aleppo  # from Q41183
        coordinates: {lat: 36.2, lon: 37.16}
        label:
          fr: Alep
    """
    lines = [HEADER, f"graph: {GRAPH}\n", "annotations:\n"]
    for item in sorted(enrichments, key=lambda e: e.entity):
        lines.append(f"  - about: {item.entity}  # from {item.qid}\n")
        if item.coordinates:
            lat, lon = item.coordinates
            lines.append(f"    coordinates: {{lat: {lat!r}, lon: {lon!r}}}\n")
        if item.labels:
            lines.append("    label:\n")
            lines += [
                f"      {lang}: {yaml_string(text)}\n" for lang, text in sorted(item.labels.items())
            ]
    return "".join(lines)


def _read(path: Path) -> list[Enrichment]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        doc = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError) as exc:
        raise InputError(Diagnostic(SourcePos(str(path)), f"cannot read: {exc}")) from exc
    out = []
    for index, note in enumerate((doc or {}).get("annotations") or []):
        if not isinstance(note, dict) or "about" not in note:
            continue
        comment = _comment_of(doc["annotations"], index)
        match = re.search(r"from (Q[1-9][0-9]*)", comment)
        coordinates = note.get("coordinates")
        out.append(
            Enrichment(
                entity=str(note["about"]),
                qid=match.group(1) if match else "",
                coordinates=(float(coordinates["lat"]), float(coordinates["lon"]))
                if isinstance(coordinates, dict)
                else None,
                labels={str(k): str(v) for k, v in (note.get("label") or {}).items()},
            )
        )
    return out


def _comment_of(sequence: Any, index: int) -> str:
    """The end-of-line comment on the ``- about:`` line of an annotation, if ruamel kept it."""
    try:
        note = sequence[index]
        tokens = note.ca.items.get("about") or []
        return " ".join(t.value for t in tokens if t is not None and hasattr(t, "value"))
    except (AttributeError, IndexError, KeyError):
        return ""


def declare_graph(manifest: Path) -> bool:
    """Add ``wikidata`` under ``graphs:`` in ``dataset.yaml`` if missing; True if changed."""
    from ruamel.yaml import YAML

    from claimgraph.wikidata.writeback import _lines

    text = manifest.read_text(encoding="utf-8")
    doc = YAML(typ="rt").load(text) or {}
    graphs: Any = doc.get("graphs") if isinstance(doc, dict) else None
    mapping = isinstance(graphs, dict)
    if mapping and GRAPH in graphs:
        return False
    lines = _lines(text)
    newline = "\r\n" if text.endswith("\r\n") else "\n"
    entry = f"{GRAPH}: {GRAPH_TITLE}"
    if mapping and graphs and not graphs.fa.flow_style():
        first = next(iter(graphs))
        line, col = graphs.lc.key(first)
        lines.insert(line, " " * col + entry + newline)
    elif mapping and graphs:
        line, col = graphs.lc.key(next(iter(graphs)))
        lines[line] = lines[line][:col] + entry + ", " + lines[line][col:]
    elif isinstance(doc, dict) and "graphs" in doc:
        raise ConfigError(f"{manifest}: add '{entry}' under 'graphs:' by hand")
    else:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += newline
        lines += [f"graphs:{newline}", f"  {entry}{newline}"]
    replace_file(manifest, "".join(lines))
    return True
