"""Which claims stand: a map read as an abstract argumentation framework, then labelled.

Every node is an argument. Objections attack the thesis, counterexamples and rebuttals
attack the node they sit under, and `attacks:` lists add attacks, also into other maps
when maps are evaluated together. Labels follow Dung (1995) in Caminada's (2006)
labelling form: IN when every attacker is OUT, OUT when some attacker is IN, UNDECIDED
otherwise. Support never changes a label; a claim left standing although every reason
for it is OUT is reported as unsupported. An undercut attacks a link rather than a claim:
an attack or support counts only while no undercutter of it stands (argmap/reduction.py
turns this into plain attacks). docs/semantics.md has the details.

This module builds the framework from maps and reads its labels back onto their nodes
and links; the framework and its labellings are in argmap/framework.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from argmap.framework import (
    GROUNDED,
    PREFERRED,
    SEARCH_LIMIT,
    SEMANTICS,
    STABLE,
    Framework,
    Outcome,
    SearchTooLarge,
    extensions,
    grounded,
    solve,
)
from argmap.links import Link, Links, NodeKey
from argmap.model import ArgMap, Label, Node, Relation
from argmap.problem import ArgmapError
from argmap.reduction import AbstractLink, reduce

# The framework's names are part of this module's interface: callers that evaluate maps
# also choose a semantics and catch a search too large from here.
__all__ = [
    "GROUNDED", "PREFERRED", "SEARCH_LIMIT", "SEMANTICS", "STABLE", "Evaluation",
    "Framework", "LinkStatus", "Outcome", "SearchTooLarge", "evaluate", "extensions",
    "grounded", "labels_for", "shared_evaluation", "solve",
]


@dataclass(frozen=True, slots=True)
class LinkStatus:
    """One link and whether it counts: IN (it does), OUT (it does not), or UNDECIDED."""

    link: Link
    source: str
    relation: Relation
    #: The node at the far end: the one attacked or supported, or for an undercut the
    #: source of the link undercut.
    target: str
    #: For an undercut: the far end of the link it undercuts.
    target_of: str | None
    counts: Label
    #: The nodes undercutting this link.
    undercutters: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Evaluation:
    """The labels of one or more maps' nodes under one semantics.

    Keys are node ids for a single map and `map:id` when several maps are evaluated
    together; `key()` builds them either way.
    """

    semantics: str
    maps: tuple[ArgMap, ...]
    framework: Framework
    labels: dict[str, Label]
    #: Nodes IN in at least one labelling (for grounded: the IN nodes).
    credulous: frozenset[str]
    #: Nodes not OUT although every reason for them (premise or linked group) failed.
    unsupported: frozenset[str]
    #: How many labellings the semantics gives (0: no stable labelling exists).
    count: int
    #: For each supported node, its reasons: one key, or a linked group's keys.
    reasons: Mapping[str, tuple[tuple[str, ...], ...]]
    #: Every support, attack and undercut between the nodes evaluated, with its status.
    links: tuple[LinkStatus, ...] = ()

    def key(self, map_id: str, node_id: str) -> str:
        return f"{map_id}:{node_id}" if len(self.maps) > 1 else node_id

    def name(self, key: str, map_id: str) -> str:
        """The key as written in map `map_id`: plain ids for its own nodes."""
        prefix = f"{map_id}:"
        return key.removeprefix(prefix) if len(self.maps) > 1 else key

    def attackers(self, key: str) -> tuple[str, ...]:
        """The nodes attacking `key`'s claim, whether or not their attack counts."""
        return tuple(dict.fromkeys(link.source for link in self.links
                                   if link.relation is Relation.ATTACK and link.target == key))

    def attacks_on(self, key: str) -> tuple[LinkStatus, ...]:
        return tuple(link for link in self.links
                     if link.relation is Relation.ATTACK and link.target == key)

    def links_from(self, key: str) -> tuple[LinkStatus, ...]:
        return tuple(link for link in self.links if link.source == key)

    def counts(self) -> dict[Label, int]:
        counts = dict.fromkeys(Label, 0)
        for label in self.labels.values():
            counts[label] += 1
        return counts

    def nodes(self) -> Iterator[tuple[str, ArgMap, Node]]:
        """Each key once, with the map and node it names, in document order."""
        seen: set[str] = set()
        for amap in self.maps:
            for node in amap.walk():
                key = self.key(amap.id, node.id)
                if key not in seen:
                    seen.add(key)
                    yield key, amap, node


