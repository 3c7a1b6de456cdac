"""From raw entries to a resolved dataset: models, unique ids, references, vocabulary values.

Everything here is a problem of *form* that stops a build (exit 3). Missing fields are not:
they are left to the shapes, which say what to add.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from claimgraph.errors import Diagnostic, InputError, SourcePos
from claimgraph.iris import RESERVED_DATASET_IDS, is_valid_base, is_valid_id
from claimgraph.model import KINDS, Annotation, Figure, Manifest, _id, _ids
from claimgraph.readers.common import did_you_mean
from claimgraph.readers.raw import RawEntry, RawFile
from claimgraph.vocab import FIELD_SCHEMES, Vocabulary, load_vocabulary


@dataclass(slots=True)
class ResolvedEntity:
    """A validated entry: its model, where it was written, and the graph it belongs to."""

    kind: str
    id: str
    model: BaseModel
    entry: RawEntry
    rel_path: str
    graph: str | None = None

    @property
    def pos(self) -> SourcePos:
        return self.entry.pos


@dataclass
class Dataset:
    """One dataset read wholly into memory: for commands that need every entity at hand."""

    ctx: DatasetContext
    files: list[RawFile]
    entities: list[ResolvedEntity] = field(default_factory=list)
    annotations: list[ResolvedEntity] = field(default_factory=list)
    by_id: dict[str, ResolvedEntity] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.ctx.id

    @property
    def directory(self) -> Path:
        return self.ctx.directory

    @property
    def manifest(self) -> Manifest:
        return self.ctx.manifest


# --------------------------------------------------------------------------- model helpers


@cache
def _field_kinds(cls: type[BaseModel]) -> dict[str, str]:
    """Field name → 'ref' / 'refs' for reference fields (those typed with Id or Ids)."""
    out: dict[str, str] = {}
    for name, info in cls.model_fields.items():
        if name == "id":
            continue
        funcs = {getattr(m, "func", None) for m in [*info.metadata, *_metadata(info.annotation)]}
        if _ids in funcs:
            out[name] = "refs"
        elif _id in funcs:
            out[name] = "ref"
    return out


def _metadata(annotation: Any) -> Iterator[Any]:
    """Annotated metadata anywhere inside a type (``Id | None`` hides it in a union)."""
    yield from getattr(annotation, "__metadata__", ())
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _metadata(arg)


def _alias(cls: type[BaseModel], name: str) -> str:
    info = cls.model_fields[name]
    return info.alias or name


def _known_fields(cls: type[BaseModel]) -> set[str]:
    return {_alias(cls, n) for n in cls.model_fields}


def _nested_model(cls: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel]:
    """The model class that a pydantic error location points into."""
    current = cls
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        by_alias = {(_alias(current, n)): n for n in current.model_fields}
        name = by_alias.get(str(part), str(part))
        info = current.model_fields.get(name)
        if info is None:
            break
        annotation = info.annotation
        for candidate in _model_classes(annotation):
            current = candidate
            break
    return current


def _model_classes(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _model_classes(arg)


def _describe(kind: str, entity_id: Any) -> str:
    return f"{kind} '{entity_id}'" if entity_id not in (None, "") else kind


def model_errors(
    exc: ValidationError, cls: type[BaseModel], entry: RawEntry, kind: str
) -> list[Diagnostic]:
    """Pydantic's errors as Diagnostics a person can act on, placed on the field's line."""
    out = []
    entity_id = entry.data.get("id")
    what = _describe(kind, entity_id)
    for error in exc.errors():
        loc = tuple(error["loc"])
        dotted = ".".join(str(p) for p in loc)
        pos = entry.where(dotted)
        if error["type"] == "extra_forbidden":
            known = _known_fields(_nested_model(cls, loc))
            suggestion = did_you_mean(str(loc[-1]), known)
            hint = suggestion or "known fields: " + ", ".join(sorted(known))
            message = f"unknown field '{dotted}' in {what}"
            out.append(Diagnostic(pos, message, hint=hint, field=dotted, entity=entity_id))
            continue
        text = str(error["msg"]).removeprefix("Value error, ")
        if error["type"] == "literal_error":
            expected = error.get("ctx", {}).get("expected", "")
            choices = {c.strip(" '") for c in str(expected).replace(" or ", ",").split(",")}
            close = did_you_mean(str(error.get("input")), choices)
            out.append(
                Diagnostic(
                    pos,
                    f"{what}: '{dotted}' {text.lower()}",
                    hint=close,
                    field=dotted,
                    entity=entity_id,
                )
            )
            continue
        out.append(Diagnostic(pos, f"{what}: '{dotted}': {text}", field=dotted, entity=entity_id))
    return out


# --------------------------------------------------------------------------- resolution


def _manifest(directory: Path, raw: RawFile | None, problems: list[Diagnostic]) -> Manifest:
    if raw is None or not raw.entries:
        if raw is not None:
            problems.extend(raw.problems)
        return Manifest()
    entry = raw.entries[0]
    try:
        manifest = Manifest.model_validate(entry.data)
    except ValidationError as exc:
        problems.extend(model_errors(exc, Manifest, entry, "dataset"))
        return Manifest()
    if manifest.base is not None and not is_valid_base(manifest.base):
        problems.append(
            Diagnostic(
                entry.where("base"),
                f"base '{manifest.base}' is not an http(s) IRI ending in / or #",
                field="base",
            )
        )
    return manifest


def _dataset_id(
    directory: Path, manifest: Manifest, raw: RawFile | None
) -> tuple[str, Diagnostic | None]:
    wanted = manifest.id or directory.resolve().name
    if not is_valid_id(wanted) or wanted in RESERVED_DATASET_IDS:
        pos = raw.entries[0].where("id") if raw and raw.entries else SourcePos(str(directory))
        return wanted, Diagnostic(
            pos,
            f"'{wanted}' cannot be a dataset id",
            hint="set 'id:' in dataset.yaml to letters, digits, '_' or '-' (not graph/meta)",
            field="id",
        )
    return wanted, None


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """What the id index knows of an id: its model, kind and where it was defined."""

    cls: type[BaseModel]
    kind: str
    pos: SourcePos


@dataclass
class DatasetContext:
    """What every file of a dataset is checked against: manifest, vocabulary and all ids.

    Building it reads every file once for ids only, so the files can then be checked and
    built one at a time (memory stays bounded by the largest file, not the dataset).
    """

    id: str
    directory: Path
    manifest: Manifest
    manifest_file: RawFile | None
    vocabulary: Vocabulary
    index: dict[str, IndexEntry] = field(default_factory=dict)

    @property
    def context(self) -> dict[str, str]:
        return {"language": self.manifest.language}

    def rel_path(self, raw: RawFile) -> str:
        """A file's path relative to the dataset directory, as recorded in the build."""
        path, top = raw.path.resolve(), self.directory.resolve()
        return path.relative_to(top).as_posix() if path.is_relative_to(top) else raw.path.name


