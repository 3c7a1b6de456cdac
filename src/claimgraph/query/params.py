"""Query parameters: typed values turned into RDF terms, bound through ``VALUES`` blocks.

A user's value never reaches SPARQL as text of its own. It is parsed according to the type the
query's header declares (an IRI, a date, an integer, a language-tagged string …) into a
pyoxigraph term, which validates it (an IRI with ``>`` or a space is refused) and serialises it
with the escapes N-Triples and SPARQL share. Only that serialisation is written into the query,
and only in place of a parameter block the query itself holds::

    VALUES ?claimant { UNDEF }          # in the .rq file: the parameter, unbound
    VALUES ?claimant { <https://w3id.org/claimgraph/id/seed/AmnestyInternational> }

``UNDEF`` leaves the variable unbound, so a query run without the parameter runs unchanged in
any SPARQL tool. A parameter the query has no such line for is bound by a ``VALUES`` clause
appended after the query (SPARQL 1.1 §10.2.2), which joins with its solutions.

>>> query = "SELECT * WHERE {\\n  VALUES ?x { UNDEF }\\n}"
>>> print(bind_values(query, {"x": [ox.Literal('a" } ; DROP ALL ; {')]}))
SELECT * WHERE {
  VALUES ?x { "a\\" } ; DROP ALL ; {" }
}
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import pyoxigraph as ox

from claimgraph import iris

Term = ox.NamedNode | ox.Literal

XSD = "http://www.w3.org/2001/XMLSchema#"

#: Prefixes a value (or a type) may use instead of a full IRI: ``cg:Incident``, ``wd:Q159``.
#: Taken from :data:`claimgraph.iris.PREFIXES` (not ``geo:`` or ``time:``: URI schemes too).
VALUE_PREFIXES: dict[str, str] = {
    name: iris.PREFIXES[name]
    for name in (
        "cg",
        "cgv",
        "wd",
        "wdt",
        "rdf",
        "rdfs",
        "xsd",
        "owl",
        "skos",
        "prov",
        "dcterms",
        "org",
        "schema",
    )
}

#: URI schemes written without ``//`` that are never read as a dataset prefix.
_PLAIN_SCHEMES = frozenset({"urn", "mailto", "tag", "data", "did", "doi", "info", "geo"})

_PARAM_LINE = re.compile(
    r"^(?P<indent>[ \t]*)VALUES[ \t]+\?(?P<name>[A-Za-z_][A-Za-z0-9_]*)[ \t]*"
    r"\{[ \t]*UNDEF[ \t]*\}[ \t]*$",
    re.MULTILINE,
)
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_LANGUAGE = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
_CURIE = re.compile(r"^(?P<prefix>[A-Za-z][A-Za-z0-9_.\-]*):(?P<local>.*)$", re.DOTALL)


class ParamError(ValueError):
    """A value that does not fit its parameter's type; the message says what would."""


class TermKind(StrEnum):
    """Whether a parameter is bound to an IRI or to a literal."""

    IRI = "iri"
    LITERAL = "literal"


#: Literal types by the short names a header uses.
_DATATYPES = {
    "string": XSD + "string",
    "integer": XSD + "integer",
    "decimal": XSD + "decimal",
    "double": XSD + "double",
    "boolean": XSD + "boolean",
    "date": XSD + "date",
    "dateTime": XSD + "dateTime",
    "gYear": XSD + "gYear",
    "gYearMonth": XSD + "gYearMonth",
}


