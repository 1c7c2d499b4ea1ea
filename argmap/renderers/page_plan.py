"""The page-shape planner: where each node hangs, and how wide maps fold towards a page.

Reasons with no reasons of their own hang in columns under their conclusion, with their
arrows running beside the column, and inside each branch of the thesis later parts are
set on shelves below earlier ones, so a wide map folds towards the page shape asked for
(16:9 unless told otherwise).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from argmap.model import ArgMap, Kind, Node
from argmap.renderers.dot_style import NODESEP, RANKSEP, DotOptions
from argmap.renderers.text_measure import NodeText


@dataclass(frozen=True)
class _Block:
    """The room a part of the drawing needs: `breadth` along a rank, `depth` in ranks."""

    breadth: float
    depth: int


@dataclass(frozen=True)
class Part:
    """What hangs under a node as one piece: a subtree, a linked group, or a leaf column."""

    key: str  # the first node's id, or the linked group's junction key
    nodes: tuple[Node, ...]
    shape: str  # "tree", "linked" or "column"


@dataclass
class Plan:
    """Where each node hangs, which leaves form columns, and how far down each shelf is."""

    under: dict[str, list[Node]] = field(default_factory=dict)
    hangs_from: dict[str, str] = field(default_factory=dict)
    parts: dict[str, list[Part]] = field(default_factory=dict)
    above: dict[str, str] = field(default_factory=dict)
    #: Extra ranks on the edge to a part, by the part's key.
    drop: dict[str, int] = field(default_factory=dict)
    #: For each leaf in a column, the side of the column ("e" or "w") that faces the
    #: node the column hangs from: its arrow runs up that side.
    side: dict[str, str] = field(default_factory=dict)

    #: Each node's level once asked for (see `level`).
    levels: dict[str, int] = field(default_factory=dict)

    def level(self, index: Mapping[str, Node], node_id: str) -> int:
        """About how many ranks below its map's top rank the node is drawn.

        Counted from the plan (shelves, columns, junctions), so it is known before
        Graphviz runs; Graphviz may still move a node further down. Each node's level
        is kept, so asking for every node of a long chain takes linear time.
        """
        steps = []
        while node_id in self.hangs_from and node_id not in self.levels:
            node, upper = index[node_id], self.hangs_from[node_id]
            if node.group is not None and node.parent == upper:
                step = 2 + self.drop.get(junction_key(upper, node.group), 0)
            else:
                top, step = node_id, 0
                while top in self.above:
                    top, step = self.above[top], step + 1
                step += 1 + self.drop.get(top, 0)
            steps.append((node_id, step))
            node_id = upper
        level = self.levels.get(node_id, 0)
        for below, step in reversed(steps):
            level += step
            self.levels[below] = level
        return level

    def descendants(self, node_id: str) -> Iterator[str]:
        """The ids hanging under `node_id`, directly or not, in drawing order."""
        stack = [child.id for child in reversed(self.under.get(node_id, []))]
        while stack:
            current = stack.pop()
            yield current
            stack.extend(child.id for child in reversed(self.under.get(current, [])))


class Planner:
    """Hangs every node under one other, then folds the tree towards the page shape.

    Folding: under a node, the blocks of its parts go side by side on a shelf until the
    shelf reaches a breadth limit; the next ones go on a shelf below, their edges made
    longer to reach it. The thesis's parts stay on one row; each is folded with the
    limit that keeps it narrowest within a common depth, and the depth chosen is the
    one that lets the drawing fit the smallest page of the wanted shape.
    """

    def __init__(self, amap: ArgMap, texts: Mapping[str, NodeText], options: DotOptions) -> None:
        self.amap = amap
        self.texts = texts
        self.options = options
        self.across = options.direction == "TB"  # leaves can be stacked in columns
        self.plan = Plan()
        self.rank_size = self._rank_size()
        #: Each node's block with no limit. Folding a subtree with a limit at least its
        #: breadth unfolded breaks no shelf in it, so the block is the same: the trial
        #: folds reuse it instead of folding the subtree again for every limit.
        self._whole: dict[str, _Block] = {}

    def make(self) -> Plan:
        index = self.amap.index()
        self.plan.hangs_from = hang(self.amap)
        for node in self.amap.walk():
            upper = self.plan.hangs_from.get(node.id)
            if upper is not None and index[node.id] is node:
                self.plan.under.setdefault(upper, []).append(node)
        for node_id in index:
            self.plan.parts[node_id] = self._parts(node_id)
        self._fold_thesis()
        return self.plan

    def _fold_thesis(self) -> None:
        parts = self.plan.parts[self.amap.thesis.id]
        narrowest = max(self._breadth(node) for node in self.amap.index().values())
        choices = [self._choices(part, narrowest) for part in parts]
        depths = sorted({block.depth for options in choices for block, _ in options})
        best: tuple[float, list[float]] = (math.inf, [])
        for depth in depths:
            picked = [_narrowest_within(options, depth) for options in choices]
            row = _row([block for block, _ in picked])
            best = min(best, (self._page_width(_Block(row.breadth, row.depth + 1)),
                              [limit for _, limit in picked]))
        shelf = [(part, self._block(part, limit, record=True))
                 for part, limit in zip(parts, best[1], strict=True)]
        self._sides(shelf)

    def _choices(self, part: Part, narrowest: float) -> list[tuple[_Block, float]]:
        widest = self._block(part, math.inf, record=False).breadth
        return [(self._block(part, limit, record=False), limit)
                for limit in _steps(narrowest, widest)]

    def _rank_size(self) -> float:
        """A rank is as deep as the deepest node in it; most ranks hold many nodes."""
        sizes = sorted(t.height if self.across else t.width for t in self.texts.values())
        return (sizes[len(sizes) * 9 // 10] if sizes else 1.0) + RANKSEP

    def _page_width(self, block: _Block) -> float:
        """The width of the smallest page of the wanted shape the drawing fits on.

        The smaller it is, the larger the text when the page is shown on a screen.
        """
        length = block.depth * self.rank_size
        width, height = (block.breadth, length) if self.across else (length, block.breadth)
        return max(width, height * self.options.fold_to)

    def _breadth(self, node: Node) -> float:
        text = self.texts[node.id]
        return text.width if self.across else text.height

    def _fold(self, node: Node, limit: float, record: bool,
              folded: Mapping[str, _Block]) -> _Block:
        """`node` with its parts on shelves; the nodes in its parts are in `folded`."""
        widest, depth = self._breadth(node), 0
        breadth, shelf_depth, drop = 0.0, 0, 0
        shelf: list[tuple[Part, _Block]] = []
        for part in self.plan.parts[node.id]:
            block = self._part_block(part, limit, record, folded)
            if breadth and breadth + NODESEP + block.breadth > limit:
                drop += shelf_depth
                breadth, shelf_depth = 0.0, 0
                if record:
                    self._sides(shelf)
                shelf = []
            shelf.append((part, block))
            breadth += (NODESEP if breadth else 0.0) + block.breadth
            shelf_depth = max(shelf_depth, block.depth)
            widest, depth = max(widest, breadth), max(depth, drop + shelf_depth)
            if record and drop:
                for key in self._heads(part):
                    self.plan.drop[key] = drop
        if record:
            self._sides(shelf)
        margin = 0.3 if node.kind is Kind.OBJECTION and node.parent is None else 0.0
        return _Block(widest + margin, depth + 1)

    def _sides(self, shelf: Sequence[tuple[Part, _Block]]) -> None:
        """Record which side of each column on one shelf faces the node above the shelf.

        That node is drawn about over the middle of the shelf: a column left of the
        middle has its arrows run up its right side, and the other way round.
        """
        middle = _row([block for _, block in shelf]).breadth / 2
        start = 0.0
        for part, block in shelf:
            if part.shape == "column":
                # Leaves fill the columns in order: a leaf with none above starts one.
                count = sum(leaf.id not in self.plan.above for leaf in part.nodes)
                column = -1
                for leaf in part.nodes:
                    column += leaf.id not in self.plan.above
                    centre = start + (column + 0.5) * block.breadth / count
                    self.plan.side[leaf.id] = "e" if centre < middle else "w"
            start += block.breadth + NODESEP

    def _heads(self, part: Part) -> list[str]:
        """The keys of the edges that reach `part` from the node it hangs under."""
        if part.shape != "column":
            return [part.key]
        return [leaf.id for leaf in part.nodes if leaf.id not in self.plan.above]

    def _block(self, part: Part, limit: float, record: bool) -> _Block:
        """The room `part` needs with shelves no broader than `limit`.

        Nodes are folded deepest first, without recursion: a chain of thousands of
        rebuttals, each answering the one before, hangs thousands of levels deep.
        """
        order: list[Node] = []
        folded: dict[str, _Block] = {}
        stack = [] if part.shape == "column" else list(part.nodes)
        while stack:
            node = stack.pop()
            whole = self._whole.get(node.id)
            if not record and whole is not None and whole.breadth <= limit:
                folded[node.id] = whole  # nothing under it would fold
                continue
            order.append(node)
            stack.extend(below for inner in self.plan.parts[node.id]
                         if inner.shape != "column" for below in inner.nodes)
        for node in reversed(order):
            folded[node.id] = block = self._fold(node, limit, record, folded)
            if limit == math.inf and not record:
                self._whole[node.id] = block
        return self._part_block(part, limit, record, folded)

    def _part_block(self, part: Part, limit: float, record: bool,
                    folded: Mapping[str, _Block]) -> _Block:
        if part.shape == "column":
            return self._columns(part.nodes, limit, record)
        row = _row([folded[node.id] for node in part.nodes])
        return _Block(row.breadth, row.depth + (part.shape == "linked"))

    def _columns(self, leaves: Sequence[Node], limit: float, record: bool) -> _Block:
        """Leaves in as many columns side by side as the limit allows, filled in order."""
        width = max(self._breadth(leaf) for leaf in leaves) + 0.15
        fits = (limit + NODESEP) / (width + NODESEP)
        count = len(leaves) if fits >= len(leaves) else max(1, int(fits))
        height = math.ceil(len(leaves) / count)
        if record:
            for i, leaf in enumerate(leaves):
                if i % height:
                    self.plan.above[leaf.id] = leaves[i - 1].id
        count = math.ceil(len(leaves) / height)
        return _Block(count * width + (count - 1) * NODESEP + 0.15 * height, height)

    def _parts(self, node_id: str) -> list[Part]:
        """What hangs under `node_id`: linked groups, subtrees, and leaves in columns.

        Leaves that support and leaves that attack go in separate columns, so the two
        kinds of arrow do not interleave.
        """
        parts: list[Part] = []
        members: dict[str, list[Node]] = {}
        column_of: dict[bool, str] = {}
        for child in self.plan.under.get(node_id, []):
            if child.group is not None and child.parent == node_id:
                key = junction_key(node_id, child.group)
                shape = "linked"
            elif self.across and self.options.columns and child.id not in self.plan.under:
                key = column_of.setdefault(child.kind is Kind.PREMISE, child.id)
                shape = "column"
            else:
                key, shape = child.id, "tree"
            if key not in members:
                parts.append(Part(key, (), shape))
            members.setdefault(key, []).append(child)
        return [Part(part.key, tuple(members[part.key]), part.shape) for part in parts]


def _narrowest_within(options: Sequence[tuple[_Block, float]],
                      depth: int) -> tuple[_Block, float]:
    fitting = [option for option in options if option[0].depth <= depth]
    if not fitting:
        return min(options, key=lambda option: (option[0].depth, option[0].breadth))
    return min(fitting, key=lambda option: (option[0].breadth, option[0].depth))


def _steps(low: float, high: float, count: int = 16) -> Iterator[float]:
    """`count` + 1 limits from `low` to `high`, each a fixed factor above the one before."""
    if high <= low:
        yield high
        return
    for step in range(count + 1):
        yield low * (high / low) ** (step / count)


def _row(blocks: Sequence[_Block]) -> _Block:
    if not blocks:
        return _Block(0.0, 0)
    breadth = sum(block.breadth for block in blocks) + NODESEP * (len(blocks) - 1)
    return _Block(breadth, max(block.depth for block in blocks))


def hang(amap: ArgMap) -> dict[str, str]:
    """The id of the node each node hangs under in the drawing, by id.

    A nested node hangs under its parent and an objection under the thesis. A
    free-standing attacker hangs under the first node of this map it attacks, unless
    that would close a loop (two rebuttals that attack each other); then it hangs
    under nothing, like the thesis.
    """
    index = amap.index()
    upper: dict[str, str] = {}
    # The top of each node's chain, found with shortcuts (union-find), so a chain of
    # thousands of rebuttals costs no more than a bushy map of the same size.
    top: dict[str, str] = {}
    for node in amap.walk():
        if index[node.id] is not node:
            continue
        for candidate in _uppers(amap, index, node):
            # `node` hangs under nothing yet, so going up from `candidate` reaches it
            # only if it is the top of `candidate`'s chain.
            if _top(top, candidate) != node.id:
                upper[node.id] = top[node.id] = candidate
                break
    return upper


def _uppers(amap: ArgMap, index: Mapping[str, Node], node: Node) -> Iterator[str]:
    if node.parent is not None:
        if node.parent in index:
            yield node.parent
    elif node.kind is Kind.OBJECTION:
        yield amap.thesis.id
    elif node.kind is not Kind.THESIS:
        own = {below.id for below in node.walk()}
        yield from (ref.id for ref in node.attacks
                    if ref.map in (None, amap.id) and ref.id in index and ref.id not in own)


def _top(top: dict[str, str], start: str) -> str:
    """The node reached by going up from `start` as far as possible; shortens the way."""
    end = start
    while end in top:
        end = top[end]
    while start != end:
        top[start], start = end, top[start]
    return end


def junction_key(node_id: str, group: int) -> str:
    return f"~linked {node_id} {group}"