def open_context(
    directory: Path, manifest_raw: RawFile | None, problems: list[Diagnostic]
) -> DatasetContext:
    """Read the manifest and the vocabulary; manifest problems go to ``problems``."""
    manifest = _manifest(directory, manifest_raw, problems)
    dataset_id, id_problem = _dataset_id(directory, manifest, manifest_raw)
    if id_problem:
        problems.append(id_problem)
    return DatasetContext(dataset_id, directory, manifest, manifest_raw, load_vocabulary())


#: An id as written (not yet checked) and what it would name.
IndexItem = tuple[Any, IndexEntry]


def index_file(ctx: DatasetContext, raw: RawFile, problems: list[Diagnostic]) -> None:
    """First pass: record every id of a file (duplicates and syntax problems reported)."""
    add_to_index(ctx, raw.problems, index_items(raw), problems)


def index_items(raw: RawFile) -> list[IndexItem]:
    """A file's ids in the order written, with what each names; the index is not touched.

    Split from :func:`add_to_index` so that files can be read in separate processes and their
    ids indexed afterwards, in file order, with the same duplicates reported.
    """
    items: list[IndexItem] = []
    for entry in raw.entries:
        cls = KINDS[entry.kind_key]
        if cls is Annotation:
            continue
        items.append((entry.data.get("id"), IndexEntry(cls, _kind_of(cls, entry), entry.pos)))
        figures = entry.data.get("figures")
        if isinstance(figures, list):
            for index, figure in enumerate(figures):
                if isinstance(figure, dict) and figure.get("id") is not None:
                    pos = entry.where(f"figures.{index}")
                    items.append((figure.get("id"), IndexEntry(Figure, "figure", pos)))
    return items


def add_to_index(
    ctx: DatasetContext,
    file_problems: list[Diagnostic],
    items: list[IndexItem],
    problems: list[Diagnostic],
) -> None:
    """Index one file's ids (from :func:`index_items`) after its reading problems."""
    problems.extend(file_problems)
    for raw_id, item in items:
        _index(ctx, raw_id, item, problems)


