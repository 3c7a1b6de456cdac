"""The comment header of a ``.rq`` file: title, description and typed parameters.

The header is the query's leading ``#`` lines, so the file stays a plain SPARQL query that any
tool runs. Keys are recognised anywhere in it; other comment lines are notes for readers::

    # title: Claims by a claimant
    # description: Claims made by an actor, its sub-organisations or the people speaking for it.
    # answers: CQ1, CQ13
    # param claimant: iri — The actor, by IRI or Wikidata item. Every claim when omitted.
    # param type: iri = cg:Event — The kind of event (a default: bound unless given).
    # param status: string(linked|unlinked) — One of two words.
    # example: --param claimant=wd:Q42970

A parameter without a default is left unbound when not given (``VALUES ?name { UNDEF }``), and
the bundled queries read an unbound parameter as "no restriction".

>>> h = parse_header("# title: T\\n# description: D\\n# param since: date — From.\\nASK {}")
>>> h.title, [(p.name, p.type.spec, p.default) for p in h.params]
('T', [('since', 'date', None)])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimgraph.errors import Diagnostic, InputError, SourcePos
from claimgraph.query.params import NAME, ParamError, ParamType, Term

_KEY = re.compile(r"^#\s*(?P<key>title|description|answers|example|param\s+(?P<name>\S+?))\s*:\s?")
_PARAM = re.compile(
    r"^(?P<type>[^=—]+?)\s*(?:=\s*(?P<default>[^—]*?)\s*)?(?:(?:—|\s--\s)\s*(?P<help>.*))?$"
)


@dataclass(frozen=True, slots=True)
class Parameter:
    """A declared parameter: its name (the query's ``?name``), type, default and meaning."""

    name: str
    type: ParamType
    default: str | None = None
    description: str = ""

    def default_term(self) -> Term | None:
        """The default as an RDF term, or None when the parameter is unbound by default."""
        return None if self.default is None else self.type.term(self.default)


@dataclass(frozen=True, slots=True)
class QueryHeader:
    """What a query's header declares; empty for a query without one."""

    title: str = ""
    description: str = ""
    answers: tuple[str, ...] = ()
    params: tuple[Parameter, ...] = ()
    examples: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def param(self, name: str) -> Parameter | None:
        """The parameter called ``name``, if declared."""
        return next((p for p in self.params if p.name == name), None)


def parse_header(text: str, *, source: str = "<query>") -> QueryHeader:
    """Read the header of ``text``; a malformed ``param`` line is an :class:`InputError`."""
    fields: dict[str, str] = {}
    answers: list[str] = []
    params: list[Parameter] = []
    examples: list[str] = []
    notes: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        match = _KEY.match(stripped)
        if match is None:
            note = stripped.lstrip("#").strip()
            if note:
                notes.append(note)
            continue
        value = stripped[match.end() :].strip()
        key = match["key"]
        where = SourcePos(source, number, 1)
        if key in ("title", "description"):
            fields[key] = value
        elif key == "answers":
            answers.extend(a.strip() for a in value.split(",") if a.strip())
        elif key == "example":
            examples.append(value)
        else:
            param = _parameter(match["name"], value, where)
            if any(p.name == param.name for p in params):
                raise InputError(Diagnostic(where, f"parameter '{param.name}' declared twice"))
            params.append(param)
    return QueryHeader(
        fields.get("title", ""),
        fields.get("description", ""),
        tuple(answers),
        tuple(params),
        tuple(examples),
        tuple(notes),
    )


def _parameter(name: str, value: str, where: SourcePos) -> Parameter:
    if not NAME.match(name):
        raise InputError(
            Diagnostic(where, f"'{name}' is not a parameter name", hint="use letters, digits, _")
        )
    match = _PARAM.match(value)
    if match is None or not match["type"].strip():
        raise InputError(
            Diagnostic(
                where,
                f"malformed parameter '{name}'",
                hint="write: # param NAME: TYPE [= DEFAULT] — DESCRIPTION",
            )
        )
    try:
        ptype = ParamType.parse(match["type"])
        default = match["default"] or None
        param = Parameter(name, ptype, default, (match["help"] or "").strip())
        param.default_term()  # a default must fit its type
    except ParamError as exc:
        raise InputError(Diagnostic(where, f"parameter '{name}': {exc}")) from None
    return param


__all__ = ["Parameter", "QueryHeader", "parse_header"]
