"""Turn an imported graph into argmap's tree: a thesis, nested reasons, objections.

The thesis is a claim that something argues about and that supports and attacks
nothing else, or failing that one that supports nothing else; among several, the one
most claims lead to, then the first in the file. The file can name it instead (argmap's
own exports do).

From the thesis the tree grows backwards along the relations, breadth first: a claim
nests under the first claim it is found supporting (a premise; co-premises of one
inference as a `linked` group) or attacking (an objection under the thesis, a rebuttal
elsewhere). Every relation the nesting does not show becomes a `supports:` or `attacks:`
entry. An undercut of the link from X to Y nests under X as a rebuttal (or, when X is
the thesis, stands free) with `undercuts: [X -> Y]`. Claims that lead nowhere near the
thesis are grown into trees of their own, each listed as a premise of the thesis with a
comment saying so (docs/interop.md). Nothing is dropped except self-loops and the one
link that would close a circle of supports.
"""

from __future__ import annotations

from collections import deque

from argmap.importers.graph import Graph, Link, short
from argmap.importers.names import assign_ids
from argmap.importers.outline import Item, Outline
from argmap.model import Kind, Relation

#: Nodes nest at most this deep; the loader refuses more than 64 levels.
MAX_NESTING = 60
#: Candidate theses whose reach is measured: the ones most claims argue about directly.
MAX_CANDIDATES = 64


def lay_out(graph: Graph) -> Outline:
    return _Layout(graph).run()