def evaluate(maps: ArgMap | Sequence[ArgMap], semantics: str = GROUNDED,
             limit: int = SEARCH_LIMIT) -> Evaluation:
    """Label every node of one map, or of several maps evaluated together."""
    group = (maps,) if isinstance(maps, ArgMap) else tuple(maps)
    _refuse_duplicate_ids(group)
    qualified = len(group) > 1
    keys = _keys(group, qualified)
    position = {key: i for i, key in enumerate(keys)}

    def key_of(node: NodeKey) -> str:
        return f"{node[0]}:{node[1]}" if qualified else node[1]

    found, abstract = _abstract_links(group, position, key_of)
    reduction = reduce(keys, abstract)
    framework = Framework.from_pairs(reduction.keys, reduction.pairs)
    outcome = solve(framework, semantics, limit)
    real = reduction.real
    labels = dict(zip(keys, outcome.labels[:real], strict=True))
    statuses = _statuses(found, abstract, reduction.status, outcome.labels, key_of)
    reasons: dict[str, dict[object, list[str]]] = {}
    failed: set[tuple[str, str]] = set()
    for status in statuses:
        if status.relation is Relation.SUPPORT:
            slot = ("linked", status.link.group) if status.link.group is not None \
                else ("one", status.source)
            reasons.setdefault(status.target, {}).setdefault(slot, []).append(status.source)
            if status.counts is Label.OUT:
                failed.add((status.source, status.target))
    named = {target: tuple(tuple(members) for members in slots.values())
             for target, slots in reasons.items()}
    credulous = outcome.credulous[:real]
    return Evaluation(
        semantics=semantics, maps=group, framework=framework, labels=labels,
        credulous=frozenset(k for k, c in zip(keys, credulous, strict=True) if c),
        unsupported=frozenset(_unsupported(labels, named, failed)), count=outcome.count,
        reasons=named, links=statuses)


def _abstract_links(group: tuple[ArgMap, ...], position: Mapping[str, int],
                    key_of: Callable[[NodeKey], str],
                    ) -> tuple[list[Link], list[AbstractLink]]:
    """The links among the nodes evaluated, by position; others cannot take part."""
    links = Links({amap.id: amap for amap in group})
    present = {amap.id for amap in group}
    index: dict[Link, int] = {}
    found: list[Link] = []
    pending = list(links.all())
    # An undercut can only be placed once the link it undercuts is: at most one pass
    # per level of undercuts of undercuts.
    while pending:
        later = []
        for link in pending:
            if link in index or link.target_node[0] not in present \
                    or position.get(key_of(link.source)) is None:
                continue
            target = link.target
            if isinstance(target, Link):
                if target not in index:
                    later.append(link)
                    continue
            elif position.get(key_of(target)) is None:
                continue
            index[link] = len(found)
            found.append(link)
        if len(later) == len(pending):
            break  # what is left undercuts links that do not take part
        pending = later
    abstract = [AbstractLink(position[key_of(link.source)], link.relation,
                             index[link.target] if isinstance(link.target, Link)
                             else position[key_of(link.target)],
                             on_link=isinstance(link.target, Link)) for link in found]
    return found, abstract


def _statuses(found: list[Link], abstract: list[AbstractLink], status: Sequence[int],
              labels: Sequence[Label], key_of: Callable[[NodeKey], str],
              ) -> tuple[LinkStatus, ...]:
    undercutters: dict[int, list[str]] = {}
    for link, item in zip(found, abstract, strict=True):
        if item.on_link:
            undercutters.setdefault(item.target, []).append(key_of(link.source))
    result = []
    for i, link in enumerate(found):
        target_of = key_of(link.target.target_node) if isinstance(link.target, Link) else None
        result.append(LinkStatus(link, key_of(link.source), link.relation,
                                 key_of(link.target_node), target_of, labels[status[i]],
                                 tuple(dict.fromkeys(undercutters.get(i, ())))))
    return tuple(result)


def labels_for(amap: ArgMap) -> dict[str, Label]:
    """Grounded labels of one map's nodes, by node id (for `show` and `render`)."""
    return evaluate(amap).labels


def _refuse_duplicate_ids(group: tuple[ArgMap, ...]) -> None:
    paths: dict[str, str] = {}
    for amap in group:
        if amap.id in paths:
            raise ArgmapError(f"{paths[amap.id]} and {amap.path} both have map id `{amap.id}`",
                              exit_code=1,
                              hint="Give each map its own `id:`; references use it.")
        paths[amap.id] = amap.path


def _keys(group: tuple[ArgMap, ...], qualified: bool) -> tuple[str, ...]:
    keys = (f"{amap.id}:{node.id}" if qualified else node.id
            for amap in group for node in amap.walk())
    return tuple(dict.fromkeys(keys))


def _unsupported(labels: Mapping[str, Label],
                 reasons: Mapping[str, tuple[tuple[str, ...], ...]],
                 failed: set[tuple[str, str]]) -> Iterator[str]:
    """Nodes not OUT whose every reason fails: a member OUT, or its support undercut."""
    for key, slots in reasons.items():
        if labels[key] is not Label.OUT and all(
                any(labels[member] is Label.OUT or (member, key) in failed for member in slot)
                for slot in slots):
            yield key


_lint_cache: dict[tuple[int, ...], tuple[tuple[ArgMap, ...], Evaluation]] = {}


def shared_evaluation(amap: ArgMap, together: Mapping[str, ArgMap]) -> Evaluation:
    """The grounded evaluation of `amap` with the maps linted together with it.

    Computed once per set of maps, so every rule reading it costs one evaluation per
    lint run. A map whose id another map already took is evaluated alone.
    """
    group = tuple(together.values()) if together.get(amap.id) is amap else (amap,)
    ident = tuple(map(id, group))
    cached = _lint_cache.get(ident)
    if cached is not None:
        return cached[1]
    evaluation = evaluate(group)
    if len(_lint_cache) >= 4:
        _lint_cache.pop(next(iter(_lint_cache)))
    # The group is kept with its result so the ids in the key cannot be reused meanwhile.
    _lint_cache[ident] = (group, evaluation)
    return evaluation