def _index(ctx: DatasetContext, raw_id: Any, item: IndexEntry, problems: list[Diagnostic]) -> None:
    if raw_id is None or isinstance(raw_id, dict | list | bool):
        return
    entity_id = str(raw_id)
    first = ctx.index.get(entity_id)
    if first is not None:
        problems.append(
            Diagnostic(
                item.pos,
                f"duplicate id '{entity_id}' (first defined at {first.pos})",
                hint="ids must be unique within a dataset",
                field="id",
                entity=entity_id,
            )
        )
        return
    ctx.index[entity_id] = item


def resolve_file(
    ctx: DatasetContext, raw: RawFile, problems: list[Diagnostic]
) -> tuple[list[ResolvedEntity], list[ResolvedEntity]]:
    """Second pass over one file: models, references and vocabulary checked.

    Returns the file's entities and its annotations (each annotation re-validated as a partial
    model of the entity it is about).
    """
    entities: list[ResolvedEntity] = []
    annotations: list[ResolvedEntity] = []
    rel_path = ctx.rel_path(raw)
    for entry in raw.entries:
        if entry.graph is not None and entry.graph not in ctx.manifest.graphs:
            declared = ", ".join(sorted(ctx.manifest.graphs)) or "none declared"
            problems.append(
                Diagnostic(
                    entry.pos,
                    f"graph '{entry.graph}' is not declared in dataset.yaml",
                    hint=f"add it under 'graphs:' (declared: {declared})",
                    field="graph",
                )
            )
        cls = KINDS[entry.kind_key]
        kind = _kind_of(cls, entry)
        if cls is Annotation:
            note = _resolve_annotation(ctx, entry, rel_path, problems)
            if note is not None:
                annotations.append(note)
            continue
        try:
            model = cls.model_validate(entry.data, context=ctx.context)
        except ValidationError as exc:
            problems.extend(model_errors(exc, cls, entry, kind))
            continue
        if isinstance(model, Figure) and model.of is None:
            problems.append(
                Diagnostic(
                    entry.pos,
                    "a figure listed on its own needs 'of:' "
                    "(the claim, event or investigation it belongs to)",
                    field="of",
                )
            )
            continue
        resolved = ResolvedEntity(
            kind, getattr(model, "id", None) or "", model, entry, rel_path, entry.graph
        )
        _check_model_refs(ctx, resolved, model, problems)
        entities.append(resolved)
    return entities, annotations


def resolve(directory: Path, manifest_raw: RawFile | None, files: list[RawFile]) -> Dataset:
    """Validate every entry of a dataset held in memory; raise InputError listing every problem."""
    problems: list[Diagnostic] = []
    ctx = open_context(directory, manifest_raw, problems)
    for raw in files:
        index_file(ctx, raw, problems)
    dataset = Dataset(ctx, files)
    for raw in files:
        entities, annotations = resolve_file(ctx, raw, [] if raw.problems else problems)
        dataset.entities.extend(entities)
        dataset.annotations.extend(annotations)
    _check_manifest_source(ctx, problems)
    if problems:
        raise InputError(problems)
    for resolved in dataset.entities:
        dataset.by_id.setdefault(resolved.id, resolved)
        for figure in getattr(resolved.model, "figures", None) or []:
            if figure.id:
                dataset.by_id.setdefault(
                    figure.id,
                    ResolvedEntity(
                        "figure",
                        figure.id,
                        figure,
                        resolved.entry,
                        resolved.rel_path,
                        resolved.graph,
                    ),
                )
    return dataset


def _kind_of(cls: type[BaseModel], entry: RawEntry) -> str:
    kind = getattr(cls, "kind", "entity")
    if kind == "claim" and entry.kind_key == "rebuttals":
        return "rebuttal"
    return str(kind)


@cache
def _check_plan(cls: type[BaseModel]) -> tuple[tuple[str, str, str, Any], ...]:
    """What to check on a model class: (attribute, alias, action, detail), fields in order.

    Computed once per class, so checking a million entities does not walk pydantic's field
    descriptors a million times.
    """
    plan: list[tuple[str, str, str, Any]] = []
    kinds = _field_kinds(cls)
    for name, info in cls.model_fields.items():
        alias = info.alias or name
        if name in kinds:
            plan.append((name, alias, kinds[name], None))
        elif name in FIELD_SCHEMES:
            plan.append((name, alias, "vocab", FIELD_SCHEMES[name]))
        else:
            nested = next(_model_classes(info.annotation), None)
            if nested is not None:
                plan.append((name, alias, "nested", nested))
    return tuple(plan)


