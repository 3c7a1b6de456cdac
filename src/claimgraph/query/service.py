"""Preparing a query (syntax, parameters) and running it on any :class:`~claimgraph.store.Store`.

:func:`prepare` checks the text as written (so a syntax error points at the user's line and
column), types each ``--param`` value by the header (:mod:`claimgraph.query.params`), binds the
values as RDF terms, and checks the result again. :func:`run` sends it to the store with a
deadline and normalises the answer (:func:`claimgraph.query.results.normalise`).

Failures, for the CLI's exit codes: malformed query or header → :class:`InputError` (3); an
unknown parameter or a value that does not fit its type → :class:`ConfigError` (2); the store
failing, refusing or not answering in time → :class:`RemoteError` (4).
"""

from __future__ import annotations

import difflib
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claimgraph.errors import ConfigError, RemoteError
from claimgraph.query.header import QueryHeader, parse_header
from claimgraph.query.params import ParamError, Term, bind_values, infer_term
from claimgraph.query.results import normalise
from claimgraph.query.syntax import QueryForm, check_syntax
from claimgraph.store import QueryResult, ResultKind, Store


@dataclass(frozen=True, slots=True)
class PreparedQuery:
    """A query ready to send: the text with parameters bound, its form, where it came from."""

    text: str
    form: QueryForm
    source: str
    header: QueryHeader


def prepare(
    text: str,
    *,
    source: str = "<query>",
    params: Mapping[str, Sequence[str]] | None = None,
) -> PreparedQuery:
    """Check ``text`` and bind ``params`` (name → values as typed on the command line).

    A parameter the header declares is typed by it and, when not given, takes its default (or
    stays unbound). A query without a header may still take parameters: each value is read
    as an IRI, integer, date or string by its look (:func:`~claimgraph.query.params.infer_term`).

    >>> text = "# param n: integer\\nSELECT ?n WHERE {\\n  VALUES ?n { UNDEF }\\n}"
    >>> print(prepare(text, params={"n": ["+7"]}).text)
    # param n: integer
    SELECT ?n WHERE {
      VALUES ?n { "7"^^<http://www.w3.org/2001/XMLSchema#integer> }
    }
    """
    header = parse_header(text, source=source)
    check_syntax(text, source=source)
    terms = _terms(header, params or {}, source)
    bound = bind_values(text, terms)
    form = check_syntax(bound, source=source)
    return PreparedQuery(bound, form, source, header)


def _terms(
    header: QueryHeader, given: Mapping[str, Sequence[str]], source: str
) -> dict[str, list[Term]]:
    terms: dict[str, list[Term]] = {}
    declared = [p.name for p in header.params]
    for name, values in given.items():
        param = header.param(name)
        if param is None and declared:
            close = difflib.get_close_matches(name, declared, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise ConfigError(
                f"{source} has no parameter '{name}' ({hint}its parameters: {', '.join(declared)})"
            )
        try:
            terms[name] = [param.type.term(v) if param else infer_term(v) for v in values]
        except ParamError as exc:
            kind = f" ({param.type.spec})" if param else ""
            raise ConfigError(f"--param {name}{kind}: {exc}") from None
    for param in header.params:
        if param.name not in terms:
            default = param.default_term()
            if default is not None:
                terms[param.name] = [default]
    return terms


def run(store: Store, query: PreparedQuery, *, timeout: float | None = None) -> QueryResult:
    """Send ``query`` to ``store``; no answer within ``timeout`` seconds is a RemoteError.

    The store applies ``timeout`` itself where it can (HTTP); the embedded store cannot stop a
    query, so it is also run in a worker thread and abandoned when the deadline passes (it
    goes on until the process exits, which the CLI does at once).
    """
    result = _with_deadline(store, query.text, timeout)
    expected = {
        QueryForm.SELECT: ResultKind.BINDINGS,
        QueryForm.ASK: ResultKind.BOOLEAN,
        QueryForm.GRAPH: ResultKind.GRAPH,
    }[query.form]
    if result.kind is not expected:
        raise RemoteError(
            f"{store.label}: answered a {query.form.value.upper()} query with "
            f"{result.kind.value} results"
        )
    return normalise(result)


def _with_deadline(store: Store, text: str, timeout: float | None) -> QueryResult:
    if timeout is None:
        return store.query(text)
    outcome: list[QueryResult | BaseException] = []

    def work() -> None:
        try:
            outcome.append(store.query(text, timeout=timeout))
        except BaseException as exc:  # handed to the caller's thread
            outcome.append(exc)

    worker = threading.Thread(target=work, name="claimgraph-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if not outcome:
        raise RemoteError(f"{store.label}: no answer within {timeout:g} s (--timeout)")
    answer = outcome[0]
    if isinstance(answer, BaseException):
        raise answer
    return answer


__all__ = ["PreparedQuery", "prepare", "run"]
