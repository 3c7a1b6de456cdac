"""CSV claims files: one entity kind per file, named after it (``claims.csv``, ``x.actors.csv``).

Columns are field names. ``quote@ar`` holds the Arabic text of ``quote``; reference columns
hold one id or several separated by ``|``; empty cells are absent values.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from claimgraph.errors import Diagnostic, SourcePos
from claimgraph.model import KINDS
from claimgraph.readers.common import did_you_mean
from claimgraph.readers.raw import RawEntry, RawFile


def csv_kind(path: Path) -> str | None:
    """The entity kind a CSV file holds, from the last dotted part of its stem."""
    stem = path.name[: -len(".csv")]
    kind = stem.rsplit(".", 1)[-1]
    return kind if kind in KINDS else None


def read_csv(path: Path, display: str) -> RawFile:
    raw = RawFile(path, display)
    kind = csv_kind(path)
    if kind is None:
        stem = path.name[: -len(".csv")].rsplit(".", 1)[-1]
        hint = did_you_mean(stem, set(KINDS)) or (
            "name CSV files after the kind they hold: " + ", ".join(sorted(KINDS))
        )
        raw.problems.append(
            Diagnostic(SourcePos(display), f"cannot tell what '{path.name}' holds", hint=hint)
        )
        return raw
    try:
        with path.open("r", encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if header is None:
                return raw
            columns = [_column(name) for name in header]
            multilingual = {name for name, lang in columns if lang}
            line = reader.line_num
            for row in reader:
                start, line = line + 1, reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    raw.problems.append(
                        Diagnostic(
                            SourcePos(display, start, 1),
                            f"row has {len(row)} cells, the header has {len(header)}",
                        )
                    )
                    continue
                data: dict[str, Any] = {}
                fields: dict[str, SourcePos] = {}
                column_no = 1
                for (name, lang), cell in zip(columns, row, strict=True):
                    fields.setdefault(name, SourcePos(display, start, column_no))
                    column_no += len(cell) + 1
                    if cell == "":
                        continue
                    if lang or name in multilingual:
                        existing = data.setdefault(name, {})
                        if isinstance(existing, dict):
                            existing[lang or ""] = cell
                    else:
                        data[name] = cell
                raw.entries.append(RawEntry(kind, data, SourcePos(display, start, 1), fields))
    except csv.Error as exc:
        raw.problems.append(Diagnostic(SourcePos(display, line + 1, 1), f"CSV syntax error: {exc}"))
    except UnicodeDecodeError as exc:
        raw.problems.append(Diagnostic(SourcePos(display), f"not UTF-8 text ({exc.reason})"))
    return raw


def _column(name: str) -> tuple[str, str | None]:
    base, _, lang = name.strip().partition("@")
    return base, (lang.lower() or None)
