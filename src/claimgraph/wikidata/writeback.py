"""Writing ``wikidata:`` values back into the user's files, changing nothing else.

People keep comments, blank lines, key order and quoting in their claims files, and review
changes as diffs; a tool that re-dumps the whole file turns a one-line change into noise. So
the file is parsed with ruamel.yaml's round-trip loader only to *find* things (the entity by
its id under its kind key, and the line and column of its keys), and the change is made as a
text edit of the lines concerned:

- block mappings gain one line ``wikidata: Q159``, indented like their keys, after the entity's
  names (the last of ``id``, ``type``, ``label``, ``altLabels``, ``description``);
- flow mappings and JSON objects gain ``, wikidata: Q159`` (``, "wikidata": "Q159"``) right
  after the id's value;
- an empty or ``null`` value is filled in place;
- CSV files gain a ``wikidata`` column (appended to each record's last line) or have the cell
  filled, re-writing only the records that change.

Every edited text is parsed again and compared with the original: it must hold exactly the same
data plus the new values, or the file is left alone and the entity reported (exit 3). Files are
replaced atomically, keeping their permissions.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimgraph.errors import Diagnostic, InputError, SourcePos

FIELD = "wikidata"
_AFTER = ("id", "type", "label", "altLabels", "alt_labels", "description")
_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(frozen=True, slots=True)
class LinkEdit:
    """Set ``wikidata`` of the entity ``entity_id`` under ``kind_key`` in ``path``."""

    path: Path
    kind_key: str
    entity_id: str
    value: str
    replace: bool = False  # overwrite a different existing value (only --apply asks for this)


@dataclass(frozen=True, slots=True)
class WriteResult:
    """Files changed, and edits skipped because the entity already had another value."""

    changed: tuple[Path, ...]
    conflicts: tuple[tuple[LinkEdit, str], ...]


def write_links(edits: Sequence[LinkEdit]) -> WriteResult:
    """Apply ``edits`` file by file; all texts are prepared before any file is replaced."""
    by_file: dict[Path, list[LinkEdit]] = {}
    for edit in edits:
        by_file.setdefault(edit.path, []).append(edit)
    prepared: list[tuple[Path, str, str]] = []
    conflicts: list[tuple[LinkEdit, str]] = []
    for path, file_edits in by_file.items():
        original = _read(path)
        if path.suffix == ".csv":
            from claimgraph.wikidata.csvedit import edit_csv

            text, skipped = edit_csv(original, file_edits, display=str(path))
        else:
            text, skipped = edit_yaml(original, file_edits, display=str(path))
        conflicts.extend(skipped)
        if text != original:
            prepared.append((path, original, text))
    for path, _, text in prepared:
        replace_file(path, text)
    return WriteResult(tuple(p for p, _, _ in prepared), tuple(conflicts))


def _read(path: Path) -> str:
    try:
        with path.open("r", encoding="utf-8", newline="") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(Diagnostic(SourcePos(str(path)), f"cannot read: {exc}")) from exc


def replace_file(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then move it into place."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        if path.exists():
            shutil.copymode(path, temp)
        else:
            os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------- YAML and JSON


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = True
    return yaml


def plain(node: Any) -> Any:
    """ruamel's round-trip nodes as plain dicts, lists and scalars, for comparison."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return node


def find_entity(doc: Any, kind_key: str, entity_id: str) -> Any | None:
    """The mapping with ``id: entity_id`` in the list under ``kind_key``, or None."""
    items = doc.get(kind_key) if isinstance(doc, dict) else None
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and str(item.get("id")) == entity_id:
            return item
    return None


@dataclass(frozen=True, slots=True)
class _Patch:
    line: int  # 0-based
    start: int  # column where the replaced text starts
    end: int  # column where it ends (exclusive); start == end inserts
    text: str
    new_line: bool = False  # insert ``text`` as a whole line before ``line``


