"""Which nodes go on which slide: an overview, then each branch of the thesis, split to fit.

The overview draws the thesis and what hangs directly under it (its reasons, the
objections to it, free-standing attacks on it). Every one of those with something under
it then gets slides of its own: the branch's top node and, level by level, what supports
or answers it, as much as fits one slide. What does not fit continues on the next
slides, each from one node, drawn compact with the way from the thesis down to it;
neighbouring slides of a branch that fit together are then drawn as one.

A linked group of premises is never split: its members meet at one junction. Whether a
slide fits is asked of `fits`, which draws it (with Graphviz) and measures its text; the
planner itself knows nothing of Graphviz, so it can be tested with any rule.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from argmap.model import ArgMap
from argmap.problem import ArgmapError
from argmap.renderers.page_plan import hang


@dataclass(frozen=True)
class Slide:
    """One slide: the nodes it draws in full, and the ones it draws compact for context."""

    #: The top node of the branch the slide belongs to (the thesis for the overview).
    branch: str
    #: Drawn in full: the nodes the slide is about.
    kept: frozenset[str]
    #: Drawn compact: the way from the thesis down to the kept nodes.
    context: frozenset[str]
    #: Which slide of its branch this is, from 1, and how many the branch has.
    part: int = 1
    parts: int = 1
    #: Kept nodes with nodes below them left to later slides: how many, and the index
    #: (from 0) of the slide that goes on with them.
    continued: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    #: The overview: the thesis and what hangs directly under it.
    overview: bool = False


#: The deepest branch a deck is made of (the bundled maps go 5 levels deep).
MAX_DEPTH = 16
#: Asked whether a slide fits; its `continued` marks say `+99 more on slide 99`.
Fits = Callable[[Slide], bool]
#: The widest a continued mark can be, for the slides tried before they are numbered.
_PLACEHOLDER = (99, 98)


class DeckPlan:
    """Plans a map's slides; `fits` says whether a set of nodes fits one slide."""

    def __init__(self, amap: ArgMap, fits: Fits) -> None:
        self.amap = amap
        self.fits = fits
        self.index = amap.index()
        self.upper = hang(amap)
        self.under: dict[str, list[str]] = {}
        for node_id in self.index:
            if node_id in self.upper:
                self.under.setdefault(self.upper[node_id], []).append(node_id)
        _refuse_deep(amap, self.upper)

    def slides(self) -> list[Slide]:
        thesis = self.amap.thesis.id
        tops = self.under.get(thesis, [])
        # Attackers that hang under nothing (they attack each other in a loop) are
        # drawn beside the thesis, as in `argmap render`.
        free = [node_id for node_id in self.index
                if node_id != thesis and node_id not in self.upper]
        jobs: list[tuple[str, list[list[str]], bool]] = [
            (thesis, self._units(thesis) + [[node_id] for node_id in free], True)]
        jobs += [(top, self._units(top), False) for top in [*tops, *free]
                 if self.under.get(top)]
        slides: list[Slide] = []
        for branch, units, overview in jobs:
            slides.extend(self._branch(branch, units, overview))
        return _linked(slides, self.under)

    def _units(self, node_id: str) -> list[list[str]]:
        """What hangs under `node_id`, each linked group of premises as one unit."""
        units: list[list[str]] = []
        groups: dict[int, list[str]] = {}
        for child in self.under.get(node_id, []):
            node = self.index[child]
            if node.group is not None and node.parent == node_id:
                if node.group not in groups:
                    groups[node.group] = []
                    units.append(groups[node.group])
                groups[node.group].append(child)
            else:
                units.append([child])
        return units

    def _branch(self, branch: str, units: list[list[str]], overview: bool) -> list[Slide]:
        """The slides of one branch: level by level, as much as fits each slide.

        What a slide leaves out goes on next, one node's leftovers at a time, so a
        slide goes on from one place, not from several levels at once. That node was
        drawn in full before: on the slides that go on from it, it is drawn compact.
        """
        slides: list[Slide] = []
        queue: list[tuple[str, list[list[str]]]] = [(branch, units)]
        while queue:
            anchor, units = queue.pop(0)
            anchors = frozenset({anchor}) if overview or not slides else frozenset()
            order = units if overview else self._level_order(units)
            count = self._most_that_fit(anchors, order, overview)
            if count < len(order):
                # As many slides as it takes, evened out: no slide of one lonely node.
                even = math.ceil(len(order) / math.ceil(len(order) / count))
                if even < count and self._fit(anchors, order[:even], overview):
                    count = even
            kept = anchors | {node_id for unit in order[:count] for node_id in unit}
            slides.append(self._slide(branch, kept, overview))
            if overview:
                if order[count:]:
                    queue.insert(0, (anchor, order[count:]))
                continue
            left: dict[str, list[list[str]]] = {}
            for unit in order[count:]:
                if self.upper[unit[0]] in kept | {anchor}:
                    left.setdefault(self.upper[unit[0]], []).append(unit)
            place = {node_id: i for i, node_id in enumerate(self.index)}
            queue[:0] = sorted(left.items(), key=lambda item: place[item[0]])
        if not overview:
            slides = self._merged(slides)
        count = len(slides)
        return [Slide(s.branch, s.kept, s.context, i + 1, count, overview=overview)
                for i, s in enumerate(slides)]

    def _merged(self, slides: list[Slide]) -> list[Slide]:
        """Neighbouring slides of a branch drawn as one wherever the two fit together."""
        merged = slides[:1]
        for slide in slides[1:]:
            both = self._slide(slide.branch, merged[-1].kept | slide.kept, False)
            if self.fits(self._marked(both)):
                merged[-1] = both
            else:
                merged.append(slide)
        return merged

    def _slide(self, branch: str, kept: frozenset[str], overview: bool) -> Slide:
        return Slide(branch, kept, self._context(kept, overview), overview=overview)

    def _marked(self, slide: Slide) -> Slide:
        """`slide` with the widest continued mark on every node with nodes left out."""
        shown = slide.kept | slide.context
        marks = {node_id: _PLACEHOLDER for node_id in shown
                 if any(below not in shown for below in self.under.get(node_id, ()))}
        return Slide(slide.branch, slide.kept, slide.context, continued=marks,
                     overview=slide.overview)

    def _level_order(self, units: list[list[str]]) -> list[list[str]]:
        """`units` and every unit below them, level by level: a prefix hangs together."""
        order, level = [], list(units)
        while level:
            order.extend(level)
            level = [below for unit in level for node_id in unit
                     for below in self._units(node_id)]
        return order

    def _most_that_fit(self, anchors: frozenset[str], order: Sequence[list[str]],
                       overview: bool) -> int:
        """The longest prefix of `order` that fits one slide with `anchors` (at least 1)."""
        if self._fit(anchors, order, overview):
            return len(order)
        low, high = 1, len(order) - 1  # low: fits or is the least there can be
        while low < high:
            middle = (low + high + 1) // 2
            if self._fit(anchors, order[:middle], overview):
                low = middle
            else:
                high = middle - 1
        return low

    def _fit(self, anchors: frozenset[str], units: Sequence[list[str]], overview: bool) -> bool:
        kept = anchors | {node_id for unit in units for node_id in unit}
        return self.fits(self._marked(self._slide(self.amap.thesis.id, kept, overview)))

    def _context(self, kept: frozenset[str], overview: bool) -> frozenset[str]:
        if overview:
            return frozenset()
        above: set[str] = set()
        for node_id in kept:
            while node_id in self.upper and self.upper[node_id] not in above:
                node_id = self.upper[node_id]
                above.add(node_id)
        return frozenset(above - kept)


