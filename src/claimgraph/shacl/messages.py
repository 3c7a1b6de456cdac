"""Result messages: the shape's ``sh:message``, or a generic sentence like pySHACL's.

Messages are not part of a result's identity (:attr:`ShaclResult.key`), but users read them,
so the generic ones follow pySHACL's wording closely enough to be recognisable.
"""

from __future__ import annotations

import pyoxigraph as ox

from claimgraph.shacl.model import (
    ClassIs,
    Closed,
    Constraint,
    DatatypeIs,
    HasValue,
    InValues,
    LanguageIn,
    LengthLimit,
    Logical,
    MaxCount,
    MinCount,
    NodeKindIs,
    PairWith,
    PatternMatch,
    RangeBound,
    Shape,
)
from claimgraph.shacl.paths import render_path
from claimgraph.shacl.vocab import Key


def shape_message(shape: Shape) -> str | None:
    """The shape's own ``sh:message`` (the first in lexical order if it has several)."""
    texts = sorted(m.value if isinstance(m, ox.Literal) else str(m) for m in shape.messages)
    return texts[0] if texts else None


def generic_message(
    constraint: Constraint, shape: Shape, focus: Key, value: Key | None
) -> str | None:
    """A pySHACL-like message for a constraint without ``sh:message``."""
    where = f"{focus}->{render_path(shape.path)}" if shape.path is not None else str(focus)
    c = constraint
    if isinstance(c, MinCount):
        return f"Less than {c.n} values on {where}"
    if isinstance(c, MaxCount):
        return f"More than {c.n} values on {where}"
    if isinstance(c, ClassIs):
        return f"Value does not have class {c.cls}"
    if isinstance(c, DatatypeIs):
        return f"Value is not Literal with datatype {c.datatype}"
    if isinstance(c, NodeKindIs):
        return f"Value is not of Node Kind {c.kind}"
    if isinstance(c, InValues):
        return f"Value {value} not in list {sorted(str(v) for v in c.values)}"
    if isinstance(c, HasValue):
        return f"Node {where} does not contain a value in the set: [{c.value}]"
    if isinstance(c, RangeBound):
        symbol = {
            "minExclusive": ">",
            "minInclusive": ">=",
            "maxExclusive": "<",
            "maxInclusive": "<=",
        }[c.name]
        return f"Value is not {symbol} {c.bound}"
    if isinstance(c, LengthLimit):
        return f"String length not {'>=' if c.name == 'minLength' else '<='} {c.limit}"
    if isinstance(c, PatternMatch):
        return f"Value does not match pattern '{c.pattern}'"
    if isinstance(c, LanguageIn):
        return f"String language is not in {sorted(c.tags)}"
    if isinstance(c, PairWith):
        symbol = {"equals": "!=", "disjoint": "==", "lessThan": "<=", "lessThanOrEquals": "<"}[
            c.name
        ]
        return f"Value of {focus}->{c.predicate} {symbol} {value}"
    if isinstance(c, Closed):
        return f"Node {focus} is closed. It cannot have value: {value}"
    if isinstance(c, Logical):
        members = " , ".join(str(m.node) for m in c.members)
        verb = {
            "or": "one or more",
            "and": "all",
            "xone": "exactly one",
            "node": "every",
            "not": "none of the",
        }
        return f"Node {value} must conform to {verb[c.name]} shapes in {members}"
    return "More than one String shares the same Language"
