"""Split the top-level shapes over forked worker processes (``validate_fast(workers=2)``).

Queries hold Python's GIL while pyoxigraph hands back solutions, so threads do not help; a
second process does. Forking after the shared facts are fetched (the focus nodes of every
target, the values of counted predicates) lets each worker start with them, copy-on-write,
without a second copy of the store. Each worker evaluates a share of the shapes, balanced by
focus-node count times constraint count, and sends its results back through a pipe.

Opt-in because forking is only safe where the process has no other threads doing work, and
because on a busy machine a second process may not get a core of its own.
"""

from __future__ import annotations

import os
import pickle
import warnings
from collections.abc import Sequence

from claimgraph.shacl.literals import Fallback
from claimgraph.shacl.model import Logical, PropertyRef, Shape
from claimgraph.shacl.report import to_shacl_result
from claimgraph.shacl.run import Evaluator, TargetFocus
from claimgraph.shacl_results import ShaclResult


def evaluate(
    evaluator: Evaluator, shapes: Sequence[Shape], *, workers: int = 1
) -> list[ShaclResult]:
    """Results of all ``shapes`` (each validated on its own targets)."""
    if workers <= 1 or not hasattr(os, "fork") or len(shapes) < 2:
        return _evaluate(evaluator, shapes)
    shares = _balance(evaluator, shapes, workers)
    children: list[tuple[int, int]] = []
    for share in shares[1:]:
        read, write = os.pipe()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # "fork() with threads"
            pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            os.close(read)
            _child(evaluator, share, write)
        os.close(write)
        children.append((pid, read))
    results = _evaluate(evaluator, shares[0])
    failed = False
    for pid, read in children:
        with os.fdopen(read, "rb") as pipe:
            payload = pipe.read()
        os.waitpid(pid, 0)
        answer = pickle.loads(payload) if payload else None
        if not isinstance(answer, list):
            failed = True
            continue
        results += [ShaclResult(*fields) for fields in answer]
    if failed:
        raise Fallback("a worker could not finish")
    return results


def _evaluate(evaluator: Evaluator, shapes: Sequence[Shape]) -> list[ShaclResult]:
    return [
        to_shacl_result(found)
        for shape in shapes
        for found in evaluator.results(shape, TargetFocus(shape.targets))
    ]


def _child(evaluator: Evaluator, shapes: Sequence[Shape], write: int) -> None:  # pragma: no cover
    try:
        answer: object = [
            (r.focus, r.path, r.value, r.constraint, r.source_shape, r.severity, r.message)
            for r in _evaluate(evaluator, shapes)
        ]
    except BaseException:  # any failure means "let pySHACL do it"
        answer = None
    try:
        with os.fdopen(write, "wb") as pipe:
            pipe.write(pickle.dumps(answer))
    finally:
        os._exit(0)


def _balance(evaluator: Evaluator, shapes: Sequence[Shape], workers: int) -> list[list[Shape]]:
    """Shares of roughly equal work; shapes with the same targets stay together."""
    groups: dict[object, list[Shape]] = {}
    for shape in shapes:
        groups.setdefault(shape.targets, []).append(shape)
    costs = []
    for targets, members in groups.items():
        size = len(evaluator.nodes(TargetFocus(targets)))  # type: ignore[arg-type]
        costs.append(((size + 1) * sum(_weight(s) for s in members), members))
    shares: list[list[Shape]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for cost, members in sorted(costs, key=lambda c: -c[0]):
        lightest = loads.index(min(loads))
        shares[lightest] += members
        loads[lightest] += cost
    return [s for s in shares if s] or [list(shapes)]


def _weight(shape: Shape) -> int:
    """Constraints a shape evaluates, nested shapes included."""
    total = 0
    for c in shape.constraints:
        total += 1
        if isinstance(c, PropertyRef):
            total += _weight(c.shape)
        elif isinstance(c, Logical):
            total += sum(_weight(m) for m in c.members)
    return total
