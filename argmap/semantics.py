"""Which claims stand: a map read as an abstract argumentation framework, then labelled.

Every node is an argument. Objections attack the thesis, counterexamples and rebuttals
attack the node they sit under, and `attacks:` lists add attacks, also into other maps
when maps are evaluated together. Labels follow Dung (1995) in Caminada's (2006)
labelling form: IN when every attacker is OUT, OUT when some attacker is IN, UNDECIDED
otherwise. Support never changes a label; a claim left standing although every reason
for it is OUT is reported as unsupported. An undercut attacks a link rather than a claim:
an attack or support counts only while no undercutter of it stands (argmap/reduction.py
turns this into plain attacks). docs/semantics.md has the details.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from argmap.links import Link, Links, NodeKey
from argmap.model import ArgMap, Label, Node, Relation
from argmap.problem import ArgmapError
from argmap.reduction import AbstractLink, reduce

GROUNDED = "grounded"
PREFERRED = "preferred"
STABLE = "stable"
SEMANTICS: tuple[str, ...] = (GROUNDED, PREFERRED, STABLE)
#: The most arguments one exact search (preferred, stable) may range over.
SEARCH_LIMIT = 25


class SearchTooLarge(ArgmapError):
    """An exact search for preferred or stable labellings would take too long."""


@dataclass(frozen=True, eq=False, slots=True)
class Framework:
    """Dung's (A, R): arguments by position, with who attacks whom both ways."""

    keys: tuple[str, ...]
    #: Lists for speed (a hundred thousand tuples more is measurable); never mutated.
    attackers: Sequence[Sequence[int]]
    targets: Sequence[Sequence[int]]
    position: Mapping[str, int]

    @classmethod
    def build(cls, keys: Iterable[str], attacks: Iterable[tuple[str, str]]) -> Framework:
        """A framework from argument names and (attacker, target) pairs of those names."""
        order = tuple(dict.fromkeys(keys))
        position = {key: i for i, key in enumerate(order)}
        try:
            pairs = dict.fromkeys((position[a], position[b]) for a, b in attacks)
        except KeyError as exc:
            raise ValueError(f"attack names an unknown argument {exc}") from None
        return cls.from_pairs(order, pairs)

    @classmethod
    def from_pairs(cls, keys: tuple[str, ...], pairs: Iterable[tuple[int, int]]) -> Framework:
        """A framework from names and (attacker, target) pairs of positions in `keys`."""
        attackers: list[list[int]] = [[] for _ in keys]
        targets: list[list[int]] = [[] for _ in keys]
        for source, target in pairs:
            attackers[target].append(source)
            targets[source].append(target)
        return cls(keys, attackers, targets, {key: i for i, key in enumerate(keys)})


def grounded(framework: Framework) -> list[Label]:
    """The grounded labelling, in time linear in arguments plus attacks.

    Each argument counts its attackers not yet OUT; at zero it is IN and what it attacks
    is OUT, which lowers the counts of what those attack. What is never reached is
    UNDECIDED. A node whose count reaches zero has only OUT attackers, so no later step
    can make it OUT.
    """
    live = [len(attackers) for attackers in framework.attackers]
    labels: list[Label | None] = [None] * len(live)
    ready = [i for i, count in enumerate(live) if count == 0]
    while ready:
        node = ready.pop()
        labels[node] = Label.IN
        for target in framework.targets[node]:
            if labels[target] is not None:
                continue
            labels[target] = Label.OUT
            for further in framework.targets[target]:
                live[further] -= 1
                if live[further] == 0 and labels[further] is None:
                    ready.append(further)
    return [Label.UNDECIDED if label is None else label for label in labels]


# The exact search keeps, per argument, the set of labels still possible, as bits.
_IN, _OUT, _UND = 1, 2, 4
_ANY = _IN | _OUT | _UND
_AS_LABEL = {_IN: Label.IN, _OUT: Label.OUT, _UND: Label.UNDECIDED}