@dataclass(frozen=True, slots=True)
class ParamType:
    """A parameter's type as a header declares it: ``iri``, ``date``, ``text@en``, ``xsd:gYear`` …

    >>> ParamType.parse("date").term("2015-12-01")
    <Literal value=2015-12-01 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#date>>
    >>> ParamType.parse("text@en").term("hospital")
    <Literal value=hospital language=en>
    >>> ParamType.parse("string(linked|unlinked)").term("maybe")
    Traceback (most recent call last):
    ...
    claimgraph.query.params.ParamError: 'maybe' is not one of linked, unlinked
    """

    spec: str
    kind: TermKind
    datatype: str | None = None
    language: str | None = None
    choices: tuple[str, ...] = ()

    @classmethod
    def parse(cls, spec: str) -> ParamType:
        """Read a type as written after ``param NAME:``; :class:`ParamError` if unknown."""
        text = spec.strip()
        choices: tuple[str, ...] = ()
        match = re.fullmatch(r"(?P<base>[^()]+)\((?P<choices>[^()]*)\)", text)
        if match:
            choices = tuple(c.strip() for c in match["choices"].split("|") if c.strip())
            if not choices:
                raise ParamError(f"type '{spec}' lists no choices")
            text = match["base"].strip()
        if text == "iri":
            if choices:
                raise ParamError("an iri parameter cannot list choices")
            return cls(spec, TermKind.IRI)
        if text.startswith("text@"):
            language = text.removeprefix("text@")
            if not _LANGUAGE.match(language):
                raise ParamError(f"'{language}' is not a language tag (en, ar, pt-BR …)")
            return cls(spec, TermKind.LITERAL, language=language.lower(), choices=choices)
        if text in _DATATYPES:
            return cls(spec, TermKind.LITERAL, datatype=_DATATYPES[text], choices=choices)
        try:
            datatype = expand_iri(text, datasets=False)
        except ParamError:
            raise ParamError(
                f"unknown parameter type '{spec}' (iri, string, integer, decimal, double, "
                "boolean, date, dateTime, gYear, gYearMonth, text@LANG, or a datatype IRI)"
            ) from None
        return cls(spec, TermKind.LITERAL, datatype=datatype, choices=choices)

    def term(self, value: str) -> Term:
        """The RDF term for ``value``, checked against this type."""
        if any("\ud800" <= ch <= "\udfff" for ch in value):
            raise ParamError("the value is not valid Unicode (it holds a lone surrogate)")
        if self.choices and value not in self.choices:
            raise ParamError(f"{value!r} is not one of {', '.join(self.choices)}")
        if self.kind is TermKind.IRI:
            return ox.NamedNode(expand_iri(value))
        if self.language is not None:
            return ox.Literal(value, language=self.language)
        assert self.datatype is not None
        lexical = _lexical(value, self.datatype)
        if self.datatype == XSD + "string":
            return ox.Literal(lexical)
        return ox.Literal(lexical, datatype=ox.NamedNode(self.datatype))


def expand_iri(value: str, *, datasets: bool = True) -> str:
    """An absolute IRI from ``<…>``, a full IRI, ``cg:Incident``-style names or ``seed:C01``.

    ``seed:C01`` names entity ``C01`` of dataset ``seed`` under the default base, the way the
    table output writes it. The IRI is checked by pyoxigraph: nothing that could end an
    ``<…>`` (``>``, spaces, quotes, braces) gets through.

    >>> expand_iri("wd:Q42970")
    'http://www.wikidata.org/entity/Q42970'
    >>> expand_iri("seed:AmnestyInternational")
    'https://w3id.org/claimgraph/id/seed/AmnestyInternational'
    >>> expand_iri("<http://example.org/x>")
    'http://example.org/x'
    >>> expand_iri("http://x/>;DROP")
    Traceback (most recent call last):
    ...
    claimgraph.query.params.ParamError: 'http://x/>;DROP' is not an IRI: Invalid IRI code point '>'
    """
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    else:
        match = _CURIE.match(text)
        if match and not match["local"].startswith("//"):
            prefix, local = match["prefix"], match["local"]
            if prefix in VALUE_PREFIXES:
                text = VALUE_PREFIXES[prefix] + local
            elif (
                datasets
                and prefix.lower() not in _PLAIN_SCHEMES
                and iris.is_valid_id(prefix)
                and prefix not in iris.RESERVED_DATASET_IDS
            ):
                text = iris.entity_iri(iris.DEFAULT_BASE, prefix, local)
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:", text):
        raise ParamError(f"{value!r} is not an IRI (write https://…, <…>, wd:Q…, or dataset:id)")
    try:
        return ox.NamedNode(text).value
    except ValueError as exc:
        raise ParamError(f"{value!r} is not an IRI: {exc}") from None


