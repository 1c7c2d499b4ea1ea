"""A counterexample or rebuttal attacks nothing.

Nested counterexamples and rebuttals attack the node they sit under. Those listed at
the top level of the map attack only what their `attacks:` list names (or the links their
`undercuts:` list names), so they need one of the two.

Fails:

    rebuttals:
      - id: R1
        claim: The protests failed to change policy.

Passes:

    rebuttals:
      - id: R1
        claim: The protests failed to change policy.
        attacks: [O1.C1]
"""

from collections.abc import Iterator

from argmap.model import ArgMap
from argmap.problem import Problem, Severity
from argmap.rules.context import Context

CODE = "AM105"
NAME = "nothing-to-attack"
SEVERITY = Severity.ERROR


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    for node in (*amap.counterexamples, *amap.rebuttals):
        if not node.attacks and not node.undercuts:
            yield Problem(CODE, SEVERITY, node.at("id"),
                          f"{node.kind.value} `{node.id}` attacks nothing",
                          "Nest it under the claim it attacks, or add `attacks: [ID]` or "
                          "`undercuts: [LINK]`.")
