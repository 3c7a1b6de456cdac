"""Shapes graph → :class:`~claimgraph.shacl.model.Shape` objects, as pySHACL would load them.

The rules follow pySHACL 0.40 rather than the SHACL spec where the two differ, because its
report is the reference: a node is a shape when it is typed ``sh:NodeShape`` /
``sh:PropertyShape``, has a target or ``sh:property``/``sh:node``, or is the value of a
shape-expecting parameter; implicit class targets need ``rdfs:Class`` (or a subclass declared
in the shapes graph, plus ``owl:Class``) as a type; each parameter is checked the way pySHACL
checks it when it loads the constraint.

Anything this engine does not implement, or anything pySHACL would reject or warn about, raises
:class:`Unsupported`; the caller then leaves the job to pySHACL, which reports the same error
(or handles the feature) itself. Never guessing is the point.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from claimgraph.shacl.literals import python_value
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
    PropertyRef,
    RangeBound,
    Shape,
    Targets,
    UniqueLang,
)
from claimgraph.shacl.paths import UnsupportedPath, parse_path, path_predicate
from claimgraph.shacl.sparql_constraints import compile_sparql
from claimgraph.shacl.vocab import (
    OWL_CLASS,
    RDF_TYPE,
    RDFS_CLASS,
    RDFS_SUBCLASSOF,
    SH_NS,
    SH_VIOLATION,
    XSD_BOOLEAN,
    XSD_INTEGER,
    XSD_NS,
    Node,
    ShapesGraph,
    Term,
    sh,
)


class Unsupported(Exception):
    """The shapes use something this engine does not do exactly as pySHACL does."""


#: SHACL classes whose instances this engine understands; any other sh: type means a feature
#: (custom components, SHACL-AF rules, functions, targets, JS) that pySHACL's advanced mode
#: would act on.
_KNOWN_TYPES = {
    sh(n) for n in ("NodeShape", "PropertyShape", "SPARQLConstraint", "PrefixDeclaration", "Shape")
}
#: Predicates of features left to pySHACL.
_UNSUPPORTED = {
    sh(n)
    for n in (
        "target", "rule", "expression", "js", "jsFunctionName", "jsLibrary", "parameter",
        "validator", "nodeValidator", "propertyValidator", "qualifiedValueShape",
        "qualifiedMinCount", "qualifiedMaxCount", "qualifiedValueShapesDisjoint", "ask",
    )
}  # fmt: skip
_TARGETS = ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")
_WHOLE_INTEGERS = {
    XSD_NS + n
    for n in (
        "integer", "nonPositiveInteger", "negativeInteger", "long", "int", "short", "byte",
        "nonNegativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
        "positiveInteger",
    )
}  # fmt: skip
_RANGES = ("minExclusive", "minInclusive", "maxExclusive", "maxInclusive")
_PAIRS = ("equals", "disjoint", "lessThan", "lessThanOrEquals")
_LOGICAL_LISTS = ("and", "or", "xone")
_PARAMETERS = {
    sh(n)
    for n in (
        "class", "datatype", "nodeKind", "minCount", "maxCount", *_RANGES, "not", *_LOGICAL_LISTS,
        "minLength", "maxLength", "pattern", "languageIn", "uniqueLang", *_PAIRS, "node",
        "property", "closed", "ignoredProperties", "hasValue", "in", "sparql",
    )
}  # fmt: skip


def compile_shapes(graph: ShapesGraph) -> list[Shape]:
    """Every shape pySHACL would validate, each with its targets and constraints."""
    _reject_unsupported(graph)
    kinds = _find_shapes(graph)
    shapes: dict[Node, Shape] = {}
    for node, path_node in kinds.items():
        shapes[node] = _header(graph, node, path_node)
    for node, shape in shapes.items():
        shape.constraints = _constraints(graph, node, shape, shapes)
    _reject_cycles(list(shapes.values()))
    return list(shapes.values())


def _reject_unsupported(graph: ShapesGraph) -> None:
    for predicate in _UNSUPPORTED:
        if graph.pairs(predicate):
            raise Unsupported(f"shapes use {predicate}")
    for _, cls in graph.pairs(RDF_TYPE):
        if (
            isinstance(cls, ox.NamedNode)
            and cls.value.startswith(SH_NS)
            and cls not in _KNOWN_TYPES
        ):
            raise Unsupported(f"shapes declare an instance of {cls}")
    for _, parent in graph.pairs(RDFS_SUBCLASSOF):
        if isinstance(parent, ox.NamedNode) and parent.value.startswith(SH_NS):
            raise Unsupported(f"shapes subclass {parent}")


def _find_shapes(graph: ShapesGraph) -> dict[Node, Term | None]:
    """Shape node → its ``sh:path`` (``None`` for node shapes), by pySHACL's discovery rules."""
    found: dict[Node, Term | None] = {}
    node_shapes = set(graph.subjects(RDF_TYPE, sh("NodeShape")))
    for node in node_shapes:
        if graph.objects(node, sh("path")):
            raise Unsupported("a sh:NodeShape has a sh:path")
        found[node] = None
    for node in graph.subjects(RDF_TYPE, sh("PropertyShape")):
        paths = graph.objects(node, sh("path"))
        if node in node_shapes or len(paths) != 1:
            raise Unsupported("malformed sh:PropertyShape")
        found[node] = paths[0]
    implied: list[Term] = []
    for name in (*_TARGETS, "property", "node"):
        implied += [s for s, _ in graph.pairs(sh(name))]
    for name in ("property", "node", "not"):
        implied += [o for _, o in graph.pairs(sh(name))]
    for name in _LOGICAL_LISTS:
        for _, head in graph.pairs(sh(name)):
            members = graph.items(head)
            if not members:
                raise Unsupported(f"sh:{name} needs a non-empty list")
            implied += members
    for term in implied:
        if isinstance(term, ox.Literal):
            raise Unsupported("a literal used as a shape")
        node = term
        if node in found:
            continue
        paths = graph.objects(node, sh("path"))
        if len(paths) > 1:
            raise Unsupported("a shape with two sh:path")
        found[node] = paths[0] if paths else None
    return found


