"""Links (inferences) between nodes, and what the `undercuts:` lists name among them.

A link is a support or an attack from one node to another, or an undercut: an attack
from a node on another link. `undercuts:` names links as `X` (the link X makes by where
it sits in the tree, else its one declared link) or `X -> Y` (X's link to node Y; for an
undercut, Y is the node whose link it attacks). docs/format.md has the details.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from argmap.model import ArgMap, LinkRef, Node, Ref, Relation

#: A node in a set of maps: (map id, node id).
NodeKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Link:
    """A support, an attack, or an undercut (whose target is another link)."""

    source: NodeKey
    relation: Relation
    target: NodeKey | Link
    #: True when the link comes from nesting, not from a `supports:`/`attacks:` list.
    tree: bool = False
    #: For a premise in a linked group: the group's index under its target.
    group: int | None = field(default=None, compare=False)

    @property
    def target_node(self) -> NodeKey:
        """The node at the far end: the target, or the source of the link undercut."""
        return self.target.source if isinstance(self.target, Link) else self.target

    def name(self, home: str | None = None) -> str:
        """The link as written in `undercuts:` in map `home`: `X -> Y`."""
        return f"{_node_name(self.source, home)} -> {_node_name(self.target_node, home)}"


def _node_name(key: NodeKey, home: str | None) -> str:
    return key[1] if key[0] == home else f"{key[0]}:{key[1]}"


class Failure(enum.Enum):
    """Why a link named in `undercuts:` names no link."""

    UNCHECKED = "unchecked"  # its map is not among the maps read
    NO_NODE = "no-node"  # AM102 reports it
    NO_LINK = "no-link"
    AMBIGUOUS = "ambiguous"
    #: The node's own links are undercuts that lead back to this one.
    CIRCULAR = "circular"


@dataclass(frozen=True, slots=True)
class Resolved:
    link: Link | None
    failure: Failure | None = None
    #: For NO_LINK and AMBIGUOUS: the links the source does make.
    candidates: tuple[Link, ...] = ()


class Links:
    """Every link among a set of maps, with the undercuts resolved once."""

    def __init__(self, maps: Mapping[str, ArgMap]) -> None:
        self.maps = maps
        self._undercuts: dict[NodeKey, list[tuple[LinkRef, Resolved]]] = {}
        self._resolving: set[NodeKey] = set()
        self._index: dict[str, dict[str, Node]]
        self._from: dict[NodeKey, list[Link]]
        twin = _last[0][1] if _last else None
        if twin is not None and _same_maps(twin.maps, maps):
            # The evaluation of a lint run reads the maps `links_for` has just read:
            # the nodes and links are the same (maps never change), so they are shared.
            self._index, self._from = twin._index, twin._from
            return
        self._index = {map_id: amap.index() for map_id, amap in maps.items()}
        self._from = {}
        for map_id, amap in maps.items():
            for edge in amap.edges():
                target_map = edge.target.map or map_id
                link = Link((map_id, edge.source), edge.relation, (target_map, edge.target.id),
                            tree=not edge.declared, group=edge.group)
                links = self._from.setdefault(link.source, [])
                if link not in links:
                    links.append(link)

    def node(self, key: NodeKey) -> Node | None:
        index = self._index.get(key[0])
        return index.get(key[1]) if index is not None else None

    def resolve(self, map_id: str, ref: LinkRef) -> Resolved:
        """The link `ref`, written in map `map_id`, names."""
        source = _key(ref.source, map_id)
        if source[0] not in self.maps:
            return Resolved(None, Failure.UNCHECKED)
        # A link into a map not read is still found among the links its source makes.
        target_read = ref.target is None or _key(ref.target, map_id)[0] in self.maps
        if self.node(source) is None or (ref.target and target_read and self.node(
                _key(ref.target, map_id)) is None):
            return Resolved(None, Failure.NO_NODE)
        made = self.links_from(source)
        circular = source in self._resolving or any(
            resolved.failure is Failure.CIRCULAR for _, resolved in self._undercuts.get(source, ()))
        if circular and not made:
            return Resolved(None, Failure.CIRCULAR)
        if ref.target is None:
            tree = [link for link in made if link.tree]
            if tree:
                return Resolved(tree[0])
            if len(made) == 1:
                return Resolved(made[0])
            return Resolved(None, Failure.AMBIGUOUS if made else Failure.NO_LINK, tuple(made))
        target = _key(ref.target, map_id)
        matching = [link for link in made if link.target_node == target]
        if matching:
            return Resolved(matching[0])
        return Resolved(None, Failure.NO_LINK if target_read else Failure.UNCHECKED,
                        tuple(made))

    def links_from(self, source: NodeKey) -> list[Link]:
        """The links a node makes: supports and attacks, then its undercuts."""
        made = list(self._from.get(source, ()))
        made.extend(link for link in self._undercut_links(source) if link not in made)
        return made

    def undercuts_of(self, source: NodeKey) -> list[tuple[LinkRef, Resolved]]:
        """Each item of a node's `undercuts:`, with what it names."""
        cached = self._undercuts.get(source)
        if cached is not None:
            return cached
        node = self.node(source)
        if node is None or source in self._resolving:
            return []  # an undercut naming, at some remove, itself names nothing yet
        self._resolving.add(source)
        try:
            resolved = [(ref, self.resolve(source[0], ref)) for ref in node.undercuts]
        finally:
            self._resolving.discard(source)
        self._undercuts[source] = resolved
        return resolved

    def _undercut_links(self, source: NodeKey) -> Iterator[Link]:
        for _ref, resolved in self.undercuts_of(source):
            if resolved.link is not None:
                yield Link(source, Relation.UNDERCUT, resolved.link)

    def all(self) -> Iterator[Link]:
        """Every link of every map, undercuts included, in document order per map."""
        for map_id, amap in self.maps.items():
            seen: set[Link] = set()
            for node in amap.walk():
                for link in self.links_from((map_id, node.id)):
                    if link not in seen:
                        seen.add(link)
                        yield link


def _same_maps(one: Mapping[str, ArgMap], other: Mapping[str, ArgMap]) -> bool:
    return len(one) == len(other) and all(
        key == other_key and amap is other_map
        for (key, amap), (other_key, other_map) in zip(one.items(), other.items(), strict=True))


def _key(ref: Ref, home: str) -> NodeKey:
    return (ref.map or home, ref.id)


_cache: dict[tuple[int, ...], tuple[tuple[ArgMap, ...], Links]] = {}


def links_for(amap: ArgMap, together: Mapping[str, ArgMap]) -> Links:
    """The links of `amap` and the maps read with it, computed once per set of maps."""
    inside = together.get(amap.id) is amap
    if inside and _last and _last[0][0] is together:
        return _last[0][1]  # every map of a lint run asks with the same mapping
    links = _links_for(amap, together)
    if inside:
        _last[:] = [(together, links)]  # kept, so no other mapping takes its id meanwhile
    return links


_last: list[tuple[Mapping[str, ArgMap], Links]] = []


def _links_for(amap: ArgMap, together: Mapping[str, ArgMap]) -> Links:
    group = dict(together) if together.get(amap.id) is amap else {amap.id: amap}
    group.setdefault(amap.id, amap)
    ident = tuple(map(id, group.values()))
    cached = _cache.get(ident)
    if cached is not None:
        return cached[1]
    links = Links(group)
    if len(_cache) >= 4:
        _cache.pop(next(iter(_cache)))
    # The maps are kept with the result so the ids in the key cannot be reused meanwhile.
    _cache[ident] = (tuple(group.values()), links)
    return links
