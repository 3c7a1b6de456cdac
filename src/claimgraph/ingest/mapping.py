"""Mapping files: the declarative description of how a foreign dataset becomes claims.

A mapping is YAML (``docs/mappings.md``; bundled examples in ``mappings/``). This module reads
one, checks its form with pydantic models, compiles its value specs (``specs.py``) and returns a
:class:`~claimgraph.ingest.plan.Plan`. Every mistake is reported with its line in the mapping
file, all at once, as an :class:`~claimgraph.errors.InputError` (exit 3), before any row is read.

>>> from claimgraph.ingest.mapping import parse_mapping
>>> plan = parse_mapping('''
... mapping: 1
... name: tiny
... input: {format: csv}
... entities:
...   - kind: actors
...     fields: {id: "{name|slug}", label: "{name}"}
... ''')
>>> plan.rules[0].kind
'actors'
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PositiveInt, ValidationError, field_validator

from claimgraph.errors import Diagnostic, InputError, SourcePos
from claimgraph.ingest.plan import CompiledRule, Plan, UniqueMode
from claimgraph.ingest.specs import Compiler, SpecError
from claimgraph.iris import ID_PATTERN
from claimgraph.model import KINDS, Manifest
from claimgraph.readers.common import did_you_mean

RESERVED_NAMES = frozenset({"item", "index", "value"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class InputOptions(_Strict):
    """How to read the input files."""

    format: Literal["auto", "csv", "jsonl"] = "auto"
    header: bool = True
    columns: list[str] | None = None
    optional: list[str] = Field(default_factory=list)
    delimiter: str = Field(default=",", min_length=1, max_length=1)
    quotechar: str = Field(default='"', min_length=1, max_length=1)
    encoding: str = "utf-8"

    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, value: str) -> str:
        import codecs

        try:
            codecs.lookup(value)
        except LookupError:
            raise ValueError(
                f"unknown encoding {value!r} (e.g. utf-8, utf-8-sig, cp1256)"
            ) from None
        return value


class OutputOptions(_Strict):
    """How to write the dataset: YAML or JSON files of ``chunk`` input rows each."""

    format: Literal["auto", "yaml", "json"] = "auto"
    chunk: PositiveInt = 1000


class RuleModel(_Strict):
    """One entity each row (or each value of ``each``) becomes."""

    kind: str
    each: Any = None
    when: Any = None
    unique: bool | Literal["warn", "error"] = False
    fields: dict[str, Any]

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in KINDS or value == "annotations":
            hint = did_you_mean(value, set(KINDS) - {"annotations"}) or ""
            raise ValueError(f"'{value}' is not an entity kind of the claims format {hint}".strip())
        return value


class MappingModel(_Strict):
    """The whole mapping file."""

    mapping: Literal[1]
    name: str
    description: str | None = None
    input: InputOptions = Field(default_factory=InputOptions)
    output: OutputOptions = Field(default_factory=OutputOptions)
    dataset: dict[str, Any] = Field(default_factory=dict)
    static: dict[str, list[dict[str, Any]]] = Field(default_factory=dict)
    let: dict[str, Any] = Field(default_factory=dict)
    record: bool = True
    entities: list[RuleModel] = Field(min_length=1)

    @field_validator("name")
    @classmethod
    def _name_is_id(cls, value: str) -> str:
        if not ID_PATTERN.match(value):
            raise ValueError(f"{value!r} must be letters, digits, '_', '-' or '.'")
        return value


# --------------------------------------------------------------------------- loading


def load_mapping(path: Path) -> Plan:
    """Read, check and compile a mapping file; InputError lists every problem with its line.

    A bare name that is not a file names a mapping shipped with claimgraph (``ucdp-ged``).
    """
    display = _display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        from claimgraph.resources import bundled_mapping

        bundled = None if path.exists() else bundled_mapping(str(path))
        if bundled is None:
            raise InputError(
                Diagnostic(
                    SourcePos(display),
                    "no such mapping file",
                    hint="give a path, or a bundled mapping: ucdp-ged, "
                    "syrianarchive-russian-attacks",
                )
            ) from None
        text = bundled.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(Diagnostic(SourcePos(display), f"not UTF-8 text ({exc.reason})")) from None
    return parse_mapping(text, display=display)


def parse_mapping(text: str, *, display: str = "<mapping>") -> Plan:
    """Like :func:`load_mapping`, from the text of a mapping file."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        doc = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = SourcePos(display, mark.line + 1, mark.column + 1) if mark else SourcePos(display)
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        raise InputError(Diagnostic(pos, f"YAML syntax error: {problem}")) from None
    except YAMLError as exc:
        raise InputError(Diagnostic(SourcePos(display), f"YAML error: {exc}")) from None
    if not isinstance(doc, dict):
        raise InputError(Diagnostic(SourcePos(display, 1, 1), "a mapping file is a YAML mapping"))
    positions: dict[str, SourcePos] = {}
    _positions(doc, display, "", positions)
    located = _Locator(display, positions)
    data = _plain(doc)
    try:
        model = MappingModel.model_validate(data)
    except ValidationError as exc:
        raise InputError(
            [located.at(error["loc"], _message(error)) for error in exc.errors()]
        ) from None
    problems: list[Diagnostic] = []
    _check_dataset(model, located, problems)
    _check_static(model, located, problems)
    plan = _compile(model, located, problems)
    if problems:
        raise InputError(problems)
    plan.source = display
    plan.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return plan


def _message(error: Any) -> str:
    text = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        return f"unknown key '{error['loc'][-1]}'"
    if error["type"] == "missing":
        return f"'{error['loc'][-1]}' is missing"
    return text


