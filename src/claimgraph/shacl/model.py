"""Compiled shapes: what each shape targets and which constraints it carries.

One dataclass per kind of constraint, each holding one parameter value. pySHACL evaluates each
value of a repeated parameter (two ``sh:class``, two ``sh:or`` lists) on its own and reports
each separately, so splitting them here loses nothing and keeps evaluation simple.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from claimgraph.shacl.paths import Path
from claimgraph.shacl.vocab import Key, Node, Term


@dataclass(frozen=True, slots=True)
class MinCount:
    """``sh:minCount``: fewer value nodes than ``n`` is one result without a value."""

    n: int
    component = "MinCountConstraintComponent"


@dataclass(frozen=True, slots=True)
class MaxCount:
    """``sh:maxCount``: more value nodes than ``n`` is one result without a value."""

    n: int
    component = "MaxCountConstraintComponent"


@dataclass(frozen=True, slots=True)
class ClassIs:
    """``sh:class``: each value node has an ``rdf:type`` that is ``cls`` or a subclass of it."""

    cls: ox.NamedNode
    component = "ClassConstraintComponent"


@dataclass(frozen=True, slots=True)
class DatatypeIs:
    """``sh:datatype``, judged as rdflib judges literals (see :mod:`.literals`)."""

    datatype: ox.NamedNode
    component = "DatatypeConstraintComponent"


@dataclass(frozen=True, slots=True)
class NodeKindIs:
    """``sh:nodeKind``."""

    kind: Term
    component = "NodeKindConstraintComponent"


@dataclass(frozen=True, slots=True)
class InValues:
    """``sh:in``: term equality with a member of the list (members in N-Triples syntax)."""

    values: frozenset[Key]
    component = "InConstraintComponent"


@dataclass(frozen=True, slots=True)
class HasValue:
    """``sh:hasValue``: one result without a value when ``value`` (N-Triples) is missing."""

    value: Key
    component = "HasValueConstraintComponent"


@dataclass(frozen=True, slots=True)
class RangeBound:
    """``sh:minInclusive`` and friends; ``name`` is the parameter's local name."""

    name: str
    bound: ox.Literal

    @property
    def component(self) -> str:
        return _component_named(self.name)


@dataclass(frozen=True, slots=True)
class LengthLimit:
    """``sh:minLength`` / ``sh:maxLength``."""

    name: str
    limit: int

    @property
    def component(self) -> str:
        return _component_named(self.name)


@dataclass(frozen=True, slots=True)
class PatternMatch:
    """``sh:pattern`` with the flags pySHACL honours (``i`` and ``m`` only)."""

    pattern: str
    regex: re.Pattern[str]
    flags: str
    component = "PatternConstraintComponent"


@dataclass(frozen=True, slots=True)
class LanguageIn:
    """``sh:languageIn``, lower-cased as pySHACL compares it."""

    tags: frozenset[str]
    component = "LanguageInConstraintComponent"


@dataclass(frozen=True, slots=True)
class UniqueLang:
    """``sh:uniqueLang true``: one result per language tag used twice."""

    component = "UniqueLangConstraintComponent"


@dataclass(frozen=True, slots=True)
class PairWith:
    """``sh:equals``, ``sh:disjoint``, ``sh:lessThan``, ``sh:lessThanOrEquals``."""

    name: str
    predicate: ox.NamedNode

    @property
    def component(self) -> str:
        return _component_named(self.name)


@dataclass(frozen=True, slots=True)
class Closed:
    """``sh:closed true``: every predicate of a value node must be ``allowed``."""

    allowed: frozenset[ox.NamedNode]
    component = "ClosedConstraintComponent"


@dataclass(frozen=True, eq=False)
class Logical:
    """``sh:and``/``sh:or``/``sh:xone`` (one list each), ``sh:not``/``sh:node`` (one shape)."""

    name: str
    members: tuple[Shape, ...]

    @property
    def component(self) -> str:
        return _component_named(self.name)


@dataclass(frozen=True, eq=False)
class PropertyRef:
    """``sh:property``: the property shape's own results are reported."""

    shape: Shape
    component = "PropertyConstraintComponent"


@dataclass(frozen=True, eq=False)
class SparqlSelect:
    """One ``sh:sparql`` constraint with its ``SELECT`` text and prefixes."""

    node: Node
    select: str
    prefixes: tuple[tuple[str, str], ...]
    messages: tuple[Term, ...]
    component = "SPARQLConstraintComponent"


ValueCheck = (
    ClassIs
    | DatatypeIs
    | NodeKindIs
    | InValues
    | RangeBound
    | LengthLimit
    | PatternMatch
    | LanguageIn
)
Constraint = (
    ValueCheck
    | MinCount
    | MaxCount
    | HasValue
    | UniqueLang
    | PairWith
    | Closed
    | Logical
    | PropertyRef
    | SparqlSelect
)
VALUE_CHECKS = (
    ClassIs,
    DatatypeIs,
    NodeKindIs,
    InValues,
    RangeBound,
    LengthLimit,
    PatternMatch,
    LanguageIn,
)


@dataclass(frozen=True, slots=True)
class Targets:
    """The target declarations of a shape; empty when it is only used through other shapes."""

    classes: tuple[Term, ...] = ()
    nodes: tuple[Term, ...] = ()
    subjects_of: tuple[Term, ...] = ()
    objects_of: tuple[Term, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.classes or self.nodes or self.subjects_of or self.objects_of)


@dataclass(eq=False)
class Shape:
    """A node shape (``path is None``) or a property shape, as pySHACL would load it."""

    node: Node
    path: Path | None
    severity: Term
    messages: tuple[Term, ...]
    deactivated: bool
    targets: Targets
    constraints: list[Constraint] = field(default_factory=list)

    def is_value_local(self) -> bool:
        """True if conformance of a node depends only on that node (no path, no counting),
        so a query can test it inline; see :func:`claimgraph.shacl.queries.value_ok`."""
        return self.path is None and all(isinstance(c, VALUE_CHECKS) for c in self.constraints)


def _component_named(parameter: str) -> str:
    """``minInclusive`` → ``MinInclusiveConstraintComponent`` (SHACL's naming)."""
    return parameter[0].upper() + parameter[1:] + "ConstraintComponent"
