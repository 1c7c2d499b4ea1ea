"""A reference names a node that does not exist.

`supports:`, `attacks:` and `same_as:` name nodes by id (`P2`) or, in another map, by
map and id (`arsene:O1`); so does each side of a link in `undercuts:`. A reference into
another map is checked against that map wherever lint finds it (see AM110); AM106 says
when its file does not load.

Fails:

    attacks: [P9]        # the map has no node P9

Passes:

    attacks: [P2]
"""

from collections.abc import Iterator

from argmap.model import ArgMap, Ref
from argmap.problem import Problem, Severity
from argmap.rules.context import Context
from argmap.suggest import closest_id

CODE = "AM102"
NAME = "unknown-reference"
SEVERITY = Severity.ERROR


def references(amap: ArgMap) -> Iterator[tuple[str, Ref]]:
    """Every (field, reference) pair in the map."""
    for node in amap.walk():
        for key in ("supports", "attacks", "same_as"):
            for ref in getattr(node, key):
                yield key, ref
        for link in node.undercuts:
            yield "undercuts", link.source
            if link.target is not None:
                yield "undercuts", link.target


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    known: dict[int, set[str]] = {}  # the node ids of each map referred to, by map
    for _key, ref in references(amap):
        if ref.map is None or ref.map == amap.id:
            target, where = amap, "this map"
        elif ref.map in context.maps:
            target, where = context.maps[ref.map], f"map `{ref.map}`"
        else:
            continue  # AM106 reports it
        ids = known.get(id(target))
        if ids is None:
            ids = known[id(target)] = {node.id for node in target.walk()}
        if ref.id not in ids:
            close = closest_id(ref.id, ids)
            hint = f"Did you mean `{close}`?" if close else None
            yield Problem(CODE, SEVERITY, ref.span, f"`{ref}`: {where} has no node `{ref.id}`",
                          hint)
