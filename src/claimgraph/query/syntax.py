"""Checking a query before it is sent: syntax errors with line and column, and the query form.

pyoxigraph parses the query against an empty in-memory store: a syntax error comes back as
``error at LINE:COLUMN: expected one of …`` and is turned into one readable line (exit 3)
instead of an endpoint's HTTP 400. The same parse tells SELECT, ASK and CONSTRUCT/DESCRIBE
apart, which decides the output formats. Updates (``INSERT``, ``DROP`` …) are not queries and
fail here: ``claimgraph query`` can never change a store.

Evaluating on an empty store is instant, with one exception: an ``ASK`` is evaluated eagerly,
so a ``SERVICE`` inside it is called once more by the check (a failure of that call is ignored).

>>> check_syntax("SELECT ?s WHERE { ?s ?p ?o }").value
'select'
>>> check_syntax("SELECT ?s WHERE {\\n  ?s ?p ?o } ; DROP ALL", source="q.rq")
... # doctest: +NORMALIZE_WHITESPACE
Traceback (most recent call last):
...
claimgraph.errors.InputError: q.rq:2:20: SPARQL syntax error near 'DROP':
    expected one of HAVING, OFFSET, OPTIONAL, VALUES
"""

from __future__ import annotations

import re
from enum import StrEnum

import pyoxigraph as ox

from claimgraph.errors import Diagnostic, InputError, SourcePos

_POSITION = re.compile(r"^error at (?P<line>\d+):(?P<column>\d+): (?P<message>.*)$", re.DOTALL)
_KEYWORD = re.compile(r'^(?:[A-Z][A-Z_]+|"[^"\s]{1,3}")$')
_SENTENCE = re.compile(r"[A-Z][a-z]+(?: [A-Za-z]+){3,}")
_MAX_EXPECTED = 8
_COMMENT = re.compile(r"#[^\n]*")
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
    r"(?P<keyword>INSERT|DELETE|DROP|CLEAR|LOAD|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)


class QueryForm(StrEnum):
    """What a query returns: solutions, a boolean, or RDF (CONSTRUCT and DESCRIBE)."""

    SELECT = "select"
    ASK = "ask"
    GRAPH = "graph"


def check_syntax(text: str, *, source: str = "<query>") -> QueryForm:
    """The form of ``text``, or :class:`InputError` at ``source:line:column`` if malformed."""
    try:
        result = ox.Store().query(text)
    except SyntaxError as exc:
        update = _UPDATE.match(_COMMENT.sub("", text))
        if update:
            raise InputError(
                Diagnostic(
                    SourcePos(source),
                    f"{update['keyword'].upper()} is SPARQL Update, not a query: "
                    "claimgraph query never changes a store",
                    hint="use claimgraph publish to change data",
                )
            ) from None
        raise InputError(_diagnostic(str(exc), text, source)) from None
    except OSError:  # an ASK whose SERVICE failed: the syntax was fine
        return QueryForm.ASK
    if isinstance(result, ox.QuerySolutions):
        return QueryForm.SELECT
    if isinstance(result, ox.QueryBoolean):
        return QueryForm.ASK
    return QueryForm.GRAPH


def _diagnostic(error: str, text: str, source: str) -> Diagnostic:
    """One line from pyoxigraph's message: position, the token found, what was expected."""
    match = _POSITION.match(error)
    if match is None:
        return Diagnostic(SourcePos(source), "SPARQL syntax error: " + " ".join(error.split()))
    line, column = int(match["line"]), int(match["column"])
    message = match["message"]
    lines = text.splitlines() or [""]
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    token = _token_at(current, column - 1)
    for previous in reversed(lines[: max(line - 1, 0)]):  # at an empty line: the last word
        if token:
            break
        token = _token_at(previous, len(previous))
    if "Prefix not found" in message:
        prefix = _prefix_before(current, column - 1)
        if prefix is not None:
            return Diagnostic(
                SourcePos(source, line, column),
                f"SPARQL syntax error: undeclared prefix '{prefix}:'",
                hint=f"add PREFIX {prefix}: <…> before the query",
            )
    where = f" near '{token}'" if token else ""
    return Diagnostic(
        SourcePos(source, line, column), f"SPARQL syntax error{where}: {_expected(message)}"
    )


def _expected(message: str) -> str:
    """Shorten ``expected one of …`` to the keywords and punctuation a person can act on."""
    flat = " ".join(message.split())
    sentence = _SENTENCE.search(flat)
    if sentence and "expected" in flat:
        return sentence.group(0)
    if not flat.startswith("expected one of "):
        return flat if flat != "expected [_]" else "unexpected input"
    items = [item.strip() for item in flat.removeprefix("expected one of ").split(", ")]
    keywords = sorted({item for item in items if _KEYWORD.match(item)})
    if not keywords:
        return "unexpected input"
    shown = ", ".join(keywords[:_MAX_EXPECTED])
    return f"expected one of {shown}" + (" …" if len(keywords) > _MAX_EXPECTED else "")


def _token_at(line: str, index: int) -> str:
    """The word (or symbol) at ``index``, else the last one before it, cut at 20 characters.

    pyoxigraph reports the furthest position it reached, often just past the culprit.
    """
    token = ""
    for match in re.finditer(r"[^\s{}()<>.;,]+|\S", line):
        if match.start() > index:
            break
        token = match.group(0)
    return token[:20] + ("…" if len(token) > 20 else "")


def _prefix_before(line: str, index: int) -> str | None:
    """The ``prefix`` of a ``prefix:local`` name ending at or around ``index``."""
    for match in re.finditer(r"([A-Za-z][\w.\-]*)?:[\w.\-]*", line):
        if match.start() <= index <= match.end() + 1:
            return match.group(1) or ""
    return None


__all__ = ["QueryForm", "check_syntax"]
