"""Value specs: how a mapping says where a field's value comes from, compiled once into functions.

A spec is plain YAML (``docs/mappings.md`` is the reference):

- a string is a constant (``Incident``) or, with braces, a template (``"ged-{id}"``,
  ``"{side_a|slug}"``); a template that refers to an empty value gives no value;
- a list gives every value of its items (lists are flattened, absent items dropped);
- a mapping with an *operator* key (``column``, ``template``, ``const``, ``sum``, ``coalesce``,
  ``equals``, ``object``) computes a value, then applies its *modifiers* in a fixed order:
  ``when``/``unless`` → operator → ``strip`` → ``split`` → ``map``/``match`` (+ ``default``)
  → ``number``/``date``/``coordinate`` → ``slug`` → ``format`` → ``then``/``else`` → ``lang``
  → ``required``;
- any other mapping is an object whose values are specs (a figure, ``{en: …, ar: …}``).

Compiling up front means a mistake in a mapping is reported once, with its line in the mapping
file, before any row is read; and rows are then mapped by plain function calls, which is what
keeps imports fast. "No value" is ``None`` throughout: the field is left out.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from claimgraph.ingest import ops
from claimgraph.ingest import transforms as tf
from claimgraph.ingest.ops import Evaluator, FieldProblem, RowScope, Step
from claimgraph.ingest.transforms import ValueProblem

OPERATORS = frozenset({"column", "template", "const", "sum", "coalesce", "equals", "object"})
MODIFIERS = frozenset(
    {
        "when", "unless", "strip", "split", "map", "match", "default", "number", "date",
        "coordinate", "slug", "format", "then", "else", "lang", "on_error", "required",
    }
)  # fmt: skip
FILTERS: dict[str, Callable[[str], str]] = {
    "slug": tf.slugify,
    "lower": str.lower,
    "upper": str.upper,
    "strip": str.strip,
}
DATE_OPTIONS = frozenset(
    {"format", "formats", "search", "precision", "timezone", "earliest", "latest"}
)


class SpecError(Exception):
    """A mistake in a mapping, found while compiling it; ``path`` locates it in the file."""

    def __init__(self, path: Sequence[str | int], message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.path = tuple(path)
        self.message = message
        self.hint = hint


@dataclass
class Compiler:
    """Compiles specs and records every name they read, to check them against each input."""

    references: list[tuple[str, ...]] = field(default_factory=list)
    known: set[str] = field(default_factory=set)  # lets, item, index, value

    def value(self, raw: Any, path: tuple[str | int, ...]) -> Evaluator:
        """Compile one spec found at ``path`` of the mapping file."""
        if isinstance(raw, str):
            if "{" in raw or "}" in raw:
                return self.template(raw, path)
            return ops.constant(raw)
        if raw is None or isinstance(raw, bool | int | float | Decimal):
            return ops.constant(raw)
        if isinstance(raw, list):
            return ops.concat([self.value(item, (*path, index)) for index, item in enumerate(raw)])
        if isinstance(raw, dict):
            operators = set(OPERATORS.intersection(raw))
            if not operators:
                return self.object(raw, path)
            if len(operators) > 1:
                raise SpecError(
                    path, f"a value has one operator, not {', '.join(sorted(operators))}"
                )
            unknown = [k for k in raw if k not in OPERATORS and k not in MODIFIERS]
            if unknown:
                from claimgraph.readers.common import did_you_mean

                raise SpecError(
                    (*path, unknown[0]),
                    f"unknown key '{unknown[0]}' in a value",
                    did_you_mean(str(unknown[0]), OPERATORS | MODIFIERS),
                )
            return self.operator(raw, operators.pop(), path)
        raise SpecError(path, f"cannot read {raw!r} as a value")

    def object(self, raw: dict[str, Any], path: tuple[str | int, ...]) -> Evaluator:
        fields = [(str(key), self.value(spec, (*path, key))) for key, spec in raw.items()]

        def evaluate(scope: RowScope) -> dict[str, Any] | None:
            out: dict[str, Any] = {}
            for key, evaluator in fields:
                value = evaluator(scope)
                if value is not None:
                    out[key] = value
            return out or None

        return evaluate

    def template(self, text: str, path: tuple[str | int, ...]) -> Evaluator:
        try:
            parsed = list(string.Formatter().parse(text))
        except ValueError as exc:
            raise SpecError(
                path, f"bad template {text!r}: {exc}", "write {{ and }} for braces"
            ) from None
        parts: list[tuple[str, str | None, list[Callable[[str], str]]]] = []
        for literal, name, spec, conversion in parsed:
            if name is None:
                parts.append((literal, None, []))
                continue
            if spec or conversion:
                raise SpecError(path, f"template {text!r}: write {{name}} or {{name|filter}} only")
            column, *filters = [p.strip() for p in name.split("|")]
            if not column:
                raise SpecError(path, f"template {text!r} has an empty {{}}")
            for name_ in filters:
                if name_ not in FILTERS:
                    raise SpecError(
                        path, f"unknown template filter '{name_}'", "one of: " + ", ".join(FILTERS)
                    )
            self.references.append((column,))
            parts.append((literal, column, [FILTERS[f] for f in filters]))
        return ops.template(parts)

    def operator(
        self, raw: dict[str, Any], operator: str, path: tuple[str | int, ...]
    ) -> Evaluator:
        argument = raw[operator]
        at = (*path, operator)
        base: Evaluator
        if operator == "column":
            names = argument if isinstance(argument, list) else [argument]
            if not names or not all(isinstance(n, str) and n for n in names):
                raise SpecError(at, "'column' takes a column name or a list of alternatives")
            self.references.append(tuple(names))
            base = ops.column(names)
        elif operator == "template":
            if not isinstance(argument, str):
                raise SpecError(at, "'template' takes a string like \"ged-{id}\"")
            base = self.template(argument, at)
        elif operator == "const":
            base = ops.constant(argument)
        elif operator == "object":
            if not isinstance(argument, dict):
                raise SpecError(at, "'object' takes a mapping of field names to values")
            base = self.object(argument, at)
        else:
            if not isinstance(argument, list) or not argument:
                raise SpecError(at, f"'{operator}' takes a list of values")
            items = [self.value(item, (*at, index)) for index, item in enumerate(argument)]
            base = {"sum": ops.sum_of, "coalesce": ops.coalesce, "equals": ops.equals}[operator](
                items
            )
        return self.modifiers(raw, base, path)

    def modifiers(
        self, raw: dict[str, Any], base: Evaluator, path: tuple[str | int, ...]
    ) -> Evaluator:
        if set(raw) <= OPERATORS:
            return ops.stripped(base)  # no modifiers: the common case, kept lean
        label = _label(path)
        element = self._element_step(raw, path)
        strip = raw.get("strip", True)
        split = raw.get("split")
        if split is not None and not isinstance(split, str):
            raise SpecError((*path, "split"), "'split' takes the separator, e.g. \",\"")
        splitter = re.compile(rf"\s*{re.escape(split)}\s*") if split else None
        then = self.value(raw["then"], (*path, "then")) if "then" in raw else None
        otherwise = self.value(raw["else"], (*path, "else")) if "else" in raw else None
        when = self.value(raw["when"], (*path, "when")) if "when" in raw else None
        unless = self.value(raw["unless"], (*path, "unless")) if "unless" in raw else None
        lang = raw.get("lang")
        if lang is not None and (
            not isinstance(lang, str) or not re.match(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", lang)
        ):
            raise SpecError((*path, "lang"), f"'lang' takes a language tag (en, ar), not {lang!r}")
        on_error = raw.get("on_error", "fail")
        if on_error not in ("fail", "warn", "omit"):
            raise SpecError((*path, "on_error"), "'on_error' is fail, warn or omit")
        required = bool(raw.get("required", False))

        def evaluate(scope: RowScope) -> Any:
            if when is not None and not ops.truthy(when(scope)):
                return None
            if unless is not None and ops.truthy(unless(scope)):
                return None
            try:
                value = base(scope)
                if isinstance(value, str) and strip:
                    value = value.strip() or None
                if value is not None and splitter is not None and isinstance(value, str):
                    value = [part for part in splitter.split(value) if part] or None
                if value is not None and element is not None:
                    if isinstance(value, list):
                        value = [
                            v for v in (element(item, scope) for item in value) if v is not None
                        ]
                        value = value or None
                    else:
                        value = element(value, scope)
            except ValueProblem as problem:
                if on_error == "fail":
                    raise FieldProblem(label, str(problem)) from None
                if on_error == "warn":
                    scope.warnings.append(f"{label}: {problem} (left out)")
                return None
            if then is not None and ops.truthy(value):
                value = then(scope)
            elif otherwise is not None and not ops.truthy(value):
                value = otherwise(scope)
            if lang is not None and value is not None:
                value = [{lang: v} for v in value] if isinstance(value, list) else {lang: value}
            if required and value is None:
                raise FieldProblem(label, "has no value (it is required)")
            return value

        return evaluate

    def _element_step(self, raw: dict[str, Any], path: tuple[str | int, ...]) -> Step | None:
        """What happens to each value (each part after ``split``): map, parse, slug, format."""
        steps: list[Step] = []
        if "map" in raw and "match" in raw:
            raise SpecError(path, "use 'map' (exact values) or 'match' (patterns), not both")
        default = self.value(raw["default"], (*path, "default")) if "default" in raw else None
        if "map" in raw:
            steps.append(ops.value_map(_lookup(raw["map"], (*path, "map")), default))
        elif "match" in raw:
            steps.append(ops.pattern_map(_patterns(raw["match"], (*path, "match")), default))
        elif default is not None:
            raise SpecError((*path, "default"), "'default' goes with 'map' or 'match'")
        parsers = [k for k in ("number", "date", "coordinate") if k in raw]
        if len(parsers) > 1:
            raise SpecError(path, f"a value is parsed once: {', '.join(parsers)}")
        if "number" in raw and raw["number"] is not False:
            steps.append(lambda v, _s: tf.parse_number(v))
        if "date" in raw:
            steps.append(self._date(raw["date"], (*path, "date")))
        if "coordinate" in raw:
            axis = raw["coordinate"]
            if axis not in ("lat", "lon"):
                raise SpecError((*path, "coordinate"), "'coordinate' is lat or lon")
            steps.append(lambda v, _s: tf.parse_coordinate(v, axis))
        if raw.get("slug"):
            steps.append(lambda v, _s: tf.slugify(str(v)))
        if "format" in raw:
            fmt = raw["format"]
            if not isinstance(fmt, str):
                raise SpecError(
                    (*path, "format"), "'format' takes a template like \"actor-{value}\""
                )
            self.known.add("value")
            template = self.template(fmt, (*path, "format"))

            def apply_format(value: Any, scope: RowScope) -> Any:
                scope.values["value"] = value
                return template(scope)

            steps.append(apply_format)
        if not steps:
            return None
        return ops.chain(steps)

    def _date(self, option: Any, path: tuple[str | int, ...]) -> Step:
        if option is True or option == "iso":
            return lambda v, _s: tf.parse_iso_date(ops.text(v))
        if not isinstance(option, dict):
            raise SpecError(path, "'date' is iso, or options {formats, search, precision, …}")
        unknown = set(option) - DATE_OPTIONS
        if unknown:
            raise SpecError(
                (*path, sorted(unknown)[0]), f"unknown date option '{sorted(unknown)[0]}'"
            )
        precision = option.get("precision")
        if precision not in (None, "year", "month", "day", "time"):
            raise SpecError((*path, "precision"), "'precision' is year, month, day or time")
        formats = option.get("formats", option.get("format"))
        if isinstance(formats, str):
            formats = [formats]
        timezone = option.get("timezone")
        if timezone is not None:
            try:
                tf.parse_iso_date("2000-01-01T00:00Z", timezone=str(timezone))
            except ValueProblem as exc:
                raise SpecError((*path, "timezone"), str(exc)) from None
        search = option.get("search")
        if search not in (None, "dmy", "ymd", "mdy"):
            raise SpecError(
                (*path, "search"), "'search' is the order of the parts: dmy, ymd or mdy"
            )
        earliest = (
            self.value(option["earliest"], (*path, "earliest")) if "earliest" in option else None
        )
        latest = self.value(option["latest"], (*path, "latest")) if "latest" in option else None

        def parse(value: Any, scope: RowScope) -> Any:
            text = ops.text(value)
            if search is not None:
                found = tf.search_date(text, order=search, precision=precision)
                if found is None:
                    return None
            elif formats:
                found = tf.parse_date_formats(text, list(formats), precision=precision)
            else:
                found = tf.parse_iso_date(text, precision=precision, timezone=timezone)
            if earliest is not None or latest is not None:
                low = earliest(scope) if earliest is not None else None
                high = latest(scope) if latest is not None else None
                tf.check_date_range(
                    found,
                    earliest=str(low) if low is not None else None,
                    latest=str(high) if high is not None else None,
                )
            return found

        return parse


def _label(path: tuple[str | int, ...]) -> str:
    """Where a value is, in words a reader of the mapping recognises: ``title_date`` for a
    ``let``, ``entities.2.coordinates.lat`` for a field (operator steps left out).

    >>> _label(("let", "title_date", "coalesce", 0))
    'title_date'
    >>> _label(("entities", 2, "fields", "figures", 1, "object", "value"))
    'entities.2.figures.1.value'
    """
    parts: list[str] = []
    after_operator = False
    for index, part in enumerate(path):
        if (index == 0 and part == "let") or (part == "fields" and index == 2):
            continue
        if isinstance(part, int) and after_operator:
            continue
        after_operator = part in OPERATORS or part in MODIFIERS
        if not after_operator:
            parts.append(str(part))
    return ".".join(parts)


def _lookup(table: Any, path: tuple[str | int, ...]) -> dict[str, Any]:
    if not isinstance(table, dict) or not table:
        raise SpecError(path, "'map' takes a mapping of input values to output values")
    return {str(key).strip(): value for key, value in table.items()}


def _patterns(table: Any, path: tuple[str | int, ...]) -> list[tuple[re.Pattern[str], Any]]:
    if not isinstance(table, dict) or not table:
        raise SpecError(path, "'match' takes a mapping of regular expressions to values")
    patterns: list[tuple[re.Pattern[str], Any]] = []
    for pattern, value in table.items():
        try:
            patterns.append((re.compile(str(pattern)), value))
        except re.error as exc:
            raise SpecError(
                (*path, str(pattern)), f"bad regular expression {pattern!r}: {exc}"
            ) from None
    return patterns


__all__ = ["Compiler", "Evaluator", "FieldProblem", "RowScope", "SpecError"]
