"""A granted node is attacked directly.

`granted: true` says the author affirms the claim and denies only what is inferred from
it. An attack on the claim itself (a counterexample or rebuttal nested under it, or an
`attacks:` naming it) contradicts that: undercut its inference instead, with
`undercuts:` naming its link.

Fails:

    - id: P4.C1
      claim: The activists generally failed to stop the surveillance.
      granted: true
      rebuttals:
        - id: P4.C1.R1
          claim: Their failure does not show that data power has prevailed.

Passes: the same rebuttal with `undercuts: [P4.C1]`, which answers P4.C1's attack on P4
and leaves P4.C1 standing.
"""

from collections.abc import Iterator

from argmap.model import ArgMap, Relation
from argmap.problem import Problem, Severity
from argmap.rules.context import Context

CODE = "AM202"
NAME = "attacked-concession"
SEVERITY = Severity.WARNING


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    granted = {node.id: node for node in amap.walk() if node.granted}
    if not granted:
        return
    for other in (amap, *(m for m in context.maps.values() if m is not amap)):
        for edge in other.edges():
            if edge.relation is not Relation.ATTACK:
                continue
            if (edge.target.map or other.id) != amap.id or edge.target.id not in granted:
                continue
            node = granted[edge.target.id]
            where = "" if other is amap else f" (in map `{other.id}`)"
            span = edge.target.span if edge.declared and other is amap else node.at("granted")
            yield Problem(CODE, SEVERITY, span,
                          f"`{node.id}` is granted, but `{edge.source}`{where} attacks it "
                          "directly", "Undercut its inference instead: "
                          f"`undercuts: [{node.id}]` on `{edge.source}`.")