def _check_model_refs(
    ctx: DatasetContext,
    resolved: ResolvedEntity,
    model: BaseModel,
    problems: list[Diagnostic],
    prefix: str = "",
) -> None:
    """Every reference must name an id of the dataset; every concept must be in its scheme."""
    index = ctx.index
    values = model.__dict__  # where pydantic keeps field values: cheaper than getattr
    for name, alias, action, detail in _check_plan(type(model)):
        value = values[name]
        if not value:
            continue
        if action == "ref":
            if value not in index:
                _dangling(ctx, resolved, value, prefix + alias, prefix + alias, problems)
        elif action == "refs":
            for number, ref in enumerate(value):
                if ref not in index:
                    dotted = prefix + alias
                    _dangling(ctx, resolved, ref, dotted, f"{dotted}.{number}", problems)
        elif action == "vocab":
            for concept in value if isinstance(value, list) else [value]:
                if ctx.vocabulary.resolve(detail, concept) is None:
                    _not_a_concept(ctx, resolved, detail, concept, prefix + alias, problems)
        elif isinstance(value, list):
            for number, item in enumerate(value):
                _check_model_refs(ctx, resolved, item, problems, f"{prefix}{alias}.{number}.")
        else:
            _check_model_refs(ctx, resolved, value, problems, f"{prefix}{alias}.")


def _dangling(
    ctx: DatasetContext,
    resolved: ResolvedEntity,
    ref: str,
    dotted: str,
    where: str,
    problems: list[Diagnostic],
) -> None:
    hint = did_you_mean(ref, set(ctx.index), cutoff=0.5) or "define it or fix the id"
    problems.append(
        Diagnostic(
            resolved.entry.where(where),
            f"{_describe(resolved.kind, resolved.id)} refers to unknown id '{ref}' in '{dotted}'",
            hint=hint,
            field=dotted,
            entity=resolved.id,
        )
    )


def _not_a_concept(
    ctx: DatasetContext,
    resolved: ResolvedEntity,
    scheme: str,
    concept: str,
    dotted: str,
    problems: list[Diagnostic],
) -> None:
    suggestion = ctx.vocabulary.suggest(scheme, concept)
    hint = (
        f"did you mean '{suggestion}'?"
        if suggestion
        else "one of: " + ", ".join(ctx.vocabulary.names(scheme))
    )
    problems.append(
        Diagnostic(
            resolved.entry.where(dotted),
            f"{_describe(resolved.kind, resolved.id)}: '{concept}' is not a {scheme} concept "
            f"in '{dotted}'",
            hint=hint,
            field=dotted,
            entity=resolved.id,
        )
    )


def _check_manifest_source(ctx: DatasetContext, problems: list[Diagnostic]) -> None:
    source = ctx.manifest.source
    if source and source not in ctx.index and ctx.manifest_file:
        problems.append(
            Diagnostic(
                ctx.manifest_file.entries[0].where("source"),
                f"dataset source '{source}' is not defined",
                hint="define the source or fix the id",
                field="source",
            )
        )


def _resolve_annotation(
    ctx: DatasetContext, entry: RawEntry, rel_path: str, problems: list[Diagnostic]
) -> ResolvedEntity | None:
    about = entry.data.get("about")
    target = ctx.index.get(str(about)) if about is not None else None
    if target is None:
        if about is None:
            problems.append(Diagnostic(entry.pos, "annotation needs 'about: <id>'", field="about"))
            return None
        hint = did_you_mean(str(about), set(ctx.index)) or "define it or fix the id"
        problems.append(
            Diagnostic(
                entry.where("about"),
                f"annotation is about unknown id '{about}'",
                hint=hint,
                field="about",
            )
        )
        return None
    data = {k: v for k, v in entry.data.items() if k != "about"}
    try:
        model = target.cls.model_validate({**data, "id": about}, context=ctx.context)
    except ValidationError as exc:
        problems.extend(model_errors(exc, target.cls, entry, f"annotation of {target.kind}"))
        return None
    resolved = ResolvedEntity(target.kind, str(about), model, entry, rel_path, entry.graph)
    _check_model_refs(ctx, resolved, model, problems)
    return resolved