def _check_dataset(model: MappingModel, located: _Locator, problems: list[Diagnostic]) -> None:
    try:
        Manifest.model_validate(model.dataset)
    except ValidationError as exc:
        for error in exc.errors():
            problems.append(located.at(("dataset", *error["loc"]), _message(error)))


def _check_static(model: MappingModel, located: _Locator, problems: list[Diagnostic]) -> None:
    seen: set[str] = set()
    for kind, entries in model.static.items():
        cls = KINDS.get(kind)
        if cls is None or kind == "annotations":
            hint = did_you_mean(kind, set(KINDS)) or ""
            problems.append(located.at(("static", kind), f"'{kind}' is not an entity kind {hint}"))
            continue
        for index, entry in enumerate(entries):
            try:
                cls.model_validate(entry, context={"language": model.dataset.get("language", "en")})
            except ValidationError as exc:
                for error in exc.errors():
                    at = ("static", kind, index, *error["loc"])
                    problems.append(located.at(at, _message(error)))
            entity_id = str(entry.get("id", ""))
            if entity_id in seen:
                problems.append(
                    located.at(("static", kind, index, "id"), f"duplicate id '{entity_id}'")
                )
            seen.add(entity_id)


def _known_fields(kind: str) -> set[str]:
    cls = KINDS[kind]
    names: set[str] = set()
    for name, info in cls.model_fields.items():
        names.add(name)
        if info.alias:
            names.add(info.alias)
    return names


def _compile(model: MappingModel, located: _Locator, problems: list[Diagnostic]) -> Plan:
    compiler = Compiler()
    compiler.known.update(RESERVED_NAMES)
    lets = []
    for name, spec in model.let.items():
        if name in RESERVED_NAMES:
            problems.append(located.at(("let", name), f"'{name}' is reserved; choose another name"))
            continue
        try:
            lets.append((name, compiler.value(spec, ("let", name))))
        except SpecError as exc:
            problems.append(located.at(exc.path, exc.message, exc.hint))
        compiler.known.add(name)
    rules: list[CompiledRule] = []
    for index, rule in enumerate(model.entities):
        at: tuple[str | int, ...] = ("entities", index)
        known = _known_fields(rule.kind)
        for key in rule.fields:
            if key not in known:
                hint = did_you_mean(key, known) or f"fields of {rule.kind}: " + ", ".join(
                    sorted(k for k in known if "_" not in k)
                )
                problems.append(located.at((*at, "fields", key), f"unknown field '{key}'", hint))
        if "id" not in rule.fields and rule.kind != "figures":
            problems.append(located.at((*at, "fields"), f"a {rule.kind} rule needs an 'id' field"))
        try:
            each = compiler.value(rule.each, (*at, "each")) if rule.each is not None else None
            when = compiler.value(rule.when, (*at, "when")) if rule.when is not None else None
            rest = {key: spec for key, spec in rule.fields.items() if key != "id"}
            fields = compiler.object(rest, (*at, "fields"))
            entity_id = (
                compiler.value(rule.fields["id"], (*at, "fields", "id"))
                if "id" in rule.fields
                else None
            )
        except SpecError as exc:
            problems.append(located.at(exc.path, exc.message, exc.hint))
            continue
        mode: UniqueMode = (
            "warn"
            if rule.unique == "warn"
            else "error"
            if rule.unique == "error"
            else ("ignore" if rule.unique else "none")
        )
        rules.append(CompiledRule(rule.kind, index, each, when, mode, entity_id, fields))
    return Plan(
        name=model.name,
        description=model.description,
        input=model.input,
        output=model.output,
        dataset=model.dataset,
        static=model.static,
        lets=lets,
        rules=rules,
        record=model.record,
        references=compiler.references,
        known=set(compiler.known),
    )


# --------------------------------------------------------------------------- positions


class _Locator:
    """Finds the line of a dotted path of the mapping file, or of its nearest parent."""

    def __init__(self, display: str, positions: dict[str, SourcePos]) -> None:
        self.display = display
        self.positions = positions

    def at(self, path: tuple[Any, ...], message: str, hint: str | None = None) -> Diagnostic:
        parts = [str(p) for p in path]
        while parts:
            pos = self.positions.get(".".join(parts))
            if pos is not None:
                break
            parts.pop()
        else:
            pos = SourcePos(self.display, 1, 1)
        dotted = ".".join(str(p) for p in path)
        return Diagnostic(pos, f"{dotted}: {message}" if dotted else message, hint=hint)


def _positions(node: Any, display: str, prefix: str, out: dict[str, SourcePos]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            dotted = f"{prefix}{key}"
            try:
                line, col = node.lc.key(key)  # type: ignore[attr-defined]
                out[dotted] = SourcePos(display, line + 1, col + 1)
            except (AttributeError, KeyError, TypeError):
                pass
            _positions(value, display, dotted + ".", out)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            dotted = f"{prefix}{index}"
            try:
                line, col = node.lc.item(index)  # type: ignore[attr-defined]
                out[dotted] = SourcePos(display, line + 1, col + 1)
            except (AttributeError, KeyError, TypeError, IndexError):
                pass
            _positions(value, display, dotted + ".", out)


def _plain(node: Any) -> Any:
    """ruamel's round-trip types as plain Python; YAML dates become ISO strings."""
    if isinstance(node, dict):
        return {str(k) if not isinstance(k, int | bool) else k: _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, dt.datetime):
        stamp = node.isoformat()
        return stamp.replace("+00:00", "Z") if node.tzinfo else stamp
    if isinstance(node, dt.date):
        return node.isoformat()
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node


def _display(path: Path) -> str:
    import os

    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


__all__ = ["InputOptions", "MappingModel", "OutputOptions", "load_mapping", "parse_mapping"]