def _lines(text: str) -> list[str]:
    """Lines with their endings, split on ``\\n`` only (as YAML counts them)."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def _ending(line: str) -> str:
    return "\r\n" if line.endswith("\r\n") else "\n"


def edit_yaml(
    text: str, edits: Sequence[LinkEdit], *, display: str
) -> tuple[str, list[tuple[LinkEdit, str]]]:
    """The YAML (or JSON) text with the edits made; plus edits skipped as conflicts."""
    is_json = display.endswith(".json")
    doc = _yaml().load(text)
    lines = _lines(text)
    patches: list[_Patch] = []
    conflicts: list[tuple[LinkEdit, str]] = []
    expected = plain(doc)
    applied: list[LinkEdit] = []
    for edit in edits:
        item = find_entity(doc, edit.kind_key, edit.entity_id)
        if item is None:
            raise _cannot(
                display, None, edit, f"no entity '{edit.entity_id}' under '{edit.kind_key}'"
            )
        current = item.get(FIELD) if FIELD in item else None
        has_other = FIELD in item and current not in (None, "") and str(current) != edit.value
        if has_other and not edit.replace:
            conflicts.append((edit, f"already linked to {current}"))
            continue
        if FIELD in item and str(current) == edit.value:
            continue
        try:
            patches.append(_patch(lines, doc, item, edit, is_json=is_json))
        except _Unplaceable as exc:
            raise _cannot(display, int(item.lc.line) + 1, edit, str(exc)) from None
        plain_item = find_entity(expected, edit.kind_key, edit.entity_id)
        assert plain_item is not None  # the same document, read the same way
        plain_item[FIELD] = edit.value
        applied.append(edit)
    new_text = _apply(lines, patches)
    if applied:
        try:
            result = plain(_yaml().load(new_text))
        except Exception as exc:  # any parse failure means the edit broke the file
            result = exc
        if result != expected:
            first = applied[0]
            raise _cannot(
                display, _entity_line(doc, first), first, "the edit would change other data"
            )
    return new_text, conflicts


def _cannot(display: str, line: int | None, edit: LinkEdit, why: str) -> InputError:
    return InputError(
        Diagnostic(
            SourcePos(display, line),
            f"cannot write {FIELD}: {edit.value} for '{edit.entity_id}': {why}",
            hint=f"add '{FIELD}: {edit.value}' to it by hand",
            entity=edit.entity_id,
        )
    )


def _entity_line(doc: Any, edit: LinkEdit) -> int | None:
    item = find_entity(doc, edit.kind_key, edit.entity_id)
    return int(item.lc.line) + 1 if item is not None else None


def _patch(lines: list[str], doc: Any, item: Any, edit: LinkEdit, *, is_json: bool) -> _Patch:
    value = f'"{edit.value}"' if is_json else edit.value
    if FIELD in item:
        return _replace_value(lines, item, value)
    if is_json or item.fa.flow_style():
        line, col = item.lc.value("id")
        end = _token_end(lines[line], col)
        key = f'"{FIELD}"' if is_json else FIELD
        return _Patch(line, end, end, f", {key}: {value}")
    return _insert_line(lines, doc, item, edit, value)


def _token_end(line: str, col: int) -> int:
    """End column of the scalar starting at ``col`` (plain, single- or double-quoted)."""
    quote = line[col] if col < len(line) else ""
    if quote == '"':
        i = col + 1
        while i < len(line) and line[i] != '"':
            i += 2 if line[i] == "\\" else 1
        return i + 1
    if quote == "'":
        i = col + 1
        while i < len(line):
            if line[i] == "'" and line[i + 1 : i + 2] == "'":
                i += 2
            elif line[i] == "'":
                return i + 1
            else:
                i += 1
        return i
    match = re.compile(r"[^\s,}\]#]+").match(line, col)
    return match.end() if match else col


def _replace_value(lines: list[str], item: Any, value: str) -> _Patch:
    """Fill (or overwrite) an existing ``wikidata`` value where it stands."""
    key_line, key_col = item.lc.key(FIELD)
    line = lines[key_line]
    match = re.compile(r'"?wikidata"?\s*:').match(line, key_col)
    if match is None:
        raise _Unplaceable("the wikidata key is not where the parser placed it")
    spaces = re.compile(r"[ \t]*").match(line, match.end())
    start = spaces.end() if spaces else match.end()
    end = _token_end(line, start)
    if end == start:  # ``wikidata:`` with nothing (or only a comment) after it
        return _Patch(key_line, match.end(), match.end(), " " + value)
    return _Patch(key_line, start, end, value)


class _Unplaceable(Exception):
    """The edit cannot be placed as text; the caller reports the entity instead."""


def _insert_line(lines: list[str], doc: Any, item: Any, edit: LinkEdit, value: str) -> _Patch:
    """A new ``wikidata:`` line after the entity's names, indented like its keys."""
    keys = [str(k) for k in item]
    anchor = max((keys.index(k) for k in _AFTER if k in keys), default=0)
    anchor_line, col = item.lc.key(keys[anchor])
    if anchor + 1 < len(keys):
        bound = item.lc.key(keys[anchor + 1])[0]
    else:
        bound = _next_line_after(doc, edit.kind_key, item, len(lines))
    end = bound
    while end - 1 > anchor_line and _is_blank_or_comment(lines[end - 1]):
        end -= 1
    before = lines[end - 1] if end - 1 < len(lines) else "\n"
    newline = _ending(before)
    if not before.endswith("\n"):  # the file's last line has no line ending
        return _Patch(end - 1, len(before), len(before), f"{newline}{' ' * col}{FIELD}: {value}")
    return _Patch(end, 0, 0, f"{' ' * col}{FIELD}: {value}{newline}", new_line=True)


def _next_line_after(doc: Any, kind_key: str, item: Any, total: int) -> int:
    """The first line after the entity: the next item, the next top-level key, or the end."""
    items = doc[kind_key]
    index = next(i for i, candidate in enumerate(items) if candidate is item)
    if index + 1 < len(items):
        return int(items.lc.item(index + 1)[0])
    keys = [str(k) for k in doc]
    position = keys.index(kind_key)
    if position + 1 < len(keys):
        return int(doc.lc.key(keys[position + 1])[0])
    return total


def _is_blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _apply(lines: list[str], patches: Sequence[_Patch]) -> str:
    out = list(lines)
    for patch in sorted(patches, key=lambda p: (p.line, p.start), reverse=True):
        if patch.new_line:
            out.insert(patch.line, patch.text)
        else:
            line = out[patch.line]
            out[patch.line] = line[: patch.start] + patch.text + line[patch.end :]
    return "".join(out)
