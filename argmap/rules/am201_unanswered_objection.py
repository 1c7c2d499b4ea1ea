"""An objection has no counterexample or rebuttal: nothing in the map answers it.

An objection the author leaves standing defeats the thesis. Either the map is missing
the author's answer, or the author concedes the point, which deserves a `note:`. An
undercut of the objection's link (`undercuts: [O1]`) answers it too.

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

from collections.abc import Iterator, Mapping

from argmap.model import ArgMap, Kind, Relation
from argmap.problem import Problem, Severity
from argmap.rules.context import Context

CODE = "AM201"
NAME = "unanswered-objection"
SEVERITY = Severity.WARNING


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    answered = _answered(context.maps)
    if context.maps.get(amap.id) is not amap:  # its id is another map's: read on its own
        answered = answered | _attacked(amap)
    for node in amap.walk():
        if node.kind is Kind.OBJECTION and (amap.id, node.id) not in answered:
            yield Problem(CODE, SEVERITY, node.at("id"),
                          f"objection `{node.id}` is not answered by any counterexample or "
                          "rebuttal",
                          "Add the author's answer under it, or a `note:` if the author "
                          "concedes the point.")


#: The maps of the last lint run and what they attack: every map of a run is checked
#: against the same maps, so they are gathered once, not once for each map.
_last: list[tuple[Mapping[str, ArgMap], frozenset[tuple[str, str]]]] = []


def _answered(maps: Mapping[str, ArgMap]) -> frozenset[tuple[str, str]]:
    if _last and _last[0][0] is maps:
        return _last[0][1]
    answered = frozenset(key for amap in maps.values() for key in _attacked(amap))
    _last[:] = [(maps, answered)]  # the maps are kept, so no other mapping takes their id
    return answered


def _attacked(amap: ArgMap) -> set[tuple[str, str]]:
    """(map id, node id) of every node the map attacks, or whose link it undercuts."""
    attacked = {(edge.target.map or amap.id, edge.target.id)
                for edge in amap.edges() if edge.relation is Relation.ATTACK}
    attacked.update((undercut.link.source.map or amap.id, undercut.link.source.id)
                    for undercut in amap.undercuts())
    return attacked