def _only(graph: ShapesGraph, node: Node, name: str) -> Term | None:
    values = graph.objects(node, sh(name))
    if len(values) > 1:
        raise Unsupported(f"more than one sh:{name} on {node}")
    return values[0] if values else None


def _header(graph: ShapesGraph, node: Node, path_node: Term | None) -> Shape:
    path = None
    if path_node is not None:
        try:
            path = parse_path(graph, path_node)
        except UnsupportedPath as error:
            raise Unsupported(str(error)) from error
    deactivated = _only(graph, node, "deactivated")
    if deactivated is not None and not isinstance(deactivated, ox.Literal):
        raise Unsupported("sh:deactivated must be a literal")
    severity = _only(graph, node, "severity") or SH_VIOLATION
    targets = Targets(
        classes=tuple(graph.objects(node, sh("targetClass"))) + _implicit_class(graph, node),
        nodes=tuple(graph.objects(node, sh("targetNode"))),
        subjects_of=tuple(graph.objects(node, sh("targetSubjectsOf"))),
        objects_of=tuple(graph.objects(node, sh("targetObjectsOf"))),
    )
    if any(isinstance(t, ox.BlankNode) for t in targets.nodes) or not all(
        isinstance(t, ox.NamedNode)
        for t in targets.classes + targets.subjects_of + targets.objects_of
    ):
        raise Unsupported("targets must be IRIs (or literals for sh:targetNode)")
    return Shape(
        node=node,
        path=path,
        severity=severity,
        messages=tuple(graph.objects(node, sh("message"))),
        deactivated=bool(python_value(deactivated)) if deactivated is not None else False,
        targets=targets,
    )


