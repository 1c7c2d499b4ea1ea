"""Claims support each other in a circle.

A premise cannot be supported, however indirectly, by the claim it supports: the
argument would be circular. Nesting cannot create a cycle; `supports:` lists can.

Fails:

    thesis:
      id: T
      claim: Data power is contested.
      premises:
        - id: P1
          claim: Workers resist.
          supports: [P1.1]    # P1.1 supports P1, which now supports P1.1
          premises:
            - {id: P1.1, claim: They organised on GitHub.}

Passes: the same map without `supports: [P1.1]`.
"""

import itertools
from collections.abc import Iterator

from argmap.model import ArgMap, Edge, Relation
from argmap.problem import Problem, Severity
from argmap.rules.context import Context

CODE = "AM103"
NAME = "support-cycle"
SEVERITY = Severity.ERROR


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    graph: dict[str, list[str]] = {}
    declared: dict[tuple[str, str], Edge] = {}
    for edge in amap.edges():
        if edge.relation is Relation.SUPPORT and edge.target.map in (None, amap.id):
            graph.setdefault(edge.source, []).append(edge.target.id)
            if edge.declared:
                declared.setdefault((edge.source, edge.target.id), edge)
    # Iterative depth-first search: grey nodes are on the current path.
    white, grey, black = 0, 1, 2
    colour: dict[str, int] = {}
    for start in graph:
        if colour.get(start, white) != white:
            continue
        colour[start] = grey
        path = [start]
        stack = [iter(graph[start])]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                colour[path.pop()] = black
                stack.pop()
                continue
            target = step
            state = colour.get(target, white)
            if state == grey:
                cycle = [*path[path.index(target):], target]
                links = [declared[pair] for pair in itertools.pairwise(cycle) if pair in declared]
                # Nesting closes a cycle only through an id used twice, which AM101
                # reports: this rule speaks only of `supports:` links.
                if links:
                    yield Problem(CODE, SEVERITY, links[0].target.span,
                                  "support cycle: " + " → ".join(cycle),
                                  "Remove one of the `supports:` links so the argument is "
                                  "not circular.")
            elif state == white:
                colour[target] = grey
                path.append(target)
                stack.append(iter(graph.get(target, ())))
