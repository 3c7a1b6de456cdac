"""Asking questions of published claims: bundled queries, typed parameters, result formats.

The service behind ``claimgraph query`` and ``claimgraph queries``, on top of the store layer
(:mod:`claimgraph.store`), which it uses only through :meth:`Store.query`::

    header.py    the comment header of a .rq file: title, description, typed parameters
    params.py    parameter values -> RDF terms -> VALUES blocks (never string formatting)
    syntax.py    syntax check with line:column, and the query form (SELECT, ASK, CONSTRUCT)
    bundled.py   the bundled questions in claimgraph/queries/*.rq
    service.py   prepare (check + bind) and run (deadline + normalised answer)
    results.py   table, CSV, TSV, JSON (W3C), Turtle

>>> import tempfile, pathlib
>>> from claimgraph.store import EmbeddedTarget, open_store
>>> store = open_store(EmbeddedTarget(pathlib.Path(tempfile.mkdtemp()) / "s"))
>>> query = prepare(bundled_query("claims-by-claimant").text, params={"claimant": ["wd:Q42970"]})
>>> run(store, query).bindings
()
>>> store.close()
"""

from __future__ import annotations

from claimgraph.query.bundled import BundledQuery, bundled_queries, bundled_query
from claimgraph.query.header import Parameter, QueryHeader, parse_header
from claimgraph.query.params import ParamError, ParamType, bind_values, expand_iri
from claimgraph.query.results import ResultFormat, compact, normalise, render
from claimgraph.query.service import PreparedQuery, prepare, run
from claimgraph.query.syntax import QueryForm, check_syntax

__all__ = [
    "BundledQuery",
    "ParamError",
    "ParamType",
    "Parameter",
    "PreparedQuery",
    "QueryForm",
    "QueryHeader",
    "ResultFormat",
    "bind_values",
    "bundled_queries",
    "bundled_query",
    "check_syntax",
    "compact",
    "expand_iri",
    "normalise",
    "parse_header",
    "prepare",
    "render",
    "run",
]
