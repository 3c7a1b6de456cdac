"""The import service: input files + mapping → dataset directory, and a typed report.

Rows stream from the readers through the compiled mapping into the writer; only the current
chunk of output is held in memory, plus one entry per entity of a ``unique`` rule (an id and
the line that first defined it), so memory grows with the number of distinct shared entities
(actors, places), not with the number of rows.

Each entity produced from a row is checked against the claims-format models before it is
written, so a row that would break ``claimgraph build`` is reported here, at its input line.
A row that cannot be mapped is left out whole and reported (or, with ``strict``, stops the
import: nothing is written). Every problem is a :class:`~claimgraph.errors.Diagnostic` whose
position is the input file and line; the service never prints.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from claimgraph.errors import Diagnostic, InputError, Severity, SourcePos
from claimgraph.ingest.mapping import load_mapping
from claimgraph.ingest.ops import FieldProblem
from claimgraph.ingest.plan import Emitted, Plan
from claimgraph.ingest.sources import BadRow, Columns, Row, detect_format, read_rows
from claimgraph.ingest.writer import DatasetWriter, OutputFormat
from claimgraph.model import KINDS, Entity
from claimgraph.vocab import FIELD_SCHEMES, load_vocabulary

#: Inputs larger than this (in total) are written as JSON unless a format is chosen: the
#: build reads JSON about ten times faster than YAML.
AUTO_JSON_BYTES = 128 << 10


@dataclass(frozen=True, slots=True)
class InputSummary:
    """One input file: as displayed, how many records it held, and its SHA-256."""

    path: str
    rows: int
    sha256: str


@dataclass(frozen=True)
class ImportReport:
    """What an import did. ``problems`` holds skipped rows (errors) and warnings, in order."""

    output: Path
    mapping: str
    format: OutputFormat
    inputs: tuple[InputSummary, ...]
    rows_read: int
    rows_imported: int
    entities: dict[str, int]
    files: tuple[str, ...]
    problems: tuple[Diagnostic, ...] = ()

    @property
    def rows_skipped(self) -> int:
        return self.rows_read - self.rows_imported

    @property
    def errors(self) -> list[Diagnostic]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def import_files(
    mapping: Path | Plan,
    inputs: Sequence[Path],
    output: Path,
    *,
    strict: bool = False,
    output_format: OutputFormat | None = None,
    chunk_rows: int | None = None,
    overwrite: bool = False,
    check: bool = True,
) -> ImportReport:
    """Import ``inputs`` with ``mapping`` into the dataset directory ``output``.

    Raises InputError for a malformed mapping, a missing input, or (``strict``) the first row
    that cannot be mapped; ConfigError when ``output`` holds something else.

    >>> report = import_files(Path("mappings/ucdp-ged.yaml"),  # doctest: +SKIP
    ...                       [Path("validation.jsonl")], Path("out/ucdp"))
    >>> report.rows_imported  # doctest: +SKIP
    651
    """
    plan = load_mapping(mapping) if isinstance(mapping, Path) else mapping
    missing = [p for p in inputs if not p.is_file()]
    if missing:
        raise InputError(
            [Diagnostic(SourcePos(_display(p)), "no such input file") for p in missing]
        )
    fmt = output_format or _auto_format(plan.output.format, inputs)
    writer = DatasetWriter(
        output, fmt=fmt, chunk_rows=chunk_rows or plan.output.chunk, overwrite=overwrite
    )
    importer = _Importer(plan, writer, strict=strict, check=check)
    try:
        summaries = [importer.read(path) for path in inputs]
        writer.write_manifest(_manifest(plan.dataset), _provenance(plan, summaries))
        writer.write_static(plan.static)
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    return ImportReport(
        output=output,
        mapping=plan.name,
        format=fmt,
        inputs=tuple(summaries),
        rows_read=importer.rows_read,
        rows_imported=importer.rows_imported,
        entities=dict(writer.counts),
        files=tuple(sorted(writer.files)),
        problems=tuple(importer.problems),
    )


class _Importer:
    def __init__(self, plan: Plan, writer: DatasetWriter, *, strict: bool, check: bool) -> None:
        self.plan = plan
        self.writer = writer
        self.strict = strict
        self.check = check
        self.context = {"language": str(plan.dataset.get("language", "en"))}
        #: ids of ``unique`` rules already written → where (input number, line), packed into
        #: one int: this map is what grows with the input, so it is kept small
        self.seen: dict[str, int] = {}
        self.files: list[str] = []
        self.problems: list[Diagnostic] = []
        self.rows_read = 0
        self.rows_imported = 0
        self.vocabulary = load_vocabulary()
        self.record_field = "inputRecord" if "input_record" in Entity.model_fields else "note"

    def read(self, path: Path) -> InputSummary:
        display = path.name
        self.files.append(display)
        options = self.plan.input
        fmt = detect_format(path, options.format)
        before = self.rows_read
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        try:
            for item in read_rows(
                path,
                display,
                fmt=fmt,
                header=options.header,
                columns=options.columns,
                delimiter=options.delimiter,
                quotechar=options.quotechar,
                encoding=options.encoding,
            ):
                if isinstance(item, Columns):
                    self._check_columns(item)
                elif isinstance(item, BadRow):
                    self.rows_read += 1
                    self._skip(item.file, item.line, item.reason)
                else:
                    self.rows_read += 1
                    self._row(item)
        except UnicodeDecodeError as exc:
            raise InputError(
                Diagnostic(
                    SourcePos(display),
                    f"not {options.encoding} text ({exc.reason} at byte {exc.start})",
                    hint="set input.encoding in the mapping (e.g. utf-8-sig, cp1256)",
                )
            ) from None
        return InputSummary(display, self.rows_read - before, digest.hexdigest())

    def _where(self, packed: int) -> str:
        return f"{self.files[packed & 0xFFFFFFFF]}:{packed >> 32}"

    def _check_columns(self, columns: Columns) -> None:
        for group in self.plan.missing_columns(set(columns.names)):
            names = " or ".join(f"'{n}'" for n in group)
            shown = ", ".join(columns.names[:12]) + (" …" if len(columns.names) > 12 else "")
            self._warn(
                SourcePos(columns.file, 1),
                f"the mapping reads column {names}, which this file does not have "
                f"(it has: {shown}); those values will be empty",
            )

    def _row(self, row: Row) -> None:
        where = f"{row.file}:{row.line}"
        try:
            mapped = self.plan.map_row(row.values, self.seen)
        except FieldProblem as failed:
            self._skip(row.file, row.line, f"{failed.where}: {failed.message}")
            return
        out: list[tuple[str, dict[str, Any]]] = []
        claimed: set[str] = set()
        notes: list[str] = []
        for emitted in mapped.entities:
            data = emitted.data
            rule = emitted.rule
            if emitted.known:
                entity_id = data["id"]
                first = self._where(self.seen[entity_id])
                if rule.unique == "error":
                    self._skip(
                        row.file,
                        row.line,
                        f"duplicate {rule.kind} id '{entity_id}' (first imported from {first})",
                    )
                    return
                if rule.unique == "warn":
                    notes.append(
                        f"{rule.kind} '{entity_id}' was already imported from {first}; "
                        "this row refers to that one"
                    )
                continue
            if rule.unique != "none":
                if data["id"] in claimed:
                    continue  # the same shared entity twice in one row
                claimed.add(data["id"])
            if self.plan.record and rule.kind != "figures":
                data = {**data, self.record_field: where}
            if self.check:
                problem = self._model_problem(emitted, data)
                if problem:
                    self._skip(row.file, row.line, problem)
                    return
            out.append((rule.kind, data))
        for entity_id in claimed:
            self.seen[entity_id] = row.line << 32 | (len(self.files) - 1)
        for message in [*notes, *mapped.warnings]:
            self._warn(SourcePos(row.file, row.line), message)
        self.writer.add_row(out)
        self.rows_imported += 1

    def _model_problem(self, emitted: Emitted, data: dict[str, Any]) -> str | None:
        """Why the build would reject this entity on its own, or None.

        The models check form; the vocabulary check catches a value map that gives a
        concept the vocabulary lacks. References to other ids are left to the build, which
        sees the whole dataset.
        """
        cls: type[BaseModel] = KINDS[emitted.rule.kind]
        what = f"{emitted.rule.label} '{data.get('id', '')}'"
        try:
            model = cls.model_validate(data, context=self.context)
        except ValidationError as exc:
            error = exc.errors()[0]
            dotted = ".".join(str(p) for p in error["loc"])
            text = str(error["msg"]).removeprefix("Value error, ")
            more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
            return f"{what}: field '{dotted}': {text}{more}"
        for owner, prefix in [(model, ""), *_figures(model)]:
            for name, scheme in _schemes(type(owner)):
                value = getattr(owner, name)
                for concept in value if isinstance(value, list) else [value]:
                    if concept and self.vocabulary.resolve(scheme, concept) is None:
                        hint = self.vocabulary.suggest(scheme, concept)
                        also = f" (did you mean '{hint}'?)" if hint else ""
                        where = f"{prefix}{name}"
                        return f"{what}: '{concept}' is not a {scheme} concept in '{where}'{also}"
        return None

    def _skip(self, file: str, line: int, reason: str) -> None:
        diagnostic = Diagnostic(SourcePos(file, line), f"row not imported: {reason}")
        if self.strict:
            raise InputError(diagnostic)
        self.problems.append(diagnostic)

    def _warn(self, pos: SourcePos, message: str) -> None:
        self.problems.append(Diagnostic(pos, message, severity=Severity.WARNING))


@functools.cache
def _schemes(cls: type[BaseModel]) -> list[tuple[str, str]]:
    """The vocabulary-valued fields of a model class, with their concept schemes."""
    return [(n, scheme) for n, scheme in FIELD_SCHEMES.items() if n in cls.model_fields]


def _figures(model: BaseModel) -> list[tuple[BaseModel, str]]:
    figures = getattr(model, "figures", None) or []
    return [(figure, f"figures.{n}.") for n, figure in enumerate(figures)]


def _auto_format(declared: str, inputs: Sequence[Path]) -> OutputFormat:
    if declared in ("yaml", "json"):
        return declared  # type: ignore[return-value]
    size = sum(p.stat().st_size for p in inputs)
    return "json" if size > AUTO_JSON_BYTES else "yaml"


def _manifest(dataset: dict[str, Any]) -> dict[str, Any]:
    """The mapping's manifest, dated today (or ``SOURCE_DATE_EPOCH``) unless it says when."""
    if "created" in dataset:
        return dataset
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    when = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC) if epoch.isdigit() else None
    return {**dataset, "created": (when or dt.datetime.now(tz=dt.UTC)).date().isoformat()}


def _provenance(plan: Plan, inputs: list[InputSummary]) -> list[str]:
    lines = [f"mapping: {plan.source} ({plan.name}, sha256 {plan.sha256})", "inputs:"]
    lines.extend(f"  {i.path}: {i.rows} rows, sha256 {i.sha256}" for i in inputs)
    lines.append("Review these files freely; re-running the import replaces them.")
    return lines


def _display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


__all__ = ["ImportReport", "InputSummary", "import_files"]
