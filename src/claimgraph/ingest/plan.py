"""A compiled mapping: what one input row becomes.

:meth:`Plan.map_row` computes the ``let`` values of a row, then every entity rule in order, and
returns plain dicts in the claims format (what a person would write in a claims file). It does
not write, check models or remember earlier rows: ``run.py`` does that.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from claimgraph.ingest.ops import Evaluator, FieldProblem, RowScope

if TYPE_CHECKING:
    from claimgraph.ingest.mapping import InputOptions, OutputOptions

UniqueMode = Literal["none", "ignore", "warn", "error"]


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """One ``entities:`` entry: ``kind`` (claims-file section) and how to compute its fields."""

    kind: str
    index: int
    each: Evaluator | None
    when: Evaluator | None
    unique: UniqueMode
    id: Evaluator | None  # computed first, so a known shared entity costs one template
    fields: Evaluator  # every field but the id

    @property
    def label(self) -> str:
        return f"entities.{self.index} ({self.kind})"


@dataclass(frozen=True, slots=True)
class Emitted:
    """An entity computed from a row, with the rule that made it.

    ``known`` marks an entity of a ``unique`` rule whose id was imported before: only its id
    was computed, and it is not written again.
    """

    rule: CompiledRule
    data: dict[str, Any]
    known: bool = False


@dataclass(frozen=True, slots=True)
class MappedRow:
    """What a row became; ``warnings`` are values left out under ``on_error: warn``."""

    entities: list[Emitted]
    warnings: list[str]


@dataclass
class Plan:
    """A checked, compiled mapping file."""

    name: str
    description: str | None
    input: InputOptions
    output: OutputOptions
    dataset: dict[str, Any]
    static: dict[str, list[dict[str, Any]]]
    lets: list[tuple[str, Evaluator]]
    rules: list[CompiledRule]
    record: bool = True
    references: list[tuple[str, ...]] = field(default_factory=list)
    known: set[str] = field(default_factory=set)
    source: str = "<mapping>"
    sha256: str = ""

    def map_row(self, values: dict[str, Any], seen: Container[str] = ()) -> MappedRow:
        """The entities of one row; raises FieldProblem when a value cannot be computed.

        ``seen`` holds the ids of shared (``unique``) entities already imported.
        """
        scope = RowScope(dict(values))
        names = scope.values
        for name, evaluate in self.lets:
            names[name] = evaluate(scope)
        out: list[Emitted] = []
        for rule in self.rules:
            if rule.each is None:
                self._emit(rule, scope, out, seen)
                continue
            items = rule.each(scope)
            if items is None:
                continue
            for index, item in enumerate(items if isinstance(items, list) else [items], start=1):
                names["item"], names["index"] = item, index
                self._emit(rule, scope, out, seen)
            names.pop("item", None)
            names.pop("index", None)
        return MappedRow(out, scope.warnings)

    @staticmethod
    def _emit(
        rule: CompiledRule, scope: RowScope, out: list[Emitted], seen: Container[str]
    ) -> None:
        if rule.when is not None:
            flag = rule.when(scope)
            if flag is None or flag is False or flag == []:
                return
        entity_id = None
        if rule.id is not None:
            entity_id = rule.id(scope)
            if entity_id is None:
                raise FieldProblem(f"{rule.label}.fields.id", "is empty (a value it needs is)")
            if not isinstance(entity_id, str | int) or isinstance(entity_id, bool):
                raise FieldProblem(f"{rule.label}.fields.id", f"is not one id: {entity_id!r}")
            entity_id = str(entity_id)
            if rule.unique != "none" and entity_id in seen:
                out.append(Emitted(rule, {"id": entity_id}, known=True))
                return
        data = rule.fields(scope) or {}
        if entity_id is not None:
            data = {"id": entity_id, **data}
        out.append(Emitted(rule, data))

    def missing_columns(self, available: set[str]) -> list[tuple[str, ...]]:
        """References that no column of an input (nor a ``let``) can satisfy, each once."""
        missing: list[tuple[str, ...]] = []
        for group in self.references:
            optional = self.input.optional
            if any(n in available or n in self.known or n in optional for n in group):
                continue
            if group not in missing:
                missing.append(group)
        return missing


__all__ = ["CompiledRule", "Emitted", "MappedRow", "Plan", "UniqueMode"]