class _Layout:
    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.order = {key: number for number, key in enumerate(graph.claims)}
        self.links = _clean(graph)
        self.incoming: dict[str, list[Link]] = {}
        self.outgoing: dict[str, list[Link]] = {}
        for link in self.links:
            self.incoming.setdefault(link.target, []).append(link)
            for source in link.sources:
                self.outgoing.setdefault(source, []).append(link)
        self.group_of: dict[str, Link] = {}
        for link in self.links:
            if len(link.sources) > 1:
                for source in link.sources:
                    self.group_of.setdefault(source, link)
        self.items: dict[str, Item] = {}
        self.done: set[str] = set()
        self.declared: list[tuple[str, Relation, str]] = []
        #: (undercutter, link source, link far end), by keys.
        self.undercut_links: list[tuple[str, str, str]] = []

    def run(self) -> Outline:
        thesis_key, messages = self._thesis()
        outline = Outline(Item(self.graph.claims[thesis_key], Kind.THESIS), messages=messages)
        self.outline = outline
        self.items[thesis_key] = outline.thesis
        self._grow(thesis_key)
        self._place_strays()
        self._declare()
        assign_ids(outline)
        for item in outline.walk():
            item.supports = [self.items[key].id for key in item.supports]
            item.attacks = [self.items[key].id for key in item.attacks]
        for source, link_source, far in dict.fromkeys(self.undercut_links):
            self.items[source].undercuts.append(
                f"{self.items[link_source].id} -> {self.items[far].id}")
        return outline

    def _place_strays(self) -> None:
        """Claims that never lead to the thesis: each root becomes a premise of the thesis
        (with a comment), or a free-standing rebuttal if it attacks something."""
        strays: list[str] = []
        claims = list(self.graph.claims)
        # First the claims that lead to nothing else left, then those in cycles.
        for key in claims:
            if key not in self.items and all(
                    link.target in self.items for link in self.outgoing.get(key, ())):
                strays.append(self._stray(key))
        for key in claims:
            if key not in self.items:
                strays.append(self._stray(key))
        if strays:
            more = f" and {len(strays) - 5} more" if len(strays) > 5 else ""
            self.outline.messages.append(
                "Listed apart from the thesis's tree, with a comment, since they argue neither "
                f"for nor against it even through other claims: {', '.join(strays[:5])}{more}.")

    def _stray(self, root: str) -> str:
        if any(link.relation is Relation.ATTACK for link in self.outgoing.get(root, ())):
            item = self._top_rebuttal(root)
            where = "a free-standing rebuttal of what it attacks"
        else:
            parent = self._stray_parent(root)
            item = self._place(root, parent, Kind.PREMISE)
            whose = "the thesis" if parent is self.outline.thesis else _label(parent)
            where = f"a premise of {whose} only so that it is kept. Move it, or delete it"
        item.claim.comments.append(
            "In the source this claim argues neither for nor against the thesis, not even "
            f"through other claims: it is listed as {where}.")
        self._grow(root)
        return short(item.claim.name or item.claim.text)

    def _top_rebuttal(self, key: str) -> Item:
        item = self._new(key, Kind.REBUTTAL, 2)
        self.outline.rebuttals.append(item)
        return item

    def _stray_parent(self, root: str) -> Item:
        """The thesis, unless it supports `root` (directly or not): a premise there would
        close a circle of supports, so the first claim that does not."""
        for item in self.outline.walk():
            if item.depth < MAX_NESTING and not self._supports_reach(item.claim.key, root):
                return item
        return self.outline.thesis

    def _supports_reach(self, start: str, goal: str) -> bool:
        seen = {start}
        queue = deque([start])
        while queue:
            key = queue.popleft()
            if key == goal:
                return True
            for link in self.outgoing.get(key, ()):
                if link.relation is Relation.SUPPORT and link.target not in seen:
                    seen.add(link.target)
                    queue.append(link.target)
        return False

    # -- the thesis ----------------------------------------------------------

    def _thesis(self) -> tuple[str, list[str]]:
        """The named thesis, else the best claim of the first tier that has candidates."""
        claims = self.graph.claims
        named = self.graph.thesis
        if named is not None and named in claims:
            return named, []
        supporting = {source for link in self.links if link.relation is Relation.SUPPORT
                      for source in link.sources}
        argued = [key for key in claims if self.incoming.get(key)]
        tiers = (("support and attack nothing", [k for k in argued if not self.outgoing.get(k)]),
                 ("support nothing", [k for k in argued if k not in supporting]))
        for words, pool in tiers:
            if pool:
                return self._best(pool, words)
        return self._best(list(claims), "")

    def _best(self, pool: list[str], words: str) -> tuple[str, list[str]]:
        if len(pool) > MAX_CANDIDATES:  # measuring every reach would be quadratic
            pool = sorted(pool, key=lambda key: (-len(self.incoming.get(key, ())), self.order[key]))
            pool = pool[:MAX_CANDIDATES]
        reach = {key: self._reach(key) for key in pool}
        scored = sorted(pool, key=lambda key: (-reach[key], self.order[key]))
        chosen = scored[0]
        if len(scored) < 2 or not words:
            return chosen, []
        claims = self.graph.claims
        others = ", ".join(f"{short(claims[key].name or claims[key].text)} ({reach[key]})"
                           for key in scored[1:6])
        more = f" and {len(scored) - 6} more" if len(scored) > 6 else ""
        return chosen, [
            f"{len(scored)} claims {words} else while others argue about them, so each could "
            f"be the thesis; chose {short(claims[chosen].name or claims[chosen].text)}, which "
            f"the most claims lead to ({reach[chosen]}). The others, with how many claims "
            f"lead to each: {others}{more}."]

    def _reach(self, key: str) -> int:
        """How many claims lead to `key` through supports and attacks."""
        seen = {key}
        queue = deque([key])
        while queue:
            for link in self.incoming.get(queue.popleft(), ()):
                for source in link.sources:
                    if source not in seen:
                        seen.add(source)
                        queue.append(source)
        return len(seen) - 1

    # -- growing the tree ----------------------------------------------------

    def _grow(self, start: str) -> None:
        ahead = self._ahead(start)
        queue = deque([start])
        while queue:
            key = queue.popleft()
            self.done.add(key)
            for link in self.incoming.get(key, ()):
                queue.extend(self._attach(link, ahead))

    def _ahead(self, start: str) -> set[str]:
        """Unplaced claims this growth will reach: linked groups wait for their target."""
        seen = {start}
        queue = deque([start])
        while queue:
            for link in self.incoming.get(queue.popleft(), ()):
                for source in link.sources:
                    if source not in seen and source not in self.items:
                        seen.add(source)
                        queue.append(source)
        return seen

    def _attach(self, link: Link, ahead: set[str]) -> list[str]:
        """Nest the link's sources under its target where they are free; else declare it."""
        target = self.items[link.target]
        for source in link.sources:
            if link.comment:
                self.graph.claims[source].comments.append(link.comment)
        free = [s for s in link.sources if s not in self.items]
        if target.depth + (2 if len(link.sources) > 1 else 1) > MAX_NESTING:
            return self._too_deep(link, target, free)
        if len(link.sources) > 1:
            if len(free) == len(link.sources):
                group = [self._new(source, Kind.PREMISE, target.depth + 2)
                         for source in link.sources]
                target.children.append(group)
                return free
            self._note_broken_group(link)
        else:
            free = [s for s in free if not self._waits(s, link.target, ahead)]
        if link.undercut is not None:
            return self._undercut(link, target, free)
        kind = Kind.PREMISE if link.relation is Relation.SUPPORT \
            else Kind.OBJECTION if target is self.outline.thesis else Kind.REBUTTAL
        return self._nest_or_declare(link.sources, target, kind, link.relation, free)

    def _undercut(self, link: Link, target: Item, free: list[str]) -> list[str]:
        """Nest a free undercutter under the link's source; it then attacks only the link."""
        assert link.undercut is not None
        for source in link.sources:
            self.undercut_links.append((source, link.target, link.undercut))
            if source in free:
                if target is self.outline.thesis:
                    self._top_rebuttal(source)
                else:
                    self._place(source, target, Kind.REBUTTAL)
        return free

    def _waits(self, source: str, target: str, ahead: set[str]) -> bool:
        """Whether `source` should rather nest in its linked group, reached later."""
        group = self.group_of.get(source)
        return (group is not None and group.target != target and group.target in ahead
                and group.target not in self.done)

    def _nest_or_declare(self, sources: tuple[str, ...], target: Item, kind: Kind,
                         relation: Relation, free: list[str]) -> list[str]:
        for source in sources:
            if source in free:
                self._place(source, target, kind)
            else:
                self.declared.append((source, relation, target.claim.key))
        return free

    def _too_deep(self, link: Link, target: Item, free: list[str]) -> list[str]:
        """Sources that would nest too deep start again at the top, relation declared."""
        if link.undercut is not None:
            for source in free:
                self._top_rebuttal(source)
            self.undercut_links.extend((s, link.target, link.undercut) for s in link.sources)
            return free
        for source in free:
            if link.relation is Relation.ATTACK:
                self._top_rebuttal(source)
            else:
                self._place(source, self._stray_parent(source), Kind.PREMISE)
            self.graph.claims[source].comments.append(
                f"In the source this {link.relation.value} {_label(target)}, which sits "
                f"{MAX_NESTING} levels deep: it starts again at the top of the map.")
        for source in link.sources:
            self.declared.append((source, link.relation, link.target))
        return free

    def _place(self, key: str, parent: Item, kind: Kind) -> Item:
        if kind is Kind.OBJECTION:
            item = self._new(key, kind, 2)
            self.outline.objections.append(item)
        else:
            item = self._new(key, kind, parent.depth + 1)
            parent.children.append(item)
        return item

    def _new(self, key: str, kind: Kind, depth: int) -> Item:
        item = self.items[key] = Item(self.graph.claims[key], kind, depth=depth)
        return item

    def _note_broken_group(self, link: Link) -> None:
        claims = self.graph.claims
        for source in link.sources:
            partners = [short(claims[s].name or claims[s].text) for s in link.sources
                        if s != source]
            target = claims[link.target]
            claims[source].comments.append(
                f"In the source this supported {short(target.name or target.text)} "
                f"only together with {', '.join(partners)}; the co-premises "
                "already sit elsewhere in the tree, so each supports it on its own here.")

    # -- edges the nesting does not show -------------------------------------

    def _declare(self) -> None:
        """Add `supports:`/`attacks:` entries, leaving out any that closes a support cycle."""
        supports: dict[str, list[str]] = {}
        for item in self.outline.walk():
            for child in item.members():
                if child.kind is Kind.PREMISE:
                    supports.setdefault(child.claim.key, []).append(item.claim.key)
        declared = list(dict.fromkeys(self.declared))
        circular = _in_cycles(supports, [(s, t) for s, r, t in declared
                                         if r is Relation.SUPPORT])
        for source, relation, target in declared:
            item = self.items[source]
            if relation is Relation.ATTACK:
                item.attacks.append(target)
            elif source in circular and target in circular \
                    and self._leads_to(target, source, supports):
                item.claim.comments.append(
                    f"In the source this also supported {_label(self.items[target])}; left "
                    "out, since that closes a circle of supports (AM103).")
                self.graph.dropped.append(
                    f"{_label(item)} supports {_label(self.items[target])}: left out, it "
                    "would close a circle of supports")
            else:
                item.supports.append(target)
                supports.setdefault(source, []).append(target)

    @staticmethod
    def _leads_to(start: str, goal: str, supports: dict[str, list[str]]) -> bool:
        seen = {start}
        queue = deque([start])
        while queue:
            key = queue.popleft()
            if key == goal:
                return True
            for step in supports.get(key, ()):
                if step not in seen:
                    seen.add(step)
                    queue.append(step)
        return False


