"""SPARQL text for the fast engine: terms, focus patterns and "certainly fine" conditions.

Every constraint that tests one value node at a time has a *sufficient* condition written in
SPARQL (:func:`value_ok`): when it holds, pySHACL certainly finds the value conforming. Queries
return the rows where it does not hold (or cannot be computed — errors count as "not fine"), and
:mod:`claimgraph.shacl.literals` then decides those few rows exactly. Conditions that are exact
in SPARQL (``sh:class``, ``sh:nodeKind``, ``sh:in``) are still re-checked: it is cheap and keeps
one source of truth.

Terms reach query text only through :func:`sparql_term`.

>>> sparql_term(ox.Literal('say "hi"', language="en"))
'"say \\\\"hi\\\\""@en'
>>> value_ok(NodeKindIs(ox.NamedNode("http://www.w3.org/ns/shacl#IRI")), "?v", {})
'isIRI(?v)'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from claimgraph.shacl.literals import python_value
from claimgraph.shacl.model import (
    ClassIs,
    DatatypeIs,
    InValues,
    LanguageIn,
    LengthLimit,
    Logical,
    NodeKindIs,
    PatternMatch,
    RangeBound,
    Shape,
    ValueCheck,
)
from claimgraph.shacl.vocab import (
    RDF_LANGSTRING,
    RDF_TYPE,
    RDFS_SUBCLASSOF,
    SH_NS,
    XSD_DECIMAL,
    XSD_INTEGER,
    XSD_NS,
    XSD_STRING,
    Key,
    Term,
)


def sparql_term(term: Term) -> str:
    """An IRI or literal in SPARQL syntax (N-Triples syntax is valid SPARQL for both).

    Blank nodes cannot be named in a query; callers must not pass them.
    """
    if isinstance(term, ox.BlankNode):
        raise ValueError("blank nodes cannot appear in query text")
    return str(term)


def values_block(variable: str, terms: Iterable[Term]) -> str:
    """``VALUES ?x { … }`` for IRIs and literals."""
    return f"VALUES {variable} {{ {' '.join(sparql_term(t) for t in terms)} }}"


_DATE = r"[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])"
#: Lexical forms rdflib certainly reads as a well-typed value of the expected Python type
#: (tests/unit/test_shacl_fast_literals.py checks each against rdflib). Others are re-checked.
SAFE_LEXICAL: dict[str, str | None] = {
    XSD_NS + "string": None,
    RDF_LANGSTRING.value: None,
    XSD_NS + "integer": r"^[+-]?[0-9]{1,18}$",
    XSD_NS + "decimal": r"^[+-]?[0-9]{1,18}(\.[0-9]{1,18})?$",
    XSD_NS + "boolean": r"^(true|false)$",
    XSD_NS + "date": "^" + _DATE + "$",
    XSD_NS + "dateTime": "^"
    + _DATE
    + r"T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?Z?$",
    XSD_NS + "gYear": None,
    XSD_NS + "gYearMonth": None,
}


def _regex(variable: str, pattern: str, flags: str = "") -> str:
    args = [f"STR({variable})", sparql_term(ox.Literal(pattern))]
    if flags:
        args.append(sparql_term(ox.Literal(flags)))
    return f"REGEX({', '.join(args)})"


def _stringy(variable: str) -> str:
    """Values pySHACL turns into strings by their lexical form: IRIs and (language) strings."""
    return (
        f"(isIRI({variable}) || (isLiteral({variable}) && (datatype({variable}) = "
        f"{sparql_term(XSD_STRING)} || datatype({variable}) = {sparql_term(RDF_LANGSTRING)})))"
    )


_NODE_KINDS = {
    "IRI": "isIRI({v})",
    "BlankNode": "isBlank({v})",
    "Literal": "isLiteral({v})",
    "BlankNodeOrIRI": "(isBlank({v}) || isIRI({v}))",
    "BlankNodeOrLiteral": "(isBlank({v}) || isLiteral({v}))",
    "IRIOrLiteral": "(isIRI({v}) || isLiteral({v}))",
}
_RANGE_OPERATORS = {
    "minExclusive": ">",
    "minInclusive": ">=",
    "maxExclusive": "<",
    "maxInclusive": "<=",
}
_PORTABLE_REGEX = re.compile(r"^(?:[ -\[\]-~]|\\[.\-/\\()\[\]{}*+?^$|])*$")


def portable_pattern(pattern: str, flags: str) -> bool:
    """True if every string oxigraph's ``REGEX`` matches is also matched by Python's ``re``.

    Plain ASCII patterns without classes escapes, groups or case folding qualify; for them
    Rust's ``$`` (end of text only) is stricter than Python's, never looser.
    """
    if "i" in flags or "(?" in pattern or not _PORTABLE_REGEX.match(pattern):
        return False
    return not any(op in pattern for op in ("&&", "--", "~~", "[["))


def class_test(variable: str, closure: tuple[Key, ...], cls: Key) -> str:
    """``variable`` is an instance of ``cls`` or of one of its subclasses."""
    if closure and not any(c.startswith("_:") for c in closure):
        classes = " ".join(closure)
        return f"EXISTS {{ VALUES ?_cls {{ {classes} }} {variable} {sparql_term(RDF_TYPE)} ?_cls }}"
    return f"EXISTS {{ {variable} {sparql_term(RDF_TYPE)}/{sparql_term(RDFS_SUBCLASSOF)}* {cls} }}"


def value_ok(
    check: ValueCheck | Logical,
    variable: str,
    closures: Mapping[Key, tuple[Key, ...]],
    allowed: frozenset[Term] = frozenset(),
) -> str:
    """A SPARQL expression that is true only if pySHACL finds the value conforming.

    ``closures`` maps each ``sh:class`` to its subclasses; ``allowed`` holds tolerated
    severities (member shapes of those severities always conform).
    """
    if isinstance(check, Logical):
        tolerated = frozenset() if check.name == "node" else allowed  # sh:node fails on any report
        parts = [_shape_ok(m, variable, closures, tolerated) for m in check.members]
        joiner = " || " if check.name == "or" else " && "
        return "(" + joiner.join(parts) + ")"
    if isinstance(check, ClassIs):
        cls = str(check.cls)
        return class_test(variable, closures.get(cls, ()), cls)
    if isinstance(check, NodeKindIs):
        kind = check.kind
        name = (
            kind.value[len(SH_NS) :]
            if isinstance(kind, ox.NamedNode) and kind.value.startswith(SH_NS)
            else ""
        )
        template = _NODE_KINDS.get(name)
        return template.format(v=variable) if template else "false"
    if isinstance(check, InValues):
        tests = [f"sameTerm({variable}, {key})" for key in sorted(check.values)]
        return "(" + " || ".join(tests) + ")" if tests else "false"
    if isinstance(check, DatatypeIs):
        if check.datatype.value not in SAFE_LEXICAL:
            return "false"
        safe = SAFE_LEXICAL[check.datatype.value]
        lexical = _regex(variable, safe) if safe else "true"
        typed = f"datatype({variable}) = {sparql_term(check.datatype)}"
        return f"(isLiteral({variable}) && {typed} && {lexical})"
    if isinstance(check, LengthLimit):
        if check.name == "minLength" and check.limit == 0:
            return "true"
        operator = ">=" if check.name == "minLength" else "<="
        return f"({_stringy(variable)} && STRLEN(STR({variable})) {operator} {check.limit})"
    if isinstance(check, PatternMatch):
        if not portable_pattern(check.pattern, check.flags):
            return "false"
        return f"({_stringy(variable)} && {_regex(variable, check.pattern, check.flags)})"
    if isinstance(check, LanguageIn):
        if "*" in check.tags:
            return f'(LANG({variable}) != "")'
        tags = ", ".join(sparql_term(ox.Literal(t)) for t in sorted(check.tags))
        if not tags:
            return "false"
        primary = f'LCASE(STRBEFORE(CONCAT(LANG({variable}), "-"), "-"))'
        full = f"LCASE(LANG({variable}))"
        return f'(LANG({variable}) != "" && ({full} IN ({tags}) || {primary} IN ({tags})))'
    return _range_ok(check, variable)


def _range_ok(check: RangeBound, variable: str) -> str:
    if check.bound.datatype not in (XSD_INTEGER, XSD_DECIMAL) or python_value(check.bound) is None:
        return "false"
    numeric = _numeric(variable)
    return f"({numeric} && {variable} {_RANGE_OPERATORS[check.name]} {sparql_term(check.bound)})"


def _numeric(variable: str) -> str:
    integer, decimal = sparql_term(XSD_INTEGER), sparql_term(XSD_DECIMAL)
    return f"(datatype({variable}) = {integer} || datatype({variable}) = {decimal})"


def _shape_ok(
    shape: Shape, variable: str, closures: Mapping[Key, tuple[Key, ...]], allowed: frozenset[Term]
) -> str:
    if shape.deactivated or shape.severity in allowed or not shape.constraints:
        return "true"
    checks: list[ValueCheck] = shape.constraints  # type: ignore[assignment]
    tests = (value_ok(c, variable, closures, allowed) for c in checks)
    return "(" + " && ".join(tests) + ")"


def less_than_ok(left: str, right: str, *, or_equal: bool) -> str:
    """Pairs pySHACL certainly finds in order: two numbers, two strings or two plain dates."""
    operator = "<=" if or_equal else "<"

    date = ox.NamedNode(XSD_NS + "date")

    def plain_date(v: str) -> str:
        safe = SAFE_LEXICAL[date.value]
        assert safe is not None
        return f"(datatype({v}) = {sparql_term(date)} && {_regex(v, safe)})"

    return (
        f"(({_numeric(left)} && {_numeric(right)} && {left} {operator} {right})"
        f" || ({_stringy(left)} && {_stringy(right)} && STR({left}) {operator} STR({right}))"
        f" || ({plain_date(left)} && {plain_date(right)} && {left} {operator} {right}))"
    )