def _refuse_deep(amap: ArgMap, upper: Mapping[str, str]) -> None:
    """An error for a branch deeper than `MAX_DEPTH`: every slide past it would carry a
    longer way down from the thesis, so the deck would grow with the square of the
    depth and its text shrink past reading."""
    depth: dict[str, int] = {}
    for start in upper:
        chain, node_id = [], start
        while node_id in upper and node_id not in depth:
            chain.append(node_id)
            node_id = upper[node_id]
        level = depth.get(node_id, 0)
        for below in reversed(chain):
            level += 1
            depth[below] = level
    if depth and max(depth.values()) > MAX_DEPTH:
        deepest = max(depth, key=depth.__getitem__)
        raise ArgmapError(
            f"`{deepest}` hangs {depth[deepest]} levels below the thesis of `{amap.id}`; "
            f"slides draw branches at most {MAX_DEPTH} levels deep", exit_code=1,
            hint=f"Draw that branch with `argmap render {amap.id} --focus ID --depth N`, "
            "or answer the claims of a long chain side by side instead of each the one "
            "before.")


def _linked(slides: list[Slide], under: Mapping[str, list[str]]) -> list[Slide]:
    """Each slide with, for every kept node with nodes below it first drawn later, how
    many those are and which slide goes on with them."""
    first: dict[str, int] = {}
    for i, slide in enumerate(slides):
        for node_id in slide.kept:
            first.setdefault(node_id, i)
    linked = []
    for i, slide in enumerate(slides):
        continued: dict[str, tuple[int, int]] = {}
        for node_id in sorted(slide.kept | slide.context):
            hidden = [below for below in under.get(node_id, ()) if first.get(below, -1) > i]
            if hidden:
                # On the overview, the thesis goes on with more of what hangs under it;
                # elsewhere, a node goes on with everything under what is left out.
                count = len(hidden) if slide.overview and node_id == slide.branch else \
                    _count_below(under, hidden)
                continued[node_id] = (count, min(first[below] for below in hidden))
        linked.append(Slide(slide.branch, slide.kept, slide.context, slide.part,
                            slide.parts, continued, slide.overview))
    return linked


def _count_below(under: Mapping[str, list[str]], tops: Sequence[str]) -> int:
    stack, count = list(tops), 0
    while stack:
        count += 1
        stack.extend(under.get(stack.pop(), ()))
    return count