def _implicit_class(graph: ShapesGraph, node: Node) -> tuple[Term, ...]:
    # pySHACL adds ``owl:Class rdfs:subClassOf rdfs:Class`` to every shapes graph.
    classes = {RDFS_CLASS, OWL_CLASS, *graph.subjects(RDFS_SUBCLASSOF, RDFS_CLASS)}
    return (node,) if any(t in classes for t in graph.objects(node, RDF_TYPE)) else ()


def _integer(value: Term | None, name: str, *, whole: frozenset[str] | set[str]) -> int:
    if not isinstance(value, ox.Literal) or value.datatype.value not in whole:
        raise Unsupported(f"sh:{name} must be an integer literal")
    number = python_value(value)
    if not isinstance(number, int) or number < 0:
        raise Unsupported(f"sh:{name} must be a non-negative integer")
    return number


def _constraints(
    graph: ShapesGraph, node: Node, shape: Shape, shapes: dict[Node, Shape]
) -> list[Constraint]:
    present = {p for p in graph.predicates(node) if p in _PARAMETERS}
    out: list[Constraint] = []

    def values(name: str) -> list[Term]:
        return graph.objects(node, sh(name))

    def needs_property(name: str) -> None:
        if shape.path is None:
            raise Unsupported(f"sh:{name} on a node shape")

    def member(term: Term, *, property_shape: bool | None = None) -> Shape:
        if isinstance(term, ox.Literal) or term not in shapes:
            raise Unsupported(f"{term} is not a shape")
        target = shapes[term]
        if property_shape is not None and (target.path is not None) != property_shape:
            raise Unsupported(f"{term} is the wrong kind of shape")
        return target

    for predicate in sorted(present, key=lambda p: p.value):
        name = predicate.value[len(SH_NS) :]
        if name in ("minCount", "maxCount"):
            needs_property(name)
            if len(values(name)) != 1:
                raise Unsupported(f"sh:{name} must have one value")
            number = _integer(values(name)[0], name, whole={XSD_INTEGER.value})
            if name == "minCount" and number > 0:
                out.append(MinCount(number))
            elif name == "maxCount":
                out.append(MaxCount(number))
        elif name == "class":
            for cls in values(name):
                if not isinstance(cls, ox.NamedNode):
                    raise Unsupported("sh:class must be an IRI")
                out.append(ClassIs(cls))
        elif name in (
            "datatype",
            "nodeKind",
            "in",
            "languageIn",
            "minLength",
            "maxLength",
            "uniqueLang",
        ):
            out += _single_parameter(graph, name, values(name), shape)
        elif name in _RANGES:
            for bound in values(name):
                if not isinstance(bound, ox.Literal):
                    raise Unsupported(f"sh:{name} must be a literal")
                out.append(RangeBound(name, bound))
        elif name == "pattern":
            out += _patterns(graph, node, values(name))
        elif name in _PAIRS:
            if name.startswith("less"):
                needs_property(name)
            for other in values(name):
                if not isinstance(other, ox.NamedNode):
                    raise Unsupported(f"sh:{name} must be an IRI")
                out.append(PairWith(name, other))
        elif name == "hasValue":
            for value in values(name):
                if isinstance(value, ox.BlankNode):
                    raise Unsupported("sh:hasValue with a blank node")
                out.append(HasValue(str(value)))
        elif name in ("not", "node"):
            for target in values(name):
                member_shape = member(target, property_shape=False if name == "node" else None)
                out.append(Logical(name, (member_shape,)))
        elif name in _LOGICAL_LISTS:
            for head in values(name):
                items = graph.items(head) or []
                if name != "xone":
                    items = list(dict.fromkeys(items))
                out.append(Logical(name, tuple(member(i) for i in items)))
        elif name == "property":
            for target in values(name):
                out.append(PropertyRef(member(target, property_shape=True)))
        elif name == "closed":
            out += _closed(graph, node, shapes)
        elif name == "ignoredProperties" and sh("closed") not in present:
            raise Unsupported("sh:ignoredProperties without sh:closed")
        elif name == "sparql":
            for constraint in values(name):
                out += compile_sparql(graph, constraint, shape)
    return out


