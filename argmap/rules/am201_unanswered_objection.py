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

from collections.abc import Iterator

from argmap.model import ArgMap, Relation
from argmap.problem import Problem, Severity
from argmap.rules.context import Context

CODE = "AM201"
NAME = "unanswered-objection"
SEVERITY = Severity.WARNING


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    answered = _attacked((amap, *context.maps.values()))
    for node in amap.walk():
        if node.kind.value == "objection" and (amap.id, node.id) not in answered:
            yield Problem(CODE, SEVERITY, node.at("id"),
                          f"objection `{node.id}` is not answered by any counterexample or "
                          "rebuttal",
                          "Add the author's answer under it, or a `note:` if the author "
                          "concedes the point.")


_cache: dict[tuple[int, ...], tuple[tuple[ArgMap, ...], frozenset[tuple[str, str]]]] = {}


def _attacked(maps: tuple[ArgMap, ...]) -> frozenset[tuple[str, str]]:
    """(map id, node id) of every node attacked, or whose link is undercut, in these maps.

    Computed once per lint run.

    Each map is checked against all the others, so without the cache linting N maps
    would walk every map N times.
    """
    key = tuple(sorted({id(m) for m in maps}))
    cached = _cache.get(key)
    if cached is not None:
        return cached[1]
    attacked = frozenset((edge.target.map or other.id, edge.target.id)
                         for other in {id(m): m for m in maps}.values()
                         for edge in other.edges() if edge.relation is Relation.ATTACK)
    attacked |= {(undercut.link.source.map or other.id, undercut.link.source.id)
                 for other in {id(m): m for m in maps}.values()
                 for undercut in other.undercuts()}
    _cache.clear()
    _cache[key] = (maps, attacked)  # the maps are kept so their ids stay theirs
    return attacked
