"""Writing an imported dataset: ``dataset.yaml``, ``static.yaml`` and chunks of entities.

The output is an ordinary dataset directory in the claims format (``docs/format.md``), meant to
be read and reviewed by people and taken as is by ``build``, ``validate`` and ``publish``:

- ``dataset.yaml``: the manifest, under a comment naming the mapping and input files (SHA-256);
- ``static.yaml``: the entities the mapping declares once (the claimant of every row …);
- ``rows-000001.yaml`` (or ``.json``) …: the entities of ``chunk`` input rows each, by kind.

Chunks keep memory bounded (one chunk is held at a time) and files small enough to review.
YAML is written by a small emitter of our own rather than ruamel.yaml, because it is an order
of magnitude faster and needs only plain data: block style, plain scalars where they cannot be
misread, double-quoted (JSON-style, escaped) strings otherwise, so any Unicode text survives.
JSON chunks hold one entity per line, for diffs and line-numbered errors.

Everything is written into a sibling temporary directory that replaces the target only when
the import succeeds, so a failed or interrupted import leaves the previous output untouched.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from claimgraph.errors import ConfigError

OutputFormat = Literal["yaml", "json"]

MARKER = "# Written by claimgraph import"

#: Kinds in the order a reader expects them: what claims refer to comes first.
SECTION_ORDER = (
    "actors", "locations", "events", "sources", "evidence", "investigations", "munitions",
    "platforms", "targets", "legalConcepts", "claims", "rebuttals", "assessments", "figures",
)  # fmt: skip

# --------------------------------------------------------------------------- YAML

#: Letters of any script, digits, and a few safe marks: such text needs no quotes in YAML.
_PLAIN = re.compile(r"[^\W\d][\w.\-/ ]*\Z")  # \Z: "$" would also match before a final newline
_RESERVED_PLAIN = frozenset(
    {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~", "nan", "inf"}
)
#: Characters YAML does not allow raw in a double-quoted scalar (or would fold as line breaks).
_YAML_UNSAFE = re.compile("[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def yaml_string(text: str) -> str:
    """A YAML scalar that reads back as exactly ``text``.

    >>> yaml_string("Incident"), yaml_string("2015-12-23"), yaml_string("yes")
    ('Incident', '"2015-12-23"', '"yes"')
    >>> yaml_string("a\\nb")
    '"a\\\\nb"'
    """
    if _PLAIN.match(text) and text.lower() not in _RESERVED_PLAIN and not text.endswith(" "):
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return repr(value)
    return yaml_string(str(value))


def _yaml_lines(value: Any, indent: int, out: list[str]) -> None:
    """Append ``value`` (a mapping or list) in block style at ``indent`` spaces."""
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            key_text = yaml_string(str(key))
            if isinstance(item, dict | list) and item:
                out.append(f"{pad}{key_text}:")
                _yaml_lines(item, indent + 2, out)
            else:
                out.append(f"{pad}{key_text}: {_inline(item)}")
    else:
        for item in value:
            if isinstance(item, dict) and item:
                start = len(out)
                _yaml_lines(item, indent + 2, out)
                out[start] = f"{pad}- {out[start][indent + 2 :]}"
            elif isinstance(item, list) and item:
                out.append(f"{pad}-")
                _yaml_lines(item, indent + 2, out)
            else:
                out.append(f"{pad}- {_inline(item)}")


def _inline(value: Any) -> str:
    if isinstance(value, dict):
        return (
            "{}"
            if not value
            else "{"
            + ", ".join(f"{yaml_string(str(k))}: {_inline(v)}" for k, v in value.items())
            + "}"
        )
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    return _scalar(value)


def dump_yaml(document: dict[str, Any]) -> str:
    """A claims-file document (``{kind: [entity, …]}``) as YAML text.

    >>> print(dump_yaml({"actors": [{"id": "UCDP", "altLabels": ["UCDP"]}]}), end="")
    actors:
      - id: UCDP
        altLabels:
          - UCDP
    """
    out: list[str] = []
    _yaml_lines(document, 0, out)
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- JSON


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        as_float = float(value)
        return as_float if repr(as_float) == format(value, "f") else format(value, "f")
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def dump_json(document: dict[str, Any]) -> str:
    """A claims-file document as JSON, one entity per line."""
    parts: list[str] = []
    for kind, entities in document.items():
        lines = ",\n".join(
            json.dumps(e, ensure_ascii=False, default=_json_default) for e in entities
        )
        parts.append(f"{json.dumps(kind)}: [\n{lines}\n]")
    return "{\n" + ",\n".join(parts) + "\n}\n"


# --------------------------------------------------------------------------- the directory


class DatasetWriter:
    """Writes a dataset directory chunk by chunk; :meth:`commit` puts it in place.

    ``overwrite`` replaces an earlier import (a directory whose ``dataset.yaml`` carries the
    import marker); any other non-empty directory is refused, so a mistyped ``-o`` never
    deletes someone's work.
    """

    def __init__(
        self, target: Path, *, fmt: OutputFormat, chunk_rows: int, overwrite: bool = False
    ) -> None:
        self.target = target
        self.fmt = fmt
        self.chunk_rows = chunk_rows
        _check_target(target, overwrite=overwrite)
        target.parent.mkdir(parents=True, exist_ok=True)
        self.work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        self.files: list[str] = []
        self.counts: dict[str, int] = {}
        self._pending: dict[str, list[dict[str, Any]]] = {}
        self._rows = 0
        self._chunk = 0

    def write_manifest(self, manifest: dict[str, Any], comment: Iterable[str]) -> None:
        header = "\n".join(f"# {line}".rstrip() for line in [MARKER[2:], *comment])
        self._write("dataset.yaml", header + "\n" + dump_yaml(manifest))

    def write_static(self, sections: dict[str, list[dict[str, Any]]]) -> None:
        if sections:
            for kind, entities in sections.items():
                self.counts[kind] = self.counts.get(kind, 0) + len(entities)
            self._write("static.yaml", dump_yaml(_ordered(sections)))

    def add_row(self, entities: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """The entities of one input row; a chunk is written every ``chunk_rows`` rows."""
        for kind, data in entities:
            self._pending.setdefault(kind, []).append(data)
            self.counts[kind] = self.counts.get(kind, 0) + 1
        self._rows += 1
        if self._rows >= self.chunk_rows:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            self._rows = 0
            return
        self._chunk += 1
        document = _ordered(self._pending)
        if self.fmt == "json":
            self._write(f"rows-{self._chunk:06d}.json", dump_json(document))
        else:
            self._write(f"rows-{self._chunk:06d}.yaml", dump_yaml(document))
        self._pending = {}
        self._rows = 0

    def commit(self) -> None:
        """Replace the target with what was written."""
        self.flush()
        if self.target.exists():
            shutil.rmtree(self.target)
        os.replace(self.work, self.target)

    def abort(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)

    def _write(self, name: str, text: str) -> None:
        (self.work / name).write_text(text, encoding="utf-8")
        self.files.append(name)


def _ordered(sections: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    rank = {kind: n for n, kind in enumerate(SECTION_ORDER)}
    return {k: sections[k] for k in sorted(sections, key=lambda k: rank.get(k, len(rank)))}


def _check_target(target: Path, *, overwrite: bool) -> None:
    if not target.exists():
        return
    if not target.is_dir():
        raise ConfigError(f"{target} exists and is not a directory")
    if not any(target.iterdir()):
        return
    manifest = target / "dataset.yaml"
    ours = manifest.exists() and manifest.read_text(encoding="utf-8").startswith(MARKER)
    if not overwrite:
        hint = " (add --overwrite to replace it)" if ours else ""
        raise ConfigError(f"{target} is not empty{hint}")
    if not ours:
        raise ConfigError(
            f"{target} is not empty and was not written by claimgraph import; "
            "refusing to replace it — choose another directory"
        )


__all__ = ["DatasetWriter", "OutputFormat", "dump_json", "dump_yaml", "yaml_string"]
