"""JSON claims files: the same structure as YAML, parsed by the fast standard-library parser.

The standard parser keeps no positions, so entries are placed afterwards by finding their
``"id"`` keys in the text: one regular-expression pass, cheap even for large files.
"""

from __future__ import annotations

import bisect
import json
import re
from pathlib import Path

from claimgraph.errors import Diagnostic, SourcePos
from claimgraph.readers.raw import RawFile
from claimgraph.readers.yaml import entries_from_document

_ID_KEY = re.compile(r'"id"\s*:\s*"((?:[^"\\]|\\.)*)"')


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def read_json(path: Path, display: str) -> RawFile:
    raw = RawFile(path, display)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raw.problems.append(Diagnostic(SourcePos(display), f"not UTF-8 text ({exc.reason})"))
        return raw
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raw.problems.append(
            Diagnostic(SourcePos(display, exc.lineno, exc.colno), f"JSON syntax error: {exc.msg}")
        )
        return raw
    entries_from_document(doc, raw, positions=False)
    starts = _line_starts(text)
    offsets: dict[str, list[int]] = {}
    for match in _ID_KEY.finditer(text):
        written = match.group(1)
        key = json.loads(f'"{written}"') if "\\" in written else written  # unescape if needed
        offsets.setdefault(key, []).append(match.start())
    first_line = SourcePos(display, 1, 1)
    for entry in raw.entries:
        found = offsets.get(str(entry.data.get("id")))
        if found:
            offset = found.pop(0)
            line = bisect.bisect_right(starts, offset)
            entry.pos = SourcePos(display, line, offset - starts[line - 1] + 1)
        else:
            entry.pos = first_line
    return raw
