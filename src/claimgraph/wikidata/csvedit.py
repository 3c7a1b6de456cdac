"""CSV write-back: a ``wikidata`` column added, or its empty cells filled.

The file is split into records by the csv module fed one physical line at a time, so each
record's lines are known (quoted cells may span lines). A new column is appended to the last
line of every record; a filled cell rewrites only its record. Quoting elsewhere, line endings
and a byte-order mark stay as they were, and the result is read back and compared.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

from claimgraph.wikidata.writeback import FIELD, LinkEdit, _cannot, _ending, _lines


def _records(text: str) -> Iterator[tuple[int, int, list[str]]]:
    """(first line, end line, cells) of each CSV record, by physical lines."""
    lines = _lines(text)
    feed = iter(lines)
    reader = csv.reader(feed, strict=True)
    start = 0
    for row in reader:
        yield start, reader.line_num, row
        start = reader.line_num


def _csv_cell(value: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow([value])
    return buffer.getvalue()


def edit_csv(
    text: str, edits: Sequence[LinkEdit], *, display: str
) -> tuple[str, list[tuple[LinkEdit, str]]]:
    """The CSV text with a ``wikidata`` column added or filled for the edited rows."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = _lines(text[len(bom) :])
    records = list(_records(text[len(bom) :]))
    if not records:
        raise _cannot(display, None, edits[0], "the file has no header row")
    header = [cell.strip() for cell in records[0][2]]
    wanted = {edit.entity_id: edit for edit in edits}
    conflicts: list[tuple[LinkEdit, str]] = []
    if "id" not in header:
        raise _cannot(display, 1, edits[0], "the header has no 'id' column")
    id_col = header.index("id")
    column = header.index(FIELD) if FIELD in header else None
    out = list(lines)
    found: set[str] = set()

    def append(last: int, cell: str) -> None:
        line = out[last - 1]
        body = line.rstrip("\r\n")
        out[last - 1] = body + "," + cell + line[len(body) :]

    if column is None:
        append(records[0][1], FIELD)
    for first, last, row in records[1:]:
        if not row:
            continue
        entity_id = row[id_col] if id_col < len(row) else ""
        edit = wanted.get(entity_id)
        if edit is not None:
            found.add(entity_id)
        if column is None:
            append(last, _csv_cell(edit.value) if edit else "")
            continue
        if edit is None:
            continue
        current = row[column] if column < len(row) else ""
        if current == edit.value:
            continue
        if current and not edit.replace:
            conflicts.append((edit, f"already linked to {current}"))
            continue
        cells = row + [""] * (column + 1 - len(row))
        cells[column] = edit.value
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator=_ending(out[last - 1])).writerow(cells)
        record = buffer.getvalue()
        if not out[last - 1].endswith("\n"):
            record = record.rstrip("\r\n")
        out[first:last] = [record] + [""] * (last - first - 1)
    missing = [e for e in edits if e.entity_id not in found]
    if missing:
        raise _cannot(display, None, missing[0], "no row with this id")
    new_text = bom + "".join(out)
    _verify_csv(records, new_text, column, id_col, wanted, conflicts, display)
    return new_text, conflicts


def _verify_csv(
    records: list[tuple[int, int, list[str]]],
    new_text: str,
    column: int | None,
    id_col: int,
    wanted: dict[str, LinkEdit],
    conflicts: list[tuple[LinkEdit, str]],
    display: str,
) -> None:
    """The new CSV must hold the old rows, with only the wikidata cells added or filled."""
    skipped = {edit.entity_id for edit, _ in conflicts}
    expected = []
    for index, (_, _, row) in enumerate(records):
        if not row:
            continue
        cells = list(row)
        if index == 0:
            if column is None:
                cells.append(FIELD)
            expected.append(cells)
            continue
        edit = wanted.get(cells[id_col] if id_col < len(cells) else "")
        value = edit.value if edit and edit.entity_id not in skipped else None
        if column is None:
            cells.append(value or "")
        elif value is not None:
            cells += [""] * (column + 1 - len(cells))
            cells[column] = value
        expected.append(cells)
    text = new_text.removeprefix("\ufeff")
    actual = [row for _, _, row in _records(text) if row]
    if actual != expected:
        edit = next(iter(wanted.values()))
        raise _cannot(display, None, edit, "the edit would change other data")
