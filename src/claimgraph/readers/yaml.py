"""YAML claims files, read with ruamel.yaml's round-trip loader for line and column numbers.

ruamel.yaml is the project's YAML home: its round-trip mode keeps positions for reading and
comments and formatting for the linker's write-back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimgraph.errors import Diagnostic, SourcePos
from claimgraph.readers.common import check_top_key, file_graph
from claimgraph.readers.raw import RawEntry, RawFile


def _loader() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


def load_yaml(path: Path, display: str) -> tuple[Any, Diagnostic | None]:
    """Parse one YAML document; a syntax error becomes a Diagnostic with its position."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        with path.open("r", encoding="utf-8") as handle:
            return _loader().load(handle), None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = SourcePos(display, mark.line + 1, mark.column + 1) if mark else SourcePos(display)
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        return None, Diagnostic(pos, f"YAML syntax error: {problem}")
    except YAMLError as exc:
        return None, Diagnostic(SourcePos(display), f"YAML error: {' '.join(str(exc).split())}")
    except UnicodeDecodeError as exc:
        return None, Diagnostic(SourcePos(display), f"not UTF-8 text ({exc.reason})")


def _key_pos(node: Any, key: Any, display: str) -> SourcePos:
    try:
        line, col = node.lc.key(key)
        return SourcePos(display, line + 1, col + 1)
    except (AttributeError, KeyError, TypeError):
        return _node_pos(node, display)


def _node_pos(node: Any, display: str) -> SourcePos:
    lc = getattr(node, "lc", None)
    if lc is not None and lc.line is not None:
        return SourcePos(display, lc.line + 1, lc.col + 1)
    return SourcePos(display)


def _item_pos(seq: Any, index: int, display: str) -> SourcePos:
    try:
        line, col = seq.lc.item(index)
        return SourcePos(display, line + 1, col + 1)
    except (AttributeError, KeyError, TypeError, IndexError):
        return _node_pos(seq, display)


def _field_positions(node: Any, display: str, prefix: str, out: dict[str, SourcePos]) -> None:
    """Record positions of every key (and list item) below ``node``, by dotted path."""
    if isinstance(node, dict):
        for key, value in node.items():
            dotted = f"{prefix}{key}"
            out[dotted] = _key_pos(node, key, display)
            _field_positions(value, display, dotted + ".", out)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            dotted = f"{prefix}{index}"
            if isinstance(value, dict | list):
                out[dotted] = _item_pos(node, index, display)
                _field_positions(value, display, dotted + ".", out)


def entries_from_document(doc: Any, raw: RawFile, *, positions: bool = True) -> None:
    """Turn a parsed YAML or JSON document into entries; layout problems go to ``raw``."""
    display = raw.display
    if doc is None:
        return
    if not isinstance(doc, dict):
        raw.problems.append(
            Diagnostic(
                _node_pos(doc, display) if positions else SourcePos(display, 1, 1),
                "a claims file must be a mapping of entity kinds to lists (e.g. 'claims:')",
            )
        )
        return
    graph, problem = file_graph(doc.get("graph"), _key_pos(doc, "graph", display))
    if problem:
        raw.problems.append(problem)
    for key, items in doc.items():
        key_pos = _key_pos(doc, key, display) if positions else SourcePos(display)
        bad_key = check_top_key(key, key_pos)
        if bad_key:
            raw.problems.append(bad_key)
            continue
        if key == "graph":
            continue
        if not isinstance(items, list):
            raw.problems.append(
                Diagnostic(key_pos, f"'{key}' must be a list of entries", field=key)
            )
            continue
        for index, item in enumerate(items):
            item_pos = _item_pos(items, index, display) if positions else key_pos
            if not isinstance(item, dict):
                raw.problems.append(
                    Diagnostic(item_pos, f"each entry under '{key}' must be a mapping", field=key)
                )
                continue
            fields: dict[str, SourcePos] = {}
            if positions:
                _field_positions(item, display, "", fields)
            raw.entries.append(RawEntry(key, dict(item), item_pos, fields, graph))


def read_yaml(path: Path, display: str) -> RawFile:
    raw = RawFile(path, display)
    doc, problem = load_yaml(path, display)
    if problem:
        raw.problems.append(problem)
        return raw
    entries_from_document(doc, raw)
    return raw