class _Search:
    """Backtracking over the complete labellings of one connected undecided part.

    Attackers outside the part are OUT in every complete labelling (grounded is the
    least one), so only attacks inside the part constrain it. Each argument keeps the
    labels still possible for it; after each choice, every label that the labelling
    rules leave without support is struck out. For preferred, a branch is cut when its
    IN set can no longer outgrow a labelling already found, or when an UNDECIDED
    argument could safely be added to its IN set.
    """

    def __init__(self, attackers: list[list[int]], targets: list[list[int]],
                 semantics: str) -> None:
        self.attackers = attackers
        self.targets = targets
        self.start = _IN | _OUT if semantics == STABLE else _ANY
        self.maximal = semantics == PREFERRED
        self.found: list[tuple[int, ...]] = []
        # Bit j of columns[node] is set when found labelling j has the node IN: a
        # superset query is then one AND per node, whatever the number found.
        self.columns = [0] * len(attackers)

    def run(self) -> list[tuple[int, ...]]:
        start = [self.start] * len(self.attackers)
        if self._settle(start, list(range(len(start)))):
            self._branch(start)
        if not self.maximal:
            return self.found
        return [found for j, found in enumerate(self.found)
                if not self._covered([n for n, v in enumerate(found) if v == _IN], j)]

    def _branch(self, labels: list[int]) -> None:
        open_ = next((n for n, v in enumerate(labels) if v not in _AS_LABEL), None)
        if open_ is None:
            for node, value in enumerate(labels):
                if value == _IN:
                    self.columns[node] |= 1 << len(self.found)
            self.found.append(tuple(labels))
            return
        if self.maximal and (self._could_join(labels) or self._outgrown(labels)):
            return
        for choice in (_IN, _OUT, _UND):
            if labels[open_] & choice:
                trial = labels.copy()
                trial[open_] = choice
                if self._settle(trial, [open_, *self.targets[open_]]):
                    self._branch(trial)

    def _covered(self, nodes: list[int], skip: int = -1) -> bool:
        """Whether a labelling found (other than `skip`) has every one of `nodes` IN."""
        rows = ((1 << len(self.found)) - 1) & ~(1 << skip if skip >= 0 else 0)
        for node in nodes:
            rows &= self.columns[node]
            if not rows:
                return False
        return rows != 0

    def _outgrown(self, labels: list[int]) -> bool:
        return bool(self.found) and self._covered(
            [node for node, value in enumerate(labels) if value & _IN])

    def _could_join(self, labels: list[int]) -> bool:
        """Whether an UNDECIDED argument could join the IN set, so no completion is preferred.

        That holds for one that does not attack itself and whose attackers are all OUT,
        or UNDECIDED and attacked by it: the IN set stays admissible with it added.
        """
        def answered(attacker: int, node: int) -> bool:
            if labels[attacker] == _OUT:
                return True
            return labels[attacker] == _UND and attacker != node \
                and node in self.attackers[attacker]

        return any(value == _UND and all(answered(a, node) for a in self.attackers[node])
                   for node, value in enumerate(labels))

    def _settle(self, labels: list[int], queue: list[int]) -> bool:
        """Strike out unsupported labels around each queued argument; False on a dead end.

        Queued is an argument whose rule (its label against its attackers') needs
        checking again because its labels or its attackers' changed.
        """
        while queue:
            node = queue.pop()
            changed = self._rule(labels, node)
            if changed is None:
                return False
            for other in changed:
                queue.append(other)
                queue.extend(self.targets[other])
        return True

    def _rule(self, labels: list[int], node: int) -> list[int] | None:
        """Apply one argument's rule: IN iff all attackers OUT, OUT iff some attacker IN."""
        attackers = self.attackers[node]
        can_in = [a for a in attackers if labels[a] & _IN]
        can_und = [a for a in attackers if labels[a] & _UND]
        not_out = [a for a in attackers if labels[a] != _OUT]
        allowed = (_IN if all(labels[a] & _OUT for a in attackers) else 0) | \
            (_OUT if can_in else 0)
        if can_und and all(labels[a] != _IN for a in attackers):
            allowed |= _UND
        narrowed: dict[int, int] = {}

        def keep(other: int, mask: int) -> None:
            narrowed[other] = narrowed.get(other, labels[other]) & mask

        keep(node, allowed)
        value = narrowed[node]
        for attacker in attackers:
            if value == _IN:
                keep(attacker, _OUT)
            if not value & _OUT:
                keep(attacker, ~_IN)
        if not value & _IN and len(not_out) == 1:
            keep(not_out[0], ~_OUT)
        if value == _OUT and len(can_in) == 1:
            keep(can_in[0], _IN)
        if value == _UND and len(can_und) == 1:
            keep(can_und[0], _UND)
        return self._narrow(labels, narrowed)

    @staticmethod
    def _narrow(labels: list[int], narrowed: dict[int, int]) -> list[int] | None:
        changed = []
        for other, value in narrowed.items():
            if not value:
                return None
            if value != labels[other]:
                labels[other] = value
                changed.append(other)
        return changed


