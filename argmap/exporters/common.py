"""What the graph formats share: a map's relations as inferences and conflicts.

AIF and Argdown know one map at a time and draw every support as an inference (premises
to one conclusion; co-premises share one) and every attack as a conflict between two
claims. References into other maps, and to ids the map does not have, are left out with
a note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from argmap.model import ArgMap, Edge, Node, Relation


@dataclass(frozen=True, slots=True)
class Inference:
    premises: tuple[str, ...]
    conclusion: str
    #: True for a `linked` group of co-premises nested under the conclusion.
    linked: bool = False


@dataclass(frozen=True, slots=True)
class Conflict:
    attacker: str
    target: str


@dataclass(slots=True)
class Relations:
    inferences: list[Inference] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def relations(amap: ArgMap, format_name: str) -> Relations:
    """Every support and attack inside the map, in document order; linked groups as one."""
    found = Relations()
    known: set[str] = set()
    repeated: dict[str, None] = {}
    for node in amap.walk():
        if node.id in known:
            repeated[node.id] = None
        known.add(node.id)
    if repeated:
        found.notes.append("ids used more than once (" + ", ".join(f"`{i}`" for i in repeated)
                           + f", see `argmap lint`): {format_name} has one statement per id, "
                           "so their relations are merged")
    groups: dict[tuple[str, int], list[str]] = {}
    for edge in amap.edges():
        if not _local(edge, amap, known, found, format_name):
            continue
        target = edge.target.id
        if edge.relation is Relation.ATTACK:
            found.conflicts.append(Conflict(edge.source, target))
        elif edge.group is None:
            found.inferences.append(Inference((edge.source,), target))
        else:
            key = (target, edge.group)
            if key not in groups:
                groups[key] = []
                found.inferences.append(Inference((), target))
            groups[key].append(edge.source)
    return _with_groups(found, groups)


def _local(edge: Edge, amap: ArgMap, known: set[str], found: Relations, name: str) -> bool:
    verb = edge.relation.value
    if edge.target.map not in (None, amap.id):
        found.notes.append(f"`{edge.source}` {verb} `{edge.target}` in another map: {name} "
                           "holds one map, so the link is left out")
        return False
    if edge.target.id not in known:
        found.notes.append(f"`{edge.source}` {verb} `{edge.target.id}`, which is not in the "
                           "map (see `argmap lint`): left out")
        return False
    return True


def _with_groups(found: Relations, groups: dict[tuple[str, int], list[str]]) -> Relations:
    """Fill each linked placeholder with its members, in document order."""
    members = iter(groups.values())
    found.inferences = [
        inference if inference.premises else Inference(tuple(next(members)), inference.conclusion,
                                                       linked=True)
        for inference in found.inferences
    ]
    return found


_FIELDS: dict[str, Callable[[Node], bool]] = {
    "kinds": lambda node: node.kind.value in ("counterexample", "rebuttal"),
    "locators": lambda node: node.source is not None,
    "quotes": lambda node: node.quote is not None,
    "notes": lambda node: node.note is not None,
    "tags": lambda node: bool(node.tags),
    "expect": lambda node: node.expect is not None,
    "held_by": lambda node: node.held_by is not None,
    "same_as": lambda node: bool(node.same_as),
    "granted": lambda node: node.granted,
}


def unsaid(amap: ArgMap, name: str, kept: tuple[str, ...]) -> list[str]:
    """A note naming the parts of this map the format leaves out, if any."""
    present = [key for key, used in _FIELDS.items()
               if key not in kept and any(used(node) for node in amap.walk())]
    if not present:
        return []
    what = ", ".join(f"`{key}`" if key not in ("kinds", "locators", "quotes", "notes")
                     else key for key in present)
    return [f"{name} keeps claims and relations; left out: {what}"
            + (" (counterexamples and rebuttals become plain attackers)"
               if "kinds" in present else "")]
