"""Input rows with the line they start on: CSV (with or without a header) and JSON Lines.

Readers stream: one row in memory at a time, whatever the file's size. A row that cannot be
read (a JSON syntax error, a CSV row with the wrong number of cells) is yielded as a
:class:`BadRow` so that the importer reports it with its line and goes on, or stops under
``--strict``. Line numbers are those of the file as a text editor shows them: a CSV record
whose quoted cell holds newlines is reported at the line it starts on.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

Format = Literal["csv", "jsonl"]

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")


@dataclass(frozen=True, slots=True)
class Row:
    """One input record: the file as displayed, its first line, its values by column name."""

    file: str
    line: int
    values: dict[str, Any]


@dataclass(frozen=True, slots=True)
class BadRow:
    """A record that could not be read, and why."""

    file: str
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class Columns:
    """The column names an input offers, known before its rows are mapped (CSV header or
    declared columns; for JSON Lines, the keys of the first record)."""

    file: str
    names: tuple[str, ...]


def detect_format(path: Path, declared: str) -> Format:
    """``declared`` unless it is ``auto``; then JSON Lines by suffix, else CSV.

    >>> detect_format(Path("events.jsonl"), "auto"), detect_format(Path("x.tsv"), "auto")
    ('jsonl', 'csv')
    """
    if declared in ("csv", "jsonl"):
        return declared  # type: ignore[return-value]
    return "jsonl" if path.name.lower().endswith(JSONL_SUFFIXES) else "csv"


def read_rows(
    path: Path,
    display: str,
    *,
    fmt: Format,
    header: bool = True,
    columns: list[str] | None = None,
    delimiter: str = ",",
    quotechar: str = '"',
    encoding: str = "utf-8",
) -> Iterator[Row | BadRow | Columns]:
    """Every record of ``path``, in order; a :class:`Columns` comes first when known."""
    if fmt == "jsonl":
        yield from _jsonl(path, display, encoding)
    else:
        yield from _csv(path, display, header, columns, delimiter, quotechar, encoding)


def _jsonl(path: Path, display: str, encoding: str) -> Iterator[Row | BadRow | Columns]:
    announced = False
    with path.open("r", encoding=encoding, newline="") as handle:
        for number, text in enumerate(_lines(handle), start=1):
            if not text.strip():
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                yield BadRow(display, number, f"JSON syntax error at column {exc.colno}: {exc.msg}")
                continue
            if not isinstance(record, dict):
                yield BadRow(display, number, "a JSON Lines record must be an object {…}")
                continue
            if not announced:
                yield Columns(display, tuple(record))
                announced = True
            yield Row(display, number, record)


def _lines(handle: Any) -> Iterator[str]:
    """Lines split on \\n only (JSON strings may hold U+2028 and other separators)."""
    pending = ""
    while block := handle.read(1 << 16):
        pending += block
        *complete, pending = pending.split("\n")
        yield from complete
    if pending:
        yield pending


def _csv(
    path: Path,
    display: str,
    header: bool,
    columns: list[str] | None,
    delimiter: str,
    quotechar: str,
    encoding: str,
) -> Iterator[Row | BadRow | Columns]:
    names: list[str] | None = list(columns) if columns else None
    skip_header = header  # the file's first record is a header (replaced by ``columns``)
    if names is not None:
        yield Columns(display, tuple(names))
    with path.open("r", encoding=encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter, quotechar=quotechar, strict=True)
        ended = 0  # the line the previous record ended on
        while True:
            start = ended + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield BadRow(display, start, f"CSV syntax error: {exc}")
                return  # the reader cannot find the next record after a broken quote
            ended = reader.line_num
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue
            if skip_header:
                skip_header = False
                if names is None:
                    names = [c.strip() for c in cells]
                    yield Columns(display, tuple(names))
                continue
            if names is None:
                names = [str(n) for n in range(len(cells))]
                yield Columns(display, tuple(names))
            if len(cells) != len(names):
                yield BadRow(
                    display,
                    start,
                    f"expected {len(names)} cells, found {len(cells)} "
                    "(a missing quote, or a delimiter inside an unquoted cell?)",
                )
                continue
            yield Row(display, start, dict(zip(names, cells, strict=True)))


__all__ = ["BadRow", "Columns", "Format", "Row", "detect_format", "read_rows"]