@dataclass(frozen=True, slots=True)
class _Parts:
    """The grounded labelling, and every labelling of each undecided part separately."""

    base: list[Label]
    parts: list[list[int]]
    labellings: list[list[tuple[int, ...]]]


def _undecided_parts(framework: Framework, base: list[Label]) -> list[list[int]]:
    """The weakly connected parts of what grounded leaves undecided."""
    seen = [label is not Label.UNDECIDED for label in base]
    parts = []
    for start in range(len(base)):
        if seen[start]:
            continue
        seen[start] = True
        part, stack = [], [start]
        while stack:
            node = stack.pop()
            part.append(node)
            for other in (*framework.attackers[node], *framework.targets[node]):
                if not seen[other]:
                    seen[other] = True
                    stack.append(other)
        parts.append(sorted(part))
    return parts


def _search(framework: Framework, semantics: str, limit: int) -> _Parts:
    if semantics not in SEMANTICS:
        raise ArgmapError(f"unknown semantics `{semantics}`",
                          hint=f"Choose one of: {', '.join(SEMANTICS)}.")
    base = grounded(framework)
    if semantics == GROUNDED:
        return _Parts(base, [], [])
    parts = _undecided_parts(framework, base)
    largest = max(parts, key=len, default=[])
    if len(largest) > limit:
        names = ", ".join(framework.keys[i] for i in largest[:5])
        raise SearchTooLarge(
            f"{semantics} semantics needs an exact search over {len(largest)} connected "
            f"arguments that grounded semantics leaves undecided ({names}, ...); argmap "
            f"searches at most {limit}",
            hint="Use the default `--semantics grounded`, which is exact at any size.")
    labellings = []
    for part in parts:
        local = {node: i for i, node in enumerate(part)}
        attackers = [[local[a] for a in framework.attackers[n] if a in local] for n in part]
        targets = [[local[t] for t in framework.targets[n] if t in local] for n in part]
        labellings.append(_Search(attackers, targets, semantics).run())
    return _Parts(base, parts, labellings)


@dataclass(frozen=True, slots=True)
class Outcome:
    """Per argument: the label, and whether some labelling has it IN; and how many."""

    labels: list[Label]
    credulous: list[bool]
    count: int


def solve(framework: Framework, semantics: str = GROUNDED,
          limit: int = SEARCH_LIMIT) -> Outcome:
    """Label every argument; with several labellings, IN if IN in all, OUT if OUT in all.

    With no stable labelling at all, nothing can be said to stand or fall: every
    argument is UNDECIDED and `count` is 0.
    """
    found = _search(framework, semantics, limit)
    labels = list(found.base)
    credulous = [label is Label.IN for label in labels]
    count = 1
    for part, labellings in zip(found.parts, found.labellings, strict=True):
        count *= len(labellings)
        for i, node in enumerate(part):
            values = {labelling[i] for labelling in labellings}
            agreed = _AS_LABEL[next(iter(values))] if len(values) == 1 else Label.UNDECIDED
            labels[node] = agreed
            credulous[node] = _IN in values
    if count == 0:
        return Outcome([Label.UNDECIDED] * len(labels), [False] * len(labels), 0)
    return Outcome(labels, credulous, count)


def extensions(framework: Framework, semantics: str = GROUNDED,
               limit: int = SEARCH_LIMIT) -> list[frozenset[str]]:
    """Every extension (the IN set of each labelling). Their number can be exponential."""
    found = _search(framework, semantics, limit)
    fixed = [framework.keys[i] for i, label in enumerate(found.base) if label is Label.IN]
    choices = [[frozenset(framework.keys[node] for i, node in enumerate(part)
                          if labelling[i] == _IN) for labelling in labellings]
               for part, labellings in zip(found.parts, found.labellings, strict=True)]
    return [frozenset(fixed).union(*combo) for combo in itertools.product(*choices)]


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
