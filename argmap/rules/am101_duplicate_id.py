"""Two nodes in one map have the same id.

References (`supports:`, `attacks:`, `other_map:ID`) name nodes by id, so each id must
be unique within its map.

Fails:

    premises:
      - {id: P1, claim: Workers organised on GitHub.}
      - {id: P1, claim: Couriers struck in 2019.}

Passes:

    premises:
      - {id: P1, claim: Workers organised on GitHub.}
      - {id: P2, claim: Couriers struck in 2019.}
"""

from collections.abc import Iterator

from argmap.model import ArgMap, Node
from argmap.problem import Problem, Severity
from argmap.rules.context import Context

CODE = "AM101"
NAME = "duplicate-id"
SEVERITY = Severity.ERROR


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    first: dict[str, Node] = {}
    for node in amap.walk():
        if node.id in first:
            line = first[node.id].at("id").line
            yield Problem(CODE, SEVERITY, node.at("id"),
                          f"id `{node.id}` is already used at line {line}",
                          "Give this node an id of its own.")
        else:
            first[node.id] = node