def infer_term(value: str) -> Term:
    """A term for a parameter no header declares: an IRI, an integer, a date, or a string.

    >>> infer_term("wd:Q159"), infer_term("12"), infer_term("2015-12-01"), infer_term("Syria")
    ... # doctest: +NORMALIZE_WHITESPACE
    (<NamedNode value=http://www.wikidata.org/entity/Q159>,
     <Literal value=12 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>,
     <Literal value=2015-12-01 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#date>>,
     <Literal value=Syria datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>)
    """
    for spec in ("integer", "date"):
        try:
            return ParamType.parse(spec).term(value)
        except ParamError:
            pass
    looks_like_iri = (value.startswith("<") and value.endswith(">")) or "://" in value
    match = _CURIE.match(value)
    if looks_like_iri or (match and match["prefix"] in VALUE_PREFIXES):
        return ParamType.parse("iri").term(value)
    return ParamType.parse("string").term(value)


#: Lexical forms accepted per XSD type (checked again by a parser where one exists), and an
#: example for the error message.
_FORMS: dict[str, tuple[str, str]] = {
    "integer": (r"[+-]?[0-9]+", "12"),
    "decimal": (r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)", "16.5"),
    "double": (r"[+-]?(([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|INF|NaN)", "1.5e3"),
    "boolean": (r"true|false|1|0", "true or false"),
    "date": (r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "2015-12-01"),
    "dateTime": (
        r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?",
        "2015-12-01T10:00:00Z",
    ),
    "gYear": (r"-?[0-9]{4,}", "2015"),
    "gYearMonth": (r"-?[0-9]{4,}-(0[1-9]|1[0-2])", "2015-12"),
}


def _lexical(value: str, datatype: str) -> str:
    """``value`` checked (and, for integers and booleans, canonicalised) for ``datatype``."""
    name = datatype.removeprefix(XSD)
    if not datatype.startswith(XSD) or name not in _FORMS:
        return value
    pattern, example = _FORMS[name]
    try:
        if not re.fullmatch(pattern, value):
            raise ValueError
        if name == "date":
            dt.date.fromisoformat(value)
        elif name == "dateTime":
            dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ParamError(f"{value!r} is not an xsd:{name} (e.g. {example})") from None
    if name == "integer":
        return str(int(value))
    if name == "boolean":
        return "true" if value in ("true", "1") else "false"
    return value


def parameter_lines(text: str) -> dict[str, int]:
    """The parameter blocks of a query: variable name → 1-based line of its first block.

    A parameter may have several blocks (one in a sub-select that needs it, say): each is
    bound the same way.

    >>> parameter_lines("SELECT * WHERE {\\n  VALUES ?since { UNDEF }\\n}")
    {'since': 2}
    """
    found: dict[str, int] = {}
    for match in _PARAM_LINE.finditer(text):
        found.setdefault(match["name"], text.count("\n", 0, match.start()) + 1)
    return found


def bind_values(text: str, values: Mapping[str, Sequence[Term]]) -> str:
    """``text`` with each parameter in ``values`` bound to its terms (several: one row each).

    A parameter with a ``VALUES ?name { UNDEF }`` line is bound there; the others together in
    one ``VALUES`` clause after the query (every combination of their values).
    """
    for name in values:
        if not NAME.match(name):
            raise ParamError(f"'{name}' is not a parameter name (letters, digits, _)")
    inline = {name for name in parameter_lines(text) if name in values}

    def replace(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in inline:
            return match[0]
        terms = " ".join(str(term) for term in _checked(values[name]))
        return match["indent"] + "VALUES ?" + name + " { " + terms + " }"

    bound = _PARAM_LINE.sub(replace, text)
    trailing = [name for name in values if name not in inline]
    if not trailing:
        return bound
    heads = " ".join("?" + name for name in trailing)
    rows = itertools.product(*(_checked(values[name]) for name in trailing))
    body = " ".join("(" + " ".join(str(term) for term in row) + ")" for row in rows)
    return bound + "\nVALUES (" + heads + ") { " + body + " }\n"


def _checked(terms: Sequence[Term]) -> Sequence[Term]:
    """Only pyoxigraph IRIs and literals: their ``str`` is the N-Triples form, escapes done."""
    for term in terms:
        if not isinstance(term, ox.NamedNode | ox.Literal):
            raise TypeError(f"not an RDF term: {term!r}")
    return terms


__all__ = [
    "VALUE_PREFIXES",
    "ParamError",
    "ParamType",
    "Term",
    "TermKind",
    "bind_values",
    "expand_iri",
    "infer_term",
    "parameter_lines",
]
