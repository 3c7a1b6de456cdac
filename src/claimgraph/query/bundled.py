"""The bundled questions: ``claimgraph/queries/*.rq``, found through ``importlib.resources``.

Each file is a SPARQL query with a header (:mod:`claimgraph.query.header`); its name is the
file name without ``.rq``. They are written to give the same answer whether or not the store's
default graph is the union of its named graphs: every pattern says which graphs it reads.

>>> "claims-by-claimant" in [q.name for q in bundled_queries()]
True
>>> bundled_query("rebutals")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
claimgraph.errors.ConfigError: no bundled query 'rebutals' — did you mean 'rebuttals'? ...
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from claimgraph.errors import ConfigError
from claimgraph.query.header import QueryHeader, parse_header

PACKAGE = "claimgraph.queries"


@dataclass(frozen=True, slots=True)
class BundledQuery:
    """A bundled question: its name, header and text (the whole file)."""

    name: str
    header: QueryHeader
    text: str

    @property
    def source(self) -> str:
        """How messages name the file: ``queries/NAME.rq``."""
        return f"queries/{self.name}.rq"


@cache
def bundled_queries() -> tuple[BundledQuery, ...]:
    """Every bundled query, sorted by name."""
    found = []
    for item in resources.files(PACKAGE).iterdir():
        if item.name.endswith(".rq"):
            name = item.name.removesuffix(".rq")
            text = item.read_text(encoding="utf-8")
            found.append(
                BundledQuery(name, parse_header(text, source=f"queries/{item.name}"), text)
            )
    return tuple(sorted(found, key=lambda q: q.name))


def bundled_query(name: str) -> BundledQuery:
    """The bundled query ``name``; a :class:`ConfigError` (usage, exit 2) if there is none."""
    for query in bundled_queries():
        if query.name == name:
            return query
    names = [q.name for q in bundled_queries()]
    close = difflib.get_close_matches(name, names, n=1)
    hint = f" — did you mean '{close[0]}'?" if close else ""
    raise ConfigError(f"no bundled query '{name}'{hint} (claimgraph queries lists them)")


__all__ = ["BundledQuery", "bundled_queries", "bundled_query"]
