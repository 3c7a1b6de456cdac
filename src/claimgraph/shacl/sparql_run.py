"""Running ``sh:sparql`` constraints and turning their rows into results like pySHACL does.

pySHACL's rules for a row: a bound ``?failure`` gives one result per focus node; otherwise the
row must bind at least one of ``$this``, ``?path``, ``?value``; identical rows count once; the
result's value is ``?value`` (or, for node shapes, the focus node) and its path ``?path`` (or
the shape's path). Messages get ``{?var}`` replaced by the row's bindings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pyoxigraph as ox

from claimgraph.shacl.literals import Fallback
from claimgraph.shacl.model import Shape, SparqlSelect
from claimgraph.shacl.paths import Path, Predicate
from claimgraph.shacl.sparql_constraints import current_shape_substitution, format_message, prepare
from claimgraph.shacl.vocab import Key, Term, term_of

if TYPE_CHECKING:
    from claimgraph.shacl.run import Evaluator, Focus

Bindings = dict[str, Term]
SparqlResult = tuple[Key, Key | None, Path | None, str | None]


def _solutions(
    evaluator: Evaluator, text: str, substitutions: dict[ox.Variable, Term | ox.Triple]
) -> list[Bindings]:
    facts = evaluator.facts
    facts.query_count += 1
    try:
        solutions = facts.store.query(
            text, use_default_graph_as_union=True, substitutions=substitutions or None
        )
    except (SyntaxError, ValueError, OSError) as error:
        raise Fallback(f"SPARQL constraint failed in oxigraph: {error}") from error
    if not isinstance(solutions, ox.QuerySolutions):
        raise Fallback("a SPARQL constraint must be a SELECT query")
    names = [v.value for v in solutions.variables]
    out = []
    for solution in solutions:
        row = {name: solution[i] for i, name in enumerate(names) if solution[i] is not None}
        out.append(row)
    return out


def sparql_results(
    evaluator: Evaluator, shape: Shape, c: SparqlSelect, focus: Focus
) -> Iterator[SparqlResult]:
    """(focus, value, path, message) for every result of ``c`` on ``focus``."""
    prepared = prepare(c, shape)
    substitutions: dict[ox.Variable, Term | ox.Triple] = dict(
        current_shape_substitution(prepared.text, shape)
    )
    nodes = evaluator.nodes(focus)
    rows_by_focus: dict[Key, list[Bindings]] = defaultdict(list)
    if not prepared.binds_this:
        rows = _solutions(evaluator, prepared.text, substitutions)
        rows_by_focus = {f: rows for f in nodes}
    elif prepared.batch:
        for row in _solutions(evaluator, prepared.text, substitutions):
            this = str(row["this"]) if "this" in row else ""
            if this in nodes:
                rows_by_focus[this].append(row)
    else:
        for f in nodes:
            bound = {**substitutions, ox.Variable("this"): term_of(f)}
            rows_by_focus[f] = _solutions(evaluator, prepared.text, bound)
    for f, rows in rows_by_focus.items():
        yield from _results_for(shape, c, f, rows)


def _results_for(
    shape: Shape, c: SparqlSelect, f: Key, rows: list[Bindings]
) -> Iterator[SparqlResult]:
    own_value = f if shape.path is None else None
    failed = False
    seen: set[frozenset[tuple[str, Term]]] = set()
    for row in rows:
        if "failure" in row:
            if not failed:
                failed = True
                rest = {k: v for k, v in row.items() if k != "failure"}
                yield f, own_value, None, _message(shape, c, rest)
            continue
        if not ({"this", "path", "value"} & row.keys()):
            continue
        key = frozenset(row.items())
        if key in seen:
            continue
        seen.add(key)
        path_term = row.get("path")
        if path_term is not None and not isinstance(path_term, ox.NamedNode):
            raise Fallback("?path of a SPARQL constraint is not an IRI")
        bindings = dict(row)
        if "value" not in row and shape.path is None:
            bindings["value"] = term_of(f)
        value = str(row["value"]) if "value" in row else own_value
        yield (
            f,
            value,
            Predicate(path_term) if path_term is not None else None,
            _message(shape, c, bindings),
        )


def _message(shape: Shape, c: SparqlSelect, bindings: Bindings) -> str | None:
    texts = sorted(format_message(m, bindings) for m in (*c.messages, *shape.messages))
    return texts[0] if texts else None
