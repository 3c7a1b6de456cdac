"""Value checks decided exactly as pySHACL decides them, through rdflib's reading of literals.

pySHACL judges datatypes, string forms and orderings on rdflib ``Literal`` objects, and rdflib
has its own opinions: ``"1e5"^^xsd:decimal`` is a well-formed decimal to it, any
``xsd:gYear`` lexical form is accepted, ``"2015-02-01"^^xsd:dateTime`` is normalised to
``2015-02-01T00:00:00`` before ``sh:pattern`` sees it, and literals of different datatypes are
ordered by datatype IRI. No SPARQL engine reproduces that, so the queries only *pre-filter*:
they drop the rows that are certainly fine and send every other row here, where the verdict
is reached with rdflib exactly as pySHACL reaches it. Violations are rare, so few rows come here.

Anything pySHACL would crash on (comparing incomparable values raises ``TypeError`` there)
raises :class:`Fallback`, so that the caller hands the whole job to pySHACL.

>>> xsd_decimal = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
>>> datatype_matches(ox.Literal("1e5", datatype=xsd_decimal), xsd_decimal)
True
>>> datatype_matches(ox.Literal("abc", datatype=xsd_decimal), xsd_decimal)
False
"""

from __future__ import annotations

import datetime
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import lru_cache
from typing import Any

import pyoxigraph as ox
import rdflib

from claimgraph.shacl.vocab import (
    RDF_LANGSTRING,
    RDFS_DATATYPE,
    RDFS_LITERAL,
    XSD_NS,
    XSD_STRING,
    Term,
)


class Fallback(Exception):
    """pySHACL would fail here (or we cannot be sure to agree with it): let it run instead."""


_RDFLIB_LOGGER = logging.getLogger("rdflib.term")


class _Quiet(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return False


@contextmanager
def _quiet_rdflib() -> Iterator[None]:
    """rdflib logs a traceback and warns for every ill-typed literal it converts; those are
    data findings that the validation report already carries, not errors of ours."""
    quiet = _Quiet()
    _RDFLIB_LOGGER.addFilter(quiet)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        _RDFLIB_LOGGER.removeFilter(quiet)


@lru_cache(maxsize=1 << 16)
def to_rdflib(term: Term) -> rdflib.term.Identifier:
    """The rdflib term pySHACL holds for ``term`` when claimgraph hands it the store's content.

    Lexical forms are kept as stored (``normalize=False``) and strings keep ``xsd:string``, as
    :func:`claimgraph.validation.engine.to_rdflib` converts them for pySHACL.
    """
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    with _quiet_rdflib():
        if term.language:
            return rdflib.Literal(term.value, lang=term.language, normalize=False)
        return rdflib.Literal(
            term.value, datatype=rdflib.URIRef(term.datatype.value), normalize=False
        )


def python_value(term: Term) -> Any:
    """rdflib's Python value of a literal (``None`` when rdflib cannot convert it)."""
    converted = to_rdflib(term)
    return converted.value if isinstance(converted, rdflib.Literal) else None


_CHECKED_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": (str, bytes),
    "integer": int,
    "float": float,
    "decimal": Decimal,
    "boolean": bool,
    "date": datetime.date,
    "time": datetime.time,
    "dateTime": datetime.datetime,
}


def datatype_matches(value: Term, rule: ox.NamedNode) -> bool:
    """pySHACL's ``sh:datatype`` test for one value node."""
    if not isinstance(value, ox.Literal):
        return False
    literal = to_rdflib(value)
    assert isinstance(literal, rdflib.Literal)
    datatype = literal.datatype
    if datatype is not None and str(datatype) == rule.value:
        if literal.ill_typed is True:
            return False
        return _actual_datatype(literal, rule)
    if rule == RDFS_LITERAL:
        return True
    if rule == RDFS_DATATYPE and datatype is not None:
        return True
    if datatype is None and literal.language is None and rule == XSD_STRING:
        return _actual_datatype(literal, rule)
    if rule == RDF_LANGSTRING and literal.language:
        return _actual_datatype(literal, rule)
    return False


def _actual_datatype(literal: rdflib.Literal, rule: ox.NamedNode) -> bool:
    if rule == RDF_LANGSTRING:
        return isinstance(literal.value, str | bytes)
    if not rule.value.startswith(XSD_NS):
        return True
    expected = _CHECKED_TYPES.get(rule.value[len(XSD_NS) :])
    return True if expected is None else isinstance(literal.value, expected)


def string_of(value: Term) -> str:
    """The string pySHACL matches ``sh:pattern`` and measures ``sh:minLength`` against."""
    converted = to_rdflib(value)
    if isinstance(converted, rdflib.Literal):
        if converted.value is not None and (
            converted.datatype is None or str(converted.datatype) in _STRINGY
        ):
            return str(converted.value)
        return str(converted)
    return str(converted)


_STRINGY = {RDF_LANGSTRING.value, XSD_STRING.value}


def _compare(l1: rdflib.Literal, l2: rdflib.Literal) -> int:
    """pySHACL's ``compare_literal``: plain Python ordering of dates and times, rdflib's else."""
    if l1.eq(l2):
        return 0
    if l1.value.__class__ in (datetime.datetime, datetime.time):
        if l1.value == l2.value:
            return 0
        if l1.value > l2.value:
            return 1
    elif l1 > l2:
        return 1
    return -1


def range_holds(value: Term, bound: Term, component: str) -> bool:
    """pySHACL's ``sh:minInclusive`` & co. for one value node; ``component`` is the local name."""
    if not isinstance(value, ox.Literal):
        return False
    if not isinstance(bound, ox.Literal):
        raise Fallback("range bound is not a literal")
    v, b = to_rdflib(value), to_rdflib(bound)
    assert isinstance(v, rdflib.Literal)
    assert isinstance(b, rdflib.Literal)
    if isinstance(v.value, str) != isinstance(b.value, str):
        return False
    try:
        with _quiet_rdflib():
            order = _compare(v, b)
    except (TypeError, NotImplementedError):
        return False
    return {
        "minExclusive": order > 0,
        "minInclusive": order >= 0,
        "maxExclusive": order < 0,
        "maxInclusive": order <= 0,
    }[component]


def _comparable(term: Term) -> tuple[Any, bool]:
    if isinstance(term, ox.BlankNode):
        raise Fallback("pySHACL cannot compare blank nodes with sh:lessThan")
    converted = to_rdflib(term)
    if isinstance(converted, rdflib.URIRef):
        return str(converted), True
    if isinstance(converted, rdflib.Literal) and isinstance(converted.value, str):
        return converted.value, True
    return converted, False


def less_than_holds(value: Term, other: Term, *, or_equal: bool) -> bool:
    """pySHACL's ``sh:lessThan`` / ``sh:lessThanOrEquals`` test for one pair of values."""
    left, left_is_string = _comparable(value)
    right, right_is_string = _comparable(other)
    if left_is_string != right_is_string:
        return False
    try:
        with _quiet_rdflib():
            return bool(left <= right) if or_equal else bool(left < right)
    except TypeError as error:
        raise Fallback(f"pySHACL fails comparing {value} and {other}") from error