def _in_cycles(nested: dict[str, list[str]], extra: list[tuple[str, str]]) -> set[str]:
    """Claims on a circle of supports or after one: those Kahn's algorithm leaves over."""
    edges: dict[str, list[str]] = {key: list(targets) for key, targets in nested.items()}
    for source, target in extra:
        edges.setdefault(source, []).append(target)
    indegree: dict[str, int] = {}
    for source, targets in edges.items():
        indegree.setdefault(source, 0)
        for target in targets:
            indegree[target] = indegree.get(target, 0) + 1
    ready = deque(key for key, count in indegree.items() if count == 0)
    while ready:
        for target in edges.get(ready.popleft(), ()):
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)
    return {key for key, count in indegree.items() if count > 0}


def _label(item: Item) -> str:
    return short(item.claim.name or item.claim.text)





def _clean(graph: Graph) -> list[Link]:
    """The links without self-loops and repeats; a self-loop is reported."""
    seen: set[tuple[tuple[str, ...], str, Relation, str | None]] = set()
    kept: list[Link] = []
    for link in graph.links:
        sources = tuple(dict.fromkeys(s for s in link.sources if s != link.target))
        if not sources:
            claim = graph.claims[link.target]
            graph.dropped.append(f"{short(claim.name or claim.text)} "
                                 f"{link.relation.value} itself: left out")
            continue
        key = (sources, link.target, link.relation, link.undercut)
        if key not in seen:
            seen.add(key)
            kept.append(Link(sources, link.target, link.relation, link.comment,
                             link.undercut))
    return kept
