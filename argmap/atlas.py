"""The atlas: several maps read together, and the links between them.

Pure: takes loaded maps, returns what links them. Links are the cross-map references
of `supports:`, `attacks:` and `same_as:`; `same_as` links group one claim's versions
across maps. The CLI prints the summary; the DOT renderer draws it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from argmap.model import ArgMap, Kind, Node, Relation


@dataclass(frozen=True, slots=True)
class Link:
    """One reference from a node in one map to a node in another."""

    source: str  # "map:id"
    relation: str  # "supports", "attacks" or "same_as"
    target: str  # "map:id"
    resolved: bool


@dataclass(frozen=True, slots=True)
class Answer:
    """An objection, and the maps whose nodes attack it or one of its versions."""

    objection: str
    held_by: str | None
    claim: str
    answered_in: tuple[str, ...]


@dataclass(frozen=True)
class Atlas:
    maps: tuple[ArgMap, ...]
    links: tuple[Link, ...]
    #: Groups of "map:id" keys that `same_as` links make one claim, largest first.
    shared: tuple[tuple[str, ...], ...]
    answers: tuple[Answer, ...]

    def node(self, key: str) -> Node | None:
        map_id, _, node_id = key.partition(":")
        for amap in self.maps:
            if amap.id == map_id:
                return amap.index().get(node_id)
        return None


def build(maps: Sequence[ArgMap]) -> Atlas:
    indexes = {amap.id: amap.index() for amap in maps}
    links = tuple(_links(maps, indexes))
    shared = _shared(link for link in links if link.relation == "same_as" and link.resolved)
    return Atlas(tuple(maps), links, shared, _answers(maps, indexes, shared))


def _links(maps: Sequence[ArgMap], indexes: dict[str, dict[str, Node]]) -> Iterable[Link]:
    for amap in maps:
        for node in amap.walk():
            for relation in ("supports", "attacks", "same_as"):
                for ref in getattr(node, relation):
                    if ref.map is None or ref.map == amap.id:
                        continue
                    resolved = ref.id in indexes.get(ref.map, {})
                    yield Link(f"{amap.id}:{node.id}", relation, f"{ref.map}:{ref.id}", resolved)


def _shared(links: Iterable[Link]) -> tuple[tuple[str, ...], ...]:
    """Connected groups of same_as links (union-find)."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    order: dict[str, int] = {}
    for link in links:
        for key in (link.source, link.target):
            order.setdefault(key, len(order))
        parent[root(link.source)] = root(link.target)
    groups: dict[str, list[str]] = {}
    for key in sorted(order, key=order.__getitem__):
        groups.setdefault(root(key), []).append(key)
    return tuple(sorted((tuple(g) for g in groups.values()), key=lambda g: (-len(g), g)))


def _answers(maps: Sequence[ArgMap], indexes: dict[str, dict[str, Node]],
             shared: tuple[tuple[str, ...], ...]) -> tuple[Answer, ...]:
    versions = {key: group for group in shared for key in group}
    attacked_from: dict[str, set[str]] = {}
    for amap in maps:
        for edge in amap.edges():
            if edge.relation is Relation.ATTACK:
                target = f"{edge.target.map or amap.id}:{edge.target.id}"
                attacked_from.setdefault(target, set()).add(amap.id)
    answers = []
    for amap in maps:
        for node in amap.walk():
            if node.kind is not Kind.OBJECTION:
                continue
            key = f"{amap.id}:{node.id}"
            where: set[str] = set()
            for version in versions.get(key, (key,)):
                where |= attacked_from.get(version, set())
            answers.append(Answer(key, node.held_by, node.claim,
                                  tuple(m.id for m in maps if m.id in where)))
    return tuple(answers)