def _single_parameter(
    graph: ShapesGraph, name: str, values: list[Term], shape: Shape
) -> list[Constraint]:
    if len(values) != 1:
        raise Unsupported(f"sh:{name} must have one value")
    value = values[0]
    if name == "datatype":
        if not isinstance(value, ox.NamedNode):
            raise Unsupported("sh:datatype must be an IRI")
        return [DatatypeIs(value)]
    if name == "nodeKind":
        return [NodeKindIs(value)]
    if name == "in":
        items = graph.items(value)
        if items is None or any(isinstance(i, ox.BlankNode) for i in items):
            raise Unsupported("sh:in must be a list of IRIs and literals")
        return [InValues(frozenset(str(i) for i in items))]
    if name == "languageIn":
        items = graph.items(value)
        if items is None or not all(isinstance(python_value(i), str) for i in items):
            raise Unsupported("sh:languageIn must be a list of strings")
        return [LanguageIn(frozenset(str(python_value(i)).lower() for i in items))]
    if name == "uniqueLang":
        if shape.path is None or not isinstance(value, ox.Literal) or value.datatype != XSD_BOOLEAN:
            raise Unsupported("sh:uniqueLang must be a boolean on a property shape")
        flag = python_value(value)
        if not isinstance(flag, bool):
            raise Unsupported("sh:uniqueLang must be true or false")
        return [UniqueLang()] if flag else []
    limit = _integer(value, name, whole=_WHOLE_INTEGERS)
    return [LengthLimit(name, limit)]


def _patterns(graph: ShapesGraph, node: Node, patterns: list[Term]) -> list[Constraint]:
    flags_values = graph.objects(node, sh("flags"))
    if len(flags_values) > 1:
        raise Unsupported("more than one sh:flags")
    flags = str(python_value(flags_values[0])).lower() if flags_values else ""
    re_flags = (re.IGNORECASE if "i" in flags else 0) | (re.MULTILINE if "m" in flags else 0)
    out: list[Constraint] = []
    for pattern in patterns:
        if not isinstance(pattern, ox.Literal):
            raise Unsupported("sh:pattern must be a literal")
        try:
            regex = re.compile(pattern.value, re_flags)
        except re.error as error:
            raise Unsupported(f"pattern does not compile: {error}") from error
        kept = "".join(f for f in "im" if f in flags)
        out.append(PatternMatch(pattern.value, regex, kept))
    return out


def _closed(graph: ShapesGraph, node: Node, shapes: dict[Node, Shape]) -> list[Constraint]:
    closed = graph.objects(node, sh("closed"))
    if len(closed) != 1 or not isinstance(closed[0], ox.Literal):
        raise Unsupported("sh:closed must have one literal value")
    if not python_value(closed[0]):
        return []
    allowed: set[ox.NamedNode] = set()
    for head in graph.objects(node, sh("ignoredProperties")):
        items = graph.items(head)
        if items is None:
            raise Unsupported("sh:ignoredProperties must be a list")
        allowed |= {i for i in items if isinstance(i, ox.NamedNode)}
    for target in graph.objects(node, sh("property")):
        shape = shapes.get(target) if not isinstance(target, ox.Literal) else None
        if shape is None or shape.path is None:
            raise Unsupported("sh:property of a closed shape is not a property shape")
        predicate = path_predicate(shape.path)
        if predicate is not None:
            allowed.add(predicate)
    return [Closed(frozenset(allowed))]


def _reject_cycles(shapes: list[Shape]) -> None:
    """pySHACL detects recursion heuristically and warns; recursive shapes are left to it."""
    state: dict[int, int] = {}

    def visit(shape: Shape) -> None:
        mark = state.get(id(shape))
        if mark == 1:
            raise Unsupported("recursive shapes")
        if mark == 2:
            return
        state[id(shape)] = 1
        for constraint in shape.constraints:
            if isinstance(constraint, Logical):
                for m in constraint.members:
                    visit(m)
            elif isinstance(constraint, PropertyRef):
                visit(constraint.shape)
        state[id(shape)] = 2

    for shape in shapes:
        visit(shape)
