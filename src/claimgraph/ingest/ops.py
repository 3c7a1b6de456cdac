"""The runtime pieces value specs compile to: the row scope, and one function per operator.

``specs.py`` turns a mapping's YAML into compositions of these; keeping them apart keeps each
module to one job (compiling vs. computing) and lets the operators be tested directly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from claimgraph.ingest import transforms as tf
from claimgraph.ingest.transforms import ValueProblem


class FieldProblem(Exception):
    """A row whose value for one field cannot be computed; the row cannot be mapped."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


class RowScope:
    """The names a row's specs can read: its columns, the mapping's ``let`` values, ``item``.

    ``warnings`` collects problems of values written ``on_error: warn`` (the value is left out
    and the row kept).
    """

    __slots__ = ("values", "warnings")

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values
        self.warnings: list[str] = []


Evaluator = Callable[[RowScope], Any]
#: What happens to each value (each part of a split cell): a map, a parser, a slug …
Step = Callable[[Any, RowScope], Any]


# --------------------------------------------------------------------------- operators


def text(value: Any) -> str:
    if isinstance(value, dict | list):
        raise ValueProblem(f"expected one value, got {value!r}")
    return str(value)


def truthy(value: Any) -> bool:
    return value is not None and value is not False and value != [] and value != ""


def constant(value: Any) -> Evaluator:
    return lambda _scope: value


def stripped(base: Evaluator) -> Evaluator:
    """``base`` with text trimmed and empty text as no value (what every value gets)."""

    def evaluate(scope: RowScope) -> Any:
        value = base(scope)
        if type(value) is str:
            return value.strip() or None
        return value

    return evaluate


def concat(items: list[Evaluator]) -> Evaluator:
    def evaluate(scope: RowScope) -> list[Any] | None:
        out: list[Any] = []
        for item in items:
            value = item(scope)
            if isinstance(value, list):
                out.extend(value)
            elif value is not None:
                out.append(value)
        return out or None

    return evaluate


def column(names: list[str]) -> Evaluator:
    if len(names) == 1:
        name = names[0]

        def one(scope: RowScope) -> Any:
            value = scope.values.get(name)
            return None if value == "" else value

        return one

    def first(scope: RowScope) -> Any:
        for name in names:
            value = scope.values.get(name)
            if value is not None and value != "":
                return value
        return None

    return first


def template(parts: list[tuple[str, str | None, list[Callable[[str], str]]]]) -> Evaluator:
    """Literal text and names; a name with no value makes the whole template give none."""
    if len(parts) == 1 and not parts[0][0] and parts[0][1] is not None:
        return _single(parts[0][1], parts[0][2])  # "{name}" or "{name|slug}": the common case

    def evaluate(scope: RowScope) -> str | None:
        out: list[str] = []
        values = scope.values
        for literal, name, filters in parts:
            out.append(literal)
            if name is None:
                continue
            piece = _piece(name, values.get(name))
            if piece is None:
                return None
            for apply in filters:
                piece = apply(piece)
            out.append(piece)
        return "".join(out)

    return evaluate


def _single(name: str, filters: list[Callable[[str], str]]) -> Evaluator:
    def evaluate(scope: RowScope) -> str | None:
        piece = _piece(name, scope.values.get(name))
        if piece is None:
            return None
        for apply in filters:
            piece = apply(piece)
        return piece

    return evaluate


def _piece(name: str, value: Any) -> str | None:
    """A value as template text; None when it is empty."""
    if type(value) is not str:
        if value is None or value is False:
            return None
        if isinstance(value, dict | list):
            raise ValueProblem(f"'{name}' holds several values; a template needs one")
        value = str(value)
    return value.strip() or None


def sum_of(items: list[Evaluator]) -> Evaluator:
    def evaluate(scope: RowScope) -> int | Decimal | None:
        total: int | Decimal = 0
        seen = False
        for item in items:
            value = item(scope)
            if value is None:
                continue
            total += tf.parse_number(value)
            seen = True
        return total if seen else None

    return evaluate


def coalesce(items: list[Evaluator]) -> Evaluator:
    def evaluate(scope: RowScope) -> Any:
        for item in items:
            value = item(scope)
            if value is not None:
                return value
        return None

    return evaluate


def equals(items: list[Evaluator]) -> Evaluator:
    def evaluate(scope: RowScope) -> bool | None:
        values = [item(scope) for item in items]
        if any(v is None for v in values):
            return None
        first = str(values[0]).strip()
        return True if all(str(v).strip() == first for v in values[1:]) else None

    return evaluate


def chain(steps: list[Step]) -> Step | None:
    if not steps:
        return None
    if len(steps) == 1:
        return steps[0]

    def run(value: Any, scope: RowScope) -> Any:
        for step in steps:
            value = step(value, scope)
            if value is None:
                return None
        return value

    return run


def value_map(lookup: dict[str, Any], default: Evaluator | None) -> Step:
    """Exact values to values (keys compared as trimmed text); unknown values are errors
    unless there is a default, because a silently unmapped code is a wrong fact."""
    shown = ", ".join(sorted(lookup)[:8]) + (" …" if len(lookup) > 8 else "")

    def apply(value: Any, scope: RowScope) -> Any:
        key = text(value).strip()
        if key in lookup:
            return lookup[key]
        if default is not None:
            return default(scope)
        raise ValueProblem(
            f"{key!r} is not in the value map (known: {shown}); add it or a 'default'"
        )

    return apply


def pattern_map(patterns: list[tuple[re.Pattern[str], Any]], default: Evaluator | None) -> Step:
    """The value of the first pattern found in the text; else the default, else no value."""

    def apply(value: Any, scope: RowScope) -> Any:
        written = text(value)
        for pattern, result in patterns:
            if pattern.search(written):
                return result
        return default(scope) if default is not None else None

    return apply


__all__ = [
    "Evaluator",
    "FieldProblem",
    "RowScope",
    "Step",
    "chain",
    "coalesce",
    "column",
    "concat",
    "constant",
    "equals",
    "pattern_map",
    "stripped",
    "sum_of",
    "template",
    "text",
    "truthy",
    "value_map",
]
