"""An objection has no counterexample or rebuttal: nothing in the map answers it.

An objection the author leaves standing defeats the thesis. Either the map is missing
the author's answer, or the author concedes the point, which deserves a `note:`.

Fails:

    objections:
      - id: O1
        claim: China is an AI superpower.
        held_by: Kai-Fu Lee

Passes:

    objections:
      - id: O1
        claim: China is an AI superpower.
        held_by: Kai-Fu Lee
        counterexamples:
          - id: O1.C1
            claim: The 2019 Hong Kong protests defeated the surveillance it relies on.
"""

from collections.abc import Iterator

from argmap.model import ArgMap, Relation
from argmap.problem import Problem, Severity
from argmap.rules.context import Context

CODE = "AM201"
NAME = "unanswered-objection"
SEVERITY = Severity.WARNING


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    answered = {edge.target.id for other in (amap, *context.maps.values())
                for edge in other.edges()
                if edge.relation is Relation.ATTACK
                and (edge.target.map or other.id) == amap.id}
    for node in amap.walk():
        if node.kind.value == "objection" and node.id not in answered:
            yield Problem(CODE, SEVERITY, node.at("id"),
                          f"objection `{node.id}` is not answered by any counterexample or "
                          "rebuttal",
                          "Add the author's answer under it, or a `note:` if the author "
                          "concedes the point.")
